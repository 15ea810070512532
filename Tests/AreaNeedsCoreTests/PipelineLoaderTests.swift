import AreaNeedsTestSupport
import Foundation
import Testing
@testable import AreaNeedsCore

@Suite("Reading pipeline files")
struct PipelineLoaderTests {
    let temporary = TemporaryFolder("areaneeds-core")
    var folder: String { temporary.path }

    static let valid = """
        pipeline: test
        title: Test pipeline
        release:
          label: test
        geography:
          areas:
            file: areas.csv
          lookups:
            - geography: lsoa11
              file: lsoa11.csv
        indicators:
          - id: fuel-poverty
            title: Households in fuel poverty
            objective: 5
            polarity: higher-is-worse
            unit: "%"
            vintage: "2020"
            aggregation: rate
            scale: 100
            source:
              file: fuel.csv
              geography: lsoa11
              area-code: LSOA Code
              numerator: Fuel poor
              denominator: Households
          - id: wellbeing
            title: Self-reported wellbeing
            objective: 3
            polarity: higher-is-better
            unit: score
            vintage: "2023"
            unavailable: No source this year
        """

    func write(_ text: String, name: String = "pipeline.yml") -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func loadError(_ text: String) -> AreaNeedsError? {
        do {
            _ = try Pipeline.load(path: write(text))
            return nil
        } catch {
            return error
        }
    }

    @Test func loadsAValidFile() throws {
        let pipeline = try Pipeline.load(path: write(Self.valid))
        #expect(pipeline.name == "test")
        #expect(pipeline.file.indicators.map(\.id) == ["fuel-poverty", "wellbeing"])
        #expect(pipeline.file.indicators[0].source?.numerator == FieldSpec(column: "Fuel poor"))
        #expect(pipeline.file.checks.severity(.unknownSmallArea) == .error)
        #expect(pipeline.resolve("fuel.csv") == folder + "/fuel.csv")
        #expect(pipeline.releasesFolder == URL(fileURLWithPath: folder + "/../data-out/test").standardizedFileURL.path)
    }

    @Test func rankingWithinDistrictsIsOptional() throws {
        #expect(try Pipeline.load(path: write(Self.valid)).file.ranking.withinDistrict == false)
        let text = Self.valid.replacingOccurrences(of: "indicators:\n", with: "ranking: {within-district: true}\nindicators:\n")
        #expect(try Pipeline.load(path: write(text, name: "districts.yml")).file.ranking.withinDistrict == true)
        let misspelt = Self.valid.replacingOccurrences(of: "indicators:\n", with: "ranking: {within-districts: true}\nindicators:\n")
        #expect(loadError(misspelt)?.message.contains("unknown key \"within-districts\"; this section takes within-district") == true)
    }

    @Test func unknownKeyIsAnErrorWithLineAndKey() {
        let text = Self.valid.replacingOccurrences(of: "    aggregation: rate", with: "    agregation: rate")
        let error = loadError(text)
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("line 18") == true)
        #expect(error?.message.contains("indicators[0].agregation") == true)
        #expect(error?.message.contains("unknown key \"agregation\"") == true)
    }

    @Test func missingRequiredKey() {
        let text = Self.valid.replacingOccurrences(of: "    polarity: higher-is-worse\n", with: "")
        let error = loadError(text)
        #expect(error?.message.contains("indicators[0].polarity") == true)
        #expect(error?.message.contains("required key \"polarity\" is missing") == true)
    }

    @Test func invalidEnumValue() {
        let text = Self.valid.replacingOccurrences(of: "aggregation: rate", with: "aggregation: average")
        let error = loadError(text)
        #expect(error?.message.contains("line 18 (indicators[0].aggregation)") == true)
        #expect(error?.message.contains("average is not a valid aggregation method; use one of: rate, weighted-mean,") == true)
    }

    @Test func invalidPolarityListsBothChoices() {
        let text = Self.valid.replacingOccurrences(of: "polarity: higher-is-worse", with: "polarity: worse")
        let error = loadError(text)
        #expect(error?.message.contains("worse is not a valid polarity; use one of: higher-is-worse, higher-is-better") == true)
    }

    @Test func rateNeedsNumeratorAndDenominator() {
        let text = Self.valid.replacingOccurrences(of: "      numerator: Fuel poor\n", with: "")
        let error = loadError(text)
        #expect(error?.message.contains("indicators[0].source.numerator") == true)
        #expect(error?.message.contains("`rate` needs `numerator:`") == true)
    }

    @Test func duplicateIndicatorIds() {
        let text = Self.valid.replacingOccurrences(of: "id: wellbeing", with: "id: fuel-poverty")
        #expect(loadError(text)?.message.contains("already used by indicators[0]") == true)
    }

    @Test func tabsAreExplained() {
        let text = Self.valid.replacingOccurrences(of: "  label: test", with: "\tlabel: test")
        let error = loadError(text)
        #expect(error?.category == .configuration)
        #expect(error?.message.contains("line 4") == true)
        #expect(error?.message.contains("tab") == true)
    }

    @Test func anchorsAreRefused() {
        let text = Self.valid.replacingOccurrences(of: "release:\n  label: test", with: "release: &r\n  label: test")
        let error = loadError(text)
        #expect(error?.message.contains("line 3: anchors and aliases (&name, *name) are not allowed in a pipeline file") == true)
    }

    @Test func duplicateKeysAreRefused() {
        let text = Self.valid.replacingOccurrences(of: "title: Test pipeline", with: "title: Test pipeline\ntitle: Again")
        let error = loadError(text)
        #expect(error?.category == .configuration)
        #expect(error?.message == "\(folder)/pipeline.yml, line 2: the key \"title\" is given more than once in one mapping (first on this line); keep one")
    }

    @Test func missingFile() {
        do {
            _ = try Pipeline.load(path: folder + "/absent.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.category == .missingInput)
            #expect(error.message.contains("no such pipeline file"))
        }
    }
}
