/// A staged table held in memory: the bytes a `StagedTableWriter` wrote to its file, kept
/// as they went out, so that the next stage of the same run reads the table without
/// reading its file back (`StagedTableReader(table:)`).
///
/// Kept in the pieces the writer wrote (64 KiB each), not one growing array: growing one
/// held the old and the new copy at once, megabytes for a national source.
package struct StagedTable: Sendable {
    /// The file the table was written to, for messages.
    package let path: String
    let pieces: [[UInt8]]

    init(path: String, pieces: [[UInt8]]) {
        self.path = path
        self.pieces = pieces
    }

    /// The size of the table in bytes.
    package var byteCount: Int { pieces.reduce(0) { $0 + $1.count } }
}
