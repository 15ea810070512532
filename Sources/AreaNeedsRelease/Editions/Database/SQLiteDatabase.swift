internal import CSQLite

/// A SQLite database file with the few calls the release's database edition makes: the
/// only code that calls SQLite's C API. It owns the connection and closes it when it goes;
/// no C type or pointer leaves it, and every failure is a `SQLiteError` naming the file.
///
///     let database = try SQLiteDatabase(path: "sample-1.0.0.sqlite", create: true)
///     try database.execute("CREATE TABLE t (x REAL)")
///     let insert = try database.prepare("INSERT INTO t VALUES (?)")
///     try insert.run([.real(0.5)])
final class SQLiteDatabase {
    /// A value SQLite stores or returns.
    enum Value: Hashable, Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    let path: String
    private let connection: OpaquePointer

    /// Opens the database at `path`: for writing, creating it when missing, or read-only.
    init(path: String, create: Bool) throws(SQLiteError) {
        _ = SQLiteDatabase.configured
        self.path = path
        var handle: OpaquePointer?
        let flags = (create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw SQLiteError(operation: .open, code: status, message: message, path: path)
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        // The statements hold the database, so none is left to finalize here.
        sqlite3_close_v2(connection)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        let status = sqlite3_exec(connection, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw failure(.execute, status, sql: sql) }
    }

    /// A statement to run many times with different values.
    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        var handle: OpaquePointer?
        let status = sqlite3_prepare_v2(connection, sql, -1, &handle, nil)
        guard status == SQLITE_OK, let handle else { throw failure(.prepare, status, sql: sql) }
        return Statement(handle: handle, database: self, sql: sql)
    }

    /// Every row a query returns, each as its columns' values.
    func rows(_ sql: String, _ values: [Value] = []) throws(SQLiteError) -> [[Value]] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [[Value]] = []
        while try statement.step() {
            rows.append(statement.currentRow())
        }
        return rows
    }

    /// SQLite set up once per process, before its first use.
    private static let configured: Int32 = areaneeds_sqlite_stop_counting_memory()

    /// The version of the SQLite library, such as "3.40.1".
    static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    fileprivate func failure(_ operation: SQLiteError.Operation, _ status: Int32, sql: String?) -> SQLiteError {
        SQLiteError(operation: operation, code: status, message: String(cString: sqlite3_errmsg(connection)), path: path, sql: sql)
    }

    /// A prepared statement, finalized when it goes.
    final class Statement {
        private let handle: OpaquePointer
        /// Kept so that the connection outlives its statements.
        private let database: SQLiteDatabase
        private let sql: String

        fileprivate init(handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
            self.handle = handle
            self.database = database
            self.sql = sql
        }

        deinit { sqlite3_finalize(handle) }

        /// Runs the statement once with `values` bound to its parameters, in order.
        func run(_ values: [Value]) throws(SQLiteError) {
            try bind(values)
            while try step() {}
        }

        /// Binds `values` to the parameters, in order, after resetting the statement.
        func bind(_ values: [Value]) throws(SQLiteError) {
            sqlite3_reset(handle)
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                let status: Int32
                switch value {
                case .null: status = sqlite3_bind_null(handle, index)
                case .integer(let number): status = sqlite3_bind_int64(handle, index, number)
                case .real(let number): status = sqlite3_bind_double(handle, index, number)
                case .text(let text):
                    // SQLite copies the text (SQLITE_TRANSIENT): the C string Swift passes
                    // lives only for the call.
                    status = sqlite3_bind_text(handle, index, text, Int32(text.utf8.count), areaneeds_sqlite_transient())
                }
                guard status == SQLITE_OK else { throw database.failure(.bind, status, sql: sql) }
            }
        }

        /// Steps once: true when a row is ready to read, false when the statement is done.
        func step() throws(SQLiteError) -> Bool {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            case let status: throw database.failure(.execute, status, sql: sql)
            }
        }

        /// The values of the row the last `step` made ready.
        func currentRow() -> [Value] {
            (0..<sqlite3_column_count(handle)).map { column in
                switch sqlite3_column_type(handle, column) {
                case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, column))
                case SQLITE_FLOAT: .real(sqlite3_column_double(handle, column))
                case SQLITE_NULL: .null
                default: .text(sqlite3_column_text(handle, column).map { String(cString: $0) } ?? "")
                }
            }
        }

        /// The names of the statement's result columns.
        var columnNames: [String] {
            (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
        }
    }
}

extension SQLiteError {
    /// True when the file could not be written (disk full, no permission, an I/O error),
    /// rather than a statement being wrong.
    var cannotWrite: Bool {
        [SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM].contains(code & 0xff)
    }
}
