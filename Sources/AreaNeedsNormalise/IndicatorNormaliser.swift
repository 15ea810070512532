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

    private var indicator: IndicatorSpec { plan.indicator }

    func run() throws(AreaNeedsError) -> StageManifest {
        folder.invalidate(plan.unit)
        var figures: [String: AreaFigure] = [:]
        var counts: [String: Int] = [:]
        var report = CheckReport(checks: pipeline.file.checks)
        if let source = indicator.source, let method = indicator.aggregation, let ingested = plan.ingested {
            let mapped = try map(source, from: ingested)
            counts["small-area rows outside the areas"] = mapped.outside
            report.add(mapped.unknown) { count in
                "indicator \(indicator.id): \(count) area code\(count == 1 ? "" : "s") in \(pipeline.resolve(source.file)) \(count == 1 ? "is" : "are") not in the \(source.geography.title) lookup (a wrong code, or a lookup out of date)"
            }
            let nationalCount = indicator.nationalCount ?? (mapped.largestRank > 0 ? mapped.largestRank : nil)
            if method.needsNationalCount(hasDeciles: source.decile != nil), nationalCount == nil {
                throw AreaNeedsError(.inputData, "indicator \(indicator.id): \(pipeline.resolve(source.file)) has no national ranks in its value column, so `\(method.rawValue)` cannot be computed; check the column, or set `national-count:`\n  (set in \(pipeline.locate(pipeline.keyPath(ofIndicator: indicator.id, "source", "value"))))")
            }
            let parameters = AggregationParameters(nationalCount: nationalCount, multiplier: indicator.scale ?? 1)
            for area in geography.areas {
                figures[area.code] = Aggregation.aggregate(mapped.rows[area.code] ?? [], method: method, parameters: parameters)
            }
            let empty = geography.areas.filter { figures[$0.code]?.value == nil }.map(\.code)
            counts["areas without data"] = empty.count
            checkCoverage(withData: geography.areas.count - empty.count, without: empty, into: &report)
        }
        let warnings = try report.finish()
        let output = folder.file(StagingTables.normalisedFile(indicator.id))
        do {
            let writer = try TableWriter(path: output, columns: StagingTables.normalisedColumns, durable: false)
            for area in geography.areas {
                let figure = figures[area.code]
                try writer.write([
                    area.code, text(figure?.value), text(figure?.numerator), text(figure?.denominator),
                    text(figure?.interval?.lower), text(figure?.interval?.upper),
                    figure?.value == nil ? "" : figure?.quality.rawValue ?? "",
                    String(figure?.smallAreasUsed ?? 0), String(figure?.smallAreasMissing ?? 0),
                ])
            }
            try writer.finish()
        } catch {
            throw AreaNeedsError(error, context: "normalise \(indicator.id)")
        }
        let manifest = StageManifest(
            stage: StageName.normalise.rawValue, unit: plan.unit, fingerprint: plan.fingerprint, inputs: plan.inputs,
            outputs: [.init(path: StagingTables.normalisedFile(indicator.id), sha256: try FileHash.sha256(ofFile: output), rows: geography.areas.count)],
            counts: counts, warnings: warnings)
        try manifest.write(folder.manifestPath(plan.unit))
        return manifest
    }

    // MARK: - Mapping small areas to areas

    private struct Mapped {
        var rows: [String: [SmallAreaFigures]] = [:]
        /// Codes the lookup does not know: counted, and the first few kept, however many.
        var unknown = CheckFindings(.unknownSmallArea)
        var outside = 0
        var largestRank = 0
    }

    private func map(_ source: SourceSpec, from path: String) throws(AreaNeedsError) -> Mapped {
        let populations = try plan.population.map(readPopulations) ?? [:]
        let scope = DistrictScope(geography: geography, source: source)
        var mapped = Mapped()
        do {
            try IngestedRow.forEach(in: path) { row in
                if let rank = row.value, indicator.aggregation?.usesRanks == true, rank.rounded() == rank, rank > 0 {
                    mapped.largestRank = max(mapped.largestRank, Int(rank))
                }
                guard scope.contains(row) else {
                    mapped.outside += 1
                    return
                }
                guard let shares = geography.shares(for: row.code, at: source.geography, name: row.name.isEmpty ? nil : row.name) else {
                    mapped.unknown.add("\(row.code) (line \(row.line))")
                    return
                }
                let population = row.population ?? populations[row.code]
                for share in shares {
                    mapped.rows[share.areaCode, default: []].append(SmallAreaFigures(
                        code: row.code, weight: share.weight, value: row.value, numerator: row.numerator,
                        denominator: row.denominator, population: population,
                        nationalRank: row.value.flatMap(wholeNumber), nationalDecile: row.decile.flatMap(wholeNumber)))
                }
            }
        } catch {
            throw AreaNeedsError(error, context: "normalise \(indicator.id)")
        }
        return mapped
    }

    private func readPopulations(_ path: String) throws(AreaNeedsError) -> [String: Double] {
        var populations: [String: Double] = [:]
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let code = try reader.header.column("area_code")
            let population = try reader.header.column("population")
            try reader.forEachRecord { record in
                if let value = try record.number(population).number { populations[record.text(code)] = value }
            }
        } catch {
            throw AreaNeedsError(error, context: "normalise \(indicator.id): population")
        }
        return populations
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

    private func text(_ value: Double?) -> String {
        value.map(NumberText.format) ?? ""
    }
}

extension AggregationMethod {
    /// Whether the method needs the number of small areas in the national ranking.
    func needsNationalCount(hasDeciles: Bool) -> Bool {
        switch self {
        case .averageRank, .extent, .localConcentration: true
        case .shareInMostDeprivedDecile: !hasDeciles
        default: false
        }
    }

    /// Whether the method reads national ranks from the value column.
    var usesRanks: Bool {
        switch self {
        case .averageRank, .extent, .localConcentration, .shareInMostDeprivedDecile: true
        default: false
        }
    }
}
