import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsRelease
@testable import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Logging
import Testing

/// No output carries live content: a release the product makes holds no cell that a
/// spreadsheet would run as a formula and no control character (its inputs are refused,
/// see the broken inputs), and a release edited by hand to hold escape sequences and
/// bidirectional overrides in its names prints none of them raw, on a terminal or in the
/// report.
@Suite("No live content in any output")
struct LiveContentTests {
    /// Names with a terminal title change and bell, a screen clear, a C1 control sequence
    /// introducer, a right-to-left override and an isolate.
    static let hostile: [(original: String, replacement: String)] = [
        ("North One", "North\u{1B}]0;pwned\u{07}One\u{1B}[2J"),
        ("North Two", "\u{202E}owT htroN"),
        ("Dale", "Dale\u{9B}31m"),
        ("Households in fuel poverty", "Fuel\u{1B}[5mpoverty\u{2066}"),
    ]

    /// A published fixture release, then its names and titles edited, and its checksums
    /// and descriptor made to match again, as someone editing by hand would.
    static func editedRelease() throws -> FixtureProject {
        let project = FixtureProject()
        try BrokenInputTests.publishFirstRelease(project)
        let folder = project.releases + "/1.0.0"
        for table in ["areas.csv", "indicators.csv"] {
            var text = try String(contentsOfFile: folder + "/" + table, encoding: .utf8)
            for (original, replacement) in hostile { text = text.replacingOccurrences(of: original, with: replacement) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + table))
        }
        try reseal(folder)
        return project
    }

    /// Recomputes `SHA256SUMS` and the descriptor's hashes and sizes.
    static func reseal(_ folder: String) throws {
        let sumsPath = folder + "/SHA256SUMS"
        let names = try String(contentsOfFile: sumsPath, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) }
        var sums: [String: String] = [:]
        for name in names { sums[name] = try FileHash.sha256(ofFile: folder + "/" + name) }
        let descriptorPath = folder + "/datapackage.json"
        var descriptor = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: descriptorPath)))
        if case .object(var object) = descriptor, case .array(let resources)? = object["resources"] {
            object["resources"] = .array(resources.map { resource in
                guard case .object(var fields) = resource, let path = resource["path"]?.string else { return resource }
                fields["hash"] = .string("sha256:" + (sums[path] ?? ""))
                let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + path))?[.size] as? NSNumber
                fields["bytes"] = .integer(size?.intValue ?? 0)
                return .object(fields)
            })
            descriptor = .object(object)
        }
        try descriptor.encoded().write(to: URL(fileURLWithPath: descriptorPath))
        sums["datapackage.json"] = try FileHash.sha256(ofFile: descriptorPath)
        let text = names.map { "\(sums[$0]!)  \($0)\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: sumsPath))
        try ReleaseVerifier.verify(folder: folder)
    }

    /// Every string of a JSON document.
    static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let items): items.flatMap(strings)
        case .object(let fields): fields.values.flatMap(strings)
        default: []
        }
    }

    /// Whether `text` holds a character a terminal or a page would act on.
    static func holdsRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && SafeText.isControl($0) }
    }

    @Test(arguments: [
        ["summary"],
        ["assess", "--areas", "A1,A2,A4", "--objectives", "2,3,5", "--impact", "significant"],
        ["assess", "--areas", "A1,A2,A4", "--objectives", "2,3,5", "--impact", "significant", "--json"],
        ["advise", "--areas", "A1,A2"],
        ["advise", "--areas", "A1,A2", "--json"],
    ])
    func commandsPrintNoRawControlCharacter(arguments: [String]) throws {
        let project = try Self.editedRelease()
        let result = try Executables.run("areaneeds", arguments, in: project.root)
        #expect(result.status == 0, "\(result.transcript)")
        #expect(!Self.holdsRawControl(result.standardOutput + result.standardError), "\(result.standardOutput.debugDescription)")
        // The advice in JSON names areas by code only.
        guard arguments.prefix(1) != ["advise"] || !arguments.contains("--json") else { return }
        #expect(result.standardOutput.contains("North\\u001B]0;pwned\\u0007One") || result.standardOutput.contains("North\\u001b]0;pwned\\u0007One"),
                "\(result.standardOutput)")
        if arguments.contains("--json") {
            // Shown as JSON escapes, the answer still reads back as the names the release holds.
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8))
            #expect(Self.strings(in: json).contains("\u{202E}owT htroN"))
        }
    }

    @Test func diffPrintsNoRawControlCharacter() throws {
        let project = try Self.editedRelease()
        let later = project.releases + "/1.0.1"
        try FileManager.default.copyItem(atPath: project.releases + "/1.0.0", toPath: later)
        let needs = later + "/indicator_needs.csv"
        // Area A1's fuel poverty figure, 10%, made 12%.
        let lines = try String(contentsOfFile: needs, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("A1,fuel-poverty,") else { return String(line) }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = "12"
            return fields.joined(separator: ",")
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: needs))
        try Self.reseal(later)
        let result = try Executables.run("areaneeds", ["diff", project.releases + "/1.0.0", later], in: project.root)
        #expect(result.status == 0, "\(result.transcript)")
        #expect(result.standardOutput.contains("A1 North\\u001B]0;pwned\\u0007One\\u001B[2J: 10% -> 12%"), "\(result.standardOutput)")
        #expect(!Self.holdsRawControl(result.standardOutput + result.standardError))
    }

    @Test func theReportShowsNoRawControlCharacter() throws {
        let project = try Self.editedRelease()
        let output = project.root + "/report"
        let result = try Executables.run("areaneeds", ["report", "--release", project.releases + "/1.0.0", "--output", output], in: project.root)
        #expect(result.status == 0, "\(result.transcript)")
        var pages = 0
        for page in try FileManager.default.subpathsOfDirectory(atPath: output) where page.hasSuffix(".html") {
            let html = try String(contentsOfFile: output + "/" + page, encoding: .utf8)
            #expect(!html.unicodeScalars.contains { $0 != "\n" && $0 != "\r" && $0 != "\t" && SafeText.isControl($0) }, "\(page)")
            pages += 1
        }
        #expect(pages == 1 + 6 + 5)
        let index = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(index.contains("North\\u001B]0;pwned\\u0007One"))
    }

    /// Every text cell of a release the product made can be opened in a spreadsheet: no
    /// cell begins with a formula start (numbers aside: "-0.5" is a number) and none holds
    /// a control character.
    @Test func aPublishedReleaseHoldsNoLiveCell() throws {
        let project = FixtureProject()
        try BrokenInputTests.publishFirstRelease(project)
        let folder = project.releases + "/1.0.0"
        var cells = 0
        for table in try FileManager.default.contentsOfDirectory(atPath: folder) where table.hasSuffix(".csv") {
            let reader = try TableReader(path: folder + "/" + table, options: ReadOptions(header: .line(1)))
            try reader.forEachRecord { record in
                for text in record.texts where Double(text) == nil {
                    #expect(SafeText.problem(in: text, multiline: true) == nil, "\(table), line \(record.line): \(text.debugDescription)")
                    cells += 1
                }
            }
        }
        #expect(cells > 500)
    }
}
