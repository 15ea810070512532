import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsTables
import ArgumentParser
import Foundation

/// `areaneeds geography build-provisional`: builds the provisional Lancashire SPA set from
/// ONS lookups and IoD 2019 populations, writes it, and checks what it wrote.
struct GeographyBuildProvisionalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-provisional",
        abstract: "Build the provisional set of Lancashire's 34 SPAs from MSOAs.",
        discussion: """
            Shares the 34 SPAs between the 12 districts in proportion to population (largest \
            remainder, at least two each), then cuts each district's MSOAs, in the order of their \
            ONS number, into runs of near-equal population. Writes the areas table and lookups \
            from LSOAs, MSOAs, wards (split by population) and output areas, then checks them. \
            The set is PROVISIONAL: it stands in until the council's definition replaces it.

            \(ExitCodes.help)
            """
    )

    /// Where the inputs are by default: the shared copies beside the repository.
    static let defaults = (
        oaLookup: "../shared/data/real/fe6c55f0924b4734adf1cf7104a0173e_0.csv.gz",
        populations: "../shared/data/real/csv/imd2019-file6-population-denominators.csv",
        wardLookup: "../shared/data/real/Lower_Layer_Super_Output_Area_(2011)_to_Ward_(2019)_Lookup_in_England_and_Wales.csv"
    )

    @Option(help: ArgumentHelp(
        "The ONS output area to LSOA, MSOA and district lookup (OA11CD, LSOA11CD, LSOA11NM, MSOA11CD, MSOA11NM, LAD17CD, LAD17NM); "
            + "default \(defaults.oaLookup) when present.",
        valueName: "file"))
    var oaLookup: String?

    @Option(help: ArgumentHelp(
        "The IoD 2019 population denominators (File 6) as CSV (LSOA code (2011), Total population: mid 2015 (excluding prisoners)); "
            + "default \(defaults.populations) when present.",
        valueName: "file"))
    var populations: String?

    @Option(help: ArgumentHelp(
        "The ONS LSOA (2011) to ward (2019) lookup (LSOA11CD, WD19CD, WD19NM, LAD19CD); default \(defaults.wardLookup) when present.",
        valueName: "file"))
    var wardLookup: String?

    @Option(help: ArgumentHelp("The folder to write the tables into.", valueName: "folder"))
    var output = "data-raw/geography"

    /// The file given, or the default when it is there.
    private func input(_ given: String?, default path: String, option: String) throws -> String {
        if let given { return given }
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("give --\(option): the default \(path) is not there")
        }
        return path
    }

    func run() throws {
        let oaLookup = try input(oaLookup, default: Self.defaults.oaLookup, option: "oa-lookup")
        let populations = try input(populations, default: Self.defaults.populations, option: "populations")
        let wardLookup = try input(wardLookup, default: Self.defaults.wardLookup, option: "ward-lookup")
        try reportingErrors {
            let set = try geographyErrors {
                try ProvisionalSpaSet.build(oaLookup: oaLookup, populations: populations, wardLookup: wardLookup)
            }
            try geographyErrors { try set.write(to: output) }

            // Read back what was written, and check it against the ONS lookups it came from.
            let files = ProvisionalSpaSet.files(in: output)
            let geography = try geographyErrors { try Geography.load(areas: files.areas, lookups: files.lookups, lsoa21BestFit: nil) }
            for line in GeographySummary.lines(geography) { Terminal.writeOutput(line) }
            let spaPopulations = geography.areas.compactMap(\.population)
            Terminal.writeOutput("\nSPA populations from \(NumberText.format(spaPopulations.min()!)) to \(NumberText.format(spaPopulations.max()!))")

            let districts = Set(Lancashire.districtCodes)
            var reference = try geographyErrors { try SmallAreaReference.load(onsLookup: oaLookup, districts: districts) }
            try geographyErrors { try reference.add(onsLookup: wardLookup, districts: districts) }
            let problems = geography.check(districts: Lancashire.districtCodes, reference: reference)
            guard problems.isEmpty else {
                throw AreaNeedsError(.internal, "the set just written fails its check; " + GeographyCheckFailure(problems: problems).description)
            }
            Terminal.writeOutput("wrote \(set.tables.count) tables to \(output); check: no problems")
        }
    }
}
