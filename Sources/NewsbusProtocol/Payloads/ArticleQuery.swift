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
    /// Instead of articles, list the dead letters: articles given up on after repeated failures, newest first.
    public var deadLetters: Bool?
    /// At most this many results (1…500; default 20).
    public var limit: Int?
    /// Skip this many results (paging).
    public var offset: Int?

    public init(
        id: String? = nil, text: String? = nil, entity: String? = nil, label: EntityLabel? = nil, lang: String? = nil,
        since: String? = nil, until: String? = nil, afterSequence: Int64? = nil, deadLetters: Bool? = nil,
        limit: Int? = nil, offset: Int? = nil
    ) {
        self.id = id
        self.text = text
        self.entity = entity
        self.label = label
        self.lang = lang
        self.since = since
        self.until = until
        self.afterSequence = afterSequence
        self.deadLetters = deadLetters
        self.limit = limit
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey {
        case id, text, entity, label, lang, since, until, afterSequence = "after_seq", deadLetters = "dead_letters",
            limit, offset
    }
}

/// The answer to an ``ArticleQuery`` (`query.result`).
public struct QueryResult: Payload {
    public static let messageType = MessageType.queryResult

    /// How many articles match in all (for paging).
    public var total: Int
    /// This page of matches.
    public var articles: [StoredArticle]
    /// The page of dead letters, for a query with `dead_letters` (then `total` counts them).
    public var deadLetters: [ParkedArticle]?
    /// Why the query could not run (a malformed full-text expression, a bad date …); no articles then.
    public var error: String?

    public init(total: Int, articles: [StoredArticle], deadLetters: [ParkedArticle]? = nil, error: String? = nil) {
        self.total = total
        self.articles = articles
        self.deadLetters = deadLetters
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case total, articles, deadLetters = "dead_letters", error }
}

/// A message given up on, as the store keeps it.
public struct ParkedArticle: Codable, Sendable, Equatable {
    /// The article the message was about.
    public var id: ArticleID
    /// When the store recorded it (RFC 3339).
    public var parkedAt: String
    /// Which stage gave up, why, after how many attempts, and the message itself.
    public var letter: DeadLetter

    public init(id: ArticleID, parkedAt: String, letter: DeadLetter) {
        self.id = id
        self.parkedAt = parkedAt
        self.letter = letter
    }

    enum CodingKeys: String, CodingKey { case id, parkedAt = "parked_at", letter }
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
