/// A failure of SQLite, said with the file, what was being done and SQLite's own words.
struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// What the database was asked to do when it failed.
    enum Operation: String, Sendable {
        case open = "cannot open the database"
        case prepare = "cannot prepare a statement"
        case execute = "a statement failed"
        case bind = "cannot bind a value"
        case close = "cannot close the database"
    }

    var operation: Operation
    /// SQLite's extended result code.
    var code: Int32
    /// SQLite's message.
    var message: String
    var path: String
    /// The SQL, when a statement failed.
    var sql: String?

    var description: String {
        var text = "\(path): \(operation.rawValue): \(message) (SQLite code \(code))"
        if let sql { text += "\n  in: " + (sql.count > 200 ? sql.prefix(200) + "..." : sql) }
        return text
    }
}
