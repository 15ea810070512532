import AreaNeedsCore
import AreaNeedsRelease
import Foundation

/// What `assess` and `advise` read from a release: its areas, the framework and the need
/// ranks, indexed for look-ups. Opened from a verified release, or built in memory.
package struct NeedsRelease: Sendable {
    /// Which release the answers come from.
    package let source: ReleaseSource
    /// The procurement threshold and its source, as the release carries them.
    package let policy: ReleasePolicy
    /// Areas in the release's order.
    package let areas: [AreaRow]
    /// Objectives 1 to 5.
    package let objectives: [ObjectiveRow]
    package let outcomes: [OutcomeRow]
    /// The framework's example supplier measures.
    package let measures: [MeasureRow]
    /// Indicators in the release's order; `objectiveId` maps each to its objective.
    package let indicators: [IndicatorRow]

    private let indicatorNeedsByArea: [String: [String: IndicatorNeedRow]]
    private let objectiveNeedsByArea: [String: [Int: ObjectiveNeedRow]]

    /// A release held in memory.
    package init(source: ReleaseSource, policy: ReleasePolicy, areas: [AreaRow], objectives: [ObjectiveRow],
                outcomes: [OutcomeRow], measures: [MeasureRow], indicators: [IndicatorRow],
                indicatorNeeds: [IndicatorNeedRow], objectiveNeeds: [ObjectiveNeedRow]) {
        self.source = source
        self.policy = policy
        self.areas = areas
        self.objectives = objectives.sorted { $0.id < $1.id }
        self.outcomes = outcomes.sorted { $0.id < $1.id }
        self.measures = measures.sorted { ($0.outcomeId, $0.measureNumber) < ($1.outcomeId, $1.measureNumber) }
        self.indicators = indicators
        var byArea: [String: [String: IndicatorNeedRow]] = [:]
        for row in indicatorNeeds { byArea[row.areaCode, default: [:]][row.indicatorId] = row }
        indicatorNeedsByArea = byArea
        var objectiveByArea: [String: [Int: ObjectiveNeedRow]] = [:]
        for row in objectiveNeeds { objectiveByArea[row.areaCode, default: [:]][row.objectiveId] = row }
        objectiveNeedsByArea = objectiveByArea
    }

    /// Opens and verifies a release, then reads the tables the decisions need.
    ///
    /// A release that is missing, incomplete or fails its checksums is refused: no decision
    /// is made on data that may be corrupt.
    /// - Parameter location: as `Release.open` takes it: a version folder, a `latest` link,
    ///   a pipeline folder, or `latest` alone.
    package static func open(_ location: String, dataOut: String = "data-out", pipeline: String? = nil,
                            defaultPipeline: String? = nil) throws(AreaNeedsError) -> NeedsRelease {
        let release: Release
        do {
            release = try Release.open(location, dataOut: dataOut, pipeline: pipeline, defaultPipeline: defaultPipeline)
        } catch {
            throw refusal(error, location: location)
        }
        do {
            return try NeedsRelease(release)
        } catch {
            throw refusal(error, location: location)
        }
    }

    /// Reads the tables of a release already opened (and so verified).
    package init(_ release: Release) throws(AreaNeedsError) {
        self.init(
            source: ReleaseSource(release), policy: release.policy,
            areas: try release.areas(), objectives: try release.objectives(), outcomes: try release.outcomes(),
            measures: try release.framework(), indicators: try release.indicators(),
            indicatorNeeds: try release.indicatorNeeds(), objectiveNeeds: try release.objectiveNeeds())
        try check()
    }

    /// The error, saying that nothing was decided and what to do.
    private static func refusal(_ error: AreaNeedsError, location: String) -> AreaNeedsError {
        switch error.category {
        case .inputData:
            return AreaNeedsError(.inputData, """
                \(error.message)
                  No decision is made on a release that fails its checks: publish it again with \
                `areaneeds run`, or name another release with --release.
                """)
        case .missingInput:
            return AreaNeedsError(.missingInput, """
                \(error.message)
                  Give a release folder such as data-out/sample/latest, or run `areaneeds run PIPELINE` first.
                """)
        default:
            return error
        }
    }

    /// The minimum the decisions rely on, beyond what the checksums prove.
    private func check() throws(AreaNeedsError) {
        let folder = source.folder
        guard !areas.isEmpty else {
            throw AreaNeedsError(.inputData, "\(folder)/areas.csv: the release lists no areas")
        }
        guard objectives.map(\.id) == Array(1...5) else {
            throw AreaNeedsError(.inputData, "\(folder)/objectives.csv: must list objectives 1 to 5, lists \(objectives.map(\.id))")
        }
        let known = Set(areas.map(\.code))
        if let stray = objectiveNeedsByArea.keys.sorted().first(where: { !known.contains($0) }) {
            throw AreaNeedsError(.inputData, "\(folder)/objective_needs.csv: area \(stray) is not in areas.csv")
        }
    }

    // MARK: - Look-ups

    /// The objective with this number.
    package func objective(_ id: Int) -> ObjectiveRow? {
        objectives.first { $0.id == id }
    }

    /// The indicators that inform an objective, in the release's order.
    package func indicators(of objectiveId: Int) -> [IndicatorRow] {
        indicators.filter { $0.objectiveId == objectiveId }
    }

    /// An area's need on an objective; nil when the release has no row for it.
    package func objectiveNeed(area: String, objective: Int) -> ObjectiveNeedRow? {
        objectiveNeedsByArea[area]?[objective]
    }

    /// An area's need on an indicator; nil when the release has no row for it.
    package func indicatorNeed(area: String, indicator: String) -> IndicatorNeedRow? {
        indicatorNeedsByArea[area]?[indicator]
    }

    /// How many areas have a need quintile on an objective.
    package func areasRanked(on objective: Int) -> Int {
        areas.count { objectiveNeed(area: $0.code, objective: objective)?.needQuintile != nil }
    }
}
