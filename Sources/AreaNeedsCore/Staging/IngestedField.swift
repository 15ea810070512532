import AreaNeedsTables

/// A column of an indicator source that ingest stages when the pipeline names it, after
/// the area code. The cases are in the order the staged table holds them, so the list of
/// staged columns, the order ingest writes them and the names normalise reads them by all
/// come from here.
package enum IngestedField: CaseIterable, Sendable {
    case areaName, district, value, numerator, denominator, population, decile, ciLower, ciUpper
    /// The age-band methods' columns: the band (staged as its start age), the deaths or
    /// events, and the people with a disability among those counted.
    case ageBand, events, disabled, surveyed

    /// The column of the ingest-stage table.
    package var stagedColumn: StagedColumn {
        switch self {
        case .areaName: .init("area_name", .text)
        case .district: .init("district", .text)
        case .value: .init("value", .number)
        case .numerator: .init("numerator", .number)
        case .denominator: .init("denominator", .number)
        case .population: .init("population", .number)
        case .decile: .init("decile", .number)
        case .ciLower: .init("ci_lower", .number)
        case .ciUpper: .init("ci_upper", .number)
        case .ageBand: .init("age_band", .number)
        case .events: .init("events", .number)
        case .disabled: .init("disabled", .number)
        case .surveyed: .init("surveyed", .number)
        }
    }

    /// The pipeline file's key that names the source column, for messages.
    package var pipelineKey: String {
        switch self {
        case .areaName: "area-name"
        case .district: "district"
        case .value: "value"
        case .numerator: "numerator"
        case .denominator: "denominator"
        case .population: "population"
        case .decile: "decile"
        case .ciLower: "ci-lower"
        case .ciUpper: "ci-upper"
        case .ageBand: "age-band"
        case .events: "deaths"
        case .disabled: "disabled"
        case .surveyed: "surveyed"
        }
    }

    /// Whether the field is text (a name), not a figure.
    package var isText: Bool { self == .areaName || self == .district }

    /// Where the pipeline says the field is in the source; nil when it names none.
    package func spec(in source: SourceSpec) -> FieldSpec? {
        switch self {
        case .areaName: source.areaName.map(FieldSpec.init(column:))
        case .district: source.district.map(FieldSpec.init(column:))
        case .value: source.value
        case .numerator: source.numerator
        case .denominator: source.denominator
        case .population: source.population.map(FieldSpec.init(column:))
        case .decile: source.decile.map(FieldSpec.init(column:))
        case .ciLower: source.ciLower.map(FieldSpec.init(column:))
        case .ciUpper: source.ciUpper.map(FieldSpec.init(column:))
        case .ageBand: source.ageBand.map(FieldSpec.init(column:))
        case .events: source.eventsColumn.map(FieldSpec.init(column:))
        case .disabled: source.disabled.map(FieldSpec.init(column:))
        case .surveyed: source.surveyed.map(FieldSpec.init(column:))
        }
    }

    /// The fields a source names, in staged order, with where each is.
    package static func named(in source: SourceSpec) -> [(field: IngestedField, spec: FieldSpec)] {
        allCases.compactMap { field in field.spec(in: source).map { (field, $0) } }
    }
}
