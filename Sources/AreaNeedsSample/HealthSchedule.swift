import AreaNeedsMethods
import Foundation

/// The rates by age band that the sample's synthetic deaths, person-years and disability
/// counts are drawn from: a population pyramid, a Gompertz-Makeham mortality schedule and a
/// prevalence of disability rising with age, each moved by a small area's need.
///
/// The levels are made up to look like England's around 2018-22, not copied from any table:
/// about 4 infant deaths in 1,000 births; adult death rates rising about 10% a year of age
/// (m(x) = c + A·e^(b(x - 62.5)) at the band's middle age), males above females; about one
/// person in eight limited in day-to-day activities at 30, three in four at 90 and over (as
/// the Census 2021 asks). Need multiplies every death rate by e^(0.12 × need) and adds
/// 0.15 × need to the log-odds of disability, so an area one unit of need above the middle
/// loses about 1.4 years of life expectancy and 2.6 of disability-free life expectancy.
struct HealthSchedule {
    enum Sex: String, CaseIterable {
        case male = "Male", female = "Female"
    }

    /// One small area's counts for one sex in one band, as the synthetic file writes them.
    struct BandCounts: Equatable {
        var band: AgeBand
        var deaths: Int
        /// Five years of population.
        var personYears: Int
        /// People limited in day-to-day activities among those `surveyed`, in one year.
        var disabled: Int
        /// The people of the band counted once (a census year).
        var surveyed: Int
    }

    /// The 20 standard bands of `phe_life_expectancy`: 0, 1-4, 5-9, ..., 85-89, 90+.
    static let scheme = AgeBandScheme.standard
    /// The years of deaths and population the file covers.
    static let years = 5

    /// Each band's share of all people, in percent.
    private static let pyramid = [
        1.0, 4.5, 5.9, 6.0, 5.6, 5.7, 6.3, 6.7, 6.5, 6.1, 6.4, 6.9, 6.8, 6.0, 5.3, 5.2, 3.9, 2.7, 1.6, 0.9,
    ]
    /// The share of males in each band: a few more boys born, more women at old ages.
    private static let maleShare = [
        0.512, 0.512, 0.512, 0.512, 0.515, 0.51, 0.5, 0.495, 0.495, 0.495,
        0.495, 0.49, 0.49, 0.485, 0.48, 0.47, 0.455, 0.43, 0.38, 0.29,
    ]
    /// The prevalence of disability by band for males of middling need; females a little higher
    /// from 15.
    private static let disability = [
        0.03, 0.04, 0.07, 0.10, 0.12, 0.12, 0.12, 0.13, 0.14, 0.15,
        0.17, 0.20, 0.23, 0.26, 0.28, 0.31, 0.38, 0.48, 0.60, 0.74,
    ]

    /// Log rate ratio of death per unit of need.
    let mortalityPerNeed = 0.12
    /// Log-odds of disability per unit of need.
    let disabilityPerNeed = 0.15

    /// The share of a small area's people who are of `sex` and in band `band`.
    func populationShare(band: Int, sex: Sex) -> Double {
        let male = Self.maleShare[band]
        return Self.pyramid[band] / 100 * (sex == .male ? male : 1 - male)
    }

    /// Deaths per person-year in band `band` for `sex` at `need`.
    func deathRate(band: Int, sex: Sex, need: Double) -> Double {
        let male = sex == .male
        let rate: Double
        switch band {
        case 0: rate = male ? 0.0042 : 0.0035
        case 1: rate = male ? 0.00013 : 0.00011
        default:
            let start = Self.scheme.startAges[band]
            let middle = band == Self.scheme.count - 1 ? 94 : Double(start) + 2.5
            let (makeham, level, slope) = male ? (0.00025, 0.0092, 0.097) : (0.00012, 0.0066, 0.102)
            rate = makeham + level * exp(slope * (middle - 62.5))
        }
        return rate * exp(mortalityPerNeed * need)
    }

    /// The share of people in band `band` of `sex` at `need` whose day-to-day activities are limited.
    func disabilityPrevalence(band: Int, sex: Sex, need: Double) -> Double {
        let typical = Self.disability[band] * (sex == .female && band >= 4 ? 1.06 : 1)
        let logOdds = log(typical / (1 - typical)) + disabilityPerNeed * need
        return 1 / (1 + exp(-logOdds))
    }

    /// One small area's counts for `sex` in every band: people drawn around the pyramid,
    /// person-years five years of them, deaths Poisson at the band's rate (never more than the
    /// person-years), the disabled binomial among the people of one year.
    func counts(population: Int, sex: Sex, need: Double, random: inout SeededRandom) -> [BandCounts] {
        Self.scheme.bands.map { band in
            let expected = Double(population) * populationShare(band: band.index, sex: sex)
            let people = max(0, Int((expected * (1 + random.normal(sd: 0.08))).rounded()))
            let personYears = max(0, Int((Double(people * Self.years) * (1 + random.normal(sd: 0.02))).rounded()))
            let rate = deathRate(band: band.index, sex: sex, need: need)
            let deaths = min(personYears, random.poisson(mean: Double(personYears) * rate))
            let disabled = random.binomial(trials: people, probability: disabilityPrevalence(band: band.index, sex: sex, need: need))
            return BandCounts(band: band, deaths: deaths, personYears: personYears, disabled: disabled, surveyed: people)
        }
    }
}
