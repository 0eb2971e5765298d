/// A search of the store (`query.request`). Every criterion given must hold; results are newest first.
public struct ArticleQuery: Payload {
    public static let messageType = MessageType.queryRequest

    /// One article by id.
    public var id: String?
    /// Full-text search over title and body (SQLite FTS5 syntax: words, `"phrases"`, `OR`, `prefix*`).
    public var text: String?
    /// Articles naming an entity: a canonical key (`"ORG:daech"`) or a name (`"Daech"`, any case/accents).
    public var entity: String?
    /// Restricts ``entity`` matches to one label, or alone: articles naming any entity with that label.
    public var label: EntityLabel?
    /// Articles in one language (ISO 639-1).
    public var lang: String?
    /// Published (or, when unknown, stored) at or after this RFC 3339 instant or ISO date.
    public var since: String?
    /// Published (or, when unknown, stored) before this RFC 3339 instant or ISO date.
    public var until: String?
    /// Events after this store sequence number, oldest first (for catching up).
    public var afterSequence: Int64?
    /// At most this many results (1…500; default 20).
    public var limit: Int?
    /// Skip this many results (paging).
    public var offset: Int?

    public init(
        id: String? = nil, text: String? = nil, entity: String? = nil, label: EntityLabel? = nil, lang: String? = nil,
        since: String? = nil, until: String? = nil, afterSequence: Int64? = nil, limit: Int? = nil, offset: Int? = nil
    ) {
        self.id = id
        self.text = text
        self.entity = entity
        self.label = label
        self.lang = lang
        self.since = since
        self.until = until
        self.afterSequence = afterSequence
        self.limit = limit
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey {
        case id, text, entity, label, lang, since, until, afterSequence = "after_seq", limit, offset
    }
}

/// The answer to an ``ArticleQuery`` (`query.result`).
public struct QueryResult: Payload {
    public static let messageType = MessageType.queryResult

    /// How many articles match in all (for paging).
    public var total: Int
    /// This page of matches.
    public var articles: [StoredArticle]
    /// Why the query could not run (a malformed full-text expression, a bad date …); no articles then.
    public var error: String?

    public init(total: Int, articles: [StoredArticle], error: String? = nil) {
        self.total = total
        self.articles = articles
        self.error = error
    }
}

/// An article as the store holds it.
public struct StoredArticle: Codable, Sendable, Equatable {
    public var id: ArticleID
    /// The sequence number of its `article.enriched` event.
    public var sequence: Int64
    /// When it was committed (RFC 3339).
    public var storedAt: String
    public var article: EnrichedArticle

    public init(id: ArticleID, sequence: Int64, storedAt: String, article: EnrichedArticle) {
        self.id = id
        self.sequence = sequence
        self.storedAt = storedAt
        self.article = article
    }

    enum CodingKeys: String, CodingKey { case id, sequence = "seq", storedAt = "stored_at", article }
}
