import AreaNeedsCore
import AreaNeedsTables

/// The area codes of a source's previous ingest, read from its staging table, to tell how
/// many codes a new extract adds or drops: a file of the wrong geography, year or place
/// shows up as many changed codes.
///
/// The staging table is replaced only when an ingest succeeds, so it is always a complete
/// earlier ingest of the same unit; with no staging table (the first run, or staging
/// removed) there is nothing to compare with.
struct AreaBaseline {
    /// Each code with its line in the source file it was ingested from.
    let lines: [String: Int]

    /// The codes of the ingest-stage table at `path`; nil when there is none or it cannot be read.
    static func read(_ path: String) -> AreaBaseline? {
        var lines: [String: Int] = [:]
        do {
            let reader = try TableReader(path: path, options: ReadOptions(header: .line(1)))
            let code = try reader.header.column("area_code")
            let line = try reader.header.column("line")
            try reader.forEachRecord { record in
                lines[record.text(code)] = Int(try record.number(line).number ?? 0)
            }
        } catch {
            return nil
        }
        return AreaBaseline(lines: lines)
    }

    /// How the codes changed.
    struct Changes {
        var previous: Int
        var added: [(code: String, line: Int)]
        var gone: [(code: String, line: Int)]

        /// New and gone codes, in percent of the previous ingest's codes.
        var percent: Double {
            previous == 0 ? 0 : Double(added.count + gone.count) * 100 / Double(previous)
        }

        /// "40 of the 1000 codes are new and 35 are gone (7.5%): new E01 (line 3), ...; gone E02 (was line 9), ..."
        var summary: String {
            let shown = CheckFindings.shownExamples
            func list(_ codes: [(code: String, line: Int)], _ describe: (String, Int) -> String) -> String {
                let more = codes.count > shown ? ", and \(codes.count - shown) more" : ""
                return codes.prefix(shown).map { describe($0.code, $0.line) }.joined(separator: ", ") + more
            }
            var text = "\(added.count) code\(added.count == 1 ? " is" : "s are") new and \(gone.count) \(gone.count == 1 ? "is" : "are") gone, of \(previous) before (\(NumberText.format((percent * 10).rounded() / 10))%)"
            if !added.isEmpty { text += "; new: " + list(added) { "\($0) (line \($1))" } }
            if !gone.isEmpty { text += "; gone: " + list(gone) { "\($0) (was line \($1))" } }
            return text
        }
    }

    /// The changes from this baseline to `current` (code to line); nil when the baseline
    /// is empty.
    func changes(to current: [String: Int]) -> Changes? {
        guard !lines.isEmpty else { return nil }
        let added = current.filter { lines[$0.key] == nil }.map { (code: $0.key, line: $0.value) }
        let gone = lines.filter { current[$0.key] == nil }.map { (code: $0.key, line: $0.value) }
        let order: ((code: String, line: Int), (code: String, line: Int)) -> Bool = { ($0.line, $0.code) < ($1.line, $1.code) }
        return Changes(previous: lines.count, added: added.sorted(by: order), gone: gone.sorted(by: order))
    }
}
