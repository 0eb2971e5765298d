import Foundation

/// The JSON object in the second frame of every protocol message: who the message is about, where it is in
/// its journey, and its typed payload.
///
/// ```json
/// {"v": "1.0", "type": "article.raw", "id": "a1b2…", "trace": "4bf9…", "attempt": 1,
///  "created_at": "2026-11-29T03:30:56.123Z", "sent_at": "2026-11-29T03:30:56.125Z", "payload": {…}}
/// ```
public struct Envelope<Body: Payload>: Sendable, Equatable {
    /// The protocol version the message was written with (`v`).
    public var version: ProtocolVersion
    /// The article the message is about (`id`).
    public var id: ArticleID
    /// The trace that follows the article through every stage (`trace`).
    public var trace: TraceID
    /// How many times this message has been delivered to the stage, from 1 (`attempt`).
    public var attempt: Int
    /// When the article entered the pipeline, copied unchanged from stage to stage (`created_at`).
    public var createdAt: Date
    /// When this message was sent (`sent_at`).
    public var sentAt: Date
    /// The store's event sequence number, on events the store publishes (`seq`).
    public var sequence: Int64?
    /// The typed payload (`payload`).
    public var payload: Body

    /// The message type, which always comes from the payload type.
    public var type: MessageType { Body.messageType }

    public init(
        id: ArticleID, trace: TraceID = .random(), attempt: Int = 1, createdAt: Date = Date(),
        sentAt: Date? = nil, sequence: Int64? = nil, payload: Body, version: ProtocolVersion = .current
    ) {
        self.version = version
        self.id = id
        self.trace = trace
        self.attempt = attempt
        self.createdAt = createdAt
        self.sentAt = sentAt ?? createdAt
        self.sequence = sequence
        self.payload = payload
    }

    /// The envelope for the next stage: same id, trace and creation time, a new payload, attempt 1.
    public func forwarding<Next: Payload>(_ payload: Next, sentAt: Date = Date()) -> Envelope<Next> {
        Envelope<Next>(id: id, trace: trace, attempt: 1, createdAt: createdAt, sentAt: sentAt, payload: payload)
    }
}

extension Envelope: Codable {
    enum CodingKeys: String, CodingKey {
        case version = "v", type, id, trace, attempt, createdAt = "created_at", sentAt = "sent_at",
            sequence = "seq", payload
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The version is checked first, so a newer major version is refused for that reason and not for
        // whatever else it changed.
        let version = try container.decode(ProtocolVersion.self, forKey: .version)
        guard version.major == ProtocolVersion.current.major else { throw ProtocolError.unsupportedVersion(version) }
        let type = try container.decode(MessageType.self, forKey: .type)
        guard type == Body.messageType else {
            throw ProtocolError(
                code: .typeMismatch,
                message: "envelope `type` is \"\(type)\" where \"\(Body.messageType)\" was expected")
        }
        self.version = version
        self.id = try container.decode(ArticleID.self, forKey: .id)
        self.trace = try container.decode(TraceID.self, forKey: .trace)
        self.attempt = try container.decode(Int.self, forKey: .attempt)
        guard attempt >= 1 else { throw ProtocolError.invalidField("attempt", "must be at least 1, got \(attempt)") }
        self.createdAt = try Self.decodeTimestamp(container, .createdAt)
        self.sentAt = try Self.decodeTimestamp(container, .sentAt)
        self.sequence = try container.decodeIfPresent(Int64.self, forKey: .sequence)
        self.payload = try container.decode(Body.self, forKey: .payload)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(type, forKey: .type)
        try container.encode(id, forKey: .id)
        try container.encode(trace, forKey: .trace)
        try container.encode(attempt, forKey: .attempt)
        try container.encode(Timestamp.format(createdAt), forKey: .createdAt)
        try container.encode(Timestamp.format(sentAt), forKey: .sentAt)
        try container.encodeIfPresent(sequence, forKey: .sequence)
        try container.encode(payload, forKey: .payload)
    }

    private static func decodeTimestamp(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws
        -> Date
    {
        let text = try container.decode(String.self, forKey: key)
        guard let date = Timestamp.parse(text) else {
            throw ProtocolError.invalidField(key.rawValue, "is not an RFC 3339 timestamp: \"\(text.prefix(40))\"")
        }
        return date
    }
}

/// The fields every envelope has, read without decoding the payload: enough to route, count or reject a
/// message whose payload type is unknown or broken.
public struct EnvelopeHeader: Sendable, Equatable, Decodable {
    public var version: ProtocolVersion
    public var type: MessageType
    public var id: ArticleID?
    public var trace: TraceID?
    public var attempt: Int?

    enum CodingKeys: String, CodingKey { case version = "v", type, id, trace, attempt }
}

extension Envelope: JSONWireCodable {
    public func write(to writer: inout JSONWriter) {
        write(to: &writer) { writer in payload.write(to: &writer) }
    }

    /// Writes the envelope with `payload` writing the `payload` field's value.
    func write(to writer: inout JSONWriter, payload: (inout JSONWriter) -> Void) {
        writer.object { writer in
            writer.field("v", version.description)
            writer.field("type", type.rawValue)
            writer.field("id", id.rawValue)
            writer.field("trace", trace.rawValue)
            writer.field("attempt", attempt)
            writer.field("created_at", Timestamp.format(createdAt))
            writer.field("sent_at", Timestamp.format(sentAt))
            writer.field("seq", sequence)
            writer.key("payload")
            payload(&writer)
        }
    }

    /// Reads an envelope, with the same checks as its `Decodable` form.
    public init(from reader: inout JSONReader) throws {
        var header = EnvelopeHeader.Fields()
        var createdAt: Date?
        var sentAt: Date?
        var sequence: Int64?
        var payload: Body?
        try reader.object { reader, key in
            switch key {
            case "created_at": createdAt = Timestamp.parse(try reader.string())
            case "sent_at": sentAt = Timestamp.parse(try reader.string())
            case "seq": sequence = try reader.readNull() ? nil : reader.integer64()
            case "payload": payload = try Body(from: &reader)
            default: try header.read(key, from: &reader)
            }
        }
        let fields = try header.validated()
        guard fields.type == Body.messageType, let id = fields.id, let trace = fields.trace,
            let attempt = fields.attempt, let createdAt, let sentAt, let payload
        else { throw JSONReadError(offset: 0, reason: "\(Body.messageType) envelope fields") }
        self.init(
            id: id, trace: trace, attempt: attempt, createdAt: createdAt, sentAt: sentAt, sequence: sequence,
            payload: payload, version: fields.version)
    }
}

extension EnvelopeHeader {
    /// Reads the header fields of an envelope and skips the rest, with the same checks as its `Decodable` form.
    init(from reader: inout JSONReader) throws {
        var fields = Fields()
        try reader.object { reader, key in try fields.read(key, from: &reader) }
        self = try fields.validated()
    }

    /// The header fields as they are read, each checked as its `Decodable` form checks it.
    struct Fields {
        var version: ProtocolVersion?
        var type: MessageType?
        var id: ArticleID?
        var trace: TraceID?
        var attempt: Int?

        /// Reads the field `key` if it is a header field, or skips its value.
        mutating func read(_ key: JSONKey, from reader: inout JSONReader) throws {
            switch key {
            case "v": version = ProtocolVersion(try reader.string())
            case "type": type = MessageType(rawValue: try reader.string())
            case "id":
                let text = try reader.string()
                guard !text.isEmpty, text.utf8.count <= 128 else { throw JSONReadError(offset: 0, reason: "id") }
                id = ArticleID(rawValue: text)
            case "trace": trace = TraceID(rawValue: try reader.string())
            case "attempt":
                let value = try reader.integer()
                guard value >= 1 else { throw JSONReadError(offset: 0, reason: "attempt") }
                attempt = value
            default: try reader.skipValue()
            }
        }

        /// The header, when the version (of this major version) and the type were read.
        func validated() throws -> EnvelopeHeader {
            guard let version, version.major == ProtocolVersion.current.major, let type else {
                throw JSONReadError(offset: 0, reason: "envelope version or type")
            }
            return EnvelopeHeader(version: version, type: type, id: id, trace: trace, attempt: attempt)
        }
    }
}
