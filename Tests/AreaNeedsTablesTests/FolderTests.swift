import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsTables

@Suite("A folder opened once")
struct FolderTests {
    @Test func entriesAreRenamedLinkedAndRemovedInTheFolder() throws {
        let root = TemporaryFolder()
        root.file(".partial", "release")
        let folder = try Folder(path: root.path)
        try folder.rename(".partial", to: "1.0.0")
        try folder.makeLink(".latest", to: "1.0.0")
        try folder.rename(".latest", to: "latest")
        try folder.sync()
        #expect(root.text(of: "latest") == "release")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root.path + "/latest") == "1.0.0")
        try folder.remove("latest")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["1.0.0"])
    }

    @Test func failuresSayTheSystemsReason() throws {
        let root = TemporaryFolder()
        let folder = try Folder(path: root.path)
        let missing = #expect(throws: SystemError.self) { try folder.rename("absent", to: "present") }
        #expect(missing?.isMissing == true && missing?.description == "No such file or directory")
        let notAFolder = #expect(throws: SystemError.self) { try Folder(path: root.file("plain", "not a folder")) }
        #expect(notAFolder?.description.isEmpty == false)
    }
}
