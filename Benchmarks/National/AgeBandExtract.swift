import AreaNeedsSample
import Foundation

/// The age-band extract of the health methods' timing: registered deaths and person-years
/// by LSOA, sex and the 20 standard age bands (0, 1-4, ..., 85-89, 90+), five years of them,
/// for every LSOA of the national geography (35,672 × 2 × 20, about 1.4 million rows),
/// mortality rising with the LSOA's deprivation; and two pipeline files over it, beside
/// `national.yml`: `national-life-expectancy.yml` (life expectancy at birth, males and
/// females) and `national-rate.yml` (the same rows read by `rate`, deaths over person-years,
/// each LSOA's bands summed), so that `scripts/bench-national` can time one against the other.
/// Every figure is made up.
struct AgeBandExtract {
    let geography: NationalGeography
    let folder: String
    let seed: UInt64

    static let file = "extracts/deaths-by-age-lsoa.csv"
    static let labels = ["0", "1-4"] + stride(from: 5, to: 90, by: 5).map { "\($0)-\($0 + 4)" } + ["90+"]
    /// Each band's share of the population, and its yearly death rate (roughly England's).
    static let shares = [0.011, 0.045, 0.06, 0.062, 0.058, 0.062, 0.067, 0.068, 0.066, 0.062,
                         0.062, 0.068, 0.068, 0.06, 0.052, 0.05, 0.038, 0.025, 0.015, 0.009]
    static let deathRates = [0.004, 0.0002, 0.0001, 0.0001, 0.0003, 0.0005, 0.0006, 0.0008, 0.0012, 0.0017,
                             0.0025, 0.0035, 0.0055, 0.008, 0.012, 0.019, 0.033, 0.058, 0.10, 0.19]

    func write() throws {
        var random = SeededRandom(seed: seed &* 1_000 &+ 90)
        let out = try ExtractWriter(path: folder + "/" + Self.file, gzip: false)
        try out.header(["LSOA code", "Sex", "Age band", "Deaths", "Person-years"])
        for lsoa in geography.lsoas {
            for (sex, excess) in [("Male", 1.1), ("Female", 0.9)] {
                let people = Double(max(lsoa.population, 600)) / 2
                let hazard = excess * exp(0.35 * lsoa.deprivation)
                for band in Self.labels.indices {
                    let years = max(1, Int((people * Self.shares[band] * 5 * random.uniform(0.8...1.2)).rounded()))
                    let deaths = random.binomial(years, min(0.9, Self.deathRates[band] * hazard))
                    try out.row([lsoa.code, sex, Self.labels[band], String(deaths), String(years)])
                }
            }
        }
        try out.finish()
        let national = try String(contentsOfFile: folder + "/national.yml", encoding: .utf8)
        // The CSV tables only, as the national job is timed.
        let top = national.components(separatedBy: "indicators:\n")[0]
            .replacingOccurrences(of: "  label: national benchmark\n", with: "  label: national benchmark\n  editions: [csv]\n") + "indicators:\n"
        try (top + indicators(method: "life-expectancy")).write(toFile: folder + "/national-life-expectancy.yml", atomically: true, encoding: .utf8)
        try (top + indicators(method: "rate")).write(toFile: folder + "/national-rate.yml", atomically: true, encoding: .utf8)
    }

    /// Males' and females' indicators by `method`, reading the extract's rows.
    private func indicators(method: String) -> String {
        var lines: [String] = []
        for sex in ["Male", "Female"] {
            lines += [
                "  - id: \(method)-\(sex.lowercased())",
                "    title: \"\(sex)s: \(method == "rate" ? "deaths per 1,000 person-years" : "life expectancy at birth")\"",
                "    objective: 4",
                "    polarity: \(method == "rate" ? "higher-is-worse" : "higher-is-better")",
                "    unit: \(method == "rate" ? "per 1,000" : "years")",
                "    vintage: \"2019-23\"",
                "    aggregation: \(method)",
            ]
            if method == "rate" { lines.append("    scale: 1000") }
            lines += [
                "    source:",
                "      file: \(Self.file)",
                "      geography: lsoa11",
                "      area-code: LSOA code",
                "      where: {Sex: \(sex)}",
            ]
            if method == "rate" {
                // Each LSOA's 20 rows summed, told apart by their band.
                lines += [
                    "      numerator: {column: Deaths, where-not: {Age band: none}}",
                    "      denominator: {column: Person-years, where-not: {Age band: none}}",
                ]
            } else {
                lines += ["      age-band: Age band", "      deaths: Deaths", "      population: Person-years"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
