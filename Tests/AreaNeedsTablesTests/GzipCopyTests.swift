import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

/// The gzip copy of a file, made of one member per piece compressed on every core: it must
/// decompress to exactly the file's bytes, and the same file must give the same copy.
@Suite("gzip copies made on every core")
struct GzipCopyTests {
    let folder = TemporaryFolder()

    /// Every byte `path` decompresses to, through the package's reader of gzip input.
    func decompressed(_ path: String) throws -> [UInt8] {
        let source = try openInput(path: path, options: ReadOptions(limits: ReadLimits(maxDecompressedBytes: 1 << 30))).source
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = try source.read(into: buffer)
            if got == 0 { return bytes }
            bytes += buffer[0..<got]
        }
    }

    /// How many gzip members the file holds: each starts with the magic, method 8 and
    /// flags 0, as zlib writes them, after the eight-byte trailer of the one before.
    func members(_ bytes: [UInt8]) -> Int {
        var count = 0
        var offset = 0
        while offset + 10 <= bytes.count {
            guard bytes[offset] == 0x1f, bytes[offset + 1] == 0x8b else { break }
            count += 1
            // Find the next member's header after this one's deflate data.
            guard let next = (offset + 10..<bytes.count - 3).first(where: { bytes[$0] == 0x1f && bytes[$0 + 1] == 0x8b && bytes[$0 + 2] == 8 && bytes[$0 + 3] == 0 }) else { break }
            offset = next
        }
        return count
    }

    @Test func aFileOfManyPiecesDecompressesToItsBytes() throws {
        var generator = SeededGenerator(seed: 11)
        // Three and a half pieces of table-like text, more than one round of pieces on two cores.
        var text: [UInt8] = []
        while text.count < 9 * GzipCopy.pieceSize / 2 {
            text += Array("E\(UInt32.random(in: 0...99_999_999, using: &generator)),\(Double.random(in: 0..<1, using: &generator))\n".utf8)
        }
        let plain = folder.file("table.csv", bytes: text)
        let seen = StreamingDigest()
        try GzipCopy.write(copyOf: plain, to: plain + ".gz", digest: seen)
        let copy = folder.bytes(of: "table.csv.gz")
        #expect(try decompressed(plain + ".gz") == text)
        let copyDigest = try StreamingDigest.sha256(ofFile: plain + ".gz")
        #expect(seen.bytes == copy.count && seen.finish() == copyDigest)
        #expect(members(copy) == 5)
        #expect(copy.count < text.count / 2)

        try GzipCopy.write(copyOf: plain, to: plain + ".again.gz")
        #expect(folder.bytes(of: "table.csv.again.gz") == copy)
    }

    @Test func smallAndEmptyFilesAreOrdinaryGzipFiles() throws {
        let small = folder.file("small.csv", "code,value\nE01,1\n")
        try GzipCopy.write(copyOf: small, to: small + ".gz")
        #expect(members(folder.bytes(of: "small.csv.gz")) == 1)
        #expect(try decompressed(small + ".gz") == Array("code,value\nE01,1\n".utf8))

        let empty = folder.file("empty.csv", "")
        try GzipCopy.write(copyOf: empty, to: empty + ".gz")
        #expect(folder.bytes(of: "empty.csv.gz").starts(with: [0x1f, 0x8b]))
        #expect(try decompressed(empty + ".gz").isEmpty)
    }

    @Test func aMissingFileIsAnErrorAndLeavesNoCopy() {
        let error = tableError { try GzipCopy.write(copyOf: folder.path + "/absent.csv", to: folder.path + "/absent.csv.gz") }
        #expect(error != nil)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/absent.csv.gz"))
    }
}
