import AreaNeedsAssess
import AreaNeedsCore
import ArgumentParser

/// `areaneeds advise`: which objectives and example supplier measures fit some areas.
struct AdviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advise",
        abstract: "Rank the social value objectives by need in some areas, with what suppliers could deliver.",
        discussion: """
            Objectives come greatest need first: by the worst (lowest) objective need quintile \
            among the areas, then by the mean of their objective need ranks. Each comes with its \
            outcomes, the corporate priorities they link to and the framework's example supplier \
            measures (examples only, not an exhaustive list).

            Example:
              areaneeds advise --areas Burnley

            Exit codes: 0 answered; \(ExitCodes.releaseCommandLine); \
            \(AreaNeedsError.Category.inputData.exitCode) the release is corrupt or incomplete; \
            \(AreaNeedsError.Category.missingInput.exitCode) no such release.
            """)

    @OptionGroup var source: ReleaseOptions

    @Option(help: ArgumentHelp(
        "The areas, comma-separated: area codes (SPA07), district codes (E07000117) or names (Burnley: all its areas), area names, or `county`.",
        valueName: "areas"))
    var areas: [String]

    @Flag(help: "Answer in JSON (the layout is documented in docs/assess.md).")
    var json = false

    func run() throws {
        try reportingErrors {
            Terminal.writeOutput(try answer(), terminator: "")
        }
    }

    /// The answer, as text or JSON.
    func answer() throws(AreaNeedsError) -> String {
        let release = try source.open()
        let advice = Advice(for: try AreaSelection.resolve(areas, in: release), in: release)
        return json ? String(decoding: advice.json.encoded(), as: UTF8.self) : advice.text
    }
}
