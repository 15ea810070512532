import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsCore

/// The pipeline file fuzzer's committed seeds (`Fuzz/Corpus/PipelineFile`), each a hostile
/// file, read as the fuzz target reads them in the ordinary test run: each is refused
/// with a configuration error whose message holds no control character. Inputs the
/// fuzzer finds that crash the reader become seeds and cases here.
@Suite("The pipeline file fuzzer's seeds")
struct PipelineFileFuzzSeedTests {
    static let folder = FixtureProject.repository + "/Fuzz/Corpus/PipelineFile"

    static var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func thereAreSeeds() {
        #expect(Self.seeds.count >= 5)
    }

    @Test(arguments: seeds)
    func eachSeedIsRefusedAsConfiguration(name: String) {
        let path = Self.folder + "/" + name
        let loads: [(String, (String) throws -> Void)] = [
            ("pipeline", { _ = try Pipeline.load(path: $0) }), ("framework", { _ = try SocialValueFramework.load(path: $0) }),
        ]
        for (kind, load) in loads {
            do {
                try load(path)
                Issue.record("\(name) loaded as a \(kind) file")
            } catch let error as AreaNeedsError {
                #expect(error.category == .configuration, "\(name): \(error.message)")
                #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name): \(error.message.debugDescription)")
            } catch {
                Issue.record("\(name): \(error) is not an AreaNeedsError")
            }
        }
    }
}
