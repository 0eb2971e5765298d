import Foundation
import GRDB
import NewsbusProtocol

extension SQLiteArticleStore {
    /// The largest page a query may ask for.
    public static let maximumLimit = 500

    public func query(_ query: ArticleQuery) -> QueryResult {
        if query.deadLetters == true { return deadLetters(query) }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let id = query.id {
            conditions.append("a.id = ?")
            arguments += [id]
        }
        if query.text != nil || query.entity != nil || query.label != nil {
            // Whatever was committed before the query is searchable.
            do {
                while try catchUpIndexes() == 2000 {}
            } catch {
                return QueryResult(total: 0, articles: [], error: "the search indexes could not be brought up to date: \(error)")
            }
        }
        if let text = query.text {
            conditions.append("a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            arguments += [text]
        }
        // Entities: the words of `entity_terms` find the candidates, their `entities` rows decide (see `EntityTerms`).
        if let entity = query.entity {
            let folded = NameFolding.fold(entity)
            var check = "(e.key = ? OR e.folded_name = ?)"
            arguments += [EntityTerms.query(entity: entity, foldedName: folded, label: query.label?.rawValue), entity, folded]
            if let label = query.label {
                check += " AND e.label = ?"
                arguments += [label.rawValue]
            }
            conditions.append(
                "a.seq IN (SELECT rowid FROM entity_terms WHERE entity_terms MATCH ?)"
                    + " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_seq = a.seq AND \(check))")
        } else if let label = query.label {
            conditions.append(
                "a.seq IN (SELECT rowid FROM entity_terms WHERE entity_terms MATCH ?)"
                    + " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_seq = a.seq AND e.label = ?)")
            arguments += [EntityTerms.query(label: label.rawValue), label.rawValue]
        }
        if let lang = query.lang {
            conditions.append("a.lang = ?")
            arguments += [lang]
        }
        for (bound, text) in [(">=", query.since), ("<", query.until)] {
            guard let text else { continue }
            guard let date = QueryTime.parse(text) else {
                return QueryResult(total: 0, articles: [], error: "`\(bound == ">=" ? "since" : "until")` is not a date: \"\(text)\"")
            }
            conditions.append("a.sort_time \(bound) ?")
            arguments += [Timestamp.format(date)]
        }
        if let after = query.afterSequence {
            conditions.append("a.seq > ?")
            arguments += [after]
        }
        let limit = min(max(query.limit ?? 20, 1), Self.maximumLimit)
        let offset = max(query.offset ?? 0, 0)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = query.afterSequence != nil ? "a.seq ASC" : "a.sort_time DESC, a.seq DESC"
        do {
            return try database.read { db in
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles a \(filter)", arguments: arguments) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT a.id, a.seq, a.stored_at, a.document FROM articles a \(filter) ORDER BY \(order) LIMIT ? OFFSET ?",
                    arguments: arguments + [limit, offset])
                let articles = try rows.map { row in
                    StoredArticle(
                        id: ArticleID(rawValue: row["id"]), sequence: row["seq"], storedAt: row["stored_at"],
                        article: try WireCodec.value(EnrichedArticle.self, fromJSON: row["document"] as Data))
                }
                return QueryResult(total: total, articles: articles)
            }
        } catch let error as DatabaseError {
            return QueryResult(total: 0, articles: [], error: "query failed: \(error.message ?? "\(error)")")
        } catch {
            return QueryResult(total: 0, articles: [], error: "query failed: \(error)")
        }
    }

    /// A page of dead letters, newest first.
    private func deadLetters(_ query: ArticleQuery) -> QueryResult {
        let limit = min(max(query.limit ?? 20, 1), Self.maximumLimit)
        let offset = max(query.offset ?? 0, 0)
        do {
            return try database.read { db in
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dead_letters") ?? 0
                let decoder = JSONDecoder()
                let parked = try Row.fetchAll(
                    db, sql: "SELECT id, parked_at, letter FROM dead_letters ORDER BY parked_at DESC, id LIMIT ? OFFSET ?",
                    arguments: [limit, offset]
                ).map { row in
                    ParkedArticle(
                        id: ArticleID(rawValue: row["id"]), parkedAt: row["parked_at"],
                        letter: try decoder.decode(DeadLetter.self, from: row["letter"] as Data))
                }
                return QueryResult(total: total, articles: [], deadLetters: parked)
            }
        } catch {
            return QueryResult(total: 0, articles: [], error: "query failed: \(error)")
        }
    }
}
