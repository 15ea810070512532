import AreaNeedsCore
import AreaNeedsRelease
import ArgumentParser

/// `areaneeds diff`: what changed between two releases, for people or (`--json`) for tools.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two releases.",
        usage: """
            areaneeds diff <from-release> <to-release> [--json]
            areaneeds diff <pipeline-folder> <from-version> <to-version> [--json]
            """,
        discussion: """
            A release is a version folder (data-out/sample/1.0.0), a `latest` link, or a \
            pipeline folder (its latest release); with three arguments, the versions are \
            folders of the pipeline folder, and either may be `latest`:

              areaneeds diff data-out/sample/1.0.0 data-out/sample/1.1.0
              areaneeds diff data-out/sample 1.0.0 latest --json

            Both releases are checked against their SHA256SUMS first. The report lists \
            tables, columns, areas and indicators added or removed; the areas that crossed \
            the highest-need line (need quintile 1 or 2, the communities with the highest \
            needs) on an indicator or objective; every need quintile change; and the \
            indicators whose figures changed. `--json` gives the same for tools, with the \
            field names documented in data-out/README.md.

            Exit codes: 0 the comparison was made, whether or not the releases differ; \
            64 bad command line; \(AreaNeedsError.Category.inputData.exitCode) a release is \
            corrupt or incomplete (does not match its checksums); \
            \(AreaNeedsError.Category.missingInput.exitCode) a release folder is missing.
            """)

    @Argument(help: ArgumentHelp(
        "Two releases, or a pipeline folder and two of its versions.",
        valueName: "release-or-version"))
    var releases: [String] = []

    @Flag(help: "Write JSON for tools instead of text for people.")
    var json = false

    func validate() throws {
        guard releases.count == 2 || releases.count == 3 else {
            throw ValidationError("give two releases, or a pipeline folder and two versions (got \(releases.count) argument\(releases.count == 1 ? "" : "s"))")
        }
        if releases.count == 3 {
            for version in releases.dropFirst() where version != "latest" && ReleaseVersion(version) == nil {
                throw ValidationError("\(version) is not a version such as 1.2.0 (or `latest`)")
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let locations = releases.count == 3
                ? [releases[0] + "/" + releases[1], releases[0] + "/" + releases[2]]
                : releases
            let diff = try ReleaseDiff(from: Release.open(locations[0]), to: Release.open(locations[1]))
            if json {
                Terminal.writeOutput(String(decoding: diff.json.encoded(), as: UTF8.self), terminator: "")
            } else {
                Terminal.writeOutput(diff.text, terminator: "")
            }
        }
    }
}
