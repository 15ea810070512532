import AreaNeedsTestSupport
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
}
