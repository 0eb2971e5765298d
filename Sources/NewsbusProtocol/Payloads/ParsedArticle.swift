/// A clean article (`article.parsed`): boilerplate removed, structure kept, metadata found.
///
/// Offsets (`blocks[].start/end`, and the entity mentions of ``EnrichedArticle``) count Unicode code points
/// (not UTF-16 units, not bytes) into ``body``, end exclusive.
public struct ParsedArticle: Payload {
    public static let messageType = MessageType.articleParsed

    /// The headline.
    public var title: String
    /// The standfirst or subtitle, when the page has one.
    public var lede: String?
    /// The text: the blocks joined by a blank line (`"\n\n"`).
    public var body: String
    /// The structure of ``body``: one entry per paragraph, heading, list item or quote.
    public var blocks: [TextBlock]
    /// The bylines, as written.
    public var authors: [String]
    /// When the article was published, with where that was found.
    public var published: DatedValue?
    /// When the article was last updated, with where that was found.
    public var updated: DatedValue?
    /// The URL the article was fetched from.
    public var url: String?
    /// The canonical URL the page declares.
    public var canonicalURL: String?
    /// The site's name (`og:site_name`, JSON-LD publisher …).
    public var siteName: String?
    /// The source the client named.
    public var source: String?
    /// The language detected from the content, ISO 639-1 (`"fr"`), or `"und"` when unknown.
    public var lang: String
    /// Confidence in ``lang``, from 0 to 1.
    public var langConfidence: Double
    /// Words in ``body``.
    public var wordCount: Int
    /// What was removed, counted by kind (`"cross_link"`, `"teaser_list"`, `"share_bar"`, `"credit"` …).
    public var removed: [String: Int]
    /// A 64-bit SimHash of the body's shingles as 16 hex digits, for grouping near-duplicate stories.
    public var simhash: String?

    public init(
        title: String, lede: String? = nil, body: String, blocks: [TextBlock], authors: [String] = [],
        published: DatedValue? = nil, updated: DatedValue? = nil, url: String? = nil, canonicalURL: String? = nil,
        siteName: String? = nil, source: String? = nil, lang: String, langConfidence: Double, wordCount: Int,
        removed: [String: Int] = [:], simhash: String? = nil
    ) {
        self.title = title
        self.lede = lede
        self.body = body
        self.blocks = blocks
        self.authors = authors
        self.published = published
        self.updated = updated
        self.url = url
        self.canonicalURL = canonicalURL
        self.siteName = siteName
        self.source = source
        self.lang = lang
        self.langConfidence = langConfidence
        self.wordCount = wordCount
        self.removed = removed
        self.simhash = simhash
    }

    enum CodingKeys: String, CodingKey {
        case title, lede, body, blocks, authors, published, updated, url, canonicalURL = "canonical_url",
            siteName = "site_name", source, lang, langConfidence = "lang_confidence", wordCount = "word_count",
            removed, simhash
    }
}

/// One block of an article's body, as a code-point range of the body.
public struct TextBlock: Codable, Sendable, Hashable {
    /// What the block is.
    public enum Kind: String, Codable, Sendable, Hashable {
        case paragraph, heading, listItem = "list_item", quote
    }

    public var kind: Kind
    /// First code point of the block in the body.
    public var start: Int
    /// One past the last code point of the block in the body.
    public var end: Int

    public init(kind: Kind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// A date with where it was found.
public struct DatedValue: Codable, Sendable, Hashable {
    /// Where a date came from, most trustworthy first.
    public enum Origin: String, Codable, Sendable, Hashable {
        case jsonLD = "json-ld", meta, time, text, client
    }

    /// ISO 8601: a full timestamp with offset when known (`2021-06-03T10:15:00+01:00`), else a date.
    public var value: String
    public var origin: Origin

    public init(value: String, origin: Origin) {
        self.value = value
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey { case value, origin = "source" }
}

extension ParsedArticle {
    /// The fields that are optional strings.
    private static let optionalStrings = OptionalStringFields<ParsedArticle>([
        ("lede", \.lede), ("url", \.url), ("canonical_url", \.canonicalURL), ("site_name", \.siteName),
        ("source", \.source), ("simhash", \.simhash),
    ])

    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("title", title)
            writer.field("body", body)
            writer.field("blocks", blocks)
            writer.field("authors", authors)
            writer.field("published", published)
            writer.field("updated", updated)
            writer.field("lang", lang)
            writer.field("lang_confidence", langConfidence)
            writer.field("word_count", wordCount)
            writer.field("removed", removed)
            Self.optionalStrings.write(self, to: &writer)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var title: String?, body: String?, blocks: [TextBlock]?, authors: [String]?, lang: String?
        var langConfidence: Double?, wordCount: Int?, removed: [String: Int]?
        var optional = ParsedArticle(title: "", body: "", blocks: [], lang: "", langConfidence: 0, wordCount: 0)
        try reader.object { reader, key in
            switch key {
            case "title": title = try reader.string()
            case "body": body = try reader.string()
            case "blocks": blocks = try reader.array()
            case "authors": authors = try reader.strings()
            case "published": optional.published = try reader.readNull() ? nil : DatedValue(from: &reader)
            case "updated": optional.updated = try reader.readNull() ? nil : DatedValue(from: &reader)
            case "lang": lang = try reader.string()
            case "lang_confidence": langConfidence = try reader.number()
            case "word_count": wordCount = try reader.integer()
            case "removed": removed = try reader.integersByKey()
            default:
                if try !Self.optionalStrings.read(key, into: &optional, from: &reader) { try reader.skipValue() }
            }
        }
        guard let title, let body, let blocks, let authors, let lang, let langConfidence, let wordCount, let removed
        else { throw JSONReadError(offset: 0, reason: "missing parsed article fields") }
        self = optional
        (self.title, self.body, self.blocks, self.authors) = (title, body, blocks, authors)
        (self.lang, self.langConfidence, self.wordCount, self.removed) = (lang, langConfidence, wordCount, removed)
    }
}

extension TextBlock: JSONWireCodable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("kind", kind.rawValue)
            writer.field("start", start)
            writer.field("end", end)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var kind: Kind?, start: Int?, end: Int?
        try reader.object { reader, key in
            switch key {
            case "kind": kind = Kind(rawValue: try reader.string())
            case "start": start = try reader.integer()
            case "end": end = try reader.integer()
            default: try reader.skipValue()
            }
        }
        guard let kind, let start, let end else { throw JSONReadError(offset: 0, reason: "text block fields") }
        self.init(kind: kind, start: start, end: end)
    }
}

extension DatedValue: JSONWireCodable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("value", value)
            writer.field("source", origin.rawValue)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var value: String?, origin: Origin?
        try reader.object { reader, key in
            switch key {
            case "value": value = try reader.string()
            case "source": origin = Origin(rawValue: try reader.string())
            default: try reader.skipValue()
            }
        }
        guard let value, let origin else { throw JSONReadError(offset: 0, reason: "dated value fields") }
        self.init(value: value, origin: origin)
    }
}
