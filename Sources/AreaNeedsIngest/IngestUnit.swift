import AreaNeedsCore
import AreaNeedsMethods
import AreaNeedsTables

/// One thing the ingest stage reads: an indicator's source or a population table.
enum IngestUnit: Sendable {
    case indicator(IndicatorSpec, SourceSpec)
    case population(name: String, PopulationSpec)

    /// Every unit the pipeline file declares, indicators first.
    static func all(in pipeline: Pipeline) -> [IngestUnit] {
        let indicators = pipeline.file.indicators.compactMap { indicator in
            indicator.source.map { IngestUnit.indicator(indicator, $0) }
        }
        let populations = pipeline.file.populations.sorted { $0.key < $1.key }.map { IngestUnit.population(name: $0.key, $0.value) }
        return indicators + populations
    }

    /// What the unit's manifest covers.
    var stageUnit: StageUnit {
        switch self {
        case .indicator(let indicator, _): .indicator(indicator.id)
        case .population(let name, _): .population(name)
        }
    }

    /// The unit's name in the staging folder and the log.
    var name: String { stageUnit.name }

    /// What the unit is, for messages: "indicator fuel-poverty".
    var label: String {
        switch self {
        case .indicator(let indicator, _): "indicator \(indicator.id)"
        case .population(let name, _): "population \(name)"
        }
    }

    var file: String {
        switch self {
        case .indicator(_, let source): source.file
        case .population(_, let spec): spec.file
        }
    }

    /// How a unit's file is read. Units that read the same file in the same way share one
    /// read (the indicators of a deprivation file, say).
    struct Reading: Hashable {
        /// The file, resolved against the pipeline file's folder.
        var path: String
        /// The sheet, when the file is a workbook.
        var sheet: SheetChoice?
        /// The text encoding of a CSV file.
        var encoding: TextEncoding
        /// The header line the pipeline gives; nil to find it by the columns named.
        var headerLine: Int?
        /// The source's own missing-value markers, besides the usual ones.
        var missingMarkers: [String]
    }

    func reading(in pipeline: Pipeline) -> Reading {
        switch self {
        case .indicator(_, let source):
            Reading(path: pipeline.resolve(file), sheet: source.sheet, encoding: source.encoding ?? .utf8,
                    headerLine: source.headerLine, missingMarkers: source.missingMarkers)
        case .population(_, let spec):
            Reading(path: pipeline.resolve(file), sheet: spec.sheet, encoding: spec.encoding ?? .utf8,
                    headerLine: spec.headerLine, missingMarkers: [])
        }
    }

    /// How many data rows the file should have, when the pipeline says.
    var expectedRows: CountRange? {
        switch self {
        case .indicator(_, let source): source.expectedRows
        case .population(_, let spec): spec.expectedRows
        }
    }

    /// The staging file the unit writes.
    var outputFile: String { stageUnit.stagedFile }

    /// The checks on this unit's rows: the pipeline's, with an indicator's own severities.
    func checks(in pipeline: Pipeline) -> ChecksSpec {
        switch self {
        case .indicator(let indicator, _): pipeline.file.checks.applying(indicator.checks)
        case .population: pipeline.file.checks
        }
    }

    /// The key path of a setting of this unit in the pipeline file.
    func keyPath(_ key: String, in pipeline: Pipeline) -> String {
        switch self {
        case .indicator(let indicator, _): pipeline.keyPath(ofIndicator: indicator.id, "source", key)
        case .population(let name, _): "populations.\(name).\(key)"
        }
    }

    /// The part of the pipeline file the unit's output depends on.
    /// Besides the unit's own settings, the checks and limits: a check turned from a
    /// warning into an error must not be skipped past.
    func addSettings(to fingerprint: inout Fingerprint, pipeline: Pipeline) {
        switch self {
        case .indicator(let indicator, let source):
            fingerprint.add("source", source)
            fingerprint.add("value-checks", [indicator.aggregation.map(ReleaseText.text) ?? "", indicator.scale.map { "\($0)" } ?? ""])
            fingerprint.add("plausible-range", indicator.plausibleRange)
            fingerprint.add("checks", pipeline.file.checks.applying(indicator.checks))
            if let settings = try? AgeBandSettings(indicator, resolve: pipeline.resolve) {
                fingerprint.add("age-bands", settings.scheme.startAges.map(String.init))
            }
        case .population(_, let spec):
            fingerprint.add("population", spec)
            fingerprint.add("checks", pipeline.file.checks)
        }
        fingerprint.add("limits", pipeline.file.limits)
    }
}
