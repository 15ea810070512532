import ArgumentParser

/// `areaneeds`: the umbrella command. Each subcommand lives in `Commands/`.
package struct AreaNeedsCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "areaneeds",
        abstract: "Ranks areas by need on the Social Value Framework's indicators, and answers the 5%/10% question.",
        discussion: ExitCodes.help,
        version: ToolVersionText.current,
        subcommands: [
            RunCommand.self,
            IngestCommand.self,
            NormaliseCommand.self,
            RankCommand.self,
            PublishCommand.self,
            ValidateCommand.self,
            StagingTableCommand.self,
            PeekCommand.self,
            SummaryCommand.self,
            ShowCommand.self,
            DiffCommand.self,
            ReportCommand.self,
            GeographyCommand.self,
            SampleCommand.self,
            AssessCommand.self,
            AdviseCommand.self,
        ]
    )

    package init() {}
}
