import Foundation
import NewsbusProtocol

/// Where enriched articles are kept and searched. Writes are idempotent by article id: writing an id that is
/// already stored changes nothing and reports a duplicate, with the article as first stored.
public protocol ArticleStore: Sendable {
    /// Stores an article with its entities and mentions in one transaction.
    /// - Returns: its event sequence number, and whether it was already there.
    /// - Throws: ``StoreError``.
    func write(id: ArticleID, article: EnrichedArticle, storedAt: String) throws(StoreError) -> StoreWrite

    /// Stores several articles in one transaction (much cheaper than one each), every one as ``write(id:article:storedAt:)``
    /// would. When the transaction fails, the articles are written one by one, so one bad article fails alone.
    func write(batch: [(id: ArticleID, article: EnrichedArticle)], storedAt: String) -> [Result<StoreWrite, StoreError>]

    /// Runs a query. A query that cannot run (bad full-text syntax, bad date) gets a result with `error` set.
    func query(_ query: ArticleQuery) -> QueryResult

    /// Keeps a dead letter (a message given up on) so that it can be listed with `dead_letters` queries. Recording
    /// the same stage's letter for the same article again replaces it.
    func park(id: ArticleID, letter: DeadLetter, at parkedAt: String) throws(StoreError)

    /// How many articles are stored.
    func count() throws(StoreError) -> Int
}

/// The outcome of one ``ArticleStore/write(id:article:storedAt:)``.
public struct StoreWrite: Sendable, Hashable {
    /// The article's event sequence number (the existing one for a duplicate).
    public var sequence: Int64
    public var duplicate: Bool
    /// The article as the store keeps it (JSON; for a duplicate, as first stored): what is published without encoding
    /// it again.
    public var document: Data?

    public init(sequence: Int64, duplicate: Bool, document: Data? = nil) {
        self.sequence = sequence
        self.duplicate = duplicate
        self.document = document
    }

    /// Writes compare by sequence and duplicate flag.
    public static func == (lhs: StoreWrite, rhs: StoreWrite) -> Bool {
        lhs.sequence == rhs.sequence && lhs.duplicate == rhs.duplicate
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sequence)
        hasher.combine(duplicate)
    }
}

/// Why the store failed: what, and the underlying database message.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
