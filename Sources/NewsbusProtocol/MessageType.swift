/// The type of a wire message, sent as its first frame so that subscribers filter by prefix.
///
/// Types form a flat, prefix-free set: no type is a byte prefix of another, so subscribing to
/// `article.raw` never also delivers some `article.rawX`. A publisher may append dot-separated qualifiers to
/// the topic frame (`article.enriched.fr`), which makes each type a filter family: subscribing to
/// `article.enriched` receives every language, `article.enriched.fr` only French.
public struct MessageType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// A raw article as a client submitted it (ingest → parse).
    public static let articleRaw: MessageType = "article.raw"
    /// A cleaned article: title, paragraphs, dates, language (parse → extract).
    public static let articleParsed: MessageType = "article.parsed"
    /// A cleaned article with its entities and dates (extract → store, then store → subscribers once stored).
    public static let articleEnriched: MessageType = "article.enriched"
    /// The store committed an article (store → ingest, and subscribers).
    public static let articleStored: MessageType = "article.stored"
    /// An input was refused, with the reason (any stage → subscribers).
    public static let articleRejected: MessageType = "article.rejected"
    /// The verdict on one acknowledged submit (ingest → client, as a reply).
    public static let articleVerdict: MessageType = "article.verdict"
    /// A message that failed a stage too many times, parked with the reason (stage → store).
    public static let articleDeadLetter: MessageType = "article.dead"

    /// Asks a service for its health and counters (request/reply).
    public static let statusRequest: MessageType = "status.request"
    /// A service's health and counters (the reply to `status.request`).
    public static let statusReport: MessageType = "status.report"
    /// A search of the store (request/reply).
    public static let queryRequest: MessageType = "query.request"
    /// The store's answer to `query.request`.
    public static let queryResult: MessageType = "query.result"

    /// Every type this version of the protocol defines.
    public static let allDefined: [MessageType] = [
        .articleRaw, .articleParsed, .articleEnriched, .articleStored, .articleRejected, .articleVerdict,
        .articleDeadLetter, .statusRequest, .statusReport, .queryRequest, .queryResult,
    ]

    /// The topic frame for this type with optional qualifiers: `article.enriched` + `["fr"]` →
    /// `article.enriched.fr`.
    public func topic(qualifiers: [String] = []) -> String {
        qualifiers.isEmpty ? rawValue : ([rawValue] + qualifiers).joined(separator: ".")
    }

    /// Whether a topic frame belongs to this type: equal to it, or it followed by `.` and qualifiers.
    public func matches(topic: String) -> Bool {
        guard topic.hasPrefix(rawValue) else { return false }
        let rest = topic.utf8.dropFirst(rawValue.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: ".")
    }
}
