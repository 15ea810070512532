import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsRelease
import AreaNeedsTables
import Foundation

/// Builds the release tables from the ranked staging tables, the geography, the framework
/// and the pipeline file's indicator definitions.
struct ReleaseTablesBuilder {
    let pipeline: Pipeline
    let geography: Geography
    let framework: SocialValueFramework
    let rank: StageFolder

    var schema: ReleaseSchema {
        ReleaseSchema(areaKey: pipeline.file.geography.areaKey, areaLabel: pipeline.file.geography.areaLabel,
                      ranksWithinDistricts: pipeline.file.ranking.withinDistrict)
    }

    func tables() throws(AreaNeedsError) -> [ReleaseTable] {
        let schema = self.schema
        return [
            ReleaseTable(schema: schema.areas, rows: geography.areas.map { area in
                [area.code, area.name, area.districtCode, area.districtName, area.population.map(NumberText.format) ?? ""]
            }),
            ReleaseTable(schema: schema.objectives, rows: framework.objectives.map { objective in
                [String(objective.id), objective.shortName, objective.title, objective.description]
            }),
            ReleaseTable(schema: schema.outcomes, rows: framework.objectives.flatMap { objective in
                objective.outcomes.map { outcome in
                    [String(outcome.id), String(objective.id), outcome.outcome, outcome.corporatePriorities.joined(separator: " | ")]
                }
            }),
            ReleaseTable(schema: schema.indicators, rows: pipeline.file.indicators.map(indicatorRow)),
            stagingTable(schema.indicatorNeeds, file: "indicator_needs.csv"),
            stagingTable(schema.objectiveNeeds, file: "objective_needs.csv"),
            ReleaseTable(schema: schema.framework, rows: framework.objectives.flatMap { objective in
                objective.outcomes.flatMap { outcome in
                    outcome.exampleMeasures.enumerated().map { index, measure in
                        [String(objective.id), String(outcome.id), String(index + 1), outcome.outcome, measure]
                    }
                }
            }),
            ReleaseTable(schema: schema.areaLookup, rows: lookupRows()),
        ]
    }

    private func indicatorRow(_ indicator: IndicatorSpec) -> [String] {
        let source = indicator.source
        return [
            indicator.id, indicator.title, String(indicator.objective), indicator.polarity.rawValue, indicator.unit,
            indicator.aggregation?.rawValue ?? "",
            source.map { ($0.file as NSString).lastPathComponent } ?? "",
            source?.geography.rawValue ?? "",
            indicator.vintage,
            String(source != nil),
            indicator.unavailable ?? "",
            indicator.notes ?? "",
            String(pipeline.file.synthetic),
        ]
    }

    /// A ranked staging table, streamed into the release (its columns are the release's,
    /// with `area_code` renamed to the area key's).
    private func stagingTable(_ schema: TableSchema, file: String) -> ReleaseTable {
        let path = rank.file(file)
        return ReleaseTable(schema: schema) { emit in
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            guard reader.header.names.count == schema.columns.count else {
                throw AreaNeedsError(.internal, "\(path): has columns \(reader.header.names), the release table \(schema.name) needs \(schema.columns.count)")
            }
            try reader.forEachRecord { record in try emit(record.texts) }
        }
    }

    /// Every lookup row, by geography, in file order.
    private func lookupRows() -> [[String]] {
        let levels = GeographyLevel.allCases.filter { geography.lookups[$0] != nil }
        return levels.flatMap { level in
            geography.lookups[level]?.rows.map { row in
                [level.rawValue, row.code, row.areaCode, NumberText.format(row.weight)]
            } ?? []
        }
    }
}
