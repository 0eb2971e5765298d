/// An article as a client submits it (`article.raw`): scraped `text` or a page's `html`, plus what the client
/// knows about it. At least one of `text` and `html` is required (ingest checks it).
public struct RawArticle: Payload {
    public static let messageType = MessageType.articleRaw

    /// The article as plain text (typically scraped, boilerplate included).
    public var text: String?
    /// The article's HTML page.
    public var html: String?
    /// Where the article was fetched from.
    public var url: String?
    /// The publication or feed it came from (`"lemonde.fr"`, `"AFP"` …).
    public var source: String?
    /// A title the client already knows.
    public var title: String?
    /// A publication date the client already knows, as the client wrote it.
    public var published: String?
    /// A language hint (ISO 639-1), used when the content is too short to tell.
    public var lang: String?
    /// The client's own reference for the article, echoed in verdicts and rejections.
    public var clientID: String?

    public init(
        text: String? = nil, html: String? = nil, url: String? = nil, source: String? = nil, title: String? = nil,
        published: String? = nil, lang: String? = nil, clientID: String? = nil
    ) {
        self.text = text
        self.html = html
        self.url = url
        self.source = source
        self.title = title
        self.published = published
        self.lang = lang
        self.clientID = clientID
    }

    enum CodingKeys: String, CodingKey {
        case text, html, url, source, title, published, lang, clientID = "client_id"
    }
}

extension RawArticle {
    /// Every field: all are optional strings.
    private static let fields = OptionalStringFields<RawArticle>([
        ("text", \.text), ("html", \.html), ("url", \.url), ("source", \.source), ("title", \.title),
        ("published", \.published), ("lang", \.lang), ("client_id", \.clientID),
    ])

    public func write(to writer: inout JSONWriter) {
        writer.object { writer in Self.fields.write(self, to: &writer) }
    }

    public init(from reader: inout JSONReader) throws {
        self.init()
        try reader.object { reader, key in
            if try !Self.fields.read(key, into: &self, from: &reader) { try reader.skipValue() }
        }
    }
}
