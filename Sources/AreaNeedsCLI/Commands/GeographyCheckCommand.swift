import AreaNeedsCore
import AreaNeedsGeography
import ArgumentParser

/// `areaneeds geography check`: reads an areas table and its lookups, summarises them and
/// reports every problem found.
struct GeographyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an areas table and its small-area lookups, and summarise them.",
        discussion: """
            Prints the areas per district, each area's population and how many small areas of \
            each lookup map to it, then every problem found: areas not in exactly one district, \
            repeated rows, weights that are not above 0 or do not sum to 1 per small area, rows \
            mapping to unknown areas, areas a lookup never reaches, small areas mapped outside \
            their district and, with --reference, small areas of the districts left unmapped. \
            Exits 0 when there is none.

            Give a pipeline file to check the geography it names (`areaneeds geography check \
            pipelines/sample.yml`), or the files themselves with --areas and --lookup.

            \(ExitCodes.help)
            """
    )

    @Argument(help: ArgumentHelp("A pipeline file whose geography to check (instead of --areas and --lookup).", valueName: "pipeline"))
    var pipeline: String?

    @Option(help: ArgumentHelp(
        "The areas table: <area-key>_code, <area-key>_name, district_code, district_name and, optionally, population.",
        valueName: "file"))
    var areas: String?

    @Option(help: "The prefix of the area columns: spa reads spa_code and spa_name.")
    var areaKey = "spa"

    @Option(name: .customLong("lookup"), help: ArgumentHelp(
        "A lookup from small areas to areas, as GEOGRAPHY=FILE with GEOGRAPHY one of oa11, lsoa11, lsoa21, msoa11, ward; "
            + "columns <geography>_code, <area-key>_code, optionally <geography>_name and weight. Repeat for each lookup.",
        valueName: "geography=file"))
    var lookups: [String] = []

    @Option(help: ArgumentHelp(
        "The ONS LSOA (2011) to LSOA (2021) lookup (LSOA11CD, LSOA21CD, CHGIND), for 2021 LSOAs with new codes.",
        valueName: "file"))
    var lsoa21BestFit: String?

    @Option(help: ArgumentHelp(
        "District codes, comma-separated: each must have areas, and no area may lie elsewhere.",
        valueName: "codes"))
    var districts: String?

    @Option(name: .customLong("reference"), help: ArgumentHelp(
        "An ONS lookup listing the small areas of each district (OA11CD, LSOA11CD, MSOA11CD, LSOA21CD or WDyyCD, "
            + "with LADyyCD): every one in the districts checked must be mapped. Repeatable.",
        valueName: "file"))
    var references: [String] = []

    var districtCodes: [String]? {
        districts.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    func validate() throws {
        _ = try lookupFiles()
        if districtCodes?.isEmpty == true { throw ValidationError("--districts names no district") }
        switch (pipeline, areas) {
        case (nil, nil): throw ValidationError("give a pipeline file, or the areas table with --areas")
        case (.some, .some): throw ValidationError("give a pipeline file or --areas, not both")
        default: break
        }
    }

    /// The lookups the command line names.
    func lookupFiles() throws -> [LookupFile] {
        try lookups.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ValidationError("--lookup \(text): write GEOGRAPHY=FILE, such as lsoa11=data-raw/geography/lancashire-spa-lsoa11.csv")
            }
            guard let level = ReleaseText.value(parts[0], as: GeographyLevel.self) else {
                let known = GeographyLevel.allCases.filter { $0 != .district && $0 != .area && $0 != .county }.map(ReleaseText.text).joined(separator: ", ")
                throw ValidationError("--lookup \(text): \"\(parts[0])\" is not a geography (one of \(known))")
            }
            return LookupFile(level: level, path: parts[1], areaKey: areaKey)
        }
    }

    func run() throws {
        try reportingErrors {
            var districtCodes = self.districtCodes
            let geography: Geography
            if let pipeline {
                let loaded = try Pipeline.load(path: pipeline)
                districtCodes = districtCodes ?? loaded.file.geography.districts
                geography = try geographyErrors {
                    try Geography.load(areas: loaded.areasFile, lookups: loaded.lookupFiles,
                                       lsoa21BestFit: loaded.file.geography.lsoa21?.bestFit.map(loaded.resolve))
                }
            } else {
                geography = try geographyErrors {
                    try Geography.load(areas: AreasFile(path: areas ?? "", areaKey: areaKey), lookups: try lookupFiles(), lsoa21BestFit: lsoa21BestFit)
                }
            }
            for line in GeographySummary.lines(geography) { Terminal.writeOutput(line) }
            Terminal.writeOutput("")

            let covered = Set(districtCodes ?? geography.districtCodes)
            var reference: SmallAreaReference?
            for path in references {
                try geographyErrors { try reference.add(onsLookup: path, districts: covered) }
            }
            if reference == nil && districtCodes != nil {
                Terminal.writeOutput("note: without --reference, whether every small area of the districts is mapped is not checked")
            }
            let problems = geography.check(districts: districtCodes, reference: reference)
            guard problems.isEmpty else { throw AreaNeedsError(.inputData, GeographyCheckFailure(problems: problems).description) }
            Terminal.writeOutput("check: no problems")
        }
    }
}

extension Optional where Wrapped == SmallAreaReference {
    /// Adds an ONS lookup to the reference, starting one if there is none yet.
    fileprivate mutating func add(onsLookup path: String, districts: Set<String>) throws {
        var reference = self ?? SmallAreaReference()
        try reference.add(onsLookup: path, districts: districts)
        self = reference
    }
}
