import Foundation

/// Turns typed envelopes into wire messages and back.
///
/// A message is two frames: the topic (the message type, optionally followed by `.`-separated qualifiers)
/// and the envelope as UTF-8 JSON. Decoding checks, in order: the frame count, the topic, the JSON, the
/// major version, the envelope type, then the payload; the first failure is reported with what, where and
/// why. Unknown JSON fields are ignored at every level.
public enum WireCodec {
    /// Encodes an envelope. The topic is the payload's message type followed by `qualifiers`.
    /// - Throws: ``ProtocolError/Code/encodingFailed`` if a value cannot be represented in JSON.
    public static func encode<Body: Payload>(_ envelope: Envelope<Body>, qualifiers: [String] = [])
        throws(ProtocolError) -> WireMessage
    {
        try message(envelope, qualifiers: qualifiers) { writer in envelope.payload.write(to: &writer) }
    }

    /// Encodes an envelope whose payload is already JSON — for instance an article the store has just encoded for
    /// its database — without encoding the payload a second time. `payloadJSON` must be the JSON of
    /// `envelope.payload`; the envelope's own `payload` value is not read.
    /// - Throws: ``ProtocolError/Code/encodingFailed``.
    public static func encode<Body: Payload>(
        _ envelope: Envelope<Body>, payloadJSON: Data, qualifiers: [String] = []
    ) throws(ProtocolError) -> WireMessage {
        try message(envelope, qualifiers: qualifiers) { writer in writer.verbatim(payloadJSON) }
    }

    private static func message<Body: Payload>(
        _ envelope: Envelope<Body>, qualifiers: [String], payload: (inout JSONWriter) -> Void
    ) throws(ProtocolError) -> WireMessage {
        var writer = JSONWriter(capacity: 16 * 1024)
        envelope.write(to: &writer, payload: payload)
        if let failure = writer.failure {
            throw ProtocolError(code: .encodingFailed, message: "\(Body.messageType) envelope: \(failure)")
        }
        return WireMessage(topic: Body.messageType.topic(qualifiers: qualifiers), body: Data(writer.bytes))
    }

    /// The JSON of one payload (or any value that writes its own JSON), as it appears in an envelope.
    /// - Throws: ``ProtocolError/Code/encodingFailed`` if a value cannot be represented in JSON.
    public static func json(_ value: some JSONWireCodable) throws(ProtocolError) -> Data {
        try JSONWriter.encode(value).get()
    }

    /// Reads a payload (or any value that reads its own JSON) from its JSON.
    /// - Throws: ``ProtocolError/Code/malformedEnvelope`` naming the field and the reason.
    public static func value<Value: JSONWireCodable & Decodable>(_ type: Value.Type, fromJSON data: Data)
        throws(ProtocolError) -> Value
    {
        if let value = try? JSONReader.read(data, { try Value(from: &$0) }) { return value }
        return try decodeJSON(type, from: data, what: "\(type)")
    }

    /// Decodes a message as an envelope carrying `Body`.
    /// - Throws: ``ProtocolError`` with code ``ProtocolError/Code/missingFrames``,
    ///   ``ProtocolError/Code/typeMismatch``, ``ProtocolError/Code/malformedEnvelope``,
    ///   ``ProtocolError/Code/unsupportedVersion`` or ``ProtocolError/Code/invalidField``.
    public static func decode<Body: Payload>(_ message: WireMessage, as _: Body.Type = Body.self)
        throws(ProtocolError) -> Envelope<Body>
    {
        let body = try envelopeFrame(of: message, expecting: Body.messageType)
        // The one-pass reader takes what is valid; anything else is decoded again to say what is wrong with it.
        if let envelope = try? JSONReader.read(body, { try Envelope<Body>(from: &$0) }) { return envelope }
        return try decodeJSON(Envelope<Body>.self, from: body, what: "\(Body.messageType) envelope")
    }

    /// Reads only the header of a message (version, type, id, trace, attempt), whatever its payload.
    /// - Throws: ``ProtocolError`` as for ``decode(_:as:)``; the major version is checked.
    public static func header(of message: WireMessage) throws(ProtocolError) -> EnvelopeHeader {
        let body = try envelopeFrame(of: message, expecting: nil)
        let header: EnvelopeHeader
        if let read = try? JSONReader.read(body, { try EnvelopeHeader(from: &$0) }) {
            header = read
        } else {
            header = try decodeJSON(EnvelopeHeader.self, from: body, what: "envelope header")
        }
        guard header.version.major == ProtocolVersion.current.major else {
            throw ProtocolError.unsupportedVersion(header.version)
        }
        if let topic = message.topic, !header.type.matches(topic: topic) {
            throw ProtocolError(
                code: .typeMismatch, message: "topic frame \"\(topic)\" does not match envelope type \"\(header.type)\"")
        }
        return header
    }

    private static func envelopeFrame(of message: WireMessage, expecting type: MessageType?) throws(ProtocolError)
        -> Data
    {
        guard message.frames.count == 2 else {
            throw ProtocolError(
                code: .missingFrames,
                message: "expected 2 frames (topic, envelope), got \(message.frames.count)")
        }
        guard let topic = message.topic else {
            throw ProtocolError(code: .typeMismatch, message: "topic frame is not valid UTF-8")
        }
        if let type, !type.matches(topic: topic) {
            throw ProtocolError(
                code: .typeMismatch, message: "topic frame is \"\(topic.prefix(64))\" where \"\(type)\" was expected")
        }
        return message.frames[1]
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data, what: String) throws(ProtocolError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as ProtocolError {
            throw error
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw .malformedEnvelope("\(what) is not valid JSON: \(context.debugDescription)")
        } catch let error as DecodingError {
            throw .malformedEnvelope("\(what): \(error.protocolDescription)")
        } catch {
            throw .malformedEnvelope("\(what): \(error)")
        }
    }
}

extension JSONEncoder {
    /// The encoder for wire messages: compact, `/` unescaped. Keys are not sorted: sorting costs a fair share of
    /// the encoding time on every hop, and readers never depend on key order.
    static var protocolEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}

extension DecodingError {
    /// "field `payload.title`: expected String, found a number", without the payload bytes.
    var protocolDescription: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch self {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field `\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)`"
        case .typeMismatch(let type, let context):
            return "field `\(path(context))`: expected \(type)"
        case .valueNotFound(let type, let context):
            return "field `\(path(context))`: expected \(type), found null"
        case .dataCorrupted(let context):
            return "field `\(path(context))`: \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
