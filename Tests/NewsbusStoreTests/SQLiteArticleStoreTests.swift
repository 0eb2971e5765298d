import Foundation
import GRDB
import NewsbusProtocol
import NewsbusSQLite
@testable import NewsbusStore
import Testing

@Suite struct SQLiteArticleStoreTests {
    /// An enriched article written for these tests: `body` holds `name` at offset 0.
    static func article(
        title: String, body: String, lang: String = "fr", published: String? = nil,
        entities: [(EntityLabel, String)] = []
    ) -> EnrichedArticle {
        let parsed = ParsedArticle(
            title: title, body: body, blocks: [TextBlock(kind: .paragraph, start: 0, end: body.unicodeScalars.count)],
            published: published.map { DatedValue(value: $0, origin: .meta) }, lang: lang, langConfidence: 0.99,
            wordCount: body.split(separator: " ").count)
        let list = entities.map { label, name in
            Entity(
                key: "\(label):\(name.lowercased())", label: label, name: name,
                mentions: [Mention(start: 0, end: name.unicodeScalars.count, text: name)], salience: 0.5)
        }
        return EnrichedArticle(article: parsed, entities: list, dates: [])
    }

    let store: SQLiteArticleStore

    init() throws {
        store = try SQLiteArticleStore(path: nil)
        _ = try store.write(
            id: "a1",
            article: Self.article(
                title: "Al-Qaïda au Maghreb islamique", body: "Daech et Al-Qaïda menacent le Maroc", published: "2021-06-03",
                entities: [(.organization, "Al-Qaïda"), (.location, "Maroc")]),
            storedAt: "2026-01-01T00:00:00.000Z")
        _ = try store.write(
            id: "a2",
            article: Self.article(
                title: "Budget vote in Tunis", body: "Tunisia approved its budget", lang: "en", published: "2026-12-11T19:40:00Z",
                entities: [(.location, "Tunisia")]),
            storedAt: "2026-01-02T00:00:00.000Z")
        _ = try store.write(
            id: "a3",
            article: Self.article(title: "Sans date", body: "Le port de Tanger Med", entities: [(.location, "Tanger")]),
            storedAt: "2026-01-03T00:00:00.000Z")
    }

    @Test func writingAnIDTwiceChangesNothing() throws {
        let again = try store.write(id: "a1", article: Self.article(title: "Other", body: "Other"), storedAt: "2026-02-01T00:00:00.000Z")
        #expect(again == StoreWrite(sequence: 1, duplicate: true))
        #expect(try store.count() == 3)
        #expect(store.query(ArticleQuery(id: "a1")).articles.first?.article.article.title == "Al-Qaïda au Maghreb islamique")
    }

    @Test func batchesAreWrittenTogetherWithDuplicatesRecognised() throws {
        let article = Self.article(title: "Lot", body: "Un lot d'articles")
        let writes = store.write(
            batch: [("b1", article), ("a2", article), ("b2", article), ("b1", article)], storedAt: "2026-02-01T00:00:00.000Z")
        #expect(try writes.map { try $0.get() } == [
            StoreWrite(sequence: 4, duplicate: false), StoreWrite(sequence: 2, duplicate: true),
            StoreWrite(sequence: 5, duplicate: false), StoreWrite(sequence: 4, duplicate: true),
        ])
        #expect(try store.count() == 5)
    }

    @Test func sequenceNumbersGrow() throws {
        let write = try store.write(id: "a4", article: Self.article(title: "T", body: "B"), storedAt: "2026-01-04T00:00:00.000Z")
        #expect(write == StoreWrite(sequence: 4, duplicate: false))
    }

    @Test func findsByFullTextIgnoringAccents() {
        #expect(store.query(ArticleQuery(text: "qaida")).articles.map(\.id) == ["a1"])
        #expect(store.query(ArticleQuery(text: "budget OR tanger")).total == 2)
    }

    @Test func theIndexesCatchUpInBatchesAndBeforeEveryTextOrEntityQuery() throws {
        // Given the three articles, not indexed yet: batches take them oldest first, then there is nothing left
        #expect(try store.indexProgress() == (latest: 3, indexedUpTo: 0))
        #expect(try store.catchUpIndexes(limit: 2) == 2)
        #expect(try entityWordArticles() == [1, 2])
        #expect(try store.catchUpIndexes(limit: 2) == 1)
        #expect(try store.catchUpIndexes(limit: 2) == 0)
        #expect(try store.indexProgress() == (latest: 3, indexedUpTo: 3))
        #expect(try entityWordArticles() == [1, 2, 3])
        // When another is written, a text query finds it without waiting for a batch
        _ = try store.write(
            id: "a4", article: Self.article(title: "Rabat", body: "Le sommet de Rabat"), storedAt: "2026-01-04T00:00:00.000Z")
        #expect(store.query(ArticleQuery(text: "sommet")).articles.map(\.id) == ["a4"])
        #expect(try store.catchUpIndexes() == 0)
        #expect(store.query(ArticleQuery(text: "tanger OR sommet")).total == 2)
        // And so does an entity query
        _ = try store.write(
            id: "a5", article: Self.article(title: "Oujda", body: "Oujda", entities: [(.location, "Oujda")]),
            storedAt: "2026-01-05T00:00:00.000Z")
        #expect(store.query(ArticleQuery(entity: "oujda")).articles.map(\.id) == ["a5"])
        #expect(try store.indexProgress() == (latest: 5, indexedUpTo: 5))
    }

    /// The articles with words in the entity index (articles without entities have none).
    private func entityWordArticles() throws -> [Int64] {
        try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT rowid FROM entity_terms ORDER BY rowid") }
    }

    @Test func entityWordsAreStable() {
        // They are stored: the same entity must give the same words in every version.
        #expect(EntityTerms.hex(EntityTerms.hash("")) == "cbf29ce484222325")
        #expect(EntityTerms.hex(EntityTerms.hash("a")) == "af63dc4c8601ec8c")
        #expect(EntityTerms.hex(0x0123_4567_89AB_CDEF) == "0123456789abcdef")
        var article = EntityTerms.ArticleWords()
        article.add(key: "LOC:maroc", label: "LOC", foldedName: "maroc")
        article.add(key: "LOC:rabat", label: "LOC", foldedName: "rabat")
        article.add(key: "LOC:maroc", label: "LOC", foldedName: "maroc")
        let maroc = EntityTerms.words(key: "LOC:maroc", label: "LOC", foldedName: "maroc")
        let rabat = EntityTerms.words(key: "LOC:rabat", label: "LOC", foldedName: "rabat")
        #expect(article.text == [maroc[0], maroc[1], maroc[2], rabat[0], rabat[1]].joined(separator: " "))
        #expect(EntityTerms.words(key: "ORG:al qaida", label: "ORG", foldedName: "al qaida")[2] == "lorg")
        #expect(EntityTerms.query(entity: "x", foldedName: "x", label: "PER").hasSuffix(" AND lper"))
    }

    @Test func findsByEntityKeyOrNameAndLabel() {
        #expect(store.query(ArticleQuery(entity: "al qaida")).articles.map(\.id) == ["a1"])
        #expect(store.query(ArticleQuery(entity: "LOC:tunisia")).articles.map(\.id) == ["a2"])
        #expect(store.query(ArticleQuery(entity: "Maroc", label: .person)).total == 0)
        #expect(store.query(ArticleQuery(label: .location)).total == 3)
    }

    @Test func entityWordsThatMatchAnotherEntityGiveNoWrongAnswer() throws {
        // Given an article whose entity words also stand for an entity it does not have (as two names with one hash
        // would, or an entity whose rows are gone)
        try store.catchUpIndexes()
        let tanger = EntityTerms.words(key: "LOC:tanger", label: "LOC", foldedName: "tanger")
        let maroc = EntityTerms.words(key: "LOC:maroc", label: "LOC", foldedName: "maroc")
        try store.database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO entity_terms(entity_terms, rowid, terms) VALUES ('delete', 3, ?);
                    INSERT INTO entity_terms(rowid, terms) VALUES (3, ?);
                    """,
                arguments: [tanger.joined(separator: " "), (tanger + maroc).joined(separator: " ")])
        }
        #expect(try store.database.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM entity_terms WHERE entity_terms MATCH ?", arguments: [maroc[0]])
        } == [1, 3])
        // Then the entity's rows decide: only the article that names it is found
        #expect(store.query(ArticleQuery(entity: "Maroc")).articles.map(\.id) == ["a1"])
        #expect(store.query(ArticleQuery(entity: "LOC:maroc", label: .location)).articles.map(\.id) == ["a1"])
    }

    @Test func filtersByLanguageAndTimeNewestFirst() {
        #expect(store.query(ArticleQuery(lang: "en")).articles.map(\.id) == ["a2"])
        // a3 has no publication date: it is filed under the time it was stored.
        #expect(store.query(ArticleQuery(since: "2025-01-01")).articles.map(\.id) == ["a2", "a3"])
        #expect(store.query(ArticleQuery(until: "2022")).articles.map(\.id) == ["a1"])
    }

    @Test func pagesAndCatchesUpBySequence() {
        let page = store.query(ArticleQuery(limit: 2, offset: 1))
        #expect(page.total == 3)
        #expect(page.articles.count == 2)
        #expect(store.query(ArticleQuery(afterSequence: 1)).articles.map(\.sequence) == [2, 3])
    }

    @Test func keepsAndListsDeadLetters() throws {
        let letter = DeadLetter(
            stage: "ingest", code: "not_stored", reason: "not stored after 5 attempts", attempts: 5,
            originalType: .articleRaw, original: "{}")
        try store.park(id: "x1", letter: letter, at: "2026-03-01T00:00:00.000Z")
        try store.park(id: "x2", letter: letter, at: "2026-03-02T00:00:00.000Z")
        try store.park(id: "x1", letter: letter, at: "2026-03-03T00:00:00.000Z")  // same stage again: replaced
        let result = store.query(ArticleQuery(deadLetters: true))
        #expect(result.total == 2)
        #expect(result.deadLetters?.map(\.id) == ["x1", "x2"])
        #expect(result.deadLetters?.first?.letter == letter)
        #expect(result.articles.isEmpty)
    }

    @Test func explainsQueriesThatCannotRun() {
        #expect(store.query(ArticleQuery(text: "\"unbalanced")).error != nil)
        #expect(store.query(ArticleQuery(since: "last week")).error?.contains("since") == true)
    }
}

@Suite struct StoreMigrationTests {
    /// A store file written with an earlier schema: migrated up to `version`, given one article (`old`, sequence 1,
    /// with the SQL `rows` adds after it), then closed; `body` gets its path, and the file goes afterwards.
    static func withStore(
        migratedUpTo version: String, article: EnrichedArticle, rows: String, _ body: (String) throws -> Void
    ) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let old = try DatabaseQueue(path: path)
        try SQLiteArticleStore.migrator.migrate(old, upTo: version)
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles (id, stored_at, sort_time, lang, title, body, document)
                    VALUES ('old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, ?, ?, ?);
                    """,
                arguments: [article.article.lang, article.article.title, article.article.body, try WireCodec.json(article)])
            try db.execute(sql: rows)
        }
        try old.close()
        try body(path)
    }

    @Test func mentionsAreReadFromTheDocumentsOfArticlesWrittenBeforeAndAfter() throws {
        // Given a store written with the second schema version, whose mentions were rows of their own
        var article = SQLiteArticleStoreTests.article(title: "Titre", body: "Rabat et Rabat", entities: [(.location, "Rabat")])
        article.entities[0].mentions.append(Mention(start: 9, end: 14, text: "Rabat"))
        let rows = """
            INSERT INTO entities VALUES (1, 'LOC:rabat', 'LOC', 'Rabat', 'rabat', 2, 0.9);
            INSERT INTO mentions VALUES (1, 'LOC:rabat', 0, 5, 'Rabat'), (1, 'LOC:rabat', 9, 14, 'Rabat');
            """
        try Self.withStore(migratedUpTo: "v2: text index caught up in batches", article: article, rows: rows) { path in
            // When the store opens it, and writes one more article
            let store = try SQLiteArticleStore(path: path)
            let next = try store.write(
                id: "new", article: SQLiteArticleStoreTests.article(title: "Suite", body: "Tanger", entities: [(.location, "Tanger")]),
                storedAt: "2026-01-02T00:00:00.000Z")
            #expect(next == StoreWrite(sequence: 2, duplicate: false))
            // Then `mentions` gives every mention of both, as rows, and the entities are still found
            let (kind, rows) = try store.database.read { db in
                (
                    try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = 'mentions'"),
                    try Row.fetchAll(db, sql: "SELECT article_seq, key, start, end, text FROM mentions ORDER BY article_seq, start")
                )
            }
            #expect(kind == "view")
            #expect(rows.map { "\($0["article_seq"] as Int) \($0["key"] as String) \($0["start"] as Int)-\($0["end"] as Int) \($0["text"] as String)" } == [
                "1 LOC:rabat 0-5 Rabat", "1 LOC:rabat 9-14 Rabat", "2 LOC:tanger 0-6 Tanger",
            ])
            #expect(store.query(ArticleQuery(entity: "rabat", label: .location)).articles.map(\.id) == ["old"])
            #expect(store.query(ArticleQuery(entity: "tanger")).articles.map(\.id) == ["new"])
        }
    }

    @Test func entitiesOfArticlesIndexedBeforeTheWordIndexGetTheirWords() throws {
        // Given a store written with the third schema version, whose only article is in the text index
        let article = SQLiteArticleStoreTests.article(title: "Titre", body: "Al-Qaïda", entities: [(.organization, "Al-Qaïda")])
        let rows = """
            INSERT INTO entities VALUES (1, 'ORG:al-qaïda', 'ORG', 'Al-Qaïda', 'al qaida', 1, 0.5);
            INSERT INTO articles_fts(rowid, title, body) VALUES (1, 'Titre', 'Al-Qaïda');
            UPDATE text_index SET indexed_up_to = 1;
            """
        try Self.withStore(migratedUpTo: "v3: mentions read from the stored documents", article: article, rows: rows) { path in
            // When the store opens it
            let store = try SQLiteArticleStore(path: path)
            // Then the article has its words at once (no batch will take it again), and is found by name and label
            #expect(try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT rowid FROM entity_terms") } == [1])
            #expect(try store.catchUpIndexes() == 0)
            #expect(store.query(ArticleQuery(entity: "al qaida", label: .organization)).articles.map(\.id) == ["old"])
            #expect(store.query(ArticleQuery(label: .organization)).total == 1)
            #expect(try store.database.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entities'")
            }.allSatisfy { $0.hasPrefix("sqlite_autoindex") })
        }
    }
}

@Suite struct WALCheckpointerTests {
    @Test func copiesTheLogBesideAWriter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteArticleStore(path: path)
        let checkpointer = try WALCheckpointer(path: path)
        for index in 0..<20 {
            _ = try store.write(
                id: ArticleID(rawValue: "w\(index)"),
                article: SQLiteArticleStoreTests.article(title: "Titre \(index)", body: String(repeating: "mot ", count: 500)),
                storedAt: "2026-01-01T00:00:00.000Z")
        }
        // The writers left the log to the checkpointer: it has pages, and a passive checkpoint copies them all.
        let result = try checkpointer.checkpoint()
        #expect(result.logPages > 0)
        #expect(result.checkpointedPages == result.logPages)
        #expect(try store.count() == 20)
    }
}

@Suite struct DurableDatabaseTests {
    @Test func commitsAreFsyncedInWALModeWithTheCacheAsked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("durable-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try DurableDatabase.open(path: path, label: "test", pageCacheKiB: 4096)
        // FULL (2), not the NORMAL (1) GRDB chooses for WAL: an acknowledged commit survives a power loss.
        let settings = try database.writeWithoutTransaction { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA synchronous"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint")
            )
        }
        #expect(settings.0 == 2)
        #expect(settings.1 == "wal")
        #expect(settings.2 == -4096)
        #expect(settings.3 == 0)
        // Readers keep SQLite's default cache: memory stays bounded however many queries run at once.
        #expect(try database.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } == -2000)
    }

    @Test func aFileThatCannotBeOpenedIsNamed() {
        #expect {
            _ = try DurableDatabase.open(path: "/nonexistent-folder/x.sqlite", label: "test", pageCacheKiB: 1024)
        } throws: { error in
            (error as? SQLiteFileError)?.code == "open_failed"
                && (error as? SQLiteFileError)?.message.contains("/nonexistent-folder/x.sqlite") == true
        }
    }
}
