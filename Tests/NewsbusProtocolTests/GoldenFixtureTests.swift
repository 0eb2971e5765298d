import Foundation
import NewsbusProtocol
import NewsbusTesting
import Testing

/// The golden wire fixtures: one per message type, each round-tripped through the codec and validated against
/// the published JSON Schemas.
@Suite struct GoldenFixtureTests {
    static let valid = ProtocolFixtures.fixtures()
    static let invalid = ProtocolFixtures.fixtures(in: "invalid")

    @Test func everyMessageTypeHasAFixture() {
        let covered = Set(Self.valid.map(\.type))
        for type in MessageType.allDefined {
            #expect(covered.contains(type.rawValue), "no golden fixture for \(type)")
        }
    }

    @Test(arguments: valid)
    func roundTripsUnchanged(_ fixture: ProtocolFixtures.Fixture) throws {
        let encoded = try ProtocolFixtures.roundTrip(fixture)
        #expect(encoded.topic == fixture.topic)
        #expect(try JSONValue(parsing: encoded.frames[1]) == fixture.envelope)
    }

    @Test(arguments: valid)
    func validatesAgainstItsSchema(_ fixture: ProtocolFixtures.Fixture) throws {
        let violations = try ProtocolFixtures.validator().violations(
            of: fixture.envelope, against: "\(fixture.type).schema.json")
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test(arguments: invalid)
    func invalidFixtureIsRefusedBySchema(_ fixture: ProtocolFixtures.Fixture) throws {
        let type = fixture.name.split(separator: ".").prefix(2).joined(separator: ".")
        let violations = try ProtocolFixtures.validator().violations(of: fixture.envelope, against: "\(type).schema.json")
        #expect(!violations.isEmpty)
    }

    @Test func everySchemaIsPublished() throws {
        let names = Set(try ProtocolFixtures.validator().schemaNames)
        for type in MessageType.allDefined {
            #expect(names.contains("\(type).schema.json"))
        }
        #expect(names.contains("envelope.schema.json"))
    }
}

/// What the codec writes validates against the schemas too, with and without optional fields.
@Suite struct EncodedOutputSchemaTests {
    @Test func minimalMessagesValidate() throws {
        let validator = try ProtocolFixtures.validator()
        let article = ParsedArticle(
            title: "Titre", body: "Un paragraphe.", blocks: [TextBlock(kind: .paragraph, start: 0, end: 14)],
            lang: "fr", langConfidence: 0.9, wordCount: 2)
        let messages: [(WireMessage, String)] = [
            (try WireCodec.encode(Envelope(id: "a1", payload: RawArticle(text: "x"))), "article.raw"),
            (try WireCodec.encode(Envelope(id: "a1", payload: article)), "article.parsed"),
            (
                try WireCodec.encode(
                    Envelope(id: "a1", payload: EnrichedArticle(article: article, entities: [], dates: [])),
                    qualifiers: ["fr"]),
                "article.enriched"
            ),
            (try WireCodec.encode(Envelope(id: "a1", payload: StoredAck(duplicate: false, sequence: 1))), "article.stored"),
            (
                try WireCodec.encode(Envelope(id: "a1", payload: Rejection(stage: "ingest", code: "x", reason: "y"))),
                "article.rejected"
            ),
            (try WireCodec.encode(Envelope(id: "a1", payload: SubmitVerdict(verdict: .accepted))), "article.verdict"),
            (
                try WireCodec.encode(
                    Envelope(
                        id: "a1",
                        payload: DeadLetter(
                            stage: "parse", code: "crash", reason: "r", attempts: 3, originalType: .articleRaw,
                            original: nil))),
                "article.dead"
            ),
        ]
        for (message, type) in messages {
            let violations = validator.violations(of: try JSONValue(parsing: message.frames[1]), against: "\(type).schema.json")
            #expect(violations.isEmpty, "\(type): \(violations)")
        }
    }
}
