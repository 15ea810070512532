import AreaNeedsRelease

/// The 5%/10% answer for a contract, with every criterion and the evidence behind it.
package struct Assessment: Sendable {
    package let request: AssessmentRequest
    /// The release the evidence comes from.
    package let source: ReleaseSource
    /// The procurement threshold applied, in pounds, and where it comes from.
    package let threshold: Double
    package let thresholdSource: String
    /// What the rules give.
    package let outcome: SocialValueRules.Outcome
    /// The criteria in a fixed order: impact, objectives, highest needs, threshold.
    package let criteria: [Criterion]
    /// The decision in a sentence or three.
    package let decision: String
    /// Every served area on every chosen objective, area by area.
    package let evidence: [NeedEvidence]
    /// Each chosen objective across the served areas.
    package let summaries: [ObjectiveSummary]
    /// Remarks on the request.
    package let notes: [String]
    /// How many areas the release has.
    package let releaseAreaCount: Int

    /// 10 or 5; 0 when no weighting is required; nil when the release cannot decide it.
    package var weightingPercent: Int? { outcome.weightingPercent }
    /// True when the contract goes to the Procurement Board (fewer than two objectives).
    package var referToProcurementBoard: Bool { outcome.referToProcurementBoard }
    /// Decided, or undetermined: the weighting turns on objectives the release does not
    /// rank in the served areas.
    package var isDecided: Bool { outcome.isDecided }
    /// The chosen objectives the release cannot tell about in the served areas: no served
    /// area is known to be in quintile 1-2 on them, and some are not ranked.
    package var unknownObjectives: [ObjectiveSummary] { summaries.filter { $0.reach == .unknown } }

    /// Applies the rules to a request over a release.
    package init(_ request: AssessmentRequest, in release: NeedsRelease) {
        self.request = request
        source = release.source
        releaseAreaCount = release.areas.count
        if let given = request.threshold {
            threshold = given
            thresholdSource = "given for this assessment, in place of the release's \(Pounds.format(release.policy.procurementThreshold)) (\(release.policy.thresholdSource))"
        } else {
            threshold = release.policy.procurementThreshold
            thresholdSource = release.policy.thresholdSource
        }
        let objectives = request.objectives.objectives
        let evidence = request.areas.areas.flatMap { area in
            objectives.map { NeedEvidence(area: area, objective: $0, in: release) }
        }
        let summaries = objectives.map { ObjectiveSummary(objective: $0, evidence: evidence) }
        self.evidence = evidence
        self.summaries = summaries
        let facts = SocialValueRules.Facts(
            impact: request.impact, objectives: objectives.count,
            objectivesWithHighestNeeds: summaries.count { $0.reach == .reached },
            objectivesUnknown: summaries.count { $0.reach == .unknown },
            countyWide: request.areas.countyWide, value: request.value, threshold: threshold)
        let outcome = SocialValueRules.apply(facts)
        self.outcome = outcome
        var notes = request.areas.notes + request.objectives.notes
        let unranked = summaries.filter { !$0.unrankedAreas.isEmpty }
        for summary in unranked {
            let areas = summary.unrankedAreas.count == request.areas.areas.count
                ? (request.areas.areas.count == 1 ? "the served area" : "any of the \(request.areas.areas.count) served areas")
                : Assessment.list(summary.unrankedAreas.map(Assessment.name), limit: 5)
            notes.append("\(Assessment.name(summary.objective)) is not ranked in \(areas): no indicator of it has a figure there "
                         + "(not ranked: no data, which is not the same as no need)")
        }
        if release.source.synthetic {
            notes.append("the release's figures are SYNTHETIC (made up to show the product): do not base a real decision on them")
        }
        self.notes = notes
        let highestNeedsDetail = Assessment.highestNeedsDetail(summaries, request: request, releaseAreas: release.areas.count)
        let thresholdDetail = Assessment.thresholdDetail(value: request.value, threshold: threshold, source: thresholdSource)
        criteria = [
            Criterion(.significantImpact, met: outcome.significantImpact, detail: request.impact == .significant
                      ? "significant additional impact expected"
                      : "some additional impact expected: enough for 5%, not for 10%"),
            Criterion(.multipleObjectives, met: outcome.multipleObjectives, detail: Assessment.objectivesDetail(objectives)),
            Criterion(.highestNeedsCommunities, met: outcome.highestNeeds, detail: highestNeedsDetail,
                      reason: outcome.highestNeeds == nil ? Assessment.unknownReason(summaries.filter { $0.reach == .unknown }) : nil),
            Criterion(.aboveThreshold, met: outcome.aboveThreshold, detail: thresholdDetail,
                      reason: outcome.aboveThreshold == nil ? "no contract value given (--value): the answer assumes it is at or above the threshold" : nil),
        ]
        decision = Assessment.decision(outcome, request: request, threshold: threshold, summaries: summaries)
    }

    // MARK: - Wording

    /// "3 community-sector".
    static func name(_ objective: ObjectiveRow) -> String {
        "\(objective.id) \(objective.shortName)"
    }

    /// "SPA07 Fylde North".
    static func name(_ area: AreaRow) -> String {
        "\(area.code) \(area.name)"
    }

    private static func objectivesDetail(_ objectives: [ObjectiveRow]) -> String {
        let list = objectives.map(name).joined(separator: ", ")
        let count = objectives.count == 1 ? "1 objective" : "\(objectives.count) objectives"
        return objectives.count >= 2 ? "\(count): \(list)" : "\(count) (\(list)): at least two are needed"
    }

    /// "a, b and c", or the first `limit` and how many more.
    static func list(_ items: [String], limit: Int = .max, conjunction: String = "and") -> String {
        let shown = items.count > limit ? Array(items.prefix(limit)) + ["\(items.count - limit) more"] : items
        switch shown.count {
        case 0: return "none"
        case 1: return shown[0]
        default: return shown.dropLast().joined(separator: ", ") + " \(conjunction) " + shown.last!
        }
    }

    /// Why the highest-needs criterion is unknown: the objectives not ranked in the served areas.
    private static func unknownReason(_ unknown: [ObjectiveSummary]) -> String {
        let parts = unknown.map { summary in
            "\(name(summary.objective)) has no ranked indicator in " + list(summary.unrankedAreas.map(\.code), limit: 5)
        }
        return parts.joined(separator: "; ") + ": the release cannot tell whether they are among the communities with the highest needs"
    }

    private static func highestNeedsDetail(_ summaries: [ObjectiveSummary], request: AssessmentRequest, releaseAreas: Int) -> String {
        let perObjective = summaries.map { summary -> String in
            let served = summary.highestNeedAreas.count
            let unranked = summary.unrankedAreas.count
            switch (served, summary.bestQuintile) {
            case (_, nil): return "\(name(summary.objective)): not ranked: no data in the served areas"
            case (0, let best?) where unranked > 0:
                return "\(name(summary.objective)): unknown (best quintile \(best) where ranked; \(unranked) of \(summary.unrankedAreas.count + summary.areasRanked) areas not ranked: no data)"
            case (0, let best?): return "\(name(summary.objective)): none (best quintile \(best))"
            default: return "\(name(summary.objective)): \(served) of \(summary.areasRanked) areas in quintile 1-2"
            }
        }.joined(separator: "; ")
        let reached = summaries.count { $0.reach == .reached }
        let unknown = summaries.count { $0.reach == .unknown }
        if request.areas.countyWide {
            return "county-wide service (all \(releaseAreas) areas): reaches the communities with the highest needs by definition; \(perObjective)"
        }
        let areas = request.areas.areas.count == 1 ? "the served area" : "the \(request.areas.areas.count) served areas"
        let shortfall = reached < 2 ? " (at least two are needed)" : ""
        let unknownText = unknown == 0 ? "" : ", unknown on \(unknown)"
        return "highest needs in \(areas) on \(reached) of \(summaries.count) chosen objectives\(unknownText)\(shortfall): \(perObjective)"
    }

    private static func thresholdDetail(value: Double?, threshold: Double, source: String) -> String {
        guard let value else {
            return "no contract value given: assumed at or above the threshold of \(Pounds.format(threshold)) (\(source))"
        }
        return value >= threshold
            ? "\(Pounds.format(value)) is at or above the threshold of \(Pounds.format(threshold)) (\(source))"
            : "\(Pounds.format(value)) is below the threshold of \(Pounds.format(threshold)) (\(source)): no social value weighting is required"
    }

    private static func decision(_ outcome: SocialValueRules.Outcome, request: AssessmentRequest, threshold: Double,
                                 summaries: [ObjectiveSummary]) -> String {
        let rules: String
        if !outcome.multipleObjectives {
            rules = "The framework's criteria are not met: the contract addresses fewer than two objectives. "
                + "5% of the award criteria on social value stands as the minimum; refer the contract to the Procurement Board."
        } else if outcome.rulesWeightingPercent == nil {
            rules = undecided(outcome, summaries: summaries)
        } else if outcome.rulesWeightingPercent == 10 {
            rules = "10% of the award criteria on social value: significant additional impact, on \(request.objectives.objectives.count) objectives, "
                + "in communities with the highest needs."
        } else if !outcome.significantImpact {
            rules = "5% of the award criteria on social value: some additional impact on at least two objectives. "
                + "The impact is not significant, so the criteria for 10% are not met."
        } else {
            rules = "5% of the award criteria on social value: significant additional impact on at least two objectives, "
                + "but the areas served do not include communities with the highest needs on at least two of the chosen objectives, "
                + "so the criteria for 10% are not met."
        }
        switch (request.value, outcome.weightingRequired) {
        case (let value?, false):
            return "No social value weighting is required: the contract's value of \(Pounds.format(value)) is below the procurement threshold of \(Pounds.format(threshold)). "
                + "For information, at or above the threshold: " + rules
        case (nil, _):
            return rules + " This assumes the contract's value is at or above the procurement threshold of \(Pounds.format(threshold)); give its value to check."
        default:
            return rules
        }
    }

    /// The answer when the weighting turns on objectives the release does not rank in the
    /// served areas: what is missing, and what the weighting would be either way.
    private static func undecided(_ outcome: SocialValueRules.Outcome, summaries: [ObjectiveSummary]) -> String {
        let unknown = summaries.filter { $0.reach == .unknown }
        let reached = summaries.filter { $0.reach == .reached }
        let names = unknown.map { name($0.objective) }
        let condition: String
        switch (outcome.objectivesStillNeeded, unknown.count) {
        case (1, 1): condition = "\(names[0]) reaches"
        case (1, _): condition = "any of \(list(names, conjunction: "or")) reaches"
        case (2, 2): condition = "both \(names[0]) and \(names[1]) reach"
        default: condition = "at least \(outcome.objectivesStillNeeded) of \(list(names)) reach"
        }
        let known = reached.isEmpty ? "" : " (\(list(reached.map { name($0.objective) })) already does)"
        return "Cannot be decided from this release: significant additional impact on at least two objectives, but the release does not rank "
            + list(names) + " in the areas served (no indicator of "
            + (unknown.count == 1 ? "it" : "them") + " has a figure there), so whether those areas include communities with the highest needs is unknown. "
            + "10% if \(condition) the highest needs (quintile 1 or 2) in these areas\(known), 5% otherwise. "
            + "Publish a release with figures for these objectives' indicators, or refer the decision to the Procurement Board with local evidence."
    }
}
