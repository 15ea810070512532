/// The header row of a table, and lookup of its columns by name.
///
/// Names match when they are equal after trimming, folding case and collapsing runs of
/// whitespace: "Income Score (rate)" finds " income score  (RATE) ".
public struct TableHeader: Sendable, Equatable {
    /// The names as written in the file (trimmed).
    public let names: [String]
    /// The file the header came from, for messages.
    public let file: String
    /// The sheet, when the file is a workbook.
    public let sheet: String?

    init(names: [String], file: String, sheet: String? = nil) {
        self.names = names.map { $0.trimmingWhitespace() }
        self.file = file
        self.sheet = sheet
        self.normalised = names.map(TableHeader.normalise)
    }

    private let normalised: [String]

    /// The column with this name; throws, listing the header, when there is none or several.
    public func column(_ name: String) throws(TableError) -> TableColumn {
        let wanted = TableHeader.normalise(name)
        let matches = normalised.indices.filter { normalised[$0] == wanted }
        guard let first = matches.first else {
            throw TableError(.columnNotFound(name: name, available: names), file: file, sheet: sheet)
        }
        guard matches.count == 1 else {
            throw TableError(.ambiguousColumn(name: name, positions: matches.map { $0 + 1 }), file: file, sheet: sheet)
        }
        return TableColumn(index: first, name: names[first])
    }

    /// The column whose name is the latest period (`Period`), with the period: in a wide
    /// table of one column per month or year, the newest figures. Of two columns named
    /// for the same period, the later. Throws, listing the header, when no name is a period.
    package func latestPeriodColumn() throws(TableError) -> (column: TableColumn, period: Period) {
        var latest: (column: TableColumn, period: Period)?
        for (index, name) in names.enumerated() {
            guard let period = Period(name) else { continue }
            if latest.map({ period >= $0.period }) ?? true { latest = (TableColumn(index: index, name: name), period) }
        }
        guard let latest else { throw TableError(.noPeriodColumn(available: names), file: file, sheet: sheet) }
        return latest
    }

    /// Whether the header has a column of this name.
    public func contains(_ name: String) -> Bool {
        normalised.contains(TableHeader.normalise(name))
    }

    /// The number of columns up to the last one with a name; shorter rows are ragged.
    var namedWidth: Int {
        (names.lastIndex { !$0.isEmpty } ?? -1) + 1
    }

    static func normalise(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A column found by name: its position and its name as the file writes it.
public struct TableColumn: Sendable, Hashable {
    /// 0-based position in the row.
    public let index: Int
    public let name: String

    public init(index: Int, name: String) {
        self.index = index
        self.name = name
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}
