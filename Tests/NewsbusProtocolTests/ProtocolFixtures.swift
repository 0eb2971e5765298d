import Foundation
import NewsbusProtocol
import NewsbusTesting

/// The golden wire fixtures of this test target and the schemas of `docs/schemas`.
enum ProtocolFixtures {
    /// `Fixtures/wire` in the test bundle.
    static var wireDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/wire")
    }

    /// `docs/schemas` of the package.
    static var schemaDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/schemas")
    }

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(directory: schemaDirectory)
    }

    /// A fixture file: the topic frame and the envelope.
    struct Fixture: Sendable, CustomStringConvertible {
        let name: String
        let topic: String
        let envelope: JSONValue
        let envelopeBytes: Data

        var description: String { name }
        var type: String { if case .string(let type)? = envelope["type"] { type } else { "" } }
        var message: WireMessage { WireMessage(topic: topic, body: envelopeBytes) }
    }

    static func fixtures(in subdirectory: String = "") -> [Fixture] {
        let directory = subdirectory.isEmpty ? wireDirectory : wireDirectory.appendingPathComponent(subdirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let topic = object["topic"] as? String, let envelope = object["envelope"],
                let bytes = try? JSONSerialization.data(withJSONObject: envelope),
                let value = try? JSONValue(parsing: bytes)
            else { return nil }
            return Fixture(name: name, topic: topic, envelope: value, envelopeBytes: bytes)
        }
    }

    /// The payload type of a message type.
    static func payloadType(of type: String) -> (any Payload.Type)? {
        switch MessageType(rawValue: type) {
        case .articleRaw: RawArticle.self
        case .articleParsed: ParsedArticle.self
        case .articleEnriched: EnrichedArticle.self
        case .articleStored: StoredAck.self
        case .articleRejected: Rejection.self
        case .articleVerdict: SubmitVerdict.self
        case .articleDeadLetter: DeadLetter.self
        case .statusRequest: StatusRequest.self
        case .statusReport: StatusReport.self
        case .queryRequest: ArticleQuery.self
        case .queryResult: QueryResult.self
        default: nil
        }
    }

    /// Decodes a message as its type's payload and encodes it again with the same topic qualifiers.
    static func roundTrip(_ fixture: Fixture) throws -> WireMessage {
        guard let type = payloadType(of: fixture.type) else {
            throw ProtocolError(code: .typeMismatch, message: "no payload type for \(fixture.type)")
        }
        return try reencode(fixture, type)
    }

    private static func reencode<P: Payload>(_ fixture: Fixture, _: P.Type) throws -> WireMessage {
        let envelope = try WireCodec.decode(fixture.message, as: P.self)
        let qualifiers = fixture.topic.split(separator: ".").dropFirst(P.messageType.rawValue.split(separator: ".").count)
        return try WireCodec.encode(envelope, qualifiers: qualifiers.map(String.init))
    }
}
