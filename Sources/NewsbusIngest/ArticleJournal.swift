import Foundation
import GRDB
import NewsbusProtocol
import NewsbusSQLite

/// Ingest's durable record of every accepted article (SQLite in WAL mode): written before an article is
/// acknowledged or forwarded, it is how exact duplicates are recognised across restarts, which articles the store
/// has confirmed (`stored`) or not yet (`pending`), and when a pending one is due to be sent again. Articles that
/// were sent too many times without being stored are parked as `dead`.
public final class ArticleJournal: Sendable {
    private let database: any DatabaseWriter

    /// Opens (or creates) the journal at `path`; `nil` keeps it in memory (tests).
    /// - Throws: `SQLiteFileError` when the file cannot be opened, `DatabaseError` when it cannot be migrated.
    public init(path: String?) throws {
        if let path {
            // Room in the page cache for a batch of envelopes and the id index.
            database = try DurableDatabase.open(path: path, label: "ingest-journal", pageCacheKiB: 8192)
        } else {
            database = try DatabaseQueue()
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "journal") { table in
                table.primaryKey("id", .text)
                table.column("received_at", .double).notNull()
                table.column("state", .text).notNull()
                table.column("attempts", .integer).notNull().defaults(to: 1)
                table.column("due_at", .double).notNull().defaults(to: 0)
                table.column("reason", .text)
                table.column("envelope", .blob).notNull()
            }
            try db.create(index: "journal_state", on: "journal", columns: ["state"])
            try db.create(index: "journal_pending_due", on: "journal", columns: ["state", "due_at"])
        }
        migrator.registerMigration("v2: settled_at") { db in
            // When an entry stopped being pending; stored entries lose their envelope then and are deleted after
            // the retention period (see `compact(settledBefore:)`).
            try db.alter(table: "journal") { table in table.add(column: "settled_at", .double) }
            try db.execute(sql: "UPDATE journal SET settled_at = received_at WHERE state != 'pending'")
            try db.create(index: "journal_stored_settled", on: "journal", columns: ["state", "settled_at"])
        }
        migrator.registerMigration("v3: no index on state alone") { db in
            // The two indexes that begin with the state serve every query by state; a third, on the state alone,
            // only cost a page write more in every commit.
            try db.drop(index: "journal_state")
        }
        try migrator.migrate(database)
    }

    /// Records the articles that are not in the journal yet, in one transaction.
    /// - Returns: for each entry, whether it was new (`false`: an exact duplicate of an earlier article).
    /// - Parameter due: when each new article is due to be sent again if the store has not confirmed it by then.
    public func admit(_ entries: [(id: ArticleID, envelope: Data)], at time: Date = Date(), due: Date? = nil) throws
        -> [Bool]
    {
        let dueAt = (due ?? time).timeIntervalSince1970
        return try database.write { db in
            var seen = Set<String>()
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO journal (id, received_at, state, due_at, envelope) VALUES (?, ?, 'pending', ?, ?)
                    ON CONFLICT(id) DO NOTHING
                    """)
            return try entries.map { entry in
                guard seen.insert(entry.id.rawValue).inserted else { return false }
                try insert.execute(arguments: [entry.id.rawValue, time.timeIntervalSince1970, dueAt, entry.envelope])
                return db.changesCount == 1
            }
        }
    }

    /// Marks articles as committed by the store. Their envelopes are dropped: only the id stays, to recognise
    /// duplicates until ``compact(settledBefore:)`` removes it.
    public func markStored(_ ids: [ArticleID], at time: Date = Date()) throws {
        guard !ids.isEmpty else { return }
        try database.write { db in
            let update = try db.cachedStatement(
                sql: "UPDATE journal SET state = 'stored', envelope = X'', settled_at = ? WHERE id = ? AND state != 'stored'")
            for id in ids { try update.execute(arguments: [time.timeIntervalSince1970, id.rawValue]) }
        }
    }

    /// Deletes the stored entries settled before `time`, oldest first, at most `limit` of them (so that one call
    /// never holds the database for long). Pending and dead entries are kept. SQLite reuses the freed pages, so a
    /// journal whose retention is steady stops growing.
    /// - Returns: how many entries were deleted.
    @discardableResult
    public func compact(settledBefore time: Date, limit: Int = 10_000) throws -> Int {
        try database.write { db in
            try db.execute(
                sql: """
                    DELETE FROM journal WHERE id IN (
                        SELECT id FROM journal WHERE state = 'stored' AND settled_at < ? ORDER BY settled_at LIMIT ?)
                    """,
                arguments: [time.timeIntervalSince1970, limit])
            return db.changesCount
        }
    }

    /// A pending article due to be sent again.
    public struct DueEntry: Sendable, Equatable {
        public let id: ArticleID
        /// The envelope as first sent (JSON).
        public let envelope: Data
        /// How many times it has been sent so far.
        public let attempts: Int
    }

    /// Pending articles whose due time has come, oldest due first.
    public func due(at time: Date, limit: Int = 256) throws -> [DueEntry] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, envelope, attempts FROM journal WHERE state = 'pending' AND due_at <= ?
                    ORDER BY due_at LIMIT ?
                    """,
                arguments: [time.timeIntervalSince1970, limit]
            ).map { row in
                DueEntry(id: ArticleID(rawValue: row["id"]), envelope: row["envelope"], attempts: row["attempts"])
            }
        }
    }

    /// Records that pending articles were sent again, with their new attempt count and due time.
    public func rescheduled(_ entries: [(id: ArticleID, attempts: Int, due: Date)]) throws {
        guard !entries.isEmpty else { return }
        try database.write { db in
            for entry in entries {
                try db.execute(
                    sql: "UPDATE journal SET attempts = ?, due_at = ? WHERE id = ? AND state = 'pending'",
                    arguments: [entry.attempts, entry.due.timeIntervalSince1970, entry.id.rawValue])
            }
        }
    }

    /// Parks pending articles that will not be sent again, with the reason.
    public func markDead(_ ids: [ArticleID], reason: String) throws {
        guard !ids.isEmpty else { return }
        try database.write { db in
            for id in ids {
                try db.execute(
                    sql: "UPDATE journal SET state = 'dead', reason = ?, settled_at = ? WHERE id = ? AND state = 'pending'",
                    arguments: [reason, Date().timeIntervalSince1970, id.rawValue])
            }
        }
    }

    /// Parks one pending article as dead right away (a stage refused it: sending it again would not help).
    /// - Returns: its journaled envelope and attempt count, or `nil` when it was not pending.
    public func park(_ id: ArticleID, reason: String) throws -> (envelope: Data, attempts: Int)? {
        try database.write { db in
            guard let row = try Row.fetchOne(
                db, sql: "SELECT envelope, attempts FROM journal WHERE id = ? AND state = 'pending'",
                arguments: [id.rawValue])
            else { return nil }
            try db.execute(
                sql: "UPDATE journal SET state = 'dead', reason = ?, settled_at = ? WHERE id = ?",
                arguments: [reason, Date().timeIntervalSince1970, id.rawValue])
            return (row["envelope"], row["attempts"])
        }
    }

    /// How many articles are in each state (`pending`, `stored`, `dead`).
    public func counts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM journal GROUP BY state") {
                counts[row["state"]] = row["n"]
            }
            return counts
        }
    }
}
