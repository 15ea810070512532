import AreaNeedsMethods
@testable import AreaNeedsSample
import AreaNeedsTables
import AreaNeedsTestSupport
import Foundation
import Testing

/// The sample's synthetic deaths, person-years and disability counts by age band: drawn the
/// same way for a seed, one row per 2021 LSOA, sex and band, and plausible once summed to
/// the SPAs and put through `LifeExpectancy` and `DisabilityFreeLifeExpectancy`.
@Suite("The sample's synthetic deaths and disability by age band")
struct HealthScheduleTests {
    static let repository = FixtureProject.repository
    static let file = repository + "/data-raw/sample/deaths-by-age-lsoa21-SYNTHETIC.csv"

    /// One row of the file.
    struct Row {
        var code, name, sex, band: String
        var deaths, personYears, disabled, surveyed: Double
    }

    static func rows(_ path: String = file) throws -> [Row] {
        let columns = ["LSOA21CD", "LSOA21NM", "Sex", "Age band", "Deaths", "Person-years", "Disabled", "Surveyed"]
        let reader = try TableReader(path: path, options: ReadOptions(header: .containing(columns)))
        let found = try columns.map(reader.header.column)
        var rows: [Row] = []
        try reader.forEachRecord { record in
            let text = found.map(record.text)
            let numbers = text[4...].map { Double($0) ?? .nan }
            rows.append(Row(code: text[0], name: text[1], sex: text[2], band: text[3], deaths: numbers[0],
                            personYears: numbers[1], disabled: numbers[2], surveyed: numbers[3]))
        }
        return rows
    }

    // MARK: - The schedule

    @Test func theSameSeedDrawsTheSameCountsAndAnotherSeedOthers() {
        let schedule = HealthSchedule()
        func draw(_ seed: UInt64) -> [HealthSchedule.BandCounts] {
            var random = SeededRandom(seed: seed)
            return schedule.counts(population: 1600, sex: .male, need: 0.4, random: &random)
                + schedule.counts(population: 1600, sex: .female, need: 0.4, random: &random)
        }
        #expect(draw(7) == draw(7))
        #expect(draw(7) != draw(8))
        #expect(draw(7).count == 40)
    }

    @Test func ratesRiseWithAgeMalesAboveFemalesAndNeedRaisesThem() {
        let schedule = HealthSchedule()
        for sex in HealthSchedule.Sex.allCases {
            let infant = schedule.deathRate(band: 0, sex: sex, need: 0)
            #expect(infant > 0.003 && infant < 0.005, "\(sex): about 4 infant deaths in 1,000")
            // From 40 (band 9) the rate rises 8-12% a year of age: 1.47 to 1.76 times a band of five years.
            for band in 9..<18 {
                let ratio = schedule.deathRate(band: band + 1, sex: sex, need: 0) / schedule.deathRate(band: band, sex: sex, need: 0)
                #expect(ratio > 1.47 && ratio < 1.80, "\(sex) band \(band): \(ratio)")
            }
            for band in 0..<20 {
                #expect(schedule.deathRate(band: band, sex: sex, need: 1) > schedule.deathRate(band: band, sex: sex, need: 0))
                #expect(schedule.disabilityPrevalence(band: band, sex: sex, need: 1) > schedule.disabilityPrevalence(band: band, sex: sex, need: 0))
            }
            for band in 2..<20 {
                #expect(schedule.disabilityPrevalence(band: band, sex: sex, need: 0) >= schedule.disabilityPrevalence(band: band - 1, sex: sex, need: 0))
            }
        }
        for band in 0..<20 {
            #expect(schedule.deathRate(band: band, sex: .male, need: 0) > schedule.deathRate(band: band, sex: .female, need: 0))
        }
        let shares = (0..<20).flatMap { band in HealthSchedule.Sex.allCases.map { schedule.populationShare(band: band, sex: $0) } }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
    }

    @Test func countsAreWholeAndNeverAboveTheirBase() {
        let schedule = HealthSchedule()
        var random = SeededRandom(seed: 11)
        for need in [-2.0, 0, 2.5] {
            for sex in HealthSchedule.Sex.allCases {
                let counts = schedule.counts(population: 600, sex: sex, need: need, random: &random)
                #expect(counts.map(\.band) == AgeBandScheme.standard.bands)
                for band in counts {
                    #expect(band.deaths >= 0 && band.deaths <= band.personYears)
                    #expect(band.disabled >= 0 && band.disabled <= band.surveyed)
                }
            }
        }
    }

    @Test func poissonAndBinomialDrawsHaveTheirMeans() {
        var random = SeededRandom(seed: 3)
        for mean in [0.4, 6.0, 45.0] {
            let draws = (0..<20_000).map { _ in Double(random.poisson(mean: mean)) }
            let average = draws.reduce(0, +) / Double(draws.count)
            #expect(abs(average - mean) < 0.05 * mean + 0.02, "Poisson \(mean): \(average)")
        }
        for (trials, probability) in [(40, 0.2), (900, 0.3)] {
            let draws = (0..<5_000).map { _ in Double(random.binomial(trials: trials, probability: probability)) }
            let average = draws.reduce(0, +) / Double(draws.count)
            #expect(abs(average - Double(trials) * probability) < 0.02 * Double(trials) * probability, "binomial \(trials): \(average)")
            #expect(draws.allSatisfy { $0 >= 0 && $0 <= Double(trials) })
        }
        #expect(random.poisson(mean: 0) == 0)
        #expect(random.binomial(trials: 5, probability: 1) == 5)
    }

    // MARK: - The sample's file

    @Test func theFileHasEveryLsoaSexAndBandOnceWithSoundCounts() throws {
        let rows = try Self.rows()
        let census = try TableReader.readAll(
            path: Self.repository + "/data-raw/sample/census-ts038-disability-lsoa21-SYNTHETIC.csv", column: "geography code")
        let lsoas = Set(census)
        #expect(lsoas.count > 700)
        #expect(Set(rows.map(\.code)) == lsoas, "the same 2021 LSOAs as the Census files")
        let keys = rows.map { [$0.code, $0.sex, $0.band] }
        #expect(Set(keys).count == keys.count, "no LSOA, sex and band twice")
        #expect(rows.count == lsoas.count * 2 * 20)
        #expect(Set(rows.map(\.sex)) == ["Male", "Female"])
        #expect(Set(rows.map(\.band)) == Set(AgeBandScheme.standard.bands.map(\.label)))
        for row in rows {
            #expect(row.deaths >= 0 && row.deaths <= row.personYears, "\(row.code) \(row.sex) \(row.band)")
            #expect(row.disabled >= 0 && row.disabled <= row.surveyed, "\(row.code) \(row.sex) \(row.band)")
        }
        let text = try String(contentsOfFile: Self.file, encoding: .utf8)
        #expect(text.hasPrefix("\"Deaths and person-years") && text.contains("(SYNTHETIC sample data"))
    }

    @Test func spaLifeExpectanciesArePlausibleAndLowerWhereNeedIsHigher() throws {
        // Each 2021 LSOA's SPA through its MSOA's name ("Burnley 007C" lies in "Burnley 007").
        let msoas = try TableReader.readRows(path: Self.repository + "/data-raw/geography/lancashire-spa-msoa11.csv", columns: ["msoa11_name", "spa_code"])
        let spaOfMsoa = Dictionary(msoas.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
        var counts: [String: AgeBandAccumulator] = [:]
        let scheme = AgeBandScheme.standard
        for row in try Self.rows() {
            let spa = try #require(spaOfMsoa[String(row.name.dropLast())], "\(row.name)")
            let key = spa + " " + row.sex
            var area = counts[key] ?? AgeBandAccumulator(scheme: scheme)
            let band = try scheme.index(labelled: row.band)
            try area.add(band: band, events: row.deaths, population: row.personYears)
            try area.addPrevalence(band: band, disabled: row.disabled, surveyed: row.surveyed)
            counts[key] = area
        }
        let spas = Set(spaOfMsoa.values).sorted()
        #expect(spas.count == 34)
        var life: [String: [Double]] = [:]
        var free: [String: [Double]] = [:]
        for sex in ["Male", "Female"] {
            for spa in spas {
                let area = try #require(counts[spa + " " + sex])
                let expectancy = LifeExpectancy.figure(area)
                let disabilityFree = DisabilityFreeLifeExpectancy.figure(area)
                let value = try #require(expectancy.value, "\(spa) \(sex): \(String(describing: expectancy.suppression))")
                let freeValue = try #require(disabilityFree.value, "\(spa) \(sex)")
                let interval = try #require(expectancy.interval)
                #expect(interval.upper - interval.lower < 4, "\(spa) \(sex): a 95% interval of a few years")
                life[sex, default: []].append(value)
                free[sex, default: []].append(freeValue)
            }
        }
        let male = life["Male"]!, female = life["Female"]!
        #expect(male.allSatisfy { (75...84).contains($0) }, "male \(male.min()!)...\(male.max()!)")
        #expect(female.allSatisfy { (78...87).contains($0) }, "female \(female.min()!)...\(female.max()!)")
        #expect((76...84).contains(Self.mean(male)) && (76...84).contains(Self.mean(female)), "means \(Self.mean(male)), \(Self.mean(female))")
        let gap = Self.mean(female) - Self.mean(male)
        #expect(gap > 2.5 && gap < 4.5, "females outlive males by \(gap) years")
        for sex in ["Male", "Female"] {
            let values = free[sex]!
            #expect(values.allSatisfy { (56...71).contains($0) }, "\(sex) DFLE \(values.min()!)...\(values.max()!)")
            #expect((58...68).contains(Self.mean(values)), "\(sex) mean DFLE \(Self.mean(values))")
            #expect(zip(values, life[sex]!).allSatisfy { $0 < $1 })
        }

        // The deprived SPAs (the generator's need on objective 4) live shorter lives.
        var random = SeededRandom(seed: 2026)
        let world = SyntheticWorld(geography: try SampleGeography.read(folder: Self.repository + "/data-raw/geography"), random: &random)
        let need = spas.map { (world.needByArea[$0] ?? 0) + world.shift($0, objective: 4) }
        for sex in ["Male", "Female"] {
            #expect(try #require(RankCorrelation.spearman(need, life[sex]!)) < -0.7)
            #expect(try #require(RankCorrelation.spearman(need, free[sex]!)) < -0.7)
        }
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
}

extension TableReader {
    /// Every value of one column.
    fileprivate static func readAll(path: String, column: String) throws -> [String] {
        try readRows(path: path, columns: [column]).map { $0[0] }
    }

    /// The values of some columns, row by row.
    fileprivate static func readRows(path: String, columns: [String]) throws -> [[String]] {
        let reader = try TableReader(path: path, options: ReadOptions(header: .containing(columns)))
        let found = try columns.map(reader.header.column)
        var rows: [[String]] = []
        try reader.forEachRecord { record in rows.append(found.map(record.text)) }
        return rows
    }
}
