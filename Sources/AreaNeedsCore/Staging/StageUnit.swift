/// What one manifest of a stage covers, named once for every stage that writes or reads
/// it: `indicator-fuel-poverty` is ingest's source rows of that indicator, normalise's
/// figures of it, and what publish looks up for its provenance.
package enum StageUnit: Hashable, Sendable {
    /// An indicator: its source's rows (ingest), or its figures by area (normalise).
    case indicator(String)
    /// A population table's rows (ingest).
    case population(String)
    /// The geography files the normalise stage read and checked, which publish copies.
    case geography
    /// The ranked tables (rank).
    case needs
    /// The release (publish).
    case release

    /// The unit's name: of its manifest and files, and in the log.
    package var name: String {
        switch self {
        case .indicator(let id): "indicator-\(id)"
        case .population(let name): "population-\(name)"
        case .geography: "geography"
        case .needs: "needs"
        case .release: "release"
        }
    }

    /// The staged table of an indicator or a population table (`StagedTableWriter`).
    package var stagedFile: String { name + ".staged" }

    /// The CSV table a version before staged tables wrote in its place, removed once the
    /// staged table is written.
    package var earlierCSVFile: String { name + ".csv" }

    /// The file of its manifest.
    var manifestFile: String { name + ".manifest.json" }
}
