import Foundation

/// The executables `swift build` put in the products folder, beside the test bundle, for
/// the tests that run them as child processes.
package enum Executables {
    /// A missing executable: the tests that need it fail with this message.
    package struct Missing: Error, CustomStringConvertible {
        package let name: String
        package let searched: [String]
        package var description: String {
            "\(name) is not built (looked in \(searched.joined(separator: ", "))): run `swift build` first, "
                + "or set AREANEEDS_PRODUCTS to the folder holding the executables"
        }
    }

    /// The path of the executable `name`.
    package static func path(_ name: String) throws -> String {
        let folders = productFolders
        for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return folder + "/" + name
        }
        throw Missing(name: name, searched: folders)
    }

    /// Runs the executable `name` as a child process (no terminal), as cron would.
    package static func run(_ name: String, _ arguments: [String], in folder: String? = nil,
                           environment: [String: String] = [:]) throws -> ChildProcess.Result {
        try ChildProcess.run(path(name), arguments, in: folder, environment: environment)
    }

    /// Where to look: `AREANEEDS_PRODUCTS`, then the folder of the running test binary
    /// (`.build/<triple>/debug/AreaNeedsPackageTests.xctest` on Linux; inside the
    /// `.xctest` bundle on macOS), then the repository's `.build/debug`.
    static var productFolders: [String] {
        var folders: [String] = []
        if let configured = ProcessInfo.processInfo.environment["AREANEEDS_PRODUCTS"] { folders.append(configured) }
        for binary in [Bundle.main.executablePath, CommandLine.arguments.first].compactMap({ $0 }) {
            var url = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent()
            // A macOS bundle: .../debug/X.xctest/Contents/MacOS/X.
            while url.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) && url.path != "/" {
                url.deleteLastPathComponent()
            }
            folders.append(url.path)
        }
        folders.append(FixtureProject.repository + "/.build/debug")
        var seen: Set<String> = []
        return folders.filter { seen.insert($0).inserted }
    }
}
