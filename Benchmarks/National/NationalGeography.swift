import AreaNeedsSample
import Foundation

/// A made-up England and Wales with the real numbers of small areas (Census 2021): 188,880
/// output areas in 35,672 LSOAs in 7,264 MSOAs in 331 districts, with realistic codes
/// (E00…/W00…, E01…, E02…, E06/E07/E08/E09…, W06…), and about 7,100 service areas of
/// four to six whole LSOAs inside each district, MSOA-sized but not MSOA-shaped, so that
/// MSOAs are split between service areas by population share.
///
/// Each LSOA has a latent deprivation score with district and MSOA effects, so that
/// neighbouring areas resemble each other and the indicators agree more often than not.
struct NationalGeography {
    struct District {
        var code, name: String
        var isWelsh: Bool
        var msoas: Range<Int>
        var effect: Double
    }
    struct Msoa {
        var code, name: String
        var district: Int
        var lsoas: Range<Int>
    }
    struct Lsoa {
        var code, name: String
        var msoa: Int
        var district: Int
        var outputAreas: Range<Int>
        var area = 0
        var deprivation: Double
        var population = 0
    }
    struct OutputArea {
        var code: String
        var lsoa: Int
        var population: Int
        var households: Int
        var deprivation: Double
    }
    struct ServiceArea {
        var code, name: String
        var district: Int
        var lsoas: Range<Int>
        var population = 0
    }

    private(set) var districts: [District] = []
    private(set) var msoas: [Msoa] = []
    private(set) var lsoas: [Lsoa] = []
    private(set) var outputAreas: [OutputArea] = []
    private(set) var areas: [ServiceArea] = []

    /// England first, then Wales: (country letter, districts by code prefix, MSOAs, LSOAs, OAs).
    private static let countries: [(letter: String, districts: [(prefix: String, first: Int, count: Int)], msoas: Int, lsoas: Int, oas: Int)] = [
        ("E", [("E06", 1, 59), ("E07", 26, 181), ("E08", 1, 36), ("E09", 1, 33)], 6_856, 33_755, 178_605),
        ("W", [("W06", 1, 22)], 408, 1_917, 10_275),
    ]

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var names = PlaceNames(random: &random)
        for country in NationalGeography.countries {
            let isWelsh = country.letter == "W"
            let codes = country.districts.flatMap { block in
                (block.first..<(block.first + block.count)).map { block.prefix + String(format: "%06d", $0) }
            }
            let weights = codes.map { _ in exp(random.normal(sd: 0.5)) }
            let msoaCounts = NationalGeography.split(country.msoas, weights: weights, minimum: 5)
            let lsoaCounts = NationalGeography.split(country.lsoas, weights: (0..<country.msoas).map { _ in random.uniform(0.6...1.4) }, minimum: 3)
            let oaCounts = NationalGeography.split(country.oas, weights: (0..<country.lsoas).map { _ in random.uniform(0.6...1.4) }, minimum: 3)
            var msoaIndex = 0
            var lsoaIndex = 0
            var oaIndex = 0
            for (districtNumber, code) in codes.enumerated() {
                let district = districts.count
                let name = names.next(welsh: isWelsh)
                let effect = random.normal(sd: 0.6)
                let firstMsoa = msoas.count
                for msoaNumber in 1...msoaCounts[districtNumber] {
                    let msoaName = name + String(format: " %03d", msoaNumber)
                    let msoaEffect = effect + random.normal(sd: 0.5)
                    let firstLsoa = lsoas.count
                    for lsoaNumber in 0..<lsoaCounts[msoaIndex] {
                        let lsoaDeprivation = msoaEffect + random.normal(sd: 0.6)
                        let firstOA = outputAreas.count
                        for _ in 0..<oaCounts[lsoaIndex] {
                            oaIndex += 1
                            let population = max(100, Int(random.normal(mean: 315, sd: 60)))
                            outputAreas.append(OutputArea(
                                code: country.letter + String(format: "00%06d", oaIndex), lsoa: lsoas.count,
                                population: population, households: max(40, Int(Double(population) / random.uniform(2.1...2.6))),
                                deprivation: lsoaDeprivation + random.normal(sd: 0.3)))
                        }
                        lsoaIndex += 1
                        let letter = String(UnicodeScalar(UInt8(65 + lsoaNumber % 26)))
                        lsoas.append(Lsoa(
                            code: country.letter + String(format: "01%06d", lsoaIndex), name: msoaName + letter, msoa: msoas.count,
                            district: district, outputAreas: firstOA..<outputAreas.count, deprivation: lsoaDeprivation))
                    }
                    msoaIndex += 1
                    msoas.append(Msoa(code: country.letter + String(format: "02%06d", msoaIndex), name: msoaName,
                                      district: district, lsoas: firstLsoa..<lsoas.count))
                }
                districts.append(District(code: code, name: name, isWelsh: isWelsh, msoas: firstMsoa..<msoas.count, effect: effect))
            }
        }
        for index in lsoas.indices {
            lsoas[index].population = outputAreas[lsoas[index].outputAreas].reduce(0) { $0 + $1.population }
        }
        makeServiceAreas(random: &random)
    }

    /// Groups each district's LSOAs, in order, into service areas of four to six.
    private mutating func makeServiceAreas(random: inout SeededRandom) {
        for (district, info) in districts.enumerated() {
            let first = msoas[info.msoas.lowerBound].lsoas.lowerBound
            let end = msoas[info.msoas.upperBound - 1].lsoas.upperBound
            var start = first
            var number = 0
            while start < end {
                var size = random.integer(4...6)
                if end - (start + size) < 3 { size = end - start }  // no service area of one or two LSOAs
                number += 1
                let area = areas.count
                let population = lsoas[start..<(start + size)].reduce(0) { $0 + $1.population }
                areas.append(ServiceArea(
                    code: String(format: "SA%07d", area + 1), name: "\(info.name) area \(number)",
                    district: district, lsoas: start..<(start + size), population: population))
                for lsoa in start..<(start + size) { lsoas[lsoa].area = area }
                start += size
            }
        }
    }

    /// The service areas an MSOA's LSOAs lie in, with the population share of each, written
    /// to four decimal places that add up to exactly 1 (as ONS apportionment lookups do).
    func msoaShares(_ msoa: Msoa) -> [(area: Int, weight: String)] {
        var people: [(area: Int, people: Int)] = []
        for lsoa in lsoas[msoa.lsoas] {
            if let last = people.last, last.area == lsoa.area {
                people[people.count - 1].people += lsoa.population
            } else {
                people.append((lsoa.area, lsoa.population))
            }
        }
        let total = people.reduce(0) { $0 + $1.people }
        var tenThousandths = people.map { max(1, Int((Double($0.people) * 10_000 / Double(total)).rounded())) }
        tenThousandths[tenThousandths.count - 1] = 10_000 - tenThousandths.dropLast().reduce(0, +)
        return zip(people, tenThousandths).map { share, parts in
            (share.area, parts == 10_000 ? "1" : String(format: "0.%04d", parts))
        }
    }

    /// `total` split into one count per weight, each at least `minimum`, adding up exactly.
    static func split(_ total: Int, weights: [Double], minimum: Int) -> [Int] {
        let spare = total - minimum * weights.count
        let sum = weights.reduce(0, +)
        var counts = weights.map { minimum + Int(Double(spare) * $0 / sum) }
        var left = total - counts.reduce(0, +)
        var index = 0
        while left > 0 {
            counts[index % counts.count] += 1
            left -= 1
            index += 1
        }
        return counts
    }
}

/// Made-up place names, English or Welsh in flavour, never repeated.
struct PlaceNames {
    private var english: [String]
    private var welsh: [String]

    init(random: inout SeededRandom) {
        let englishStarts = ["Ash", "Brad", "Cal", "Dun", "Elm", "Fern", "Glen", "Hal", "Ing", "Kirk", "Lang", "Mar", "Nor",
                             "Ock", "Pen", "Red", "Stan", "Thorn", "Up", "Wal", "West", "Whit", "Wood", "Brom", "Chal", "East",
                             "Hart", "Mill", "Rye", "Sel"]
        let englishEnds = ["bury", "ford", "ham", "ley", "ton", "wick", "field", "worth", "dale", "minster", "bridge",
                           "mouth", "stead", "by", "thorpe", "combe"]
        let welshStarts = ["Llan", "Aber", "Pont", "Caer", "Bryn", "Cwm", "Tre", "Pen", "Glyn", "Maes"]
        let welshEnds = ["dewi", "gwyn", "fawr", "wen", "nant", "coed", "dyfi"]
        english = englishStarts.flatMap { start in englishEnds.map { start + $0 } }
        welsh = welshStarts.flatMap { start in welshEnds.map { start + $0 } }
        for index in english.indices.reversed() { english.swapAt(index, random.integer(0...index)) }
        for index in welsh.indices.reversed() { welsh.swapAt(index, random.integer(0...index)) }
    }

    mutating func next(welsh isWelsh: Bool) -> String {
        isWelsh ? welsh.removeLast() : english.removeLast()
    }
}
