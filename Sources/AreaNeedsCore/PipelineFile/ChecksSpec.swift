/// What a check that finds a problem does: stop the run, or say so and go on.
package enum CheckSeverity: String, Codable, Sendable, Equatable, CaseIterable {
    case error
    case warning
}

/// Which data problems stop a run and which are warnings (the pipeline file's `checks:`,
/// one key per `DataCheck`, and `area-change-limit`).
///
/// Every check runs in `run` and `validate`, before anything is published; `DataCheck`
/// says what each one looks for and what a warning lets through.
package struct ChecksSpec: Codable, Sendable, Equatable {
    /// The severities the pipeline file sets; the others are their check's default.
    private var severities: [DataCheck: CheckSeverity] = [:]
    /// The share of area codes (new plus gone, in percent of the previous ingest's codes)
    /// above which `area-changes` reports a source.
    package var areaChangeLimit: Double = 5
    /// How much an area's figure may move since the newest release before
    /// `change-since-last-release` reports it, as a share of the old figure (0.5: by half).
    package var changeRelative: Double = 0.5
    /// The rank correlation (Spearman) of an indicator's areas between the newest release
    /// and now below which `change-since-last-release` reports the indicator as reordered
    /// wholesale.
    package var changeRankCorrelation: Double = 0.5

    /// Every check at its default severity.
    package init() {}

    /// The severity the pipeline gives `check`.
    package func severity(_ check: DataCheck) -> CheckSeverity {
        severities[check] ?? check.defaultSeverity
    }

    package mutating func setSeverity(_ severity: CheckSeverity, of check: DataCheck) {
        severities[check] = severity
    }

    /// These checks with the severities `indicator` sets (an indicator's own `checks:`)
    /// in place of the pipeline's; limits and thresholds stay the pipeline's.
    package func applying(_ indicator: ChecksSpec?) -> ChecksSpec {
        guard let indicator else { return self }
        var checks = self
        checks.severities.merge(indicator.severities) { _, own in own }
        return checks
    }

    /// True when only severities are set: what an indicator's `checks:` may hold.
    package var setsSeveritiesOnly: Bool {
        let defaults = ChecksSpec()
        return areaChangeLimit == defaults.areaChangeLimit && changeRelative == defaults.changeRelative
            && changeRankCorrelation == defaults.changeRankCorrelation
    }

    /// The keys of `checks:`: one per check, and the limit.
    private enum Key: CodingKey, CaseIterable {
        case check(DataCheck)
        case areaChangeLimit

        static var allCases: [Key] { DataCheck.allCases.map(Key.check) + [.areaChangeLimit] }

        var stringValue: String {
            switch self {
            case .check(let check): check.rawValue
            case .areaChangeLimit: "area-change-limit"
            }
        }

        init?(stringValue: String) {
            guard let key = Key.allCases.first(where: { $0.stringValue == stringValue }) else { return nil }
            self = key
        }

        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(Key.self)
        let container = try decoder.container(keyedBy: Key.self)
        for check in DataCheck.allCases {
            // A severity alone is text; anything else must be the check's settings.
            if check == .changeSinceLastRelease, container.contains(.check(check)),
               (try? container.decode(String.self, forKey: .check(check))) == nil {
                let settings = try container.decode(ChangeCheckSpec.self, forKey: .check(check))
                severities[check] = settings.action ?? check.defaultSeverity
                changeRelative = settings.relative ?? changeRelative
                changeRankCorrelation = settings.rankCorrelation ?? changeRankCorrelation
                continue
            }
            if let severity = try container.decodeIfPresent(CheckSeverity.self, forKey: .check(check)) {
                severities[check] = severity
            }
        }
        areaChangeLimit = try container.decodeIfPresent(Double.self, forKey: .areaChangeLimit) ?? areaChangeLimit
    }

    /// `change-since-last-release: {relative: 0.5, rank-correlation: 0.5, action: warning}`,
    /// the check's settings as a mapping (or its severity alone, as the other checks have).
    private struct ChangeCheckSpec: Decodable {
        var relative: Double?
        var rankCorrelation: Double?
        var action: CheckSeverity?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case relative, rankCorrelation = "rank-correlation", action
        }

        init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            relative = try container.decodeIfPresent(Double.self, forKey: .relative)
            rankCorrelation = try container.decodeIfPresent(Double.self, forKey: .rankCorrelation)
            action = try container.decodeIfPresent(CheckSeverity.self, forKey: .action)
        }
    }

    /// Every check's severity, set or default, in `DataCheck` order: the fingerprint of the
    /// section, so that a check turned from warning to error is not skipped past.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for check in DataCheck.allCases {
            try container.encode(severity(check), forKey: .check(check))
        }
        try container.encode(areaChangeLimit, forKey: .areaChangeLimit)
        // The change check's thresholds beside its severity, so that changing them re-runs it.
        var change = encoder.container(keyedBy: ChangeKey.self)
        try change.encode(changeRelative, forKey: .changeRelative)
        try change.encode(changeRankCorrelation, forKey: .changeRankCorrelation)
    }

    private enum ChangeKey: String, CodingKey {
        case changeRelative = "change-since-last-release.relative"
        case changeRankCorrelation = "change-since-last-release.rank-correlation"
    }

    package static func == (first: ChecksSpec, second: ChecksSpec) -> Bool {
        DataCheck.allCases.allSatisfy { first.severity($0) == second.severity($0) } && first.areaChangeLimit == second.areaChangeLimit
            && first.changeRelative == second.changeRelative && first.changeRankCorrelation == second.changeRankCorrelation
    }
}
