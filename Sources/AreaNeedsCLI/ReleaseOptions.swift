import AreaNeedsAssess
import AreaNeedsCore
import ArgumentParser
import Foundation

/// The options of the commands that read a release.
struct ReleaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The release to read: a version folder, a pipeline's `latest` link or folder, or `latest` (the newest release of the only pipeline under --data-out).",
        valueName: "path-or-latest"))
    var release = "latest"

    @Option(name: .customLong("data-out"), help: ArgumentHelp("Where releases are, for `--release latest`.", valueName: "folder"))
    var dataOut = "data-out"

    /// Opens and verifies the release; refuses one that fails its checks.
    func open() throws(AreaNeedsError) -> NeedsRelease {
        try NeedsRelease.open(release, dataOut: dataOut)
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
