import ArgumentParser

/// `areaneeds geography`: checking and building area definitions.
struct GeographyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geography",
        abstract: "Check an area geography, or build the provisional Lancashire SPA set.",
        subcommands: [GeographyCheckCommand.self, GeographyBuildProvisionalCommand.self]
    )
}
