import AreaNeedsTestSupport
import Foundation
@testable import AreaNeedsTables

extension TemporaryFolder {
    /// Writes `bytes` gzip-compressed.
    @discardableResult
    func gzipFile(_ name: String, bytes: [UInt8]) -> String {
        file(name, bytes: gzip(bytes))
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
