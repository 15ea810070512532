import AreaNeedsSample

/// Made-up Indices of Deprivation for England's LSOAs (the IoD covers England only): domain
/// scores driven by each LSOA's latent deprivation, national ranks (1 = most deprived) and
/// deciles by the published rule, and the IoD's population denominators.
struct IoDFigures {
    static let scoreColumns = [
        "Index of Multiple Deprivation (IMD) Score", "Income Score (rate)", "Employment Score (rate)",
        "Education, Skills and Training Score", "Health Deprivation and Disability Score", "Crime Score",
        "Barriers to Housing and Services Score", "Living Environment Score",
        "Income Deprivation Affecting Children Index (IDACI) Score (rate)",
        "Income Deprivation Affecting Older People (IDAOPI) Score (rate)", "Children and Young People Sub-domain Score",
        "Adult Skills Sub-domain Score", "Geographical Barriers Sub-domain Score", "Wider Barriers Sub-domain Score",
        "Indoors Sub-domain Score", "Outdoors Sub-domain Score",
    ]
    static let populationColumns = [
        "Total population: mid 2015 (excluding prisoners)", "Dependent Children aged 0-15: mid 2015 (excluding prisoners)",
        "Population aged 16-59: mid 2015 (excluding prisoners)", "Older population aged 60 and over: mid 2015 (excluding prisoners)",
        "Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)",
    ]
    /// Rank and decile columns, in pairs: IMD first, then the seven domains.
    static let rankColumns: [String] = ["Index of Multiple Deprivation (IMD)", "Income", "Employment", "Education, Skills and Training",
                                        "Health Deprivation and Disability", "Crime", "Barriers to Housing and Services", "Living Environment"]
        .flatMap { ["\($0) Rank (where 1 is most deprived)", "\($0) Decile (where 1 is most deprived 10% of LSOAs)"] }

    /// Indexes into `NationalGeography.lsoas` of the English LSOAs, in order.
    let lsoas: [Int]
    /// Per LSOA, the values of `scoreColumns`.
    let scores: [[Double]]
    /// Per LSOA, the values of `populationColumns`.
    let populations: [[Int]]
    /// Per LSOA, the national rank on the IMD and on each of the seven domains.
    let ranks: [[Int]]

    init(geography: NationalGeography, random: SeededRandom) {
        var random = random
        lsoas = geography.lsoas.indices.filter { !geography.districts[geography.lsoas[$0].district].isWelsh }
        var scores: [[Double]] = []
        var populations: [[Int]] = []
        for index in lsoas {
            let z = geography.lsoas[index].deprivation
            func rate(_ base: Double, _ slope: Double) -> Double {
                Logistic.probability(base: base, slope: slope, score: z + random.normal(sd: 0.3))
            }
            let income = rate(0.12, 0.9)
            let employment = rate(0.10, 0.8)
            let education = max(0, 22 + 14 * (z + random.normal(sd: 0.5)))
            let health = 0.8 * (z + random.normal(sd: 0.5))
            let crime = 0.6 * (z + random.normal(sd: 0.7))
            let barriers = 22 + 8 * random.normal() + 2 * z
            let living = max(0, 22 + 10 * random.normal() + 4 * z)
            let imd = 22.5 * income + 22.5 * employment + 0.135 * education + 13.5 * (health + 1.5) / 3
                + 9.3 * (crime + 1.5) / 3 + 0.093 * barriers + 0.093 * living
            let geographical = random.normal() - 0.2 * z
            let wider = random.normal() + 0.5 * z
            scores.append([imd, income, employment, education, health, crime, barriers, living, rate(0.17, 0.9), rate(0.16, 0.8),
                           0.7 * (z + random.normal(sd: 0.6)), 0.7 * (z + random.normal(sd: 0.6)), geographical, wider,
                           random.normal() + 0.3 * z, random.normal() + 0.2 * z])
            let total = geography.lsoas[index].population * random.integer(92...99) / 100
            let children = total * random.integer(16...22) / 100
            let older = total * random.integer(18...30) / 100
            populations.append([total, children, total - children - older, older, total * random.integer(56...62) / 100])
        }
        self.scores = scores
        self.populations = populations
        // Ranks 1...N from the highest score down (the IMD, then each domain's score).
        var ranks = [[Int]](repeating: [Int](repeating: 0, count: 8), count: lsoas.count)
        for domain in 0..<8 {
            let order = scores.indices.sorted { (scores[$0][domain], $1) > (scores[$1][domain], $0) }
            for (position, row) in order.enumerated() { ranks[row][domain] = position + 1 }
        }
        self.ranks = ranks
    }

    /// The published IoD decile rule: ⌈10 r / N⌉.
    static func decile(rank: Int, count: Int) -> Int {
        (10 * rank + count - 1) / count
    }
}
