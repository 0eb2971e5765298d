/// A clean article with the entities and dates it names (`article.enriched`). Extract sends it to the
/// store; the store publishes it, with its sequence number, once it is committed.
public struct EnrichedArticle: Payload {
    public static let messageType = MessageType.articleEnriched

    /// The article as parse produced it.
    public var article: ParsedArticle
    /// The entities, one per canonical entity, most salient first.
    public var entities: [Entity]
    /// Every date mention with its normalised value.
    public var dates: [DateMention]

    public init(article: ParsedArticle, entities: [Entity], dates: [DateMention]) {
        self.article = article
        self.entities = entities
        self.dates = dates
    }
}

/// An entity label. The protocol defines seven; readers keep labels they do not know.
public struct EntityLabel: RawRepresentable, Codable, Sendable, Hashable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A person.
    public static let person: EntityLabel = "PER"
    /// An organisation: company, party, agency, armed group, team.
    public static let organization: EntityLabel = "ORG"
    /// A place: country, city, region, geographic feature.
    public static let location: EntityLabel = "LOC"
    /// Other names: events, works, nationalities used as names.
    public static let miscellaneous: EntityLabel = "MISC"
    /// A date or period.
    public static let date: EntityLabel = "DATE"
    /// An amount of money.
    public static let money: EntityLabel = "MONEY"
    /// A percentage.
    public static let percent: EntityLabel = "PERCENT"
}

/// One canonical entity of an article with all its mentions.
public struct Entity: Codable, Sendable, Hashable {
    /// Stable canonical key: the label and a normalised name (`"ORG:al-qaida-au-maghreb-islamique"`); the same
    /// entity gets the same key in every article.
    public var key: String
    public var label: EntityLabel
    /// The canonical form of the name (the longest, best-cased mention).
    public var name: String
    /// The normalised value, for DATE (ISO 8601), MONEY (`"1500000 EUR"`) and PERCENT (`"12.5"`).
    public var value: String?
    /// Where it is named in the body.
    public var mentions: [Mention]
    /// How many times it is named.
    public var mentionCount: Int
    /// How central it is to the article, from 0 to 1 (title, lead and frequency).
    public var salience: Double

    public init(
        key: String, label: EntityLabel, name: String, value: String? = nil, mentions: [Mention], salience: Double
    ) {
        self.key = key
        self.label = label
        self.name = name
        self.value = value
        self.mentions = mentions
        self.mentionCount = mentions.count
        self.salience = salience
    }

    enum CodingKeys: String, CodingKey {
        case key, label, name, value, mentions, mentionCount = "mention_count", salience
    }
}

/// One mention: a code-point range of the body and the text found there.
public struct Mention: Codable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A date named in the body, normalised to ISO 8601: a day (`2021-06-05`), month (`2021-06`), year
/// (`2021`), or an interval of those (`2020/2023`).
public struct DateMention: Codable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String
    public var value: String

    public init(start: Int, end: Int, text: String, value: String) {
        self.start = start
        self.end = end
        self.text = text
        self.value = value
    }
}

extension EnrichedArticle {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("article")
            article.write(to: &writer)
            writer.field("entities", entities)
            writer.field("dates", dates)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var article: ParsedArticle?, entities: [Entity]?, dates: [DateMention]?
        try reader.object { reader, key in
            switch key {
            case "article": article = try ParsedArticle(from: &reader)
            case "entities": entities = try reader.array()
            case "dates": dates = try reader.array()
            default: try reader.skipValue()
            }
        }
        guard let article, let entities, let dates else {
            throw JSONReadError(offset: 0, reason: "missing enriched article fields")
        }
        self.init(article: article, entities: entities, dates: dates)
    }
}

extension Entity: JSONWireCodable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("key", key)
            writer.field("label", label.rawValue)
            writer.field("name", name)
            writer.field("value", value)
            writer.field("mentions", mentions)
            writer.field("mention_count", mentionCount)
            writer.field("salience", salience)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var key: String?, label: String?, name: String?, value: String?, mentions: [Mention]?
        var mentionCount: Int?, salience: Double?
        try reader.object { reader, field in
            switch field {
            case "key": key = try reader.string()
            case "label": label = try reader.string()
            case "name": name = try reader.string()
            case "value": value = try reader.optionalString()
            case "mentions": mentions = try reader.array()
            case "mention_count": mentionCount = try reader.integer()
            case "salience": salience = try reader.number()
            default: try reader.skipValue()
            }
        }
        guard let key, let label, let name, let mentions, let mentionCount, let salience else {
            throw JSONReadError(offset: 0, reason: "missing entity fields")
        }
        self.init(key: key, label: EntityLabel(rawValue: label), name: name, value: value, mentions: mentions, salience: salience)
        self.mentionCount = mentionCount
    }
}

extension Mention: JSONWireCodable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("start", start)
            writer.field("end", end)
            writer.field("text", text)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var start: Int?, end: Int?, text: String?
        try reader.object { reader, key in
            switch key {
            case "start": start = try reader.integer()
            case "end": end = try reader.integer()
            case "text": text = try reader.string()
            default: try reader.skipValue()
            }
        }
        guard let start, let end, let text else { throw JSONReadError(offset: 0, reason: "missing mention fields") }
        self.init(start: start, end: end, text: text)
    }
}

extension DateMention: JSONWireCodable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("start", start)
            writer.field("end", end)
            writer.field("text", text)
            writer.field("value", value)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var start: Int?, end: Int?, text: String?, value: String?
        try reader.object { reader, key in
            switch key {
            case "start": start = try reader.integer()
            case "end": end = try reader.integer()
            case "text": text = try reader.string()
            case "value": value = try reader.string()
            default: try reader.skipValue()
            }
        }
        guard let start, let end, let text, let value else {
            throw JSONReadError(offset: 0, reason: "missing date mention fields")
        }
        self.init(start: start, end: end, text: text, value: value)
    }
}
