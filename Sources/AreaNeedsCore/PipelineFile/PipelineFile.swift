import AreaNeedsGeography

/// A pipeline definition (`pipelines/<name>.yml`): everything that changes from year to
/// year, so a refresh edits data and configuration, not code.
///
/// Relative paths in the file are relative to the folder that holds it.
public struct PipelineFile: Codable, Sendable, Equatable {
    /// The pipeline's name: the release folder under `data-out/`, stable across versions.
    package var name: String
    package var title: String
    package var description: String?
    /// True when the data is made up (the bundled sample); releases say so everywhere.
    package var synthetic: Bool
    /// Where releases go; defaults to `../data-out` beside the pipelines folder.
    package var output: String?
    package var release: ReleaseSpec
    package var geography: GeographySpec
    /// Named population tables, used as weights by indicators (`weight:`).
    package var populations: [String: PopulationSpec]
    package var checks: ChecksSpec
    /// Bounds on what one input file may hold.
    public var limits: LimitsSpec
    /// How areas are ranked besides nationally (across every area of the release).
    package var ranking: RankingSpec
    public var policy: PolicySpec
    /// The social value framework file; defaults to the one the project ships.
    package var framework: String?
    public var indicators: [IndicatorSpec]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name = "pipeline", title, description, synthetic, output, release, geography, populations, checks, limits, ranking, policy, framework, indicators
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        synthetic = try container.decodeIfPresent(Bool.self, forKey: .synthetic) ?? false
        output = try container.decodeIfPresent(String.self, forKey: .output)
        release = try container.decode(ReleaseSpec.self, forKey: .release)
        geography = try container.decode(GeographySpec.self, forKey: .geography)
        populations = try container.decodeIfPresent([String: PopulationSpec].self, forKey: .populations) ?? [:]
        checks = try container.decodeIfPresent(ChecksSpec.self, forKey: .checks) ?? ChecksSpec()
        limits = try container.decodeIfPresent(LimitsSpec.self, forKey: .limits) ?? LimitsSpec()
        ranking = try container.decodeIfPresent(RankingSpec.self, forKey: .ranking) ?? RankingSpec()
        policy = try container.decodeIfPresent(PolicySpec.self, forKey: .policy) ?? PolicySpec()
        framework = try container.decodeIfPresent(String.self, forKey: .framework)
        indicators = try container.decode([IndicatorSpec].self, forKey: .indicators)
    }
}

/// How releases describe themselves.
package struct ReleaseSpec: Codable, Sendable, Equatable {
    /// A label for people, such as "2026 refresh".
    package var label: String?
    package var publisher: String?
    package var licence: LicenceSpec
    /// The forms the tables are published in, in `ReleaseEdition` order; always CSV.
    package var editions: [ReleaseEdition]

    enum CodingKeys: String, CodingKey, CaseIterable { case label, publisher, licence, editions }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
        licence = try container.decodeIfPresent(LicenceSpec.self, forKey: .licence) ?? LicenceSpec()
        editions = try ReleaseSpec.editions(container.decodeIfPresent([ReleaseEdition].self, forKey: .editions), at: container.codingPath)
    }

    /// The editions listed, checked: CSV among them, none twice.
    private static func editions(_ listed: [ReleaseEdition]?, at path: [any CodingKey]) throws -> [ReleaseEdition] {
        guard let listed else { return ReleaseEdition.defaults }
        func problem(_ message: String) -> DecodingError {
            .dataCorrupted(DecodingError.Context(codingPath: path + [CodingKeys.editions], debugDescription: message))
        }
        guard listed.contains(.csv) else {
            throw problem("csv is missing: the CSV tables are always published (they are the release's contract); list it with the others")
        }
        if let twice = listed.first(where: { edition in listed.count { $0 == edition } > 1 }) {
            throw problem("\(twice.rawValue) is listed twice")
        }
        return listed.sorted()
    }
}

/// The licence a release is published under (Frictionless `licenses`).
package struct LicenceSpec: Codable, Sendable, Equatable {
    package var name: String
    package var title: String
    package var path: String

    enum CodingKeys: String, CodingKey, CaseIterable { case name, title, path }

    package init(
        name: String = "OGL-UK-3.0",
        title: String = "Open Government Licence v3.0",
        path: String = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    ) {
        self.name = name
        self.title = title
        self.path = path
    }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        title = try container.decode(String.self, forKey: .title)
        path = try container.decode(String.self, forKey: .path)
    }
}

/// The council's procurement rules that `assess` applies.
public struct PolicySpec: Codable, Sendable, Equatable {
    /// Contracts below this value (pounds) need no social value weighting.
    public var procurementThreshold: Double
    /// Where the threshold comes from, shown with every answer that uses it.
    package var thresholdSource: String

    /// The default: the Public Contracts Regulations 2015 threshold for services contracts
    /// of sub-central authorities, £214,904 (VAT inclusive) from 1 January 2024.
    package static let defaultThreshold = 214_904.0
    package static let defaultThresholdSource =
        "Public Contracts Regulations 2015 threshold for services contracts of sub-central authorities, £214,904 including VAT, from 1 January 2024"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case procurementThreshold = "procurement-threshold"
        case thresholdSource = "threshold-source"
    }

    package init(procurementThreshold: Double = PolicySpec.defaultThreshold, thresholdSource: String = PolicySpec.defaultThresholdSource) {
        self.procurementThreshold = procurementThreshold
        self.thresholdSource = thresholdSource
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        procurementThreshold = try container.decodeIfPresent(Double.self, forKey: .procurementThreshold) ?? PolicySpec.defaultThreshold
        thresholdSource = try container.decodeIfPresent(String.self, forKey: .thresholdSource)
            ?? (container.contains(.procurementThreshold) ? "set in the pipeline file" : PolicySpec.defaultThresholdSource)
    }
}
