/// A form in which a release publishes its tables, chosen per pipeline with
/// `release: {editions: [csv, xlsx, sqlite]}`.
///
/// The CSV tables are always published: they are the contract, and the other editions are
/// made from their rows.
package enum ReleaseEdition: String, Codable, Sendable, CaseIterable, Comparable {
    /// One CSV file per table.
    case csv
    /// `<pipeline>-<version>.xlsx`: an Excel workbook of every table, with a profile sheet.
    case xlsx
    /// `<pipeline>-<version>.sqlite`: a SQLite database of every table, with keys, indexes and views.
    case sqlite
    /// `<table>.csv.gz` beside each table: its bytes, gzip-compressed.
    case csvGzip = "csv.gz"

    /// The editions of a pipeline that names none.
    package static let defaults: [ReleaseEdition] = [.csv, .xlsx, .sqlite]

    package static func < (lhs: ReleaseEdition, rhs: ReleaseEdition) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
