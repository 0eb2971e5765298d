import Foundation
import NewsbusProtocol
import NewsbusTesting
import Testing

@Suite struct WireCodecTests {
    let envelope = Envelope(
        id: "0123456789abcdef0123456789abcdef", trace: "4bf92f3577b34da6a3ce929d0e0e4736", attempt: 2,
        createdAt: Date(timeIntervalSince1970: 1_764_387_056.123), payload: RawArticle(text: "Bonjour", lang: "fr"))

    /// The JSON object of a message's envelope frame, to edit in tests.
    private func object(_ message: WireMessage) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: message.frames[1]) as? [String: Any])
    }

    private func message(_ object: [String: Any], topic: String = "article.raw") throws -> WireMessage {
        WireMessage(topic: topic, body: try JSONSerialization.data(withJSONObject: object))
    }

    private func decodingError(_ message: WireMessage) -> ProtocolError? {
        do {
            _ = try WireCodec.decode(message, as: RawArticle.self)
            return nil
        } catch {
            return error
        }
    }

    @Test func roundTripsATypedEnvelope() throws {
        let encoded = try WireCodec.encode(envelope)
        #expect(encoded.topic == "article.raw")
        #expect(try WireCodec.decode(encoded, as: RawArticle.self) == envelope)
    }

    @Test func encodingWithAnEncodedPayloadGivesTheSameMessage() throws {
        var stored = envelope
        stored.sequence = 42
        let payload = try JSONEncoder().encode(stored.payload)
        let spliced = try WireCodec.encode(stored, payloadJSON: payload, qualifiers: ["fr"])
        #expect(spliced.topic == "article.raw.fr")
        #expect(try WireCodec.decode(spliced, as: RawArticle.self) == stored)
        #expect(try JSONValue(parsing: spliced.frames[1]) == JSONValue(parsing: try WireCodec.encode(stored).frames[1]))
    }

    @Test func writesTheDocumentedFieldNames() throws {
        let fields = try object(try WireCodec.encode(envelope))
        #expect(Set(fields.keys) == ["v", "type", "id", "trace", "attempt", "created_at", "sent_at", "payload"])
        #expect(fields["v"] as? String == "1.0")
        #expect(fields["created_at"] as? String == "2025-11-29T03:30:56.123Z")
    }

    @Test func rejectsAnUnknownMajorVersionWithTheReason() throws {
        var fields = try object(try WireCodec.encode(envelope))
        fields["v"] = "2.0"
        fields["payload"] = ["entirely": "different"]
        let error = try #require(decodingError(try message(fields)))
        #expect(error.code == .unsupportedVersion)
        #expect(error.message.contains("2.0"))
        #expect(throws: ProtocolError.self) { try WireCodec.header(of: try message(fields)) }
    }

    @Test func acceptsANewerMinorVersionAndIgnoresUnknownFields() throws {
        var fields = try object(try WireCodec.encode(envelope))
        fields["v"] = "1.7"
        fields["priority"] = "high"
        var payload = try #require(fields["payload"] as? [String: Any])
        payload["sentiment"] = ["score": 0.4]
        fields["payload"] = payload
        let decoded = try WireCodec.decode(try message(fields), as: RawArticle.self)
        #expect(decoded.payload == envelope.payload)
        #expect(decoded.version == ProtocolVersion(major: 1, minor: 7))
    }

    @Test func rejectsATopicOfAnotherType() throws {
        let wrong = WireMessage(frames: [Data("article.parsed".utf8), try WireCodec.encode(envelope).frames[1]])
        #expect(decodingError(wrong)?.code == .typeMismatch)
    }

    @Test func rejectsAnEnvelopeTypeThatDisagreesWithItsPayload() throws {
        var fields = try object(try WireCodec.encode(envelope))
        fields["type"] = "article.stored"
        let error = try #require(decodingError(try message(fields)))
        #expect(error.code == .typeMismatch)
    }

    @Test func rejectsMissingFrames() {
        #expect(decodingError(WireMessage(frames: [Data("article.raw".utf8)]))?.code == .missingFrames)
    }

    @Test func rejectsMalformedJSONSayingWhy() {
        let error = decodingError(WireMessage(topic: "article.raw", body: Data("{\"v\": ".utf8)))
        #expect(error?.code == .malformedEnvelope)
        #expect(error?.message.contains("not valid JSON") == true)
    }

    @Test func namesTheMissingOrMistypedField() throws {
        var fields = try object(try WireCodec.encode(envelope))
        fields.removeValue(forKey: "trace")
        #expect(decodingError(try message(fields))?.message.contains("`trace`") == true)
        fields = try object(try WireCodec.encode(envelope))
        fields["payload"] = ["text": 42]
        let error = decodingError(try message(fields))
        #expect(error?.code == .malformedEnvelope)
        #expect(error?.message.contains("payload.text") == true)
    }

    @Test func rejectsBadTimestampsAndAttempts() throws {
        var fields = try object(try WireCodec.encode(envelope))
        fields["sent_at"] = "yesterday"
        #expect(decodingError(try message(fields))?.code == .invalidField)
        fields = try object(try WireCodec.encode(envelope))
        fields["attempt"] = 0
        #expect(decodingError(try message(fields))?.code == .invalidField)
    }

    @Test func headerReadsAnyTypeAndChecksTheTopicFamily() throws {
        let encoded = try WireCodec.encode(envelope)
        let header = try WireCodec.header(of: encoded)
        #expect(header.type == .articleRaw)
        #expect(header.id == envelope.id)
        #expect(header.attempt == 2)
        let qualified = WireMessage(frames: [Data("article.raw.fr".utf8), encoded.frames[1]])
        #expect(try WireCodec.header(of: qualified).type == .articleRaw)
        let foreign = WireMessage(frames: [Data("article.rawx".utf8), encoded.frames[1]])
        #expect(throws: ProtocolError.self) { try WireCodec.header(of: foreign) }
    }

    @Test func forwardingKeepsIdentityAndResetsAttempt() {
        let parsed = ParsedArticle(
            title: "T", body: "B", blocks: [], lang: "fr", langConfidence: 1, wordCount: 1)
        let next = envelope.forwarding(parsed)
        #expect(next.id == envelope.id)
        #expect(next.trace == envelope.trace)
        #expect(next.createdAt == envelope.createdAt)
        #expect(next.attempt == 1)
        #expect(next.type == .articleParsed)
    }
}

@Suite struct MessageTypeTests {
    @Test func noTypeIsAPrefixOfAnother() {
        for a in MessageType.allDefined {
            for b in MessageType.allDefined where a != b {
                #expect(!b.rawValue.hasPrefix(a.rawValue), "\(a) is a prefix of \(b): subscribers of \(a) would get \(b)")
            }
        }
    }

    @Test func qualifiersFormAFilterFamily() {
        #expect(MessageType.articleEnriched.topic(qualifiers: ["fr"]) == "article.enriched.fr")
        #expect(MessageType.articleEnriched.matches(topic: "article.enriched"))
        #expect(MessageType.articleEnriched.matches(topic: "article.enriched.fr"))
        #expect(!MessageType.articleEnriched.matches(topic: "article.enrichedx"))
        #expect(!MessageType.articleEnriched.matches(topic: "article.enr"))
    }
}

@Suite struct TimestampTests {
    @Test func formatsUTCWithMilliseconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_764_387_056.123_9)) == "2025-11-29T03:30:56.123Z")
    }

    @Test(arguments: [
        ("2025-11-29T03:30:56.123Z", 1_764_387_056.123),
        ("2025-11-29T04:30:56+01:00", 1_764_387_056.0),
        ("2025-11-29T03:30:56.5-00:30", 1_764_388_856.5),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
    ])
    func parsesRFC3339(_ text: String, _ seconds: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_5)
    }

    @Test(arguments: ["", "2025-11-29", "2025-13-01T00:00:00Z", "2025-11-29T03:30:56", "2025-11-29T03:30:56.Z", "x"])
    func rejectsOtherText(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
