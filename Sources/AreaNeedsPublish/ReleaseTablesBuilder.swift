import AreaNeedsCore
import AreaNeedsGeography
import AreaNeedsRelease
import AreaNeedsTables
import Foundation

/// Builds the release tables from the ranked staging tables, the geography, the framework
/// and the pipeline file's indicator definitions.
struct ReleaseTablesBuilder {
    let pipeline: Pipeline
    /// Loaded by the first table that needs it, while other tables are written.
    let geography: LoadOnce<Geography>
    let framework: SocialValueFramework
    let rank: StageFolder

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
            ReleaseTable(schema: schema.indicators, rows: pipeline.file.indicators.map(indicatorRow)),
            stagingTable(schema.indicatorNeeds, file: "indicator_needs.csv", columns: StagingTables.indicatorNeedColumns),
            stagingTable(schema.objectiveNeeds, file: "objective_needs.csv", columns: StagingTables.objectiveNeedColumns),
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

    /// A ranked staging table, copied into the release: its columns are the release's, with
    /// `area_code` renamed to the area key's.
    private func stagingTable(_ schema: TableSchema, file: String, columns: [String]) -> ReleaseTable {
        let districtColumns = pipeline.file.ranking.withinDistrict ? StagingTables.districtRankColumns : []
        return ReleaseTable(schema: schema, copyingRowsOf: rank.file(file), header: columns + districtColumns)
    }

    private func areasTable(_ schema: TableSchema) -> ReleaseTable {
        let geography = self.geography
        return ReleaseTable(schema: schema) { emit in
            for area in try geography.value().areas {
                try emit([area.code, area.name, area.districtCode, area.districtName, area.population.map(NumberText.format) ?? ""])
            }
        }
    }

    /// Every lookup row, by geography, in file order, streamed: the national output-area
    /// lookup alone has 188,880 rows.
    private func lookupTable(_ schema: TableSchema) -> ReleaseTable {
        let geography = self.geography
        return ReleaseTable(schema: schema) { emit in
            let geography = try geography.value()
            for level in GeographyLevel.allCases {
                guard let lookup = geography.lookups[level] else { continue }
                try lookup.forEachRow { row in
                    try emit([level.rawValue, row.code, row.areaCode, NumberText.format(row.weight)])
                }
            }
        }
    }
}
