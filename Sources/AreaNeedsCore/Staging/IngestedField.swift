import AreaNeedsTables

/// A column of an indicator source that ingest stages when the pipeline names it, after
/// the area code. The cases are in the order the staged table holds them, so the list of
/// staged columns, the order ingest writes them and the names normalise reads them by all
/// come from here.
public enum IngestedField: CaseIterable, Sendable {
    case areaName, district, value, numerator, denominator, population, decile

    /// The column of the ingest-stage table.
    public var stagedColumn: StagedColumn {
        switch self {
        case .areaName: .init("area_name", .text)
        case .district: .init("district", .text)
        case .value: .init("value", .number)
        case .numerator: .init("numerator", .number)
        case .denominator: .init("denominator", .number)
        case .population: .init("population", .number)
        case .decile: .init("decile", .number)
        }
    }

    /// The pipeline file's key that names the source column, for messages.
    public var pipelineKey: String {
        switch self {
        case .areaName: "area-name"
        case .district: "district"
        case .value: "value"
        case .numerator: "numerator"
        case .denominator: "denominator"
        case .population: "population"
        case .decile: "decile"
        }
    }

    /// The source column the pipeline names for this field; nil when it names none.
    public func sourceColumn(in source: SourceSpec) -> String? {
        switch self {
        case .areaName: source.areaName
        case .district: source.district
        case .value: source.value
        case .numerator: source.numerator
        case .denominator: source.denominator
        case .population: source.population
        case .decile: source.decile
        }
    }

    /// The fields a source names, in staged order, with the source column of each.
    public static func named(in source: SourceSpec) -> [(field: IngestedField, column: String)] {
        allCases.compactMap { field in field.sourceColumn(in: source).map { (field, $0) } }
    }
}
