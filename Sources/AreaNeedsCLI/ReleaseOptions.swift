import AreaNeedsAssess
import AreaNeedsCore
import ArgumentParser
import Foundation

/// The options of the commands that read a release.
struct ReleaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The release to read: a version folder, a pipeline's `latest` link or folder, or `latest` (the newest release of the only pipeline under --data-out; the default).",
        valueName: "path-or-latest"))
    var release: String?

    @Option(help: ArgumentHelp("A pipeline file: read the newest release it published (instead of --release).", valueName: "pipeline-file"))
    var pipeline: String?

    @Option(name: .customLong("data-out"), help: ArgumentHelp("Where releases are, for `--release latest`.", valueName: "folder"))
    var dataOut = "data-out"

    func validate() throws {
        if release != nil && pipeline != nil { throw ValidationError("give --release or --pipeline, not both") }
    }

    /// Opens and verifies the release; refuses one that fails its checks.
    func open() throws(AreaNeedsError) -> NeedsRelease {
        try NeedsRelease.open(try location(), dataOut: dataOut)
    }

    /// Where the release is: `--release`, or the `latest` link of `--pipeline`'s releases.
    func location() throws(AreaNeedsError) -> String {
        guard let pipeline else { return release ?? "latest" }
        let folder = try Pipeline.load(path: pipeline).releasesFolder
        guard FileManager.default.fileExists(atPath: folder + "/latest") else {
            throw AreaNeedsError(.missingInput, """
                \(folder): no release of \(pipeline) yet
                  Run `areaneeds run \(pipeline)` first.
                """)
        }
        return folder + "/latest"
    }
}

/// A sum of money on the command line: `250000`, `250,000`, `£250,000.50`.
struct PoundsArgument: ExpressibleByArgument {
    let amount: Double

    init?(argument: String) {
        var text = argument.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        if text.hasPrefix("£") { text.removeFirst() }
        // Digits and at most one point: no exponents, no "inf" or "nan".
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              text.filter({ $0 == "." }).count <= 1, let value = Double(text) else { return nil }
        amount = negative ? -value : value
    }
}

extension Impact: ExpressibleByArgument {}
