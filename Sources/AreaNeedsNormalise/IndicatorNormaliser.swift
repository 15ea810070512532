import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsMethods
import AreaNeedsTables
import Foundation

/// Normalises one indicator: maps its ingested small-area rows to target areas and
/// aggregates each area's rows by the indicator's method.
struct IndicatorNormaliser {
    let plan: IndicatorPlan
    let pipeline: Pipeline
    let geography: Geography
    let folder: StageFolder
    /// The ingest stage's tables it reads, handed over in memory in a run of every stage
    /// (else read from the ingest stage's folder).
    let handed: [StageUnit: StagedTable]

    private var indicator: IndicatorSpec { plan.indicator }

    /// What normalising an indicator made: its manifest, and its figures for rank.
    struct Normalised: Sendable {
        var manifest: StageManifest
        var table: NormalisedTable
    }

    func run() throws(AreaNeedsError) -> Normalised {
        folder.invalidate(plan.unit)
        // Each area's figure, by its position in `geography.areas`; nil without a source.
        var figures: [AreaFigure?] = Array(repeating: nil, count: geography.areas.count)
        var counts: [String: Int] = [:]
        var report = CheckReport(checks: pipeline.file.checks.applying(indicator.checks))
        var periods: [String]?
        // Why an area has no figure, when its method withholds one; and the county's own
        // figure, for the methods that compute it from the pooled counts.
        var reasons: [String?] = Array(repeating: nil, count: geography.areas.count)
        var county: Double?
        if let source = indicator.source, let method = indicator.aggregation, method.readsAgeBands, let ingested = plan.ingested {
            let settings = try IndicatorNormaliser.ageBandSettings(indicator, pipeline: pipeline)
            let computed: AgeBandFigures
            do {
                computed = try AgeBandFigures.compute(settings, source: source, geography: geography, county: pipeline.file.geography.county,
                                                        context: "indicator \(indicator.id): \(pipeline.resolve(source.file))") { body in
                    try IngestedRow.forEach(in: reader(of: plan.unit, at: ingested), body)
                }
            } catch {
                throw AreaNeedsError(error, context: "normalise \(indicator.id): \(pipeline.resolve(source.file))")
            }
            counts["small-area rows outside the areas"] = computed.outside
            report.add(computed.unknown) { count in
                "indicator \(indicator.id): \(count) area code\(count == 1 ? "" : "s") in \(pipeline.resolve(source.file)) \(count == 1 ? "is" : "are") not in the \(source.geography.title) lookup (a wrong code, or a lookup out of date)"
            }
            for area in geography.areas.indices {
                guard let health = computed.areas[area] else { continue }
                let value = health.value
                figures[area] = AreaFigure(
                    value: value, numerator: health.events, denominator: health.population,
                    interval: value == nil ? nil : health.interval.map { WilsonInterval(lower: $0.lower, upper: $0.upper) },
                    quality: health.quality, smallAreasUsed: computed.smallAreas[area], smallAreasMissing: 0)
                reasons[area] = health.suppression.map(AgeBandFigures.reason)
            }
            county = computed.county?.value
            let suppressed = reasons.count { $0 != nil }
            if suppressed > 0 { counts["areas suppressed (too few people or events, or too wide an interval)"] = suppressed }
            let empty = geography.areas.indices.filter { figures[$0]?.value == nil && reasons[$0] == nil }.map { geography.areas[$0].code }
            counts["areas without data"] = empty.count
            checkCoverage(withData: geography.areas.count - empty.count - suppressed, without: empty, into: &report)
        } else if let source = indicator.source, let method = indicator.aggregation, let ingested = plan.ingested {
            // Areas are aggregated as the rows stream past, so the national count comes first.
            let largestRank = method.readsNationalRanks && indicator.nationalCount == nil ? try largestRank(in: ingested) : 0
            let nationalCount = indicator.nationalCount ?? (largestRank > 0 ? largestRank : nil)
            if method.needsNationalCount(hasDeciles: source.decile != nil), nationalCount == nil {
                throw AreaNeedsError(.inputData, "indicator \(indicator.id): \(pipeline.resolve(source.file)) has no national ranks in its value column, so `\(ReleaseText.text(method))` cannot be computed; check the column, or set `national-count:`\n  (set in \(pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, "source", "value"))))")
            }
            let parameters = AggregationParameters(nationalCount: nationalCount, multiplier: indicator.scale ?? 1)
            let mapped = try map(source, from: ingested, into: AreaAccumulator(method: method, parameters: parameters))
            counts["small-area rows outside the areas"] = mapped.outside
            report.add(mapped.unknown) { count in
                "indicator \(indicator.id): \(count) area code\(count == 1 ? "" : "s") in \(pipeline.resolve(source.file)) \(count == 1 ? "is" : "are") not in the \(source.geography.title) lookup (a wrong code, or a lookup out of date)"
            }
            if source.geography == .county, mapped.inScope == 0 {
                let county = pipeline.file.geography.county ?? ""
                throw AreaNeedsError(.inputData, "indicator \(indicator.id): \(pipeline.resolve(source.file)) has no row for the county \(county) (in its column \"\(source.areaCode)\")\n  (set in \(pipeline.locate("geography.county")))")
            }
            if source.choosesPeriod {
                mapped.periods.report(into: &report, indicator: indicator.id, file: pipeline.resolve(source.file))
                periods = mapped.periods.texts
            }
            figures = mapped.areas.map(\.figure)
            if let area = figures.indices.first(where: { figures[$0].map(FigureOverflow.isFinite) == false }) {
                throw FigureOverflow(indicator: indicator, source: source, pipeline: pipeline, geography: geography)
                    .error(area: area, rows: try? reader(of: plan.unit, at: ingested))
            }
            let empty = geography.areas.indices.filter { figures[$0]?.value == nil }.map { geography.areas[$0].code }
            counts["areas without data"] = empty.count
            checkCoverage(withData: geography.areas.count - empty.count, without: empty, into: &report)
        }
        let warnings = try report.finish()
        let output = folder.file(plan.unit.stagedFile)
        // Checksummed as it is written, for the manifest, rather than read back.
        let digest = StreamingDigest()
        var table = NormalisedTable(areaCodes: geography.areas.map(\.code), county: county)
        do {
            let writer = try StagedTableWriter(path: output, columns: StagingTables.normalisedColumns, digest: digest)
            for (position, (area, figure)) in zip(geography.areas, figures).enumerated() {
                table.append(value: figure?.value, numerator: figure?.numerator, denominator: figure?.denominator,
                             lower: figure?.interval?.lower, upper: figure?.interval?.upper,
                             quality: figure?.value == nil ? nil : quality(of: figure), reason: reasons[position])
                try writer.writeRow { row in
                    row.append(area.code)
                    row.append(number: figure?.value)
                    row.append(number: figure?.numerator)
                    row.append(number: figure?.denominator)
                    row.append(number: figure?.interval?.lower)
                    row.append(number: figure?.interval?.upper)
                    row.append(figure?.value == nil ? "" : ReleaseText.text(quality(of: figure)))
                    row.append(count: figure?.smallAreasUsed ?? 0)
                    row.append(count: figure?.smallAreasMissing ?? 0)
                    row.append(reasons[position] ?? "")
                    row.append(number: county)
                }
            }
            try writer.finish()
        } catch {
            throw AreaNeedsError(error, context: "normalise \(indicator.id)")
        }
        // The CSV table a version before staged tables wrote here, now replaced.
        try? FileManager.default.removeItem(atPath: folder.file(plan.unit.earlierCSVFile))
        let manifest = StageManifest(
            stage: .normalise, unit: plan.unit, fingerprint: plan.fingerprint, inputs: plan.inputs,
            outputs: [.init(path: plan.unit.stagedFile, file: try InputFile.describeWritten(output, digest: digest), rows: geography.areas.count)],
            counts: counts, warnings: warnings, periods: periods)
        try manifest.write(folder.manifestPath(plan.unit))
        return Normalised(manifest: manifest, table: table)
    }

    /// The settings of an indicator whose method reads age bands.
    static func ageBandSettings(_ indicator: IndicatorSpec, pipeline: Pipeline) throws(AreaNeedsError) -> AgeBandSettings {
        do {
            if let settings = try AgeBandSettings(indicator, resolve: pipeline.resolve) { return settings }
        } catch {
            throw AreaNeedsError(.configuration, "indicator \(indicator.id): \(error.message)\n  (set in \(pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, error.key))))")
        }
        throw AreaNeedsError(.internal, "indicator \(indicator.id): its method reads no age bands")
    }

    /// A reader of an ingest-stage table: the one handed over for `unit`, else its file.
    private func reader(of unit: StageUnit, at path: String) throws -> StagedTableReader {
        if let table = handed[unit] { return try StagedTableReader(table: table) }
        return try StagedTableReader(path: path)
    }

    /// A figure's quality flag; a stand-in's figures are all `proxy`, whatever else is true
    /// of them, and a district's or county's figures (or counts, for a `rate`) copied to
    /// their areas are `inherited`.
    private func quality(of figure: AreaFigure?) -> Quality {
        if indicator.isProxy { return .proxy }
        if let level = indicator.source?.geography, level == .district || level == .county { return .inherited }
        return figure?.quality ?? .exact
    }

    // MARK: - Mapping small areas to areas

    private struct Mapped {
        /// Each area's figure so far, by position in `geography.areas`.
        var areas: [AreaAccumulator]
        /// Codes the lookup does not know: counted, and the first few kept, however many.
        var unknown = CheckFindings(.unknownSmallArea)
        var outside = 0
        /// Rows in scope, known or not.
        var inScope = 0
        /// The periods of the rows used, for a source that chooses one.
        var periods = PeriodsUsed()
    }

    /// Maps every row to its areas and adds it to their figures, as it is read: only the
    /// figures' sums are kept, not the rows.
    ///
    /// This runs for every row of every source, so it works on the row as read: the code
    /// is looked up as read, and made text only where a method or a message needs it.
    private func map(_ source: SourceSpec, from path: String, into empty: AreaAccumulator) throws(AreaNeedsError) -> Mapped {
        let populations = try plan.population.map(readPopulations) ?? CodeMap()
        let scope = SourceScope(geography: geography, source: source, county: pipeline.file.geography.county)
        var areas = Array(repeating: empty, count: geography.areas.count)
        var unknown = CheckFindings(.unknownSmallArea)
        var outside = 0
        var inScope = 0
        var periods = PeriodsUsed()
        var finder = geography.shareFinder(at: source.geography)
        // Only a method that orders small areas by code reads their codes.
        let keepsCodes = empty.method.ordersByCode
        do {
            try IngestedRow.forEach(in: reader(of: plan.unit, at: path)) { row in
                guard scope.contains(row) else {
                    outside += 1
                    return
                }
                inScope += 1
                let value = row.value
                let code = row.code
                let figures = SmallAreaFigures(
                    code: keepsCodes ? code.text : "", value: value, numerator: row.numerator, denominator: row.denominator,
                    population: row.population ?? populations[code],
                    nationalRank: value.flatMap(wholeNumber), nationalDecile: row.decile.flatMap(wholeNumber),
                    publishedInterval: IndicatorNormaliser.interval(row.ciLower, row.ciUpper))
                let known = finder.forEachShare(of: code, name: row.hasName ? row.name : nil) { area, weight in
                    areas[area].add(figures, weight: weight)
                }
                if !known {
                    unknown.add("\(code) (line \(row.line))")
                } else if row.hasPeriod {
                    periods.add(row.period, code: code)
                }
            }
        } catch {
            throw AreaNeedsError(error, context: "normalise \(indicator.id)")
        }
        return Mapped(areas: areas, unknown: unknown, outside: outside, inScope: inScope, periods: periods)
    }

    /// The largest national rank in the value column: the national count when the pipeline
    /// does not give one.
    private func largestRank(in path: String) throws(AreaNeedsError) -> Int {
        var largest = 0
        do {
            try IngestedRow.forEach(in: reader(of: plan.unit, at: path)) { row in
                if let rank = row.value.flatMap(wholeNumber), rank > 0 { largest = max(largest, rank) }
            }
        } catch {
            throw AreaNeedsError(error, context: "normalise \(indicator.id)")
        }
        return largest
    }

    /// Each area's population from a population table, by its code.
    private func readPopulations(_ path: String) throws(AreaNeedsError) -> CodeMap<Double> {
        var populations = CodeMap<Double>()
        do {
            let table = try reader(of: .population(indicator.weight ?? ""), at: path)
            let code = try table.column("area_code", .text)
            let population = try table.column("population", .number)
            try table.forEachRow { row in
                if let value = row.number(population) { populations[row.areaCode(code)] = value }
            }
        } catch {
            throw AreaNeedsError(error, context: "normalise \(indicator.id): population")
        }
        return populations
    }

    /// A published interval, when the source gives both limits.
    private static func interval(_ lower: Double?, _ upper: Double?) -> WilsonInterval? {
        guard let lower, let upper, lower.isFinite, upper.isFinite else { return nil }
        return WilsonInterval(lower: lower, upper: upper)
    }

    private func wholeNumber(_ value: Double) -> Int? {
        value.rounded() == value && abs(value) < 1e15 ? Int(value) : nil
    }

    // MARK: - Checks

    /// Areas left with no figure, and the number of areas with one against the indicator's
    /// `expected-areas`.
    private func checkCoverage(withData: Int, without empty: [String], into report: inout CheckReport) {
        if !empty.isEmpty {
            let shown = empty.prefix(CheckFindings.shownExamples).joined(separator: ", ")
                + (empty.count > CheckFindings.shownExamples ? ", and \(empty.count - CheckFindings.shownExamples) more" : "")
            report.add(.areaWithoutData, "indicator \(indicator.id): \(empty.count) area\(empty.count == 1 ? " has" : "s have") no data: \(shown)")
        }
        if let expected = indicator.expectedAreas, !expected.contains(withData) {
            let setting = pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, "expected-areas"))
            report.add(.areaCount, "indicator \(indicator.id): \(withData) of \(geography.areas.count) areas have data; expected \(expected.description) (set in \(setting))")
        }
    }
}
