import AreaNeedsMethods

/// Inputs of PHEindicatormethods' own tests and examples (ukhsa-collaboration/PHEindicatormethods),
/// copied from the package's public test scripts; they are the package's test data, not
/// AreaNeeds' real data.
enum PHEindicatormethodsExamples {
    /// `df1` of tests/testthat/testLifeExpectancy.R, also the "simple example" of
    /// `phe_life_expectancy`'s documentation: the 20 standard bands, 0 to 90+.
    static let lifeExpectancyPopulation: [Double] = [
        7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
        50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    ]
    static let lifeExpectancyDeaths: [Double] = [
        17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937,
    ]

    /// "Area 2" of `df_widecis_plus` in tests/testthat/testLifeExpectancy.R: small numbers,
    /// whose intervals are wider than 20 years from age 40.
    static let smallAreaPopulation: [Double] = [
        270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337, 333, 323, 311, 311,
    ]
    static let smallAreaDeaths: [Double] = [17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1]

    /// An area's counts in the standard bands.
    static func counts(deaths: [Double], population: [Double], scheme: AgeBandScheme = .standard) throws -> AgeBandAccumulator {
        var area = AgeBandAccumulator(scheme: scheme)
        for band in 0..<scheme.count {
            try area.add(band: band, events: deaths[band], population: population[band])
        }
        return area
    }
}
