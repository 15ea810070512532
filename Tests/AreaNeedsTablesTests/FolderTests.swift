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

    /// A FIFO named `name` in `folder`, made by mkfifo(1).
    static func fifo(_ name: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.path + "/" + name
        let made = try ChildProcess.run("/usr/bin/env", ["mkfifo", path])
        #expect(made.status == 0, "\(made.transcript)")
        return path
    }

    @Test func entriesAreToldApartWithoutFollowingLinks() throws {
        let root = TemporaryFolder()
        root.file("plain", "text")
        try FileManager.default.createDirectory(atPath: root.path + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/to-sub", withDestinationPath: "sub")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/dangling", withDestinationPath: "nowhere")
        _ = try FolderTests.fifo("pipe", in: root)
        let folder = try Folder(path: root.path)
        #expect(folder.kind(of: "plain") == .file)
        #expect(folder.kind(of: "sub") == .folder)
        #expect(folder.kind(of: "to-sub") == .link)
        #expect(folder.kind(of: "dangling") == .link)
        #expect(folder.kind(of: "pipe") == .other)
        #expect(folder.kind(of: "absent") == .missing)
        #expect(try folder.linkTarget("to-sub") == "sub")
        #expect(Folder.kind(ofPath: root.path + "/to-sub") == .link)
        #expect(Folder.kind(followingPath: root.path + "/to-sub") == .folder)
        #expect(Folder.kind(ofPath: "/dev/null") == .other)
        #expect(try folder.names().sorted() == ["dangling", "pipe", "plain", "sub", "to-sub"])
    }

    @Test func aNewFileIsNeverWrittenThroughALinkNorOverAFile() throws {
        let root = TemporaryFolder()
        let victim = TemporaryFolder()
        victim.file("target", "untouched")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/planted", withDestinationPath: victim.path + "/target")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/dangling", withDestinationPath: victim.path + "/made-through-link")
        root.file("existing", "kept")
        let folder = try Folder(path: root.path)
        #expect(throws: SystemError.self) { try folder.writeNewFile("planted", Array("overwritten".utf8)) }
        #expect(throws: SystemError.self) { try folder.writeNewFile("dangling", Array("made".utf8)) }
        let taken = #expect(throws: SystemError.self) { try folder.writeNewFile("existing", Array("replaced".utf8)) }
        #expect(taken?.exists == true)
        #expect(victim.text(of: "target") == "untouched")
        #expect(!FileManager.default.fileExists(atPath: victim.path + "/made-through-link"))
        #expect(root.text(of: "existing") == "kept")
        try folder.writeNewFile("new", Array("fresh".utf8), durable: true)
        #expect(root.text(of: "new") == "fresh")
    }

    @Test func aSubfolderIsNeverReachedThroughALink() throws {
        let root = TemporaryFolder()
        let elsewhere = TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: root.path + "/linked", withDestinationPath: elsewhere.path)
        root.file("plain", "not a folder")
        let folder = try Folder(path: root.path)
        let refused = #expect(throws: SystemError.self) { try folder.subfolder("linked", creating: true) }
        #expect(refused != nil)
        #expect(throws: SystemError.self) { try folder.subfolder("plain", creating: true) }
        #expect(throws: SystemError.self) { try folder.makeSubfolder("linked") }
        let made = try folder.subfolder("made", creating: true)
        try made.writeNewFile("inside", Array("x".utf8))
        #expect(root.text(of: "made/inside") == "x")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func removingATreeRemovesItsLinksNotWhatTheyLeadTo() throws {
        let root = TemporaryFolder()
        let elsewhere = TemporaryFolder()
        elsewhere.file("keep.txt", "kept")
        try FileManager.default.createDirectory(atPath: elsewhere.path + "/inner", withIntermediateDirectories: true)
        elsewhere.file("inner/also.txt", "kept too")
        try FileManager.default.createDirectory(atPath: root.path + "/tree/a", withIntermediateDirectories: true)
        root.file("tree/a/b.txt", "gone")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/tree/file-link", withDestinationPath: elsewhere.path + "/keep.txt")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/tree/a/folder-link", withDestinationPath: elsewhere.path + "/inner")
        let folder = try Folder(path: root.path)
        try folder.removeTree("tree")
        try folder.removeTree("absent")
        #expect(folder.kind(of: "tree") == .missing)
        #expect(elsewhere.text(of: "keep.txt") == "kept")
        #expect(elsewhere.text(of: "inner/also.txt") == "kept too")
        // A link named as the tree is removed itself.
        try FileManager.default.createSymbolicLink(atPath: root.path + "/tree", withDestinationPath: elsewhere.path)
        try folder.removeTree("tree")
        #expect(elsewhere.text(of: "keep.txt") == "kept")
    }

    @Test func aFileWrittenByPathReplacesALinkThere() throws {
        let root = TemporaryFolder()
        let victim = TemporaryFolder()
        victim.file("target", "untouched")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/table.csv", withDestinationPath: victim.path + "/target")
        try FileSystem.writeFile(root.path + "/table.csv", Array("a,b\n".utf8))
        #expect(victim.text(of: "target") == "untouched")
        #expect(Folder.kind(ofPath: root.path + "/table.csv") == .file)
        #expect(root.text(of: "table.csv") == "a,b\n")
        // A link at the temporary file's name is removed, not followed.
        try FileManager.default.createSymbolicLink(atPath: root.path + "/other.csv.partial-\(CurrentProcess.id)", withDestinationPath: victim.path + "/target")
        try FileSystem.writeFile(root.path + "/other.csv", Array("c\n".utf8))
        #expect(victim.text(of: "target") == "untouched")
        #expect(root.text(of: "other.csv") == "c\n")
    }
}
