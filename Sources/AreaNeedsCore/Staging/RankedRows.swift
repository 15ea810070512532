import AreaNeedsTables

/// The ranked tables as the rank stage made them in this run, handed to publish in memory:
/// publish writes their rows into the release rather than reading the rank stage's files
/// back.
package protocol RankedRows: Sendable {
    /// Writes the rows of `table` (not its header), as the rank stage wrote them to its file.
    func writeRows(of table: RankedTable, to writer: TableWriter) throws

    /// Each indicator's county figure and why it is not ranked, as `indicator_summaries`
    /// holds them (text), by id.
    var indicatorSummaries: [String: (countyValue: String, notRankedReason: String)] { get }
}
