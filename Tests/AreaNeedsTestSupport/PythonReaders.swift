import Foundation

/// The Python readers the release editions are checked against: DuckDB (the CSV tables'
/// column types) and openpyxl (the workbook). `scripts/setup-readers` installs them once
/// into `.build-readers/`; the tests that need them run it when they are missing and are
/// skipped, with the reason, when that fails.
package enum PythonReaders {
    /// The virtualenv's Python, or why there is none.
    package static let located: (python: String?, reason: String) = locate()

    /// Runs a Python program, given as text, with `arguments`.
    package static func run(_ python: String, program: String, _ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(python, ["-c", program] + arguments)
    }

    private static func locate() -> (python: String?, reason: String) {
        let root = FixtureProject.repository
        let python = root + "/.build-readers/bin/python"
        if !FileManager.default.fileExists(atPath: root + "/.build-readers/installed") {
            do {
                let setup = try ChildProcess.run(root + "/scripts/setup-readers", [])
                guard setup.status == 0 else {
                    let why = setup.standardError.split(separator: "\n").suffix(3).joined(separator: " / ")
                    return (nil, "duckdb and openpyxl could not be installed (scripts/setup-readers: \(why))")
                }
            } catch {
                return (nil, "duckdb and openpyxl could not be installed (scripts/setup-readers: \(error))")
            }
        }
        return FileManager.default.isExecutableFile(atPath: python) ? (python, "") : (nil, "\(python) is missing after installing")
    }
}
