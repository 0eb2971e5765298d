import ArgumentParser
import Foundation
import NewsbusProtocol
import NewsbusServices
import NewsbusTransport
import NewsbusTransportZMQ

/// `newsbus demo`: starts the pipeline, pushes articles (yours, or the bundled samples), prints their enriched
/// events, and stops.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the pipeline on some articles and print their enriched events.",
        discussion: """
            With no file, uses a few bundled sample articles in the shape of real French and English news pages, \
            boilerplate included. The pipeline runs from a fresh temporary data folder unless --data-dir is given.
            """)

    @Argument(help: "Article files or folders (.txt, .html, .json, .jsonl, .jsonl.gz).")
    var files: [String] = []

    @Flag(help: "Print one enriched event (its JSON envelope) per line.")
    var json = false

    @Option(help: "Data folder (default: a new temporary folder).")
    var dataDir: String?

    @Option(help: "Seconds to wait for the events.")
    var timeout: Double = 60

    func run() async throws {
        let items = try ArticleInputs.read(files.isEmpty ? try Self.samplePaths() : files)
        let directory = dataDir ?? "/tmp/newsbus-demo-\(getpid())"
        let pipeline = LocalPipeline(addressing: .ipc(directory: directory))
        let supervisor = try ServiceSupervisor(
            plans: pipeline.plans(dataDirectory: directory, parseReplicas: 1, extractReplicas: 1, logFormat: "human"),
            dataDirectory: directory, security: try ClientSecurity.security())
        log("starting the pipeline (data and logs in \(directory)/)…")
        try await supervisor.start()
        do {
            try await demonstrate(items, on: pipeline)
        } catch {
            await supervisor.stop()
            throw error
        }
        await supervisor.stop()
        if dataDir == nil { try? FileManager.default.removeItem(atPath: directory) }
    }

    private func demonstrate(_ items: [ArticleInputs.Item], on pipeline: LocalPipeline) async throws {
        let transport = try ZMQTransport(security: try ClientSecurity.security())
        defer { transport.shutdown() }
        // Subscribe before pushing; whatever the subscription misses while it propagates is read from the store.
        let events = try await transport.receiver(.subscribe([.articleEnriched]), at: pipeline.events)
        let submitter = try await transport.requester(at: pipeline.submit)
        var expected: [ArticleID: String] = [:]
        var order: [ArticleID] = []
        for item in items {
            let reply = try await submitter.request(WireMessage(frames: [item.message]), timeout: .seconds(30))
            let verdict = try WireCodec.decode(reply, as: SubmitVerdict.self)
            switch verdict.payload.verdict {
            case .accepted, .duplicate:
                expected[verdict.id] = item.origin
                order.append(verdict.id)
            case .rejected:
                log("✗ \(item.origin): \(verdict.payload.rejection.map { "\($0.code): \($0.reason)" } ?? "rejected")")
            }
        }
        await submitter.close()
        log("pushed \(items.count) article\(items.count == 1 ? "" : "s"); waiting for their enriched events…")
        var received: [ArticleID: WireMessage] = [:]
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(timeout * 1000)))
        var iterator = events.messages().makeAsyncIterator()
        while received.count < expected.count, ContinuousClock.now < deadline {
            let next = await Self.next(&iterator, before: deadline)
            guard let message = next, let header = try? WireCodec.header(of: message), let id = header.id,
                expected[id] != nil
            else { continue }
            received[id] = message
        }
        await events.close()
        for id in order {
            let message: WireMessage? =
                if let event = received[id] { event } else { await fromStore(id, pipeline.query, transport) }
            guard let message else {
                log("✗ \(expected[id] ?? id.rawValue): no enriched event within \(timeout) s (see the logs)")
                continue
            }
            if json {
                print(String(decoding: message.frames[1], as: UTF8.self))
            } else if let text = EventView.render(message) {
                print(text + "\n")
            }
        }
    }

    /// The article as a stored event, for one the subscription missed.
    private func fromStore(_ id: ArticleID, _ query: EndpointSpec, _ transport: ZMQTransport) async -> WireMessage? {
        guard let requester = try? await transport.requester(at: query) else { return nil }
        defer { Task { await requester.close() } }
        guard let request = try? WireCodec.encode(Envelope(id: id, payload: ArticleQuery(id: id.rawValue))),
            let reply = try? await requester.request(request, timeout: .seconds(5)),
            let stored = try? WireCodec.decode(reply, as: QueryResult.self).payload.articles.first
        else { return nil }
        let event = Envelope(id: stored.id, sequence: stored.sequence, payload: stored.article)
        return try? WireCodec.encode(event, qualifiers: [stored.article.article.lang])
    }

    /// The next message, or `nil` when none came before `deadline`.
    static func next(_ iterator: inout MessageStream.Iterator, before deadline: ContinuousClock.Instant) async
        -> WireMessage?
    {
        let stream = iterator
        return await withTaskGroup(of: WireMessage?.self) { group in
            group.addTask {
                var copy = stream
                return await copy.next()
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    static func samplePaths() throws -> [String] {
        guard let folder = Bundle.module.url(forResource: "Samples", withExtension: nil) else {
            throw ValidationError("the bundled sample articles are missing from this build")
        }
        return [folder.path]
    }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
