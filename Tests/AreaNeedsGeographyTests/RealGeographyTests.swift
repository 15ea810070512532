import AreaNeedsTestSupport
import Foundation
import Testing
import AreaNeedsGeography
import AreaNeedsTables

/// The provisional Lancashire set against the real public files in ../shared/data/real.
/// Skipped, and reported as skipped, where that folder is absent.
@Suite("The provisional Lancashire SPA set from the real files", .enabled(if: RealData.isPresent, "../shared/data/real is not present"))
struct RealGeographyTests {
    static let oaLookup = "fe6c55f0924b4734adf1cf7104a0173e_0.csv.gz"
    static let populations = "csv/imd2019-file6-population-denominators.csv"
    static let wardLookup = "Lower_Layer_Super_Output_Area_(2011)_to_Ward_(2019)_Lookup_in_England_and_Wales.csv"
    static let committed = URL(fileURLWithPath: FixtureProject.repository).appendingPathComponent("data-raw/geography").path

    let folder = TemporaryFolder()

    private func committedGeography() throws -> Geography {
        let files = ProvisionalSpaSet.files(in: Self.committed)
        return try Geography.load(areas: files.areas, lookups: files.lookups, lsoa21BestFit: nil)
    }

    @Test func rebuildingGivesTheCommittedTablesByteForByte() throws {
        let set = try ProvisionalSpaSet.build(
            oaLookup: RealData.path(Self.oaLookup), populations: RealData.path(Self.populations),
            wardLookup: RealData.path(Self.wardLookup))
        try set.write(to: folder.path)
        #expect(set.tables.count == 5)
        for table in set.tables {
            let rebuilt = FileManager.default.contents(atPath: folder.path + "/" + table.fileName)
            let committed = FileManager.default.contents(atPath: Self.committed + "/" + table.fileName)
            #expect(committed != nil, "\(table.fileName) is not committed")
            #expect(rebuilt == committed, "\(table.fileName) differs from the committed copy")
        }
    }

    @Test func thirtyFourAreasInTwelveDistrictsAtLeastTwoEach() throws {
        let geography = try committedGeography()
        #expect(geography.areas.map(\.code) == (1...34).map { String(format: "SPA%02d", $0) })
        #expect(geography.districtCodes == Lancashire.districtCodes)
        for district in Lancashire.districtCodes {
            #expect(geography.areas.filter { $0.districtCode == district }.count >= 2)
        }
        let populations = geography.areas.compactMap(\.population)
        print("SPA populations \(NumberText.format(populations.min()!)) to \(NumberText.format(populations.max()!)), total \(NumberText.format(populations.reduce(0, +)))")
    }

    @Test func everyLsoaMsoaOutputAreaAndWardIsMappedAndTheChecksPass() throws {
        let geography = try committedGeography()
        let districts = Set(Lancashire.districtCodes)
        var reference = try SmallAreaReference.load(onsLookup: RealData.path(Self.oaLookup), districts: districts)
        try reference.add(onsLookup: RealData.path(Self.wardLookup), districts: districts)
        #expect(geography.check(districts: Lancashire.districtCodes, reference: reference).map(\.description) == [])

        for (level, count) in [(GeographyLevel.lsoa11, 756), (.msoa11, 154), (.oa11, 3890), (.ward, 247)] {
            let lookup = try #require(geography.lookups[level])
            #expect(reference.codes(at: level, in: districts).count == count)
            #expect(Set(lookup.codes) == Set(reference.codes(at: level, in: districts)))
            if level != .ward {
                #expect(lookup.rows.count == count, "each \(level.title) in exactly one SPA")
            }
        }
    }

    @Test func every2021LsoaOfTheCountyResolves() throws {
        let geography = try committedGeography()
        let districtNames = Set(geography.areas.map(\.districtName))
        let reader = try TableReader(path: RealData.path("census2021-ts038-lsoa.csv"))
        let code = try reader.header.column("geography code")
        let name = try reader.header.column("geography")
        var tally = Lsoa21Tally()
        try reader.forEachRecord { record in
            let lsoaName = record.text(name)
            // "Wyre Forest 010A" is in Worcestershire: the whole district name must match.
            guard let parts = SmallAreaNameParts(lsoaName), districtNames.contains(parts.district) else { return }
            let resolution = geography.resolveLsoa21(record.text(code), name: lsoaName)
            #expect(resolution.shares.reduce(0) { $0 + $1.weight } == 1 || resolution.route == .unresolved)
            tally.add(record.text(code), resolution)
        }
        print(tally)
        #expect(tally.total == 760)
        #expect(tally.unresolved == [])
        #expect(tally.counts[.bestFit] == nil && tally.counts[.lookup] == nil, "no best-fit file or 2021 lookup was given")
    }
}

/// "<district> <3 digits><letters>", read here independently of the library.
private struct SmallAreaNameParts {
    var district: String

    init?(_ name: String) {
        guard let space = name.lastIndex(of: " ") else { return nil }
        let tail = name[name.index(after: space)...]
        guard tail.count >= 4, tail.prefix(3).allSatisfy(\.isNumber) else { return nil }
        district = String(name[..<space])
    }
}
