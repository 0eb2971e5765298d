import Foundation

/// The store committed an article (`article.stored`). Ingest marks the article done on it; subscribers
/// may use it as a lightweight "new article" signal.
public struct StoredAck: Payload {
    public static let messageType = MessageType.articleStored

    /// Whether the article was already stored (a redelivery), in which case nothing changed.
    public var duplicate: Bool
    /// The sequence number of the article's `article.enriched` event.
    public var sequence: Int64

    public init(duplicate: Bool, sequence: Int64) {
        self.duplicate = duplicate
        self.sequence = sequence
    }

    enum CodingKeys: String, CodingKey { case duplicate, sequence = "seq" }
}

extension StoredAck {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.field("duplicate", duplicate)
            writer.field("seq", sequence)
        }
    }

    public init(from reader: inout JSONReader) throws {
        var duplicate: Bool?
        var sequence: Int64?
        try reader.object { reader, key in
            switch key {
            case "duplicate": duplicate = try reader.boolean()
            case "seq": sequence = try reader.integer64()
            default: try reader.skipValue()
            }
        }
        guard let duplicate, let sequence else { throw JSONReadError(offset: 0, reason: "missing stored ack fields") }
        self.init(duplicate: duplicate, sequence: sequence)
    }
}
