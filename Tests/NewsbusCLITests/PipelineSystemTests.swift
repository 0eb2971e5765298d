import Foundation
@testable import NewsbusCLI
import NewsbusIngest
import NewsbusProtocol
import NewsbusTesting
import NewsbusTransport
import NewsbusTransportZMQ
import Testing

/// The real executables as separate processes over Unix sockets: articles in, enriched events out, stored and
/// queryable; duplicates recognised; bad input answered while every service stays up; a clean stop.
@Suite(.serialized) struct PipelineSystemTests {
    static let sharedCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/articles")

    /// A running pipeline and a client for it.
    final class Pipeline: @unchecked Sendable {
        let directory: String
        let local: LocalPipeline
        let supervisor: ServiceSupervisor
        let transport: ZMQTransport
        let events: any MessageReceiver
        let submitter: any Requester

        /// - Parameters:
        ///   - eventTypes: what ``events`` subscribes to.
        ///   - security: CURVE for the test's own client (and the supervisor's status probes).
        init(
            extraArguments: [String: [String]] = [:], eventTypes: [MessageType] = [.articleEnriched, .articleRejected],
            security: CurveSecurity? = nil
        ) async throws {
            directory = "/tmp/nbsys-\(UInt32.random(in: 0...UInt32.max))"
            local = LocalPipeline(addressing: .ipc(directory: directory))
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            supervisor = try ServiceSupervisor(
                plans: local.plans(
                    dataDirectory: directory, parseReplicas: 2, extractReplicas: 1, logFormat: "human",
                    extraArguments: extraArguments),
                dataDirectory: directory, security: security)
            try await supervisor.start()
            transport = try ZMQTransport(security: security)
            events = try await transport.receiver(
                .subscribe(eventTypes), at: local.events,
                options: ChannelOptions(highWaterMark: 10_000))
            submitter = try await transport.requester(at: local.submit)
        }

        func submit(_ message: Data) async throws -> Envelope<SubmitVerdict> {
            let reply = try await submitter.request(WireMessage(frames: [message]), timeout: .seconds(30))
            return try WireCodec.decode(reply, as: SubmitVerdict.self)
        }

        func query(_ query: ArticleQuery) async throws -> QueryResult {
            let requester = try await transport.requester(at: local.query)
            defer { Task { await requester.close() } }
            let reply = try await requester.request(
                try WireCodec.encode(Envelope(id: "query", payload: query)), timeout: eventPatience)
            return try WireCodec.decode(reply, as: QueryResult.self).payload
        }

        /// The enriched events of `ids`, read until all arrived or `limit` passed.
        func enrichedEvents(for ids: Set<ArticleID>, within limit: Duration) async throws -> [ArticleID: EnrichedArticle] {
            try await within(limit, "\(ids.count) enriched events") { [events] in
                var found: [ArticleID: EnrichedArticle] = [:]
                for await message in events.messages() {
                    guard let event = try? WireCodec.decode(message, as: EnrichedArticle.self), ids.contains(event.id)
                    else { continue }
                    found[event.id] = event.payload
                    if found.count == ids.count { break }
                }
                return found
            }
        }

        /// Starts `newsbus subscribe` against this pipeline with extra arguments.
        func subscriber(_ arguments: [String]) throws -> OutputCollectingProcess {
            try OutputCollectingProcess.start(
                BuiltProducts.newsbus,
                ["subscribe", "--events", local.events.description, "--query", local.query.description] + arguments)
        }

        func stop() async -> [String: Int32] {
            await submitter.close()
            await events.close()
            await transport.close()
            await supervisor.stop()
            try? FileManager.default.removeItem(atPath: directory)
            return supervisor.exitStatuses
        }
    }

    static func articles(_ paths: [String]) throws -> [Data] {
        try ArticleInputs.read(paths).map(\.message)
    }

    @Test func samplesFlowThroughAndDuplicatesAndBadInputAreAnswered() async throws {
        // Given a running pipeline
        let pipeline = try await Pipeline()
        let samples = try Self.articles([try DemoCommand.samplePaths()[0]])
        // When the bundled samples are submitted
        var ids: [ArticleID] = []
        for article in samples {
            let verdict = try await pipeline.submit(article)
            #expect(verdict.payload.verdict == .accepted)
            ids.append(verdict.id)
        }
        // Then each one's enriched event arrives, with a title, a language and entities
        let enriched = try await pipeline.enrichedEvents(for: Set(ids), within: .seconds(60))
        #expect(enriched.count == samples.count)
        for article in enriched.values {
            #expect(!article.article.title.isEmpty)
            #expect(["fr", "en"].contains(article.article.lang))
            #expect(!article.entities.isEmpty)
        }
        // And they are stored and can be found again
        let stored = try await pipeline.query(ArticleQuery(limit: 50))
        #expect(Set(stored.articles.map(\.id)) == Set(ids))
        #expect(try await pipeline.query(ArticleQuery(id: ids[0].rawValue)).total == 1)
        // When the same articles come again, they are duplicates and nothing new is stored
        for article in samples {
            #expect(try await pipeline.submit(article).payload.verdict == .duplicate)
        }
        // When bad input arrives on both ingest sockets, it is answered with a reason
        let verdict = try await pipeline.submit(Data(#"{"url": "https://x.example/no-content"}"#.utf8))
        #expect(verdict.payload.rejection?.code == "missing_content")
        let push = try await pipeline.transport.sender(.push, at: pipeline.local.push)
        try await push.send(WireMessage(frames: [Data([0xFF, 0xFE, 0x00])]))
        try await push.send(WireMessage(frames: [Data("x".utf8), Data(), Data()]))
        await push.close()
        // Every refusal, submitted or pushed, is also published as an article.rejected event.
        let expected: Set<String> = ["missing_content", "invalid_utf8", "bad_frames"]
        let rejections = try await within(eventPatience, "the rejection events") { [events = pipeline.events] in
            var codes = Set<String>()
            for await message in events.messages() {
                if let rejection = try? WireCodec.decode(message, as: Rejection.self) {
                    codes.insert(rejection.payload.code)
                }
                if codes.isSuperset(of: expected) { break }
            }
            return codes
        }
        #expect(rejections == expected)
        // A subscriber catching up from sequence 2 gets the stored article 3, then the next live one, with no gap
        // (whether it starts before or after the next article is stored: history and live join either way).
        let catchingUp = try pipeline.subscriber(["--since", "2", "--count", "2", "--json"])
        // Then every service is still up, and a graceful stop ends each of them cleanly
        #expect(try await pipeline.submit(Data(#"{"text": "Encore un article sur Rabat et Tunis."}"#.utf8)).payload.verdict == .accepted)
        let replayed = try await within(.seconds(30), "the catching-up subscriber") { try await catchingUp.lines() }
        #expect(replayed.compactMap { try? JSONValue(parsing: Data($0.utf8))["seq"] } == [.integer(3), .integer(4)])
        #expect(pipeline.supervisor.restarts == 0)
        let statuses = await pipeline.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "exit statuses: \(statuses)")
    }

    @Test func anArticleAStageRefusesEndsAsAKeptDeadLetter() async throws {
        // Given a running pipeline
        let pipeline = try await Pipeline()
        // When an article that parse refuses (a page with no article text at all) is accepted
        let verdict = try await pipeline.submit(Data(#"{"html": "<html><body><nav><a href='/'>Accueil</a></nav></body></html>"}"#.utf8))
        #expect(verdict.payload.verdict == .accepted)
        // Then the store keeps it as a dead letter with parse's reason, without it being sent again
        let parked = try await within(.seconds(30), "the dead letter in the store") { () -> ParkedArticle in
            while true {
                if let first = try await pipeline.query(ArticleQuery(deadLetters: true)).deadLetters?.first { return first }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(parked.id == verdict.id)
        #expect(parked.letter.stage == "parse")
        #expect(parked.letter.code == "no_content")
        #expect(parked.letter.attempts == 1)
        _ = await pipeline.stop()
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedCorpus.path), "needs ../shared/data/articles"))
    func seedAndCorpusArticlesAreEnrichedStoredAndQueryable() async throws {
        let pipeline = try await Pipeline()
        let seed = try Self.articles([Self.sharedCorpus.appendingPathComponent("seed-maroc-aqmi.txt").path])
        let corpus = try Self.articles([Self.sharedCorpus.appendingPathComponent("fr-news.jsonl.gz").path])
        let articles = seed + Array(corpus.dropFirst().prefix(300))
        let push = try await pipeline.transport.sender(.push, at: pipeline.local.push)
        let decoder = JSONDecoder()
        var ids = Set<ArticleID>()
        for article in articles {
            ids.insert(ArticleIdentity.id(of: try decoder.decode(RawArticle.self, from: article)))
            try await push.send(WireMessage(frames: [article]))
        }
        await push.close()
        let enriched = try await pipeline.enrichedEvents(for: ids, within: .seconds(180))
        #expect(enriched.count == ids.count)
        let seedID = ArticleIdentity.id(of: try decoder.decode(RawArticle.self, from: seed[0]))
        let seedArticle = try #require(enriched[seedID])
        #expect(seedArticle.article.lang == "fr")
        #expect(!seedArticle.article.body.contains("À lire :"))
        #expect(seedArticle.dates.contains { $0.value == "2020/2023" })
        let byEntity = try await pipeline.query(ArticleQuery(entity: "Maroc", label: .location))
        #expect(byEntity.total >= 1)
        #expect(try await pipeline.query(ArticleQuery(limit: 1)).total == ids.count)
        _ = await pipeline.stop()
    }
}
