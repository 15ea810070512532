import Foundation

/// Makes the bundled sample: synthetic extracts for all twenty indicators of the Social
/// Value Framework, over the provisional Lancashire SPA geography, each at the geography it
/// is really published at and written as messily as real extracts are.
///
/// The figures come from a latent need score per small area with spatial structure
/// (district, SPA, MSOA and LSOA effects), so neighbouring areas resemble each other and
/// indicators of one objective agree more often than not, as real ones do. Everything is
/// made up; every file name says SYNTHETIC. The same seed gives byte-identical files.
package struct SampleGenerator {
    package let geographyFolder: String
    package let outputFolder: String
    package let seed: UInt64

    package init(geographyFolder: String, outputFolder: String, seed: UInt64 = 2026) {
        self.geographyFolder = geographyFolder
        self.outputFolder = outputFolder
        self.seed = seed
    }

    /// Writes every file; returns their paths.
    @discardableResult
    package func generate() throws -> [String] {
        let geography = try SampleGeography.read(folder: geographyFolder)
        try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
        var random = SeededRandom(seed: seed)
        let world = SyntheticWorld(geography: geography, random: &random)
        var written: [String] = []
        for (name, table) in SampleFiles(world: world).all(random: &random) {
            let path = outputFolder + "/" + name
            try table.write(to: path)
            written.append(path)
        }
        return written
    }
}

/// The latent need of every small area, and the populations the counts are drawn from.
struct SyntheticWorld {
    struct Lsoa {
        var code, name, msoaName, areaCode, districtCode, districtName: String
        /// Higher is more need; about -2...2.
        var need: Double
        var population: Int
    }

    let geography: SampleGeography
    var lsoas: [Lsoa] = []
    var needByMsoa: [String: Double] = [:]
    var needByArea: [String: Double] = [:]
    var populationByMsoa: [String: Int] = [:]
    var needByDistrict: [String: Double] = [:]
    var populationByDistrict: [String: Int] = [:]
    var districts: [(code: String, name: String)] = []
    /// How far each area's need on each objective strays from its overall need: areas
    /// are not equally needy on every objective.
    var objectiveShift: [String: [Int: Double]] = [:]

    init(geography: SampleGeography, random: inout SeededRandom) {
        self.geography = geography
        var areaEffect: [String: Double] = [:]
        var districtOf: [String: (code: String, name: String)] = [:]
        for area in geography.areas {
            if needByDistrict[area.districtCode] == nil {
                needByDistrict[area.districtCode] = random.normal(sd: 0.6)
                districts.append((area.districtCode, area.districtName))
            }
            areaEffect[area.code] = random.normal(sd: 0.45)
            districtOf[area.code] = (area.districtCode, area.districtName)
            objectiveShift[area.code] = Dictionary(uniqueKeysWithValues: (1...5).map { ($0, random.normal(sd: 0.55)) })
        }
        var msoaEffect: [String: Double] = [:]
        for lsoa in geography.lsoas {
            let msoa = SyntheticWorld.msoaName(of: lsoa.name)
            if msoaEffect[msoa] == nil { msoaEffect[msoa] = random.normal(sd: 0.35) }
            let district = districtOf[lsoa.areaCode] ?? ("", "")
            let need = (needByDistrict[district.code] ?? 0) + (areaEffect[lsoa.areaCode] ?? 0)
                + (msoaEffect[msoa] ?? 0) + random.normal(sd: 0.3)
            let population = Int(max(900, random.normal(mean: 1600, sd: 260)).rounded())
            lsoas.append(Lsoa(code: lsoa.code, name: lsoa.name, msoaName: msoa, areaCode: lsoa.areaCode, districtCode: district.code,
                              districtName: district.name, need: need, population: population))
        }
        var needSums: [String: Double] = [:]
        var districtNeed: [String: Double] = [:]
        var areaNeed: [String: (sum: Double, count: Int)] = [:]
        for (lsoa, small) in zip(lsoas, geography.lsoas) {
            areaNeed[small.areaCode, default: (0, 0)].sum += lsoa.need
            areaNeed[small.areaCode, default: (0, 0)].count += 1
        }
        for (area, total) in areaNeed { needByArea[area] = total.sum / Double(total.count) }
        for lsoa in lsoas {
            needSums[lsoa.msoaName, default: 0] += lsoa.need * Double(lsoa.population)
            populationByMsoa[lsoa.msoaName, default: 0] += lsoa.population
            districtNeed[lsoa.districtCode, default: 0] += lsoa.need * Double(lsoa.population)
            populationByDistrict[lsoa.districtCode, default: 0] += lsoa.population
        }
        for (msoa, sum) in needSums { needByMsoa[msoa] = sum / Double(populationByMsoa[msoa] ?? 1) }
        for (district, sum) in districtNeed { needByDistrict[district] = sum / Double(populationByDistrict[district] ?? 1) }
    }

    /// An LSOA's need on one objective.
    func need(_ lsoa: Lsoa, objective: Int) -> Double {
        lsoa.need + (objectiveShift[lsoa.areaCode]?[objective] ?? 0)
    }

    /// An area's shift on one objective (0 for unknown areas).
    func shift(_ area: String, objective: Int) -> Double {
        objectiveShift[area]?[objective] ?? 0
    }

    /// "Burnley 001A" -> "Burnley 001".
    static func msoaName(of lsoaName: String) -> String {
        guard let last = lsoaName.last, last.isLetter else { return lsoaName }
        return String(lsoaName.dropLast())
    }

    /// A proportion that rises with need: logistic around `typical`, `spread` per unit of need.
    static func proportion(typical: Double, spread: Double, need: Double, noise: Double) -> Double {
        let centre = log(typical / (1 - typical))
        return 1 / (1 + exp(-(centre + spread * need + noise)))
    }
}
