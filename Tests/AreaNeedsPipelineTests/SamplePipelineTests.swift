import AreaNeedsCLI
import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsRelease
import AreaNeedsSample
import Foundation
import Logging
import AreaNeedsTestSupport
import Testing

/// The bundled sample: the committed extracts are what the generator makes, and the sample
/// pipeline runs end to end into a sound release.
@Suite("The bundled synthetic sample")
struct SamplePipelineTests {
    static let repository = FixtureProject.repository

    @Test func committedExtractsAreWhatTheGeneratorMakes() throws {
        let folder = NSTemporaryDirectory() + "areaneeds-sample-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try SampleGenerator(geographyFolder: Self.repository + "/data-raw/geography", outputFolder: folder).generate()
        #expect(written.count == 15)
        for path in written {
            let name = (path as NSString).lastPathComponent
            #expect(name.contains("-SYNTHETIC"))
            let committed = FileManager.default.contents(atPath: Self.repository + "/data-raw/sample/" + name)
            #expect(committed == FileManager.default.contents(atPath: path), "\(name) differs from the generator's output: run `areaneeds sample generate`")
        }
    }

    @Test func samplePipelineRunsIntoASoundRelease() throws {
        let output = NSTemporaryDirectory() + "areaneeds-sample-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let pipeline = try Pipeline.load(path: Self.repository + "/pipelines/sample.yml", outputRoot: output)
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = try PipelineRunner(pipeline: pipeline, logger: logger).run()
        let release = try Release.open(try #require(outcome.releaseFolder))
        #expect(release.synthetic)
        #expect(release.title.contains("SYNTHETIC"))
        #expect(try release.areas().count == 34)
        let indicators = try release.indicators()
        #expect(indicators.count == 20)
        #expect(indicators.allSatisfy { $0.available && $0.synthetic })
        #expect(Set(indicators.map(\.objectiveId)) == [1, 2, 3, 4, 5])

        // Every indicator ranks all 34 SPAs, in quintiles of 7, 7, 7, 7 and 6 (ties aside).
        let needs = try release.indicatorNeeds()
        for indicator in indicators {
            let quintiles = needs.filter { $0.indicatorId == indicator.id }.compactMap(\.needQuintile)
            #expect(quintiles.count == 34, "\(indicator.id)")
            let sizes = (1...5).map { quintile in quintiles.filter { $0 == quintile }.count }
            if Set(needs.filter { $0.indicatorId == indicator.id }.compactMap(\.value)).count == 34 {
                #expect(sizes == [7, 7, 7, 7, 6], "\(indicator.id): \(sizes)")
            }
        }
        // Quality flags follow the source geography: wards are split, districts inherited.
        let quality = Dictionary(grouping: needs, by: \.indicatorId).mapValues { Set($0.map(\.quality)) }
        #expect(quality["median-income"] == [.inherited])
        #expect(quality["neighbourhood-needs"]?.contains(.apportioned) == true)
        #expect(quality["fuel-poverty"] == [.exact])
        // Each objective ranks every SPA.
        let objectives = try release.objectiveNeeds()
        #expect(objectives.count == 34 * 5)
        #expect(objectives.allSatisfy { $0.needQuintile != nil && $0.indicatorsRanked > 0 })
    }
}
