import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsRelease
import AreaNeedsTables
import Foundation

/// Builds the release tables from the ranked tables, the geography, the framework and the
/// pipeline file's indicator definitions.
///
/// The ranked tables are written from memory when the rank stage made them in this run
/// (`ranked`), and copied from its folder otherwise. The areas and lookup tables are copied
/// from the geography files row by row, not built into a `Geography` again: the publish
/// stage has made sure they are the files the normalise stage read and checked.
struct ReleaseTablesBuilder {
    let pipeline: Pipeline
    let framework: SocialValueFramework
    let rank: StageFolder
    /// The ranked tables the rank stage made in this run; nil when it did not run.
    let ranked: (any RankedRows)?
    let vintages: IndicatorVintages

    var schema: ReleaseSchema {
        ReleaseSchema(areaKey: pipeline.file.geography.areaKey, areaLabel: pipeline.file.geography.areaLabel,
                      ranksWithinDistricts: pipeline.file.ranking.withinDistrict)
    }

    func tables() throws(AreaNeedsError) -> [ReleaseTable] {
        let schema = self.schema
        return [
            areasTable(schema.areas),
            ReleaseTable(schema: schema.objectives, rows: framework.objectives.map { objective in
                [String(objective.id), objective.shortName, objective.title, objective.description]
            }),
            ReleaseTable(schema: schema.outcomes, rows: framework.objectives.flatMap { objective in
                objective.outcomes.map { outcome in
                    [String(outcome.id), String(objective.id), outcome.outcome, outcome.corporatePriorities.joined(separator: " | ")]
                }
            }),
            ReleaseTable(schema: schema.indicators, rows: try indicatorRows()),
            rankedTable(schema.indicatorNeeds, .indicatorNeeds, columns: StagingTables.indicatorNeedColumns),
            rankedTable(schema.objectiveNeeds, .objectiveNeeds, columns: StagingTables.objectiveNeedColumns),
            ReleaseTable(schema: schema.framework, rows: framework.objectives.flatMap { objective in
                objective.outcomes.flatMap { outcome in
                    outcome.exampleMeasures.enumerated().map { index, measure in
                        [String(objective.id), String(outcome.id), String(index + 1), outcome.outcome, measure]
                    }
                }
            }),
            lookupTable(schema.areaLookup),
        ]
    }

    private func indicatorRows() throws(AreaNeedsError) -> [[String]] {
        let summaries: [String: [String]]
        if let ranked {
            summaries = ranked.indicatorSummaries.mapValues { [$0.countyValue, $0.notRankedReason] }
        } else {
            summaries = try indicatorSummaries()
        }
        return pipeline.file.indicators.map { indicatorRow($0, summary: summaries[$0.id] ?? ["", ""]) }
    }

    /// Each indicator's county figure and why it is not ranked, as the rank stage wrote
    /// them, by id.
    private func indicatorSummaries() throws(AreaNeedsError) -> [String: [String]] {
        let path = rank.file(RankedTable.indicatorSummaries.fileName)
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let id = try reader.header.column("indicator_id")
            let columns = try ["county_value", "not_ranked_reason"].map { name throws(TableError) in try reader.header.column(name) }
            var summaries: [String: [String]] = [:]
            try reader.forEachRecord { record in summaries[record.text(id)] = columns.map(record.text) }
            return summaries
        } catch {
            throw AreaNeedsError(error, context: "publish: the indicator summaries")
        }
    }

    private func indicatorRow(_ indicator: IndicatorSpec, summary: [String]) -> [String] {
        let source = indicator.source
        let ranks = indicator.aggregation?.givesRanks == true
        return [
            indicator.id, indicator.title, String(indicator.objective), ReleaseText.text(indicator.polarity), indicator.unit,
            indicator.aggregation.map(ReleaseText.text) ?? "",
            source.map { ($0.file as NSString).lastPathComponent } ?? "",
            source.map { ReleaseText.text($0.geography) } ?? "",
            vintages.vintage(of: indicator),
            String(source != nil),
            indicator.unavailable ?? "",
            indicator.notes ?? "",
            String(pipeline.file.synthetic),
            indicator.standsInFor.joined(separator: " | "),
            ranks ? indicator.nationalCount.map(String.init) ?? "" : "",
            summary[0],
            summary[1],
        ]
    }

    /// A ranked table in the release, under the release's header (`area_code` renamed to
    /// the area key's): its rows written from memory, or copied from the rank stage's file.
    private func rankedTable(_ schema: TableSchema, _ table: RankedTable, columns: [String]) -> ReleaseTable {
        if let ranked {
            return ReleaseTable(schema: schema) { writer in try ranked.writeRows(of: table, to: writer) }
        }
        let districtColumns = pipeline.file.ranking.withinDistrict ? StagingTables.districtRankColumns : []
        return ReleaseTable(schema: schema, copyingRowsOf: rank.file(table.fileName), header: columns + districtColumns)
    }

    private func areasTable(_ schema: TableSchema) -> ReleaseTable {
        let file = pipeline.areasFile
        return ReleaseTable(schema: schema) { emit in
            for area in try Geography.loadAreas(file) {
                try emit([area.code, area.name, area.districtCode, area.districtName, area.population.map(NumberText.decimal) ?? ""])
            }
        }
    }

    /// Every lookup row, by geography, in file order, streamed: the national output-area
    /// lookup alone has 188,880 rows.
    private func lookupTable(_ schema: TableSchema) -> ReleaseTable {
        let files = GeographyLevel.allCases.flatMap { level in pipeline.lookupFiles.filter { $0.level == level } }
        return ReleaseTable(schema: schema) { writer in
            for file in files {
                try Geography.forEachRow(ofLookup: file) { code, area, weight in
                    try writer.writeRow { row in
                        row.append(ReleaseText.text(file.level))
                        row.append(code)
                        row.append(area)
                        row.append(decimal: weight)
                    }
                }
            }
        }
    }
}
