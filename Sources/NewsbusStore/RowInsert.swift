import GRDB
import GRDBSQLite

/// Runs a prepared `INSERT` for one row with its values bound straight to SQLite: the per-row path of an
/// article's entities and mentions, tens of rows per article, without building GRDB `StatementArguments` for each.
///
/// ```swift
/// try RowInsert(statement).run { row in
///     row.bind(sequence)
///     row.bind(entity.key)
/// }
/// ```
struct RowInsert {
    private let statement: Statement

    init(_ statement: Statement) { self.statement = statement }

    /// Binds the row's values in order with `bind`, then runs the statement once.
    func run(_ bind: (inout Values) -> Void) throws {
        let handle = statement.sqliteStatement
        var values = Values(handle: handle)
        bind(&values)
        precondition(
            values.count == sqlite3_bind_parameter_count(handle), "\(values.count) values bound to \(statement.sql)")
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                sql: statement.sql)
        }
    }

    /// The values of one row, bound in parameter order.
    struct Values {
        fileprivate let handle: OpaquePointer
        fileprivate private(set) var count: Int32 = 0

        /// Binds text (copied by SQLite).
        mutating func bind(_ text: String) {
            count += 1
            var text = text
            let index = count
            text.withUTF8 { bytes in
                // An empty buffer may have no address, which SQLite would read as NULL: bind "" explicitly.
                guard let base = bytes.baseAddress else {
                    sqlite3_bind_text(handle, index, "", 0, nil)
                    return
                }
                sqlite3_bind_text(handle, index, base, Int32(bytes.count), transient)
            }
        }

        /// Binds an integer.
        mutating func bind(_ value: Int64) {
            count += 1
            sqlite3_bind_int64(handle, count, value)
        }

        /// Binds an integer.
        mutating func bind(_ value: Int) { bind(Int64(value)) }

        /// Binds a real number.
        mutating func bind(_ value: Double) {
            count += 1
            sqlite3_bind_double(handle, count, value)
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
