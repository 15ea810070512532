import AreaNeedsAssess
import AreaNeedsCore
import AreaNeedsRelease
import ArgumentParser
import Foundation

/// The options of the commands that read a release: which release, by folder or by
/// pipeline. With several pipelines published and none named, `latest` is the release of
/// `default-pipeline` in `areaneeds.yml`, else the command says which exist.
struct ReleaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The release to read: a version folder, a pipeline's `latest` link or folder, or `latest` (the newest release of --pipeline, of the only pipeline published, or of `default-pipeline` in areaneeds.yml).",
        valueName: "path-or-latest"))
    var release = "latest"

    @Option(help: ArgumentHelp("The pipeline whose latest release to read, when several have published.", valueName: "name"))
    var pipeline: String?

    @Option(name: .customLong("data-out"), help: ArgumentHelp("Where releases are (default: data-out, or `data-out` in areaneeds.yml).", valueName: "folder"))
    var dataOut: String?

    /// Opens and verifies the release, for assess and advise; refuses one that fails its checks.
    func open() throws(AreaNeedsError) -> NeedsRelease {
        let settings = try ProjectSettings.load()
        return try NeedsRelease.open(release, dataOut: dataOut ?? settings.dataOut ?? "data-out", pipeline: pipeline,
                                     defaultPipeline: settings.defaultPipeline)
    }

    /// Opens and verifies the release; refuses one that fails its checks.
    func openRelease() throws(AreaNeedsError) -> Release {
        let settings = try ProjectSettings.load()
        return try Release.open(release, dataOut: dataOut ?? settings.dataOut ?? "data-out", pipeline: pipeline,
                                defaultPipeline: settings.defaultPipeline)
    }
}

/// A sum of money on the command line, as people write one: `250000`, `250,000`,
/// `£250,000.50`, `£250k`, `1.2m`.
struct PoundsArgument {
    let amount: Double

    /// What the refusal lists.
    static let forms = "250000, 250,000, £250,000.50, £250k or 1.2m"

    /// Parses the text; throws a validation error listing the accepted forms.
    static func parse(_ argument: String) throws -> PoundsArgument {
        guard let amount = amount(argument) else {
            throw ValidationError("'\(argument)' is not a sum of pounds: write it as \(forms)")
        }
        return PoundsArgument(amount: amount)
    }

    private static func amount(_ argument: String) -> Double? {
        var text = argument.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        if text.hasPrefix("£") { text.removeFirst() }
        var multiplier = 1.0
        switch text.last {
        case "k", "K": multiplier = 1_000
        case "m", "M": multiplier = 1_000_000
        default: break
        }
        if multiplier != 1 { text.removeLast() }
        // Digits and at most one point: no exponents, no "inf" or "nan".
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              text.filter({ $0 == "." }).count <= 1, text != ".", let value = Double(text) else { return nil }
        // Four hundred digits read as infinity: not an amount.
        let amount = (negative ? -value : value) * multiplier
        return amount.isFinite ? amount : nil
    }
}

extension Impact: ExpressibleByArgument {}
