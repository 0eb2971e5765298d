import Foundation
import GRDB

/// Copies the write-ahead log of a SQLite database back into the database file from a connection of its own, so
/// that writers never stall on a checkpoint and the log does not grow without bound.
///
/// A passive checkpoint runs beside writers and readers (SQLite's checkpointer lock is not the writer lock); it
/// copies what no reader still needs and leaves the rest for the next round.
public final class WALCheckpointer: Sendable {
    private let connection: DatabaseQueue

    /// Opens a second connection to the database at `path`.
    /// - Throws: ``SQLiteFileError`` with code `open_failed`.
    public init(path: String) throws(SQLiteFileError) {
        do {
            var configuration = Configuration()
            configuration.label = "checkpointer"
            configuration.journalMode = .wal
            connection = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw SQLiteFileError(code: "open_failed", message: "cannot open \(path) for checkpoints: \(error)")
        }
    }

    /// Runs one passive checkpoint; returns the log's size and how much of it is now copied, in pages.
    @discardableResult
    public func checkpoint() throws(SQLiteFileError) -> (logPages: Int, checkpointedPages: Int) {
        do {
            return try connection.writeWithoutTransaction { db in
                let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
                return (row?[1] ?? 0, row?[2] ?? 0)
            }
        } catch {
            throw SQLiteFileError(code: "checkpoint_failed", message: "\(error)")
        }
    }
}
