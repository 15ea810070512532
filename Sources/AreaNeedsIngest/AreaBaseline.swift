import AreaNeedsCore
import AreaNeedsTables

/// The area codes of a source's previous ingest, read from its staging table, to tell how
/// many codes a new extract adds or drops: a file of the wrong geography, year or place
/// shows up as many changed codes.
///
/// The staging table is replaced only when an ingest succeeds, so it is always a complete
/// earlier ingest of the same unit; with no staging table (the first run, or staging
/// removed) there is nothing to compare with. A folder staged by a version that wrote
/// ingest tables as CSV is read too, so the first refresh after an upgrade still compares.
struct AreaBaseline {
    /// Each code with its line in the source file it was ingested from.
    let lines: SeenCodes

    /// The codes of the ingest-stage table at `path`, or of the CSV table a version that
    /// staged ingest tables as CSV kept at `earlierCSV`; nil when there is none or it cannot
    /// be read.
    static func read(_ path: String, orEarlierCSV earlierCSV: String) -> AreaBaseline? {
        var lines = SeenCodes()
        do {
            let reader = try StagedTableReader(path: path)
            let code = try reader.column("area_code", .text)
            let line = try reader.column("line", .count)
            try reader.forEachRow { row in
                _ = lines.updateValue(row.count(line), forKey: row.areaCode(code))
            }
        } catch let error as TableError where error.kind == .fileNotFound {
            return readEarlierCSV(earlierCSV)
        } catch {
            return nil
        }
        return AreaBaseline(lines: lines)
    }

    private static func readEarlierCSV(_ path: String) -> AreaBaseline? {
        var lines = SeenCodes()
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let code = try reader.header.column("area_code")
            let line = try reader.header.column("line")
            try reader.forEachRecord { record in
                let number = try record.number(line).number ?? 0
                _ = lines.updateValue(Int(exactly: number.rounded()) ?? 0, forKey: record.areaCode(code))
            }
        } catch {
            return nil
        }
        return AreaBaseline(lines: lines)
    }

    /// How the codes changed: how many are new and gone, and the first few of each by line.
    struct Changes {
        var previous: Int
        var added = Examples()
        var gone = Examples()

        /// New and gone codes, in percent of the previous ingest's codes.
        var percent: Double {
            previous == 0 ? 0 : Double(added.count + gone.count) * 100 / Double(previous)
        }

        /// "0 codes are new and 1 is gone, of 18 before (5.6%); gone: L12 (was line 5)"
        var summary: String {
            var text = "\(added.count) code\(added.count == 1 ? " is" : "s are") new and \(gone.count) \(gone.count == 1 ? "is" : "are") gone, of \(previous) before (\(NumberText.format((percent * 10).rounded() / 10))%)"
            if added.count > 0 { text += "; new: " + added.listed { "\($0) (line \($1))" } }
            if gone.count > 0 { text += "; gone: " + gone.listed { "\($0) (was line \($1))" } }
            return text
        }
    }

    /// A count of codes, keeping only the few with the lowest lines: a file of a million
    /// new codes costs a count.
    struct Examples {
        private(set) var count = 0
        private var kept: [(code: AreaCode, line: Int)] = []

        mutating func add(_ code: AreaCode, line: Int) {
            count += 1
            let shown = CheckFindings.shownExamples
            guard kept.count < shown || (line, code) < (kept[shown - 1].line, kept[shown - 1].code) else { return }
            let index = kept.firstIndex { (line, code) < ($0.line, $0.code) } ?? kept.count
            kept.insert((code, line), at: index)
            if kept.count > shown { kept.removeLast() }
        }

        func listed(_ describe: (String, Int) -> String) -> String {
            kept.map { describe($0.code.text, $0.line) }.joined(separator: ", ") + (count > kept.count ? ", and \(count - kept.count) more" : "")
        }
    }

    /// The changes from this baseline to `current` (code to line); nil when the baseline
    /// is empty.
    func changes(to current: SeenCodes) -> Changes? {
        guard lines.count > 0 else { return nil }
        var changes = Changes(previous: lines.count)
        current.forEachCode(notIn: lines) { code, line in changes.added.add(code, line: line) }
        lines.forEachCode(notIn: current) { code, line in changes.gone.add(code, line: line) }
        return changes
    }
}
