import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

@Suite("Files by path, and the process")
struct FileSystemTests {
    @Test func filesAreRenamedFlushedAndRemoved() throws {
        let folder = TemporaryFolder()
        let draft = folder.file("draft", "text")
        try FileSystem.flushToDisk(draft)
        try FileSystem.flushToDisk(folder.path)
        try FileSystem.rename(draft, to: folder.path + "/final")
        #expect(folder.text(of: "final") == "text" && !FileManager.default.fileExists(atPath: draft))
        try FileSystem.remove(folder.path + "/final")
        let gone = #expect(throws: SystemError.self) { try FileSystem.remove(folder.path + "/final") }
        #expect(gone?.isMissing == true)
    }

    @Test func theProcessKnowsItselfAndOthers() {
        #expect(CurrentProcess.isRunning(CurrentProcess.id))
        #expect(!CurrentProcess.isRunning(Int32.max))
        #expect(CurrentProcess.processorCount >= 1 && CurrentProcess.processorTime > 0)
    }
}
