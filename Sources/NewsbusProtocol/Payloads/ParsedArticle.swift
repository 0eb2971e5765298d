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
