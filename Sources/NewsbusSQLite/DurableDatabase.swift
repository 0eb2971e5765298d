import GRDB

/// How the ingest journal and the store open their SQLite files: WAL mode, every commit fsync'd before it returns,
/// no checkpoint inside a commit (a ``WALCheckpointer`` does them beside the writers), and a page cache a batch fits
/// in.
public enum DurableDatabase {
    /// Opens (or creates) the database at `path`.
    ///
    /// GRDB sets `synchronous = NORMAL` for WAL databases, which keeps the file consistent after a power loss but
    /// may lose the last commits; Newsbus acknowledges an article only once its commit is on disk, so the writer
    /// connection is set back to `FULL` (the log is fsync'd at each commit).
    /// - Parameters:
    ///   - label: the connections' label, in GRDB's diagnostics.
    ///   - pageCacheKiB: the writer connection's page cache. SQLite's default (2 MB) is too small for a batch of
    ///     articles with their index pages: the pages spill to the log before the commit and are read back again
    ///     and again.
    /// - Throws: ``SQLiteFileError`` with code `open_failed`.
    public static func open(path: String, label: String, pageCacheKiB: Int) throws(SQLiteFileError) -> DatabasePool {
        var configuration = Configuration()
        configuration.label = label
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            // The writer only: readers (queries) keep SQLite's default cache, so that memory stays bounded however
            // many queries run at once.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -\(pageCacheKiB)")
            }
            return pool
        } catch {
            throw SQLiteFileError(code: "open_failed", message: "cannot open \(path): \(error)")
        }
    }
}

/// A SQLite file that cannot be opened or checkpointed, with a stable code (`open_failed`, `checkpoint_failed`).
public struct SQLiteFileError: Error, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
