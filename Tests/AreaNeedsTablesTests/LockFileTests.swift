import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

@Suite("Lock files")
struct LockFileTests {
    @Test func oneHolderAtATimeAndWhatItRecords() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/.lock"
        let first = try LockFile(path: path)
        let second = try LockFile(path: path)
        #expect(try first.tryLock())
        #expect(try !second.tryLock())
        try first.record("pid 1\n")
        try first.record("pid 2\n")
        #expect(folder.text(of: ".lock") == "pid 2\n")
        first.unlock()
        #expect(try second.tryLock())
    }

    @Test func aLockFileIsFreedWhenItsHolderIsDropped() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/.lock"
        do {
            let holder = try LockFile(path: path)
            #expect(try holder.tryLock())
        }
        #expect(try LockFile(path: path).tryLock())
    }

    @Test func aLinkPlantedAsTheLockIsRefusedAndItsTargetUntouched() throws {
        let folder = TemporaryFolder()
        let victim = TemporaryFolder()
        victim.file("precious", "untouched\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/.lock", withDestinationPath: victim.path + "/precious")
        let byPath = #expect(throws: SystemError.self) { try LockFile(path: folder.path + "/.lock") }
        #expect(byPath?.isLink == true)
        let inFolder = #expect(throws: SystemError.self) { try Folder(path: folder.path).lockFile(".lock") }
        #expect(inFolder?.isLink == true)
        // A dangling link is not followed to make a file either.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/.other", withDestinationPath: victim.path + "/made")
        #expect(throws: SystemError.self) { try Folder(path: folder.path).lockFile(".other") }
        #expect(victim.text(of: "precious") == "untouched\n")
        #expect(!FileManager.default.fileExists(atPath: victim.path + "/made"))
    }

    @Test func aLockThatIsNotARegularFileIsRefused() throws {
        let folder = TemporaryFolder()
        _ = try FolderTests.fifo(".lock", in: folder)
        #expect(throws: SystemError.self) { try LockFile(path: folder.path + "/.lock") }
        try FileManager.default.createDirectory(atPath: folder.path + "/.dir", withIntermediateDirectories: false)
        #expect(throws: SystemError.self) { try Folder(path: folder.path).lockFile(".dir") }
        let lock = try Folder(path: folder.path).lockFile(".fresh")
        #expect(try lock.tryLock())
    }
}
