import AreaNeedsTestSupport
import Foundation
import Testing

/// The `$ areaneeds ...` examples of the README and docs/assess.md, run as a reader would
/// run them on the bundled sample: each must print what the page shows. A line `...` in an
/// example stands for lines left out; `(exit N)` after an output is the command's exit code.
/// The checkout's folder is written `/srv/areaneeds` in the pages.
///
/// Set AREANEEDS_UPDATE_DOCS=1 to rewrite the examples' outputs from what the commands print.
@Suite("The documented examples, run")
struct DocumentedExamplesTests {
    static let pages = ["README.md", "docs/assess.md"]

    /// One command of a page and the output shown under it.
    struct Example {
        var page: String
        /// The line of the command in the page (0-based).
        var line: Int
        var command: String
        var output: [String]
        var exitCode: Int32
    }

    /// The sample project, published once for every example.
    static let project: String = {
        let root = NSTemporaryDirectory() + "areaneeds-docs-" + UUID().uuidString
        let repository = FixtureProject.repository
        let manager = FileManager.default
        try? manager.createDirectory(atPath: root + "/data-raw", withIntermediateDirectories: true)
        // The real published files too, when scripts/get-real-data has copied them in.
        for path in ["pipelines", "data-raw/sample", "data-raw/geography", "data-raw/framework", "data-raw/lancashire", "areaneeds.yml"] {
            try? manager.copyItem(atPath: repository + "/" + path, toPath: root + "/" + path)
        }
        _ = try? Executables.run("areaneeds", ["run", "pipelines/sample.yml", "--quiet"], in: root)
        return root
    }()

    static func examples(in page: String) -> [Example] {
        let text = (try? String(contentsOfFile: FixtureProject.repository + "/" + page, encoding: .utf8)) ?? ""
        let lines = text.components(separatedBy: "\n")
        var examples: [Example] = []
        var inBlock = false
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            guard inBlock, line.hasPrefix("$ areaneeds ") else { continue }
            var output: [String] = []
            var exitCode: Int32 = 0
            var next = index + 1
            while next < lines.count, !lines[next].hasPrefix("```"), !lines[next].hasPrefix("$ ") {
                if lines[next].hasPrefix("(exit "), let code = Int32(lines[next].dropFirst(6).prefix { $0.isNumber }) {
                    exitCode = code
                } else {
                    output.append(lines[next])
                }
                next += 1
            }
            // A blank line between two examples belongs to neither.
            while output.last == "" { output.removeLast() }
            examples.append(Example(page: page, line: index, command: String(line.dropFirst(2)), output: output, exitCode: exitCode))
        }
        return examples
    }

    /// The words of a command line, quotes removed.
    static func words(_ command: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var inWord = false
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// Runs an example; its output with the project's folder written as in the pages.
    static func run(_ example: Example) throws -> (lines: [String], status: Int32) {
        let arguments = Array(words(example.command).dropFirst())
        let result = try Executables.run("areaneeds", arguments, in: project)
        let text = (result.standardOutput + result.standardError)
            .replacingOccurrences(of: URL(fileURLWithPath: project).resolvingSymlinksInPath().path, with: "/srv/areaneeds")
            .replacingOccurrences(of: project, with: "/srv/areaneeds")
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return (lines, result.status)
    }

    /// Whether `actual` shows every part of `expected`, in order, the parts being separated by
    /// `...` lines (a part before the first `...` starts the output; one after the last ends it).
    static func matches(_ actual: [String], _ expected: [String]) -> Bool {
        let parts = expected.split(separator: "...", omittingEmptySubsequences: false).map(Array.init)
        guard parts.count > 1 else { return actual == expected }
        guard actual.starts(with: parts[0]), actual.reversed().starts(with: parts[parts.count - 1].reversed()) else { return false }
        var position = parts[0].count
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = (position...max(position, actual.count - part.count)).first(where: { Array(actual[$0..<min($0 + part.count, actual.count)]) == part }) else {
                return false
            }
            position = found + part.count
        }
        return position <= actual.count - parts[parts.count - 1].count
    }

    static var all: [Example] { pages.flatMap(examples) }

    @Test func everyPageHasExamples() {
        for page in DocumentedExamplesTests.pages {
            #expect(!DocumentedExamplesTests.examples(in: page).isEmpty, "\(page)")
        }
    }

    @Test func eachExamplePrintsWhatThePageShows() throws {
        let update = ProcessInfo.processInfo.environment["AREANEEDS_UPDATE_DOCS"] == "1"
        var rewrites: [String: [(line: Int, old: Int, new: [String])]] = [:]
        for example in DocumentedExamplesTests.all {
            // An example that needs a setup first ("# after editing ...") is prose, not run.
            if example.command.contains(" # ") { continue }
            // One on the real published files needs them copied in (scripts/get-real-data).
            if example.command.contains("data-raw/lancashire/"),
               !FileManager.default.fileExists(atPath: FixtureProject.repository + "/data-raw/lancashire") {
                print("skipped, as data-raw/lancashire is absent (scripts/get-real-data): \(example.command)")
                continue
            }
            let (lines, status) = try DocumentedExamplesTests.run(example)
            if update {
                var shown = lines
                if let elided = example.output.firstIndex(of: "...") { shown = Array(lines.prefix(elided)) + ["..."] }
                if status != 0 { shown.append("(exit \(status))") }
                let old = example.output.count + (example.exitCode != 0 ? 1 : 0)
                rewrites[example.page, default: []].append((example.line, old, shown))
                continue
            }
            #expect(status == example.exitCode, "\(example.page), line \(example.line + 1): \(example.command)")
            #expect(DocumentedExamplesTests.matches(lines, example.output), """
                \(example.page), line \(example.line + 1): `\(example.command)` prints
                \(lines.joined(separator: "\n"))
                """)
        }
        for (page, changes) in rewrites {
            let path = FixtureProject.repository + "/" + page
            var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            for change in changes.sorted(by: { $0.line > $1.line }) {
                lines.replaceSubrange((change.line + 1)..<(change.line + 1 + change.old), with: change.new)
            }
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func elidedOutputsMatchByParts() {
        #expect(DocumentedExamplesTests.matches(["a", "b", "c", "d"], ["a", "...", "d"]))
        #expect(DocumentedExamplesTests.matches(["a", "b", "c", "d"], ["a", "b", "..."]))
        #expect(!DocumentedExamplesTests.matches(["a", "b", "c", "d"], ["a", "x", "..."]))
        #expect(!DocumentedExamplesTests.matches(["a", "b"], ["a", "b", "c"]))
        #expect(DocumentedExamplesTests.words("assess --value '£250,000' --areas \"rossendale north\"") == ["assess", "--value", "£250,000", "--areas", "rossendale north"])
    }
}
