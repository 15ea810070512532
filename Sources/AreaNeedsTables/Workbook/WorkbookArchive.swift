import Foundation
internal import ZIPFoundation

/// The zip archive that an Excel workbook is, read with ZIPFoundation: its parts listed,
/// and each inflated as a stream, chunk by chunk, never held whole.
///
/// The decompressed size of a part is counted as it is inflated and the read stops past
/// `limit`: the sizes the archive declares are not trusted, so a zip bomb is refused early.
final class WorkbookArchive {
    let path: String
    private let archive: Archive
    /// The parts by their path inside the archive.
    private let entries: [String: Entry]
    /// The size of the chunks parts are inflated in.
    private static let chunkSize = 1 << 17

    /// Opens the archive at `path` and lists its parts.
    init(path: String) throws(TableError) {
        self.path = path
        try WorkbookArchive.checkEndRecord(path: path)
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw TableError(.corruptWorkbook(reason: "it is not a readable zip archive"), file: path)
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let name = entry.path.replacingOccurrences(of: "\\", with: "/")
            if entries[name] == nil { entries[name] = entry }
        }
        self.entries = entries
    }

    /// Whether the archive has a part at `part`.
    func contains(_ part: String) -> Bool {
        entry(part) != nil
    }

    /// The size `part` declares it inflates to (for display and progress only).
    func declaredSize(of part: String) -> Int? {
        entry(part).map { Int(clamping: $0.uncompressedSize) }
    }

    /// Inflates `part`, handing each chunk to `body` as it comes; throws past `limit`
    /// bytes, on damage, or with what `body` throws. `body` may stop the read early by
    /// throwing `StopReading()`, which this returns quietly.
    func read(_ part: String, limit: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws(TableError) {
        guard let entry = entry(part) else {
            throw TableError(.corruptWorkbook(reason: "it has no part \(part)"), file: path)
        }
        var inflated = 0
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: WorkbookArchive.chunkSize, skipCRC32: false) { data in
                inflated += data.count
                if inflated > limit { throw TableError(.decompressedTooLarge(limit: limit), file: self.path) }
                try data.withUnsafeBytes { try body($0) }
            }
        } catch let error as TableError {
            throw error
        } catch is StopReading {
            return
        } catch {
            throw TableError(.corruptWorkbook(reason: "the compressed data of its part \(part) is damaged"), file: path)
        }
        if checksum != entry.checksum {
            throw TableError(.corruptWorkbook(reason: "its part \(part) fails its checksum"), file: path)
        }
    }

    /// The whole of a small part (at most `limit` bytes): the OpenDocument mimetype.
    func bytes(of part: String, limit: Int) throws(TableError) -> [UInt8] {
        var bytes: [UInt8] = []
        try read(part, limit: limit) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Thrown by a reader of a part that has read what it needs.
    struct StopReading: Error {}

    /// The part at `part`, matched exactly or else ignoring case, as Excel does.
    private func entry(_ part: String) -> Entry? {
        if let entry = entries[part] { return entry }
        let folded = part.lowercased()
        return entries.first { $0.key.lowercased() == folded }?.value
    }

    /// Refuses a file whose end-of-archive record is missing from its last 64 KiB, where
    /// the zip format puts it: a truncated download, or a copy cut short. (Without this,
    /// ZIPFoundation would search the whole file for the record, byte by byte.)
    private static func checkEndRecord(path: String) throws(TableError) {
        let file = try FileInput(path: path)
        let tail = min(file.size, 22 + 65_535)
        let bytes = try file.bytes(at: file.size - tail, count: tail)
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        var index = bytes.count - 22
        while index >= 0 {
            if bytes[index] == signature[0], Array(bytes[index..<index + 4]) == signature { return }
            index -= 1
        }
        throw TableError(.corruptWorkbook(reason: "the zip archive has no end record: it is truncated or not a whole file"), file: path)
    }
}
