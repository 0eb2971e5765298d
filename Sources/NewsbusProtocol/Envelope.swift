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

/// Every field of an envelope but its payload, written as ``Envelope`` writes them.
struct EnvelopeFields: Encodable {
    let version: ProtocolVersion
    let type: MessageType
    let id: ArticleID
    let trace: TraceID
    let attempt: Int
    let createdAt: String
    let sentAt: String
    let sequence: Int64?

    init<Body: Payload>(_ envelope: Envelope<Body>) {
        version = envelope.version
        type = envelope.type
        id = envelope.id
        trace = envelope.trace
        attempt = envelope.attempt
        createdAt = Timestamp.format(envelope.createdAt)
        sentAt = Timestamp.format(envelope.sentAt)
        sequence = envelope.sequence
    }

    enum CodingKeys: String, CodingKey {
        case version = "v", type, id, trace, attempt, createdAt = "created_at", sentAt = "sent_at", sequence = "seq"
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
