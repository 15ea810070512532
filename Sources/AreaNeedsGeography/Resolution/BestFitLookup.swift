import AreaNeedsTables

/// An ONS LSOA (2011) to LSOA (2021) lookup: for each new 2021 code, its 2011 parts.
///
/// ONS marks each pair with CHGIND: U unchanged, S split (the 2021 LSOA is part of one 2011
/// LSOA), M merged (it joins several 2011 LSOAs), X a complex change (several to several).
/// Unchanged rows are not kept: those codes are in the 2011 lookup already.
struct BestFitLookup: Sendable {
    /// One 2011 part of a 2021 LSOA.
    struct Part: Sendable {
        var lsoa11: String
        var change: Change
        var line: Int
    }

    enum Change: String, Sendable {
        case unchanged = "U", split = "S", merged = "M", complex = "X"
    }

    let path: String
    let parts: [String: [Part]]

    static let columns = (lsoa11: "LSOA11CD", lsoa21: "LSOA21CD", change: "CHGIND")

    /// Reads the file; rows it cannot use are added to `problems`.
    static func load(path: String, problems: inout [GeographyProblem]) throws -> BestFitLookup {
        let reader = try TableReader(path: path)
        let lsoa11 = try reader.header.column(columns.lsoa11)
        let lsoa21 = try reader.header.column(columns.lsoa21)
        let change = try reader.header.column(columns.change)
        var parts: [String: [Part]] = [:]
        try reader.forEachRecord { record in
            var complete = true
            for column in [lsoa11, lsoa21, change] where record.isEmpty(column) {
                problems.append(GeographyProblem(.emptyCell(column: column.name), file: path, line: record.line))
                complete = false
            }
            guard complete else { return }
            let code = record.text(lsoa21)
            guard let kind = Change(rawValue: record.text(change).uppercased()) else {
                problems.append(GeographyProblem(
                    .unknownChangeIndicator(lsoa21: code, text: record.text(change)), file: path, line: record.line))
                return
            }
            guard kind != .unchanged else { return }
            parts[code, default: []].append(Part(lsoa11: record.text(lsoa11), change: kind, line: record.line))
        }
        return BestFitLookup(path: path, parts: parts)
    }
}
