import Foundation
@testable import AreaNeedsTables

/// A fresh temporary folder per test, removed when the value is dropped.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "areaneeds-tables-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` (as UTF-8) to a file in the folder and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) -> String {
        file(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func file(_ name: String, bytes: [UInt8]) -> String {
        let path = self.path + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes `bytes` gzip-compressed.
    @discardableResult
    func gzipFile(_ name: String, bytes: [UInt8]) -> String {
        file(name, bytes: gzip(bytes))
    }

    func bytes(of name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path + "/" + name) ?? Data())
    }
}

/// Compresses bytes with the library's own encoder.
func gzip(_ bytes: [UInt8]) -> [UInt8] {
    let encoder = try! GzipEncoder(path: "memory")
    var out: [UInt8] = []
    bytes.withUnsafeBytes { input in
        try! encoder.compress(input, finish: true) { (chunk) throws(TableError) in out.append(contentsOf: chunk) }
    }
    return out
}

/// Reads a whole table, returning its header and rows.
func readTable(_ path: String, _ options: ReadOptions = ReadOptions()) throws -> (header: [String], rows: [[String]]) {
    let reader = try TableReader(path: path, options: options)
    return (reader.header.names, try reader.readAll())
}

/// The TableError that `body` throws, or nil.
func tableError(_ body: () throws -> Void) -> TableError? {
    do {
        try body()
        return nil
    } catch let error as TableError {
        return error
    } catch {
        return nil
    }
}

/// The folder of real public data shared beside the repository, when it is there.
enum RealData {
    static let folder: String? = {
        if let override = ProcessInfo.processInfo.environment["AREANEEDS_REAL_DATA"] { return override }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = repository.deletingLastPathComponent().appendingPathComponent("shared/data/real").path
        return FileManager.default.fileExists(atPath: folder) ? folder : nil
    }()

    static var isPresent: Bool { folder != nil }

    static func path(_ name: String) -> String { folder! + "/" + name }
}
