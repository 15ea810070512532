import AreaNeedsCore
import AreaNeedsSample
import ArgumentParser
import Foundation

/// `areaneeds sample generate`: makes the bundled synthetic sample.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Make the bundled synthetic sample data.",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic extracts for all twenty indicators over the provisional SPA geography.",
            discussion: """
                The figures are made up by a seeded generator with realistic ranges and spatial \
                structure, and written as messily as real extracts are. Every file name says \
                SYNTHETIC. The same seed always gives the same files.
                """)

        @Option(help: "The folder of the provisional SPA geography tables.")
        var geography = "data-raw/geography"

        @Option(help: "Where to write the sample extracts.")
        var output = "data-raw/sample"

        @Option(help: "The random seed.")
        var seed: UInt64 = 2026

        func run() throws {
            try reportingErrors {
                do {
                    let files = try SampleGenerator(geographyFolder: geography, outputFolder: output, seed: seed).generate()
                    for file in files { Terminal.writeOutput(file) }
                } catch let error as AreaNeedsError {
                    throw error
                } catch {
                    throw AreaNeedsError(error, context: "sample")
                }
            }
        }
    }
}
