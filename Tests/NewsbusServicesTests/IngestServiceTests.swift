import Foundation
import Logging
import NewsbusIngest
import NewsbusProtocol
import NewsbusServices
import NewsbusStage
import NewsbusStore
import NewsbusTesting
import NewsbusTransport
import ServiceLifecycle
import Testing

/// Ingest over the in-process transport: pushes, acknowledged submits, duplicates, rejections, stored acks.
@Suite struct IngestServiceTests {
    struct Harness {
        let push: any MessageSender
        let submit: any Requester
        let parsed: any MessageReceiver
        let events: any MessageReceiver
        let acks: any MessageSender
        let counters: StageCounters
        let group: ServiceGroup
        let running: Task<Void, any Error>

        static func start(redelivery: RedeliveryPolicy = RedeliveryPolicy()) async throws -> Harness {
            let transport = InProcessTransport()
            let counters = StageCounters()
            let service = IngestService(
                intake: ArticleIntake(
                    validator: ArticleValidator(), journal: try ArticleJournal(path: nil), redelivery: redelivery),
                pushes: try await transport.receiver(.pull, at: .bind(.inproc(name: "push"))),
                submits: try await transport.responder(at: .bind(.inproc(name: "submit"))),
                output: try await transport.sender(.push, at: .bind(.inproc(name: "parse"))),
                events: try await transport.sender(.publish, at: .connect(.inproc(name: "events"))),
                storedAcks: try await transport.receiver(.subscribe([.articleStored]), at: .connect(.inproc(name: "acks"))),
                counters: counters, redeliveryInterval: .milliseconds(50), logger: Logger.silent)
            let group = ServiceGroup(services: [service], logger: Logger.silent)
            return Harness(
                push: try await transport.sender(.push, at: .connect(.inproc(name: "push"))),
                submit: try await transport.requester(at: .connect(.inproc(name: "submit"))),
                parsed: try await transport.receiver(.pull, at: .connect(.inproc(name: "parse"))),
                events: try await transport.receiver(.subscribe([.articleRejected]), at: .bind(.inproc(name: "events"))),
                acks: try await transport.sender(.publish, at: .bind(.inproc(name: "acks"))),
                counters: counters, group: group, running: Task { try await group.run() })
        }

        func submit(_ json: String) async throws -> Envelope<SubmitVerdict> {
            let reply = try await submit.request(WireMessage(frames: [Data(json.utf8)]), timeout: eventPatience)
            return try WireCodec.decode(reply, as: SubmitVerdict.self)
        }

        func stop() async {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
        }
    }

    @Test func acceptsForwardsAndRecognisesDuplicates() async throws {
        // Given a running ingest
        let ingest = try await Harness.start()
        // When the same article is submitted twice
        let first = try await ingest.submit(#"{"text": "Le Maroc et l'Espagne relancent un projet.", "client_id": "c1"}"#)
        let second = try await ingest.submit(#"{"text": "Le Maroc et l'Espagne  relancent un projet.\n"}"#)
        // Then the first is accepted and forwarded to parse with its id, the second is a duplicate
        #expect(first.payload.verdict == .accepted)
        #expect(first.payload.clientID == "c1")
        #expect(second.payload.verdict == .duplicate)
        #expect(second.id == first.id)
        var parsed = ingest.parsed.messages().makeAsyncIterator()
        let forwarded = try WireCodec.decode(try #require(await parsed.next()), as: RawArticle.self)
        #expect(forwarded.id == first.id)
        #expect(forwarded.trace == first.trace)
        await ingest.stop()
        #expect(ingest.counters.counts["duplicates"] == 1)
    }

    @Test func rejectsBadInputWithAReasonAndKeepsServing() async throws {
        let ingest = try await Harness.start()
        let verdict = try await ingest.submit(#"{"html": null, "url": "https://x.example"}"#)
        #expect(verdict.payload.verdict == .rejected)
        #expect(verdict.payload.rejection?.code == "missing_content")
        // A pushed bad input is published as a rejection event.
        try await ingest.push.send(WireMessage(frames: [Data("{not json".utf8)]))
        var events = ingest.events.messages().makeAsyncIterator()
        var codes: [String] = []
        while codes.count < 2, let event = await events.next() {
            codes.append(try WireCodec.decode(event, as: Rejection.self).payload.code)
        }
        #expect(codes == ["missing_content", "malformed_json"])
        #expect(try await ingest.submit(#"{"text": "Still here."}"#).payload.verdict == .accepted)
        await ingest.stop()
    }

    @Test func anArticleThatIsNeverStoredIsSentAgain() async throws {
        // Given an ingest whose store has one second to confirm
        let ingest = try await Harness.start(redelivery: RedeliveryPolicy(deadline: .seconds(1), maxAttempts: 5))
        let accepted = try await ingest.submit(#"{"text": "Un article que le stockage perd."}"#)
        // When no acknowledgement comes, parse receives the article again, as attempt 2
        let attempts = try await within(eventPatience, "the article twice") { [parsed = ingest.parsed] in
            var attempts: [Int] = []
            for await message in parsed.messages() {
                let envelope = try WireCodec.decode(message, as: RawArticle.self)
                if envelope.id == accepted.id { attempts.append(envelope.attempt) }
                if attempts.count == 2 { break }
            }
            return attempts
        }
        #expect(attempts == [1, 2])
        await ingest.stop()
        #expect(ingest.counters.count("redelivered") >= 1)
    }

    @Test func storedAcknowledgementsAreCounted() async throws {
        let ingest = try await Harness.start()
        let accepted = try await ingest.submit(#"{"text": "Un article à stocker."}"#)
        let ack = Envelope(id: accepted.id, payload: StoredAck(duplicate: false, sequence: 1))
        let deadline = ContinuousClock.now.advanced(by: eventPatience)
        while ingest.counters.count("stored") == 0, ContinuousClock.now < deadline {
            try await ingest.acks.send(try WireCodec.encode(ack))
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(ingest.counters.count("stored") >= 1)
        await ingest.stop()
    }
}

/// The store keeps the dead letters published on the event stream.
@Suite struct DeadLetterServiceTests {
    @Test func keepsPublishedDeadLetters() async throws {
        let transport = InProcessTransport()
        let store = try SQLiteArticleStore(path: nil)
        let counters = StageCounters()
        let service = DeadLetterService(
            store: store,
            letters: try await transport.receiver(.subscribe([.articleDeadLetter]), at: .bind(.inproc(name: "events"))),
            counters: counters, logger: Logger.silent)
        let group = ServiceGroup(services: [service], logger: Logger.silent)
        let running = Task { try await group.run() }
        let events = try await transport.sender(.publish, at: .connect(.inproc(name: "events")))
        let letter = DeadLetter(
            stage: "ingest", code: "not_stored", reason: "not stored after 5 attempts", attempts: 5,
            originalType: .articleRaw, original: nil)
        try await events.send(try WireCodec.encode(Envelope(id: "d1", payload: letter)))
        try await within(eventPatience, "the dead letter to be kept") {
            while counters.count("dead_letters") == 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        #expect(store.query(ArticleQuery(deadLetters: true)).deadLetters?.first?.letter == letter)
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }
}
