// Health methods benchmark: the national benchmark's shape (35,672 LSOAs, 20 age bands, two
// sexes: 1,426,880 rows, each LSOA in one of 7,000 areas and one in ten split between two) run
// through the age band methods and, for comparison, through a `rate` over the same rows.
// Prints seconds, never asserts; the rows are made in memory, so only the arithmetic is timed.
//   swift run -c release areaneeds-bench-health [RUNS]
import AreaNeedsMethods

let smallAreas = 35_672
let areaCount = 7_000
let sexes = 2
let scheme = AgeBandScheme.standard
let bands = scheme.count
let runs = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 3

/// SplitMix64: the same rows on every run.
struct Draws {
    var state: UInt64 = 0x5eed
    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}

/// Five years of person-years and deaths by band for every LSOA and sex, plus disability counts.
var draws = Draws()
var personYears = [Double](), deaths = [Double](), disabled = [Double](), surveyed = [Double]()
for _ in 0..<(smallAreas * sexes) {
    let size = 1_200 + 800 * draws.next()
    let deprivation = draws.next()
    for band in 0..<bands {
        let age = Double(scheme.startAges[band]) + 2
        let people = (size / 19 * (band == 0 ? 0.2 : band == 1 ? 0.8 : band >= 18 ? 0.4 : 1)).rounded()
        let rate = min(0.5, (0.0001 + 0.00004 * (age * age / 100)) * (1 + deprivation) * (band == 0 ? 20 : 1) * (age > 60 ? (age - 55) / 5 : 1))
        personYears.append(5 * people)
        deaths.append((5 * people * rate + draws.next()).rounded(.down))
        surveyed.append(people)
        disabled.append((people * min(0.9, 0.05 + age / 120 * (0.5 + deprivation))).rounded())
    }
}

/// Each LSOA's areas: one, or two halves for one LSOA in ten.
@MainActor func areas(of lsoa: Int) -> [(area: Int, weight: Double)] {
    lsoa % 10 == 0 ? [(lsoa % areaCount, 0.5), ((lsoa + 1) % areaCount, 0.5)] : [(lsoa % areaCount, 1)]
}
let lookup = (0..<smallAreas).map(areas)

@MainActor func time(_ name: String, _ body: () throws -> Int) rethrows {
    var best = Duration.seconds(1_000)
    var answer = 0
    for _ in 0..<runs {
        let start = ContinuousClock.now
        answer = try body()
        best = min(best, ContinuousClock.now - start)
    }
    print("\(name): \(best) (best of \(runs); \(answer) areas with a value)")
}

print("\(smallAreas * sexes * bands) rows, \(areaCount * sexes) area figures")

time("rate (deaths over person-years)") {
    var accumulators = (0..<(areaCount * sexes)).map { _ in AreaAccumulator(method: .rate) }
    for lsoa in 0..<smallAreas {
        for sex in 0..<sexes {
            for band in 0..<bands {
                let row = (lsoa * sexes + sex) * bands + band
                let figures = SmallAreaFigures(code: "E01", numerator: deaths[row], denominator: personYears[row])
                for (area, weight) in lookup[lsoa] { accumulators[area * sexes + sex].add(figures, weight: weight) }
            }
        }
    }
    return accumulators.filter { $0.figure.value != nil }.count
}

@MainActor func ageBanded(prevalence: Bool) throws -> [AgeBandAccumulator] {
    var accumulators = Array(repeating: AgeBandAccumulator(scheme: scheme), count: areaCount * sexes)
    for lsoa in 0..<smallAreas {
        for sex in 0..<sexes {
            for band in 0..<bands {
                let row = (lsoa * sexes + sex) * bands + band
                for (area, weight) in lookup[lsoa] {
                    try accumulators[area * sexes + sex].add(band: band, events: deaths[row], population: personYears[row], weight: weight)
                    if prevalence {
                        try accumulators[area * sexes + sex].addPrevalence(band: band, disabled: disabled[row], surveyed: surveyed[row], weight: weight)
                    }
                }
            }
        }
    }
    return accumulators
}

try time("life-expectancy") {
    try ageBanded(prevalence: false).filter { LifeExpectancy.figure($0).value != nil }.count
}
let esp = StandardPopulation.esp2013(for: scheme)!
try time("standardised-rate") {
    try ageBanded(prevalence: false).filter { StandardisedRate.figure($0, standard: esp).value != nil }.count
}
try time("disability-free-life-expectancy") {
    try ageBanded(prevalence: true).filter { DisabilityFreeLifeExpectancy.figure($0).value != nil }.count
}
let summed = try ageBanded(prevalence: false)
time("life tables alone, from summed counts") {
    summed.filter { LifeExpectancy.figure($0).value != nil }.count
}
var reasons: [String: Int] = [:]
for area in summed {
    if let reason = LifeExpectancy.figure(area).suppression {
        reasons[Mirror(reflecting: reason).children.first?.label ?? "\(reason)", default: 0] += 1
    }
}
print("life expectancies suppressed: \(reasons.isEmpty ? "none" : reasons.map { "\($0.value) \($0.key)" }.sorted().joined(separator: "; "))")
