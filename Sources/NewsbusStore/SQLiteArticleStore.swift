import Foundation
import GRDB
import NewsbusProtocol
import NewsbusSQLite

/// The embedded store: SQLite through GRDB, in WAL mode. An article's commit writes its row and its entities' rows;
/// the search indexes (full text, entity words) take new articles in batches: ``catchUpIndexes(limit:)``.
///
/// Tables: `articles` (one row per article; `seq` is the event sequence number, `document` the enriched
/// article as JSON), `entities` (one row per canonical entity of an article, in article order), `articles_fts`
/// (external-content FTS5 over title and body, accents removed), `entity_terms` (contentless FTS5: the words of each
/// article's entities, see ``EntityTerms``), `text_index` (the last article both indexes hold), and the view
/// `mentions` (one row per mention, read from the documents).
public final class SQLiteArticleStore: ArticleStore {
    let database: any DatabaseWriter

    /// Opens (or creates) the database at `path`; `nil` keeps it in memory (tests).
    /// - Throws: ``StoreError`` with code `open_failed`.
    public init(path: String?) throws(StoreError) {
        do {
            if let path {
                database = try DurableDatabase.open(path: path, label: "store", pageCacheKiB: Self.pageCacheKiB)
            } else {
                database = try DatabaseQueue()
            }
            try Self.migrator.migrate(database)
        } catch {
            throw StoreError(code: "open_failed", message: "cannot open the store at \(path ?? ":memory:"): \(error)")
        }
    }

    /// The page cache of the writer connection, in KiB.
    static let pageCacheKiB = 16384

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE articles (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        stored_at TEXT NOT NULL,
                        sort_time TEXT NOT NULL,
                        lang TEXT NOT NULL,
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        url TEXT,
                        source TEXT,
                        simhash TEXT,
                        document BLOB NOT NULL
                    );
                    CREATE INDEX articles_sort_time ON articles(sort_time);
                    CREATE INDEX articles_lang ON articles(lang);
                    CREATE TABLE entities (
                        article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        label TEXT NOT NULL,
                        name TEXT NOT NULL,
                        folded_name TEXT NOT NULL,
                        mention_count INTEGER NOT NULL,
                        salience REAL NOT NULL,
                        PRIMARY KEY (article_seq, key)
                    );
                    CREATE INDEX entities_key ON entities(key);
                    CREATE INDEX entities_folded_name ON entities(folded_name);
                    CREATE INDEX entities_label ON entities(label);
                    CREATE TABLE mentions (
                        article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        start INTEGER NOT NULL,
                        end INTEGER NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX mentions_article ON mentions(article_seq);
                    CREATE VIRTUAL TABLE articles_fts USING fts5(
                        title, body, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                        INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
                    END;
                    CREATE TABLE dead_letters (
                        id TEXT NOT NULL,
                        stage TEXT NOT NULL,
                        parked_at TEXT NOT NULL,
                        letter BLOB NOT NULL,
                        PRIMARY KEY (id, stage)
                    );
                    CREATE INDEX dead_letters_parked_at ON dead_letters(parked_at);
                    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, body)
                        VALUES ('delete', old.seq, old.title, old.body);
                    END;
                    """)
        }
        migrator.registerMigration("v2: text index caught up in batches") { db in
            // Indexing each article in its own transaction made one FTS5 segment per commit, and the merges of
            // those segments stalled commits for tens of milliseconds; articles are now indexed in batches (see
            // `catchUpIndexes(limit:)`), and the delete trigger only touches what was indexed.
            try db.execute(
                sql: """
                    DROP TRIGGER articles_fts_insert;
                    DROP TRIGGER articles_fts_delete;
                    CREATE TABLE text_index (indexed_up_to INTEGER NOT NULL);
                    INSERT INTO text_index SELECT COALESCE(MAX(seq), 0) FROM articles;
                    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
                    WHEN old.seq <= (SELECT indexed_up_to FROM text_index) BEGIN
                        INSERT INTO articles_fts(articles_fts, rowid, title, body)
                        VALUES ('delete', old.seq, old.title, old.body);
                    END;
                    """)
        }
        migrator.registerMigration("v3: mentions read from the stored documents") { db in
            // Each article's document already holds its entities' mentions. Writing them once more, one row each,
            // cost a fifth of every article's write for a table nothing reads by itself; the view gives the same rows
            // from the documents, so SQL that reads `mentions` keeps working.
            try db.execute(
                sql: """
                    DROP TABLE mentions;
                    CREATE VIEW mentions (article_seq, key, start, end, text) AS
                    SELECT a.seq, json_extract(entity.value, '$.key'), json_extract(mention.value, '$.start'),
                           json_extract(mention.value, '$.end'), json_extract(mention.value, '$.text')
                    FROM articles a,
                         json_each(CAST(a.document AS TEXT), '$.entities') entity,
                         json_each(entity.value, '$.mentions') mention;
                    """)
        }
        migrator.registerMigration("v4: entities found through a word index") { db in
            // B-tree indexes on the entities' keys, folded names and labels put each of an article's entities on a
            // page of its own, and every commit rewrote those pages: most of the store's writing. The words of
            // `entity_terms` do the same lookups (see `EntityTerms`); the articles the text index already holds get
            // theirs now, the others with the text.
            try db.execute(
                sql: """
                    DROP INDEX entities_key;
                    DROP INDEX entities_folded_name;
                    DROP INDEX entities_label;
                    CREATE VIRTUAL TABLE entity_terms USING fts5(terms, content='', tokenize='ascii');
                    """)
            let indexed = try Int64.fetchOne(db, sql: "SELECT indexed_up_to FROM text_index") ?? 0
            for start in stride(from: Int64(0), to: indexed, by: 1000) {
                try addEntityTerms(after: start, upTo: min(start + 1000, indexed), in: db)
            }
        }
        return migrator
    }

    /// How far the search indexes are behind: the newest article's sequence number and the last one indexed.
    public func indexProgress() throws(StoreError) -> (latest: Int64, indexedUpTo: Int64) {
        do {
            return try database.read { db in
                let latest = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM articles") ?? 0
                let indexed = try Int64.fetchOne(db, sql: "SELECT indexed_up_to FROM text_index") ?? 0
                return (latest, indexed)
            }
        } catch {
            throw StoreError(code: "read_failed", message: "\(error)")
        }
    }

    /// Adds the articles not yet in the search indexes to them, oldest first, at most `limit` of them in one
    /// transaction: their title and body to the full-text index, the words of their entities to `entity_terms`. Text
    /// and entity queries call it first, so the indexes are never behind what they can see; the store service also
    /// calls it every fraction of a second, so the work is done in batches, away from article commits.
    /// - Returns: how many articles were indexed (fewer than `limit`: the indexes have caught up).
    @discardableResult
    public func catchUpIndexes(limit: Int = 2000) throws(StoreError) -> Int {
        do {
            return try database.write { db in
                let done = try Int64.fetchOne(db, sql: "SELECT indexed_up_to FROM text_index") ?? 0
                let pending = try Int64.fetchAll(
                    db, sql: "SELECT seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [done, limit])
                guard let last = pending.last else { return 0 }
                try db.execute(
                    sql: """
                        INSERT INTO articles_fts(rowid, title, body)
                        SELECT seq, title, body FROM articles WHERE seq > ? AND seq <= ? ORDER BY seq;
                        UPDATE text_index SET indexed_up_to = ?;
                        """,
                    arguments: [done, last, last])
                try Self.addEntityTerms(after: done, upTo: last, in: db)
                return pending.count
            }
        } catch {
            throw StoreError(code: "index_failed", message: "\(error)")
        }
    }

    /// Adds to `entity_terms` the words of the entities of the articles after `done` up to `last`.
    static func addEntityTerms(after done: Int64, upTo last: Int64, in db: Database) throws {
        var articles: [(Int64, EntityTerms.ArticleWords)] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT article_seq, key, label, folded_name FROM entities
                WHERE article_seq > ? AND article_seq <= ? ORDER BY article_seq
                """,
            arguments: [done, last])
        while let row = try rows.next() {
            let article: Int64 = row[0]
            if articles.last?.0 != article { articles.append((article, EntityTerms.ArticleWords())) }
            articles[articles.count - 1].1.add(key: row[1], label: row[2], foldedName: row[3])
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO entity_terms(rowid, terms) VALUES (?, ?)")
        for (article, words) in articles { try insert.execute(arguments: [article, words.text]) }
    }

    public func write(id: ArticleID, article: EnrichedArticle, storedAt: String) throws(StoreError) -> StoreWrite {
        try write(batch: [(id, article)], storedAt: storedAt)[0].get()
    }

    public func write(batch: [(id: ArticleID, article: EnrichedArticle)], storedAt: String)
        -> [Result<StoreWrite, StoreError>]
    {
        let documents = batch.map { entry in
            Result { () throws(StoreError) -> Data in
                do throws(ProtocolError) {
                    return try WireCodec.json(entry.article)
                } catch {
                    throw StoreError(code: "encoding_failed", message: "article \(entry.id): \(error.message)")
                }
            }
        }
        do {
            return try database.write { db in
                try zip(batch, documents).map { entry, document in
                    switch document {
                    case .success(let bytes):
                        .success(try Self.insert(entry.id, entry.article, bytes, storedAt: storedAt, in: db))
                    case .failure(let error):
                        .failure(error)
                    }
                }
            }
        } catch {
            guard batch.count > 1 else {
                return [.failure(StoreError(code: "write_failed", message: "article \(batch[0].id): \(error)"))]
            }
            return batch.map { entry in write(batch: [entry], storedAt: storedAt)[0] }
        }
    }

    /// Inserts one article and its entities (their mentions are in the document), unless its id is already stored.
    private static func insert(
        _ id: ArticleID, _ article: EnrichedArticle, _ document: Data, storedAt: String, in db: Database
    ) throws -> StoreWrite {
        if let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT seq, document FROM articles WHERE id = ?"), arguments: [id.rawValue])
        {
            return StoreWrite(sequence: existing["seq"], duplicate: true, document: existing["document"])
        }
        let parsed = article.article
        try db.cachedStatement(
            sql: """
                INSERT INTO articles (id, stored_at, sort_time, lang, title, body, url, source, simhash, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id.rawValue, storedAt, sortTime(published: parsed.published?.value, storedAt: storedAt),
            parsed.lang, parsed.title, parsed.body, parsed.url, parsed.source, parsed.simhash, document,
        ])
        let sequence = db.lastInsertedRowID
        let insertEntity = try RowInsert(
            db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO entities (article_seq, key, label, name, folded_name, mention_count, salience)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """))
        for entity in article.entities {
            try insertEntity.run { row in
                row.bind(sequence)
                row.bind(entity.key)
                row.bind(entity.label.rawValue)
                row.bind(entity.name)
                row.bind(NameFolding.fold(entity.name))
                row.bind(entity.mentionCount)
                row.bind(entity.salience)
            }
        }
        return StoreWrite(sequence: sequence, duplicate: false, document: document)
    }

    public func park(id: ArticleID, letter: DeadLetter, at parkedAt: String) throws(StoreError) {
        do {
            let bytes = try JSONEncoder().encode(letter)
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO dead_letters (id, stage, parked_at, letter) VALUES (?, ?, ?, ?)",
                    arguments: [id.rawValue, letter.stage, parkedAt, bytes])
            }
        } catch {
            throw StoreError(code: "write_failed", message: "dead letter for \(id): \(error)")
        }
    }

    public func count() throws(StoreError) -> Int {
        do {
            return try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0 }
        } catch {
            throw StoreError(code: "read_failed", message: "\(error)")
        }
    }

    /// The instant an article is filed under: its publication date when it has one that reads as a date, else the
    /// time it was stored; as sortable UTC text.
    static func sortTime(published: String?, storedAt: String) -> String {
        guard let published, let date = QueryTime.parse(published) else { return storedAt }
        return Timestamp.format(date)
    }
}
