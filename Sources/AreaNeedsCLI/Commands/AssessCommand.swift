import AreaNeedsAssess
import AreaNeedsCore
import ArgumentParser

/// `areaneeds assess`: the 5%/10% social value weighting of a contract, with its reasons.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Decide whether a contract weights social value at 5% or 10%, and say why.",
        discussion: """
            Applies section 5 of the council's Social Value Policy to a release's need quintiles. \
            10%: significant impact, on two or more objectives, and the areas served include \
            communities with the highest needs (objective need quintile 1 or 2) on at least two of \
            those objectives; a county-wide service reaches them by definition. 5%: some or \
            significant impact on at least two objectives. Fewer than two objectives: the \
            framework's criteria are not met; 5% stands as the minimum and the contract goes to the \
            Procurement Board. A value below the procurement threshold needs no weighting.

            Examples:
              areaneeds assess --areas county --objectives 1,2,5 --impact significant
              areaneeds assess --areas Burnley,SPA07 --objectives 1,equity --impact some --json

            Exit codes: 0 answered; \(ExitCodes.undetermined) cannot be decided from this release (the answer says \
            what is missing and what the weighting would be either way); \
            \(ExitCodes.releaseCommandLine); \
            \(AreaNeedsError.Category.inputData.exitCode) the release is corrupt or incomplete (nothing is decided); \
            \(AreaNeedsError.Category.missingInput.exitCode) no such release.
            """)

    @OptionGroup var source: ReleaseOptions

    @Option(help: ArgumentHelp(
        "The areas served, comma-separated: area codes (SPA07), district codes (E07000117) or names (Burnley: all its areas), area names, or `county`.",
        valueName: "areas"))
    var areas: [String]

    @Option(help: ArgumentHelp(
        "The objectives the contract addresses, comma-separated: numbers 1-5 or short names (employment, living-standards, community-sector, equity, environment).",
        valueName: "objectives"))
    var objectives: [String]

    @Option(help: ArgumentHelp("The expected additional impact of the social value: significant or some.", valueName: "impact"))
    var impact: Impact

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "The contract's value in pounds (\(PoundsArgument.forms)); below the procurement threshold no weighting is required.",
        valueName: "pounds"), transform: PoundsArgument.parse)
    var value: PoundsArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "A procurement threshold in pounds to use instead of the release's (\(PoundsArgument.forms)).", valueName: "pounds"),
        transform: PoundsArgument.parse)
    var threshold: PoundsArgument?

    @Flag(help: "Answer in JSON (the layout is documented in docs/assess.md).")
    var json = false

    func run() throws {
        let (text, exitCode) = try reportingErrors { try answer() }
        Terminal.writeOutput(text, terminator: "")
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// The answer as printed, and its exit code: 0, or `ExitCodes.undetermined` when the
    /// release cannot decide it (scripts must not read "cannot be decided" as an answer).
    func answer() throws(AreaNeedsError) -> (text: String, exitCode: Int32) {
        let assessment = try assess()
        let text = json ? String(decoding: assessment.json.encoded(), as: UTF8.self) : assessment.text
        return (text, assessment.isDecided ? 0 : ExitCodes.undetermined)
    }

    /// The assessment of the request over the release.
    func assess() throws(AreaNeedsError) -> Assessment {
        let release = try source.open()
        let request = try AssessmentRequest(
            areas: try AreaSelection.resolve(areas, in: release),
            objectives: try ObjectiveSelection.resolve(objectives, in: release),
            impact: impact, value: value?.amount, threshold: threshold?.amount)
        return Assessment(request, in: release)
    }
}
