import Testing
import AreaNeedsMethods

@Suite("Life expectancy as phe_life_expectancy computes it")
struct LifeExpectancyTests {
    typealias Examples = PHEindicatormethodsExamples

    // answer1 of tests/testthat/testLifeExpectancy.R ("LE and CIs calculate correctly"): the
    // package's expected life expectancy at each of the 20 start ages of df1, with 95% limits,
    // checked there to 4 decimal places.
    static let answer1Value = [
        80.16960813, 79.36245674, 75.44193645, 70.47299936, 65.52909542, 60.67510088, 55.78835987,
        50.92752727, 46.06740425, 41.24505636, 36.49322717, 31.83343842, 27.26027992, 22.9719144,
        18.76856852, 14.95858336, 11.51684445, 8.618849241, 6.163942934, 6.16210635,
    ]
    static let answer1Lower = [
        79.88268548, 79.0898816, 75.17407307, 70.20675732, 65.26548673, 60.41876577, 55.53801579,
        50.68279939, 45.82666794, 41.00842831, 36.26223216, 31.60996318, 27.04337271, 22.76653134,
        18.57570352, 14.77985004, 11.34831778, 8.451134045, 5.978358351, 5.887683386,
    ]
    static let answer1Upper = [
        80.45653078, 79.63503188, 75.70979983, 70.7392414, 65.79270412, 60.931436, 56.03870395,
        51.17225516, 46.30814055, 41.48168441, 36.72422219, 32.05691365, 27.47718713, 23.17729746,
        18.96143352, 15.13731667, 11.68537112, 8.786564437, 6.349527517, 6.436529314,
    ]

    private static let fourPlaces = 0.00005

    @Test(arguments: 0..<20)
    func matchesThePackagesExpectedValuesAtEveryAge(band: Int) throws {
        let area = try Examples.counts(deaths: Examples.lifeExpectancyDeaths, population: Examples.lifeExpectancyPopulation)
        let figure = LifeExpectancy.figure(area, atBand: band)
        let value = try #require(figure.value)
        let interval = try #require(figure.interval)
        #expect(abs(value - Self.answer1Value[band]) < Self.fourPlaces)
        #expect(abs(value - Self.answer1Value[band]) < 1e-7, "the package's values have eight or more decimals")
        #expect(abs(interval.lower - Self.answer1Lower[band]) < Self.fourPlaces)
        #expect(abs(interval.upper - Self.answer1Upper[band]) < Self.fourPlaces)
        #expect(figure.suppression == nil)
        #expect(figure.quality == .exact)
    }

    @Test func bandsMayArriveInAnyOrderWithAnyLabels() throws {
        // df3 of the same test file ("custom age bands in wrong order"): labels with en dashes,
        // "90 +", and 70-74 last; the package expects answer1 again.
        let labels = [
            "0", "1-4", "5-9", "10 – 14", "15 – 19", "20 – 24", "25 – 29", "30 – 34", "35 – 39", "40 – 44",
            "45 – 49", "50 – 54", "55 – 59", "60 – 64", "65 – 69", "75 – 79", "80 – 84", "85 – 89", "90 +", "70 – 74",
        ]
        let population: [Double] = [
            7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978,
            33288, 23306, 11936, 11936, 37039,
        ]
        let deaths: [Double] = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 1390, 1605, 1936, 1937, 872]
        var area = AgeBandAccumulator(scheme: .standard)
        for row in labels.indices {
            try area.add(band: AgeBandScheme.standard.index(labelled: labels[row]), events: deaths[row], population: population[row])
        }
        let figure = LifeExpectancy.figure(area)
        #expect(abs(try #require(figure.value) - Self.answer1Value[0]) < Self.fourPlaces)
        #expect(abs(try #require(figure.interval).lower - Self.answer1Lower[0]) < Self.fourPlaces)
    }

    @Test func otherConfidenceLevelsUseRsZ() throws {
        // test7/test8 of the same file: confidence = 99.8 gives e ± qnorm(0.999) × SE.
        let area = try Examples.counts(deaths: Examples.lifeExpectancyDeaths, population: Examples.lifeExpectancyPopulation)
        let at95 = LifeExpectancy.figure(area)
        let at998 = LifeExpectancy.figure(area, confidence: 0.998)
        let value = try #require(at95.value)
        let standardError = (try #require(at95.interval).upper - value) / 1.959963984540054
        let wide = try #require(at998.interval)
        #expect(abs(wide.upper - (value + 3.090232306167813 * standardError)) < 1e-9)
        #expect(at998.value == at95.value)
        #expect(LifeExpectancy.figure(area, confidence: 1).interval == nil)
    }

    @Test func suppressesValuesWhoseIntervalIsWiderThanTwentyYears() throws {
        // answer_widecis of tests/testthat/testLifeExpectancy.R ("suppress wide CI > 20"),
        // Area 2: values at ages 0 to 35; from 40 the value is NA but the limits are still given.
        let expected: [(value: Double?, lower: Double, upper: Double)] = [
            (19.22914685, 16.43900644, 22.01928726), (19.44120610, 16.53437505, 22.34803716),
            (18.33467808, 15.62922550, 21.04013066), (14.67659995, 12.08108630, 17.27211361),
            (11.81284556, 9.21823373, 14.40745738), (11.63815414, 8.68414661, 14.59216167),
            (10.05641628, 6.54020385, 13.57262872), (9.93152356, 4.71570153, 15.14734559),
            (11.95846561, 2.37762283, 21.53930839), (nil, -1.60695210, 50.29765396),
            (nil, -10.33328815, 97.99598549), (nil, -17.16409724, 107.54413263),
            (nil, -26.91715103, 128.91238524), (nil, -45.04820928, 181.91668353),
            (nil, -76.27067271, 278.06441642), (nil, -137.12203187, 472.32822039),
            (nil, -195.39453664, 649.40455756), (nil, -242.37480291, 783.50845564),
            (nil, -266.74198466, 841.04259816), (nil, -298.54880400, 920.54880400),
        ]
        let area = try Examples.counts(deaths: Examples.smallAreaDeaths, population: Examples.smallAreaPopulation)
        for band in expected.indices {
            let figure = LifeExpectancy.figure(area, atBand: band)
            let interval = try #require(figure.interval)
            #expect(abs(interval.lower - expected[band].lower) < Self.fourPlaces, "band \(band)")
            #expect(abs(interval.upper - expected[band].upper) < Self.fourPlaces, "band \(band)")
            if let value = expected[band].value {
                #expect(abs(try #require(figure.value) - value) < Self.fourPlaces, "band \(band)")
                #expect(figure.suppression == nil)
            } else {
                #expect(figure.value == nil, "band \(band)")
                guard case .intervalWiderThan20Years(let width) = figure.suppression else {
                    Issue.record("band \(band): \(String(describing: figure.suppression))")
                    continue
                }
                #expect(width > 20 && abs(width - interval.width) < 1e-9)
            }
        }
        // Area 1 of the same data has 312 deaths among 311 person-years at 90+: all NA.
        var deaths = Examples.smallAreaDeaths
        deaths[19] = 312
        let broken = try Examples.counts(deaths: deaths, population: Examples.smallAreaPopulation)
        #expect(LifeExpectancy.figure(broken).suppression == .deathsAbovePopulation(AgeBandScheme.standard.band(19)))
    }

    // The package's other test data: df_zero_pop, df_deaths_greater_pops, df_missing_age and
    // df_low_pops of tests/testthat/testLifeExpectancy.R, each expected to give only NAs.

    @Test func aBandWithNoPopulation() throws {
        // df_zero_pop: 15 deaths among no population in band 20-24. That is also more deaths
        // than population, the bad-input reason, which is looked for first.
        var population = Examples.lifeExpectancyPopulation
        population[5] = 0
        let figure = LifeExpectancy.figure(try Examples.counts(deaths: Examples.lifeExpectancyDeaths, population: population))
        #expect(figure.value == nil && figure.interval == nil)
        #expect(figure.suppression == .deathsAbovePopulation(AgeBandScheme.standard.band(5)))
        // With no deaths there either, the band simply has no population.
        var deaths = Examples.lifeExpectancyDeaths
        deaths[5] = 0
        let empty = LifeExpectancy.figure(try Examples.counts(deaths: deaths, population: population))
        #expect(empty.value == nil && empty.interval == nil)
        #expect(empty.suppression == .populationNotPositive(AgeBandScheme.standard.band(5)))
        #expect(empty.suppression?.isBadInput == false)
    }

    @Test func moreDeathsThanPopulationIsBadInput() throws {
        var population = Examples.lifeExpectancyPopulation
        population[18] = 119
        let figure = LifeExpectancy.figure(try Examples.counts(deaths: Examples.lifeExpectancyDeaths, population: population))
        #expect(figure.value == nil)
        #expect(figure.suppression == .deathsAbovePopulation(AgeBandScheme.standard.band(18)))
        #expect(figure.suppression?.isBadInput == true)
        #expect(figure.suppression?.description == "age band 85-89 has more deaths than population")
    }

    @Test func aMissingBandIsBadInput() throws {
        var area = AgeBandAccumulator(scheme: .standard)
        for band in 0..<19 {
            try area.add(band: band, events: Examples.lifeExpectancyDeaths[band], population: Examples.lifeExpectancyPopulation[band])
        }
        let figure = LifeExpectancy.figure(area)
        #expect(figure.value == nil)
        #expect(figure.suppression == .bandMissing(AgeBandScheme.standard.band(19)))
        #expect(figure.suppression?.isBadInput == true)
    }

    @Test func fiveThousandPersonYearsOrFewerAreSuppressed() throws {
        let population: [Double] = [128, 152, 120, 176, 194, 180, 145, 149, 107, 185, 165, 109, 100, 122, 133, 189, 123, 121, 147, 138]
        let deaths: [Double] = [58, 93, 78, 94, 59, 71, 80, 73, 69, 72, 91, 69, 78, 71, 54, 91, 82, 53, 50, 84]
        let figure = LifeExpectancy.figure(try Examples.counts(deaths: deaths, population: population))
        #expect(figure.value == nil && figure.interval == nil)
        #expect(figure.suppression == .populationTooSmall(2_883))
        #expect(figure.population == 2_883)
        // Exactly 5,000 is suppressed too: the package tests total_pop <= 5000.
        let atLimit = try Examples.counts(deaths: Array(repeating: 1, count: 20), population: Array(repeating: 250, count: 20))
        #expect(LifeExpectancy.figure(atLimit).suppression == .populationTooSmall(5_000))
    }

    @Test func noDeathsInTheLastBandGiveNoValue() throws {
        // The open band's L is l / M: with M = 0 the package's value is infinite, so NA.
        var deaths = Examples.lifeExpectancyDeaths
        deaths[19] = 0
        let figure = LifeExpectancy.figure(try Examples.counts(deaths: deaths, population: Examples.lifeExpectancyPopulation))
        #expect(figure.value == nil && figure.interval == nil)
        #expect(figure.suppression == .noDeathsInLastBand(AgeBandScheme.standard.band(19)))
    }

    @Test func zeroDeathsInOtherBandsAreFine() throws {
        // The package: "Zero death counts are not a problem, except for the final age interval".
        var deaths = Examples.lifeExpectancyDeaths
        deaths[2] = 0
        deaths[3] = 0
        let figure = LifeExpectancy.figure(try Examples.counts(deaths: deaths, population: Examples.lifeExpectancyPopulation))
        let value = try #require(figure.value)
        #expect(value > Self.answer1Value[0], "fewer deaths, longer lives")
        #expect(figure.interval != nil)
    }

    @Test func apportionedCountsNeedNotBeWhole() throws {
        // Two halves of the same small areas give the same table as the whole, flagged apportioned.
        var area = AgeBandAccumulator(scheme: .standard)
        for band in 0..<20 {
            for _ in 0..<2 {
                try area.add(band: band, events: Examples.lifeExpectancyDeaths[band], population: Examples.lifeExpectancyPopulation[band], weight: 0.5)
            }
        }
        let figure = LifeExpectancy.figure(area)
        #expect(abs(try #require(figure.value) - Self.answer1Value[0]) < Self.fourPlaces)
        #expect(figure.quality == .apportioned)
        #expect(figure.events == Examples.lifeExpectancyDeaths.reduce(0, +))
    }
}
