import Foundation
import GRDB
import NewsbusProtocol

/// Ingest's durable record of every accepted article (SQLite in WAL mode): written before an article is
/// acknowledged or forwarded, it is how exact duplicates are recognised across restarts, and which articles the
/// store has confirmed (`stored`) or not yet (`pending`).
public final class ArticleJournal: Sendable {
    private let database: any DatabaseWriter

    /// Opens (or creates) the journal at `path`; `nil` keeps it in memory (tests).
    /// - Throws: `DatabaseError` when the file cannot be opened or migrated.
    public init(path: String?) throws {
        if let path {
            var configuration = Configuration()
            configuration.label = "ingest-journal"
            database = try DatabasePool(path: path, configuration: configuration)
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
                table.column("envelope", .blob).notNull()
            }
            try db.create(index: "journal_state", on: "journal", columns: ["state"])
        }
        try migrator.migrate(database)
    }

    /// Records the articles that are not in the journal yet, in one transaction.
    /// - Returns: for each entry, whether it was new (`false`: an exact duplicate of an earlier article).
    public func admit(_ entries: [(id: ArticleID, envelope: Data)], at time: Date = Date()) throws -> [Bool] {
        try database.write { db in
            var seen = Set<String>()
            return try entries.map { entry in
                guard seen.insert(entry.id.rawValue).inserted else { return false }
                try db.execute(
                    sql: """
                        INSERT INTO journal (id, received_at, state, envelope) VALUES (?, ?, 'pending', ?)
                        ON CONFLICT(id) DO NOTHING
                        """,
                    arguments: [entry.id.rawValue, time.timeIntervalSince1970, entry.envelope])
                return db.changesCount == 1
            }
        }
    }

    /// Marks articles as committed by the store.
    public func markStored(_ ids: [ArticleID]) throws {
        guard !ids.isEmpty else { return }
        try database.write { db in
            for id in ids {
                try db.execute(sql: "UPDATE journal SET state = 'stored' WHERE id = ?", arguments: [id.rawValue])
            }
        }
    }

    /// How many articles are in each state (`pending`, `stored`).
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
