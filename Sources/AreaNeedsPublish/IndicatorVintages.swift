import AreaNeedsCore

/// Each indicator's vintage as the release states it: the pipeline's `vintage:`, or for a
/// source that chooses its period (`period:`, `value: {columns: latest}`) and sets none,
/// the latest period its figures come from, as the source writes it (from the normalise
/// stage's manifests).
struct IndicatorVintages {
    /// The periods of each indicator's figures, latest first, by id.
    let periods: [String: [String]]

    init(pipeline: Pipeline) {
        let normalise = StageFolder(.normalise, of: pipeline)
        var periods: [String: [String]] = [:]
        for indicator in pipeline.file.indicators where indicator.source?.choosesPeriod == true {
            periods[indicator.id] = normalise.manifest(.indicator(indicator.id))?.periods ?? []
        }
        self.periods = periods
    }

    /// The vintage of `indicator`; "no data" for a period chosen from no rows.
    func vintage(of indicator: IndicatorSpec) -> String {
        indicator.vintage ?? periods[indicator.id]?.first ?? "no data"
    }

    /// Every vintage, by id, for the publish stage's fingerprint.
    func all(_ indicators: [IndicatorSpec]) -> [String] {
        indicators.map { "\($0.id)=\(vintage(of: $0))" }
    }
}
