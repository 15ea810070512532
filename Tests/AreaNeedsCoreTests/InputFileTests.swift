import AreaNeedsTestSupport
import Foundation
import Testing
import AreaNeedsTables
@testable import AreaNeedsCore

@Suite("Describing input files")
struct InputFileTests {
    let temporary = TemporaryFolder("areaneeds-input")

    @Test func aFileJustWrittenIsDescribedWithoutReadingItAgainButAChangeIsSeen() throws {
        let path = NSTemporaryDirectory() + "areaneeds-input-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("first".utf8).write(to: URL(fileURLWithPath: path))
        let digest = StreamingDigest()
        digest.update(Array("first".utf8))
        let written = try InputFile.describeWritten(path, digest: digest)
        #expect(written.sha256 == FileHash.sha256(of: "first"))
        #expect(try InputFile.describe(path) == written)
        // Rewritten with other content and another size: hashed again.
        try Data("second, longer".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try InputFile.describe(path).sha256 == FileHash.sha256(of: "second, longer"))
    }

    /// A modification time beyond what nanoseconds in 64 bits hold (before 1677, after
    /// 2262) is kept as the bound: touching a file to the year 2300 trapped the run.
    @Test(arguments: [1e10, -1e10, 4e11])
    func datesFarFromNowAreHeld(secondsSince1970: Double) throws {
        let path = temporary.file("far.csv", "code,value\nA,1\n")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: secondsSince1970)], ofItemAtPath: path)
        let file = try InputFile.describe(path, known: [])
        #expect(file.bytes == 15)
        // The file system may hold the date it is given only so far: what is read is kept.
        #expect(secondsSince1970 > 0 ? file.modified == Int64.max : file.modified < 0)
    }
}
