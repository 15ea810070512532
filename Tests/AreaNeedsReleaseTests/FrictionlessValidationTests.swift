import AreaNeedsRelease
import AreaNeedsTestSupport
import Foundation
import Testing

/// Releases checked by the Frictionless Framework itself (`frictionless validate`, the
/// Python tool from PyPI): the descriptor, the Table Schemas, and the data against them,
/// keys and foreign keys included. The tool is installed once into `.build-frictionless/`
/// by `scripts/setup-frictionless`; where it cannot be, the tests are skipped and say why.
@Suite("Validation by the Frictionless Framework")
struct FrictionlessValidationTests {
    @Test func releaseIsAValidDataPackage() throws {
        let tool = try Frictionless.tool()
        let project = FixtureProject()
        try project.run()
        let report = try Frictionless.validate(tool, project.folder("1.0.0") + "/datapackage.json")
        #expect(report.valid, "\(report.summary)")
    }

    @Test func aChangedTableIsReportedInvalid() throws {
        let tool = try Frictionless.tool()
        let project = FixtureProject()
        try project.run()
        let copy = try copyOf(project.folder("1.0.0"))
        defer { try? FileManager.default.removeItem(atPath: copy) }
        // An area code no area has: a broken foreign key, and a wrong hash.
        let needs = copy + "/indicator_needs.csv"
        let text = try String(contentsOfFile: needs, encoding: .utf8)
        try text.replacingOccurrences(of: "\nA6,", with: "\nA9,").write(toFile: needs, atomically: true, encoding: .utf8)
        let report = try Frictionless.validate(tool, copy + "/datapackage.json")
        #expect(!report.valid)
        #expect(report.summary.contains("foreign-key"), "\(report.summary)")
    }
}

/// Finding (or installing) the `frictionless` tool, and running it.
enum Frictionless {
    /// The tool's path, or why there is none.
    static let located: (path: String?, reason: String) = locate()

    /// The tool's path; skips the test, with the reason, when it cannot be installed.
    static func tool() throws -> String {
        guard let path = located.path else { try Test.cancel(Comment(rawValue: located.reason)) }
        return path
    }

    /// `AREANEEDS_FRICTIONLESS`, else `.build-frictionless/bin/frictionless`, installing
    /// it with `scripts/setup-frictionless` when missing.
    private static func locate() -> (path: String?, reason: String) {
        if let configured = ProcessInfo.processInfo.environment["AREANEEDS_FRICTIONLESS"] {
            return FileManager.default.isExecutableFile(atPath: configured)
                ? (configured, "") : (nil, "AREANEEDS_FRICTIONLESS=\(configured) is not an executable")
        }
        let root = FixtureProject.repository
        let path = root + "/.build-frictionless/bin/frictionless"
        if !FileManager.default.fileExists(atPath: root + "/.build-frictionless/installed") {
            do {
                let setup = try ChildProcess.run(root + "/scripts/setup-frictionless", [])
                guard setup.status == 0 else {
                    let why = setup.standardError.split(separator: "\n").suffix(3).joined(separator: " / ")
                    return (nil, "frictionless could not be installed (scripts/setup-frictionless: \(why))")
                }
            } catch {
                return (nil, "frictionless could not be installed (scripts/setup-frictionless: \(error))")
            }
        }
        return FileManager.default.isExecutableFile(atPath: path) ? (path, "") : (nil, "\(path) is missing after installing")
    }

    /// What `frictionless validate --json` said.
    struct Report {
        var valid: Bool
        /// Each error's type and message, one per line, for failure messages.
        var summary: String
    }

    static func validate(_ tool: String, _ descriptor: String) throws -> Report {
        let result = try ChildProcess.run(tool, ["validate", "--json", descriptor])
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(result.standardOutput.utf8)) else {
            return Report(valid: false, summary: "not a JSON report: \(result.transcript)")
        }
        var lines: [String] = []
        for task in json["tasks"]?.array ?? [] {
            for error in task["errors"]?.array ?? [] {
                lines.append("\(error["type"]?.string ?? "?"): \(error["message"]?.string ?? "")")
            }
        }
        for error in json["errors"]?.array ?? [] {
            lines.append("\(error["type"]?.string ?? "?"): \(error["message"]?.string ?? "")")
        }
        return Report(valid: json["valid"] == .bool(true) && result.status == 0, summary: lines.joined(separator: "\n"))
    }
}
