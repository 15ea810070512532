import Foundation

/// A fresh temporary folder, removed when the value is dropped (kept when
/// `AREANEEDS_KEEP_FIXTURES` is set, for a look after the tests).
package final class TemporaryFolder: @unchecked Sendable {
    package let path: String

    package init(_ prefix: String = "areaneeds-test") {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        if ProcessInfo.processInfo.environment["AREANEEDS_KEEP_FIXTURES"] == nil {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Writes `text` (as UTF-8) to a file in the folder and returns its path.
    @discardableResult
    package func file(_ name: String, _ text: String) -> String {
        file(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to a file in the folder and returns its path.
    @discardableResult
    package func file(_ name: String, bytes: [UInt8]) -> String {
        let path = self.path + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    package func bytes(of name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path + "/" + name) ?? Data())
    }

    package func text(of name: String) -> String {
        String(decoding: bytes(of: name), as: UTF8.self)
    }
}
