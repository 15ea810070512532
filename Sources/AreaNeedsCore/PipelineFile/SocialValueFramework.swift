import Foundation
import Yams

/// The council's Social Value Framework as data: five objectives, seven outcomes, their
/// corporate priorities and example supplier measures (`data-raw/framework/`).
public struct SocialValueFramework: Codable, Sendable, Equatable {
    public var objectives: [Objective]

    public struct Objective: Codable, Sendable, Equatable {
        public var id: Int
        public var shortName: String
        public var title: String
        public var description: String
        public var outcomes: [Outcome]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, shortName = "short-name", title, description, outcomes
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(Int.self, forKey: .id)
            shortName = try container.decode(String.self, forKey: .shortName)
            title = try container.decode(String.self, forKey: .title)
            description = try container.decode(String.self, forKey: .description)
            outcomes = try container.decode([Outcome].self, forKey: .outcomes)
        }
    }

    public struct Outcome: Codable, Sendable, Equatable {
        public var id: Int
        public var outcome: String
        public var corporatePriorities: [String]
        public var exampleMeasures: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, outcome, corporatePriorities = "corporate-priorities", exampleMeasures = "example-measures"
        }

        public init(from decoder: Decoder) throws {
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

    /// Reads and checks the framework file: objectives 1-5 and outcomes 1-7, each once.
    public static func load(path: String) throws(AreaNeedsError) -> SocialValueFramework {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw AreaNeedsError(.missingInput, "\(path): the social value framework file is missing")
        }
        let framework: SocialValueFramework
        do {
            framework = try YAMLDecoder().decode(SocialValueFramework.self, from: text)
        } catch {
            throw AreaNeedsError(.configuration, "\(path): \(error)")
        }
        let objectiveIds = framework.objectives.map(\.id)
        let outcomeIds = framework.objectives.flatMap { $0.outcomes.map(\.id) }
        guard objectiveIds == Array(1...5), outcomeIds.sorted() == Array(1...7) else {
            throw AreaNeedsError(.configuration, "\(path): the framework must list objectives 1 to 5 in order and outcomes 1 to 7 once each")
        }
        return framework
    }
}
