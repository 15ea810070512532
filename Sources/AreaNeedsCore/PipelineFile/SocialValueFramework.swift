import Foundation
import Yams

/// The council's Social Value Framework as data: five objectives, seven outcomes, their
/// corporate priorities and example supplier measures (`data-raw/framework/`).
public struct SocialValueFramework: Codable, Sendable, Equatable {
    package var objectives: [Objective]

    package struct Objective: Codable, Sendable, Equatable {
        package var id: Int
        package var shortName: String
        package var title: String
        package var description: String
        package var outcomes: [Outcome]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, shortName = "short-name", title, description, outcomes
        }

        package init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Int.self, forKey: .id)
            shortName = try container.decode(String.self, forKey: .shortName)
            title = try container.decode(String.self, forKey: .title)
            description = try container.decode(String.self, forKey: .description)
            outcomes = try container.decode([Outcome].self, forKey: .outcomes)
        }
    }

    package struct Outcome: Codable, Sendable, Equatable {
        package var id: Int
        package var outcome: String
        package var corporatePriorities: [String]
        package var exampleMeasures: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, outcome, corporatePriorities = "corporate-priorities", exampleMeasures = "example-measures"
        }

        package init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Int.self, forKey: .id)
            outcome = try container.decode(String.self, forKey: .outcome)
            corporatePriorities = try container.decode([String].self, forKey: .corporatePriorities)
            exampleMeasures = try container.decode([String].self, forKey: .exampleMeasures)
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case objectives }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        objectives = try container.decode([Objective].self, forKey: .objectives)
    }

    /// Reads and checks the framework file, as strictly as a pipeline file
    /// (`ConfigurationFile`): objectives 1-5 and outcomes 1-7, each once, and text that
    /// can be published (`SafeText`).
    public static func load(path: String) throws(AreaNeedsError) -> SocialValueFramework {
        guard let root = try ConfigurationFile(path: path, kind: "framework file").root else {
            throw AreaNeedsError(.configuration, "\(path): the framework file is empty")
        }
        let locator = YAMLLocator(root: root, file: path)
        let framework: SocialValueFramework
        do {
            framework = try YAMLDecoder().decode(SocialValueFramework.self, from: root)
        } catch let error as DecodingError {
            throw AreaNeedsError(.configuration, locator.describe(error))
        } catch {
            throw AreaNeedsError(.configuration, "\(path): \(error)")
        }
        let objectiveIds = framework.objectives.map(\.id)
        let outcomeIds = framework.objectives.flatMap { $0.outcomes.map(\.id) }
        guard objectiveIds == Array(1...5), outcomeIds.sorted() == Array(1...7) else {
            throw AreaNeedsError(.configuration, "\(path): the framework must list objectives 1 to 5 in order and outcomes 1 to 7 once each")
        }
        if let problem = framework.textProblems().first {
            throw AreaNeedsError(.configuration, locator.describe(problem))
        }
        return framework
    }

    /// The framework's published texts that a spreadsheet or terminal would act on.
    private func textProblems() -> [PipelineProblem] {
        var problems: [PipelineProblem] = []
        func check(_ text: String, _ path: [any CodingKey], multiline: Bool = false) {
            if let problem = PublishedText.problem(text, multiline: multiline) { problems.append(PipelineProblem(path: path, message: problem)) }
        }
        for (index, objective) in objectives.enumerated() {
            let at: [any CodingKey] = [AnyCodingKey(stringValue: "objectives"), AnyCodingKey(intValue: index)!]
            check(objective.shortName, at + [AnyCodingKey(stringValue: "short-name")])
            check(objective.title, at + [AnyCodingKey(stringValue: "title")])
            check(objective.description, at + [AnyCodingKey(stringValue: "description")], multiline: true)
            for (number, outcome) in objective.outcomes.enumerated() {
                let outcomeAt = at + [AnyCodingKey(stringValue: "outcomes"), AnyCodingKey(intValue: number)!]
                check(outcome.outcome, outcomeAt + [AnyCodingKey(stringValue: "outcome")], multiline: true)
                for (item, priority) in outcome.corporatePriorities.enumerated() {
                    check(priority, outcomeAt + [AnyCodingKey(stringValue: "corporate-priorities"), AnyCodingKey(intValue: item)!], multiline: true)
                }
                for (item, measure) in outcome.exampleMeasures.enumerated() {
                    check(measure, outcomeAt + [AnyCodingKey(stringValue: "example-measures"), AnyCodingKey(intValue: item)!], multiline: true)
                }
            }
        }
        return problems
    }
}
