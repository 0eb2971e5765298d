import Foundation
import NewsbusIngest
import NewsbusProtocol
import NewsbusServices
import NewsbusTransport
import NewsbusTransportZMQ

/// The whole pipeline as separate processes over TCP loopback: pushes a corpus at full speed, then optionally at a
/// paced rate, and measures end-to-end latency from each push to the article's `article.enriched` event.
struct PipelineBenchmark {
    struct Configuration {
        var articles: [ArticleInputs.Item]
        var paced: [ArticleInputs.Item]
        var rate: Double?
        var parseReplicas: Int
        var extractReplicas: Int
    }

    struct Latency: Codable {
        var p50: Double
        var p90: Double
        var p99: Double
        var max: Double
    }

    struct ServiceUse: Codable {
        /// CPU seconds over the whole run: start-up (extract loads its models), warm-up and every phase.
        var cpuS: Double
        var peakRssMb: Double
        /// CPU milliseconds per article while the full-load articles went through.
        var fullLoadCpuMsPerArticle: Double

        enum CodingKeys: String, CodingKey {
            case cpuS = "cpu_s", peakRssMb = "peak_rss_mb", fullLoadCpuMsPerArticle = "full_load_cpu_ms_per_article"
        }
    }

    struct Paced: Codable {
        var articles: Int
        var rate: Double
        var latencyMs: Latency

        enum CodingKeys: String, CodingKey { case articles, rate, latencyMs = "latency_ms" }
    }

    struct Report: Codable {
        var articles: Int
        var received: Int
        var seconds: Double
        var throughputAps: Double
        var wordsPerS: Double
        var latencyMs: Latency
        var services: [String: ServiceUse]
        var paced: Paced?
        var restarts: Int
        /// CPU seconds the benchmark's own client used while the articles went through at full load (it shares
        /// the machine with the services).
        var clientCpuS: Double

        enum CodingKeys: String, CodingKey {
            case articles, received, seconds, throughputAps = "throughput_aps", wordsPerS = "words_per_s",
                latencyMs = "latency_ms", services, paced, restarts, clientCpuS = "client_cpu_s"
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let configuration: Configuration

    func run() async throws -> Report {
        let directory = "/tmp/newsbus-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // TCP on loopback, as the services would talk across machines, on ports of its own (1000 above the standard
        // ones), so that it can run beside `newsbus up`.
        let pipeline = LocalPipeline(addressing: .tcp(host: Topology.host, portOffset: 1000))
        let supervisor = try ServiceSupervisor(
            plans: pipeline.plans(
                dataDirectory: directory, parseReplicas: configuration.parseReplicas,
                extractReplicas: configuration.extractReplicas, logFormat: "human"),
            dataDirectory: directory, security: try ClientSecurity.security())
        try await supervisor.start()
        do {
            let report = try await measure(supervisor, pipeline)
            await supervisor.stop()
            return report
        } catch {
            await supervisor.stop()
            throw error
        }
    }

    private func measure(_ supervisor: ServiceSupervisor, _ pipeline: LocalPipeline) async throws -> Report {
        let transport = try ZMQTransport(security: try ClientSecurity.security())
        defer { transport.shutdown() }
        let events = try await transport.receiver(
            .subscribe([.articleEnriched]), at: pipeline.events, options: ChannelOptions(highWaterMark: 100_000))
        let push = try await transport.sender(.push, at: pipeline.push, options: ChannelOptions(highWaterMark: 100_000))
        let collector = EventCollector(events: events)
        try await warmUp(push, collector)

        let beforeFullLoad = supervisor.resourceUse()
        let full = try await run(configuration.articles, push: push, collector: collector, rate: nil)
        let afterFullLoad = supervisor.resourceUse()
        var paced: Paced?
        if let rate = configuration.rate, !configuration.paced.isEmpty {
            let result = try await run(configuration.paced, push: push, collector: collector, rate: rate)
            paced = Paced(articles: result.received, rate: rate, latencyMs: result.latency)
        }
        let articles = Double(max(full.received, 1))
        let use = supervisor.resourceUse().reduce(into: [String: ServiceUse]()) { use, entry in
            let fullLoad = (afterFullLoad[entry.key]?.cpuSeconds ?? 0) - (beforeFullLoad[entry.key]?.cpuSeconds ?? 0)
            use[entry.key] = ServiceUse(
                cpuS: entry.value.cpuSeconds, peakRssMb: entry.value.peakResidentMegabytes,
                fullLoadCpuMsPerArticle: fullLoad * 1000 / articles)
        }
        await push.close()
        await events.close()
        return Report(
            articles: configuration.articles.count, received: full.received, seconds: full.seconds,
            throughputAps: Double(full.received) / full.seconds, wordsPerS: Double(full.words) / full.seconds,
            latencyMs: full.latency, services: use, paced: paced, restarts: supervisor.restarts,
            clientCpuS: full.clientCPUSeconds)
    }

    /// One article through before measuring: proves the subscription reaches the store (no slow-joiner loss).
    private func warmUp(_ push: any MessageSender, _ collector: EventCollector) async throws {
        let marker = "Newsbus benchmark warm-up \(UUID().uuidString). Le Maroc et la France ont signé un accord à Rabat."
        let article = RawArticle(text: marker + "\n" + marker)
        let id = ArticleIdentity.id(of: article)
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            try await push.send(WireMessage(frames: [try JSONEncoder().encode(article)]))
            if await collector.wait(for: [id], until: ContinuousClock.now.advanced(by: .seconds(2))).count == 1 { return }
        }
        throw Failure(description: "no enriched event came back within 60 s: see the service logs")
    }

    private struct RunResult {
        var received: Int
        var seconds: Double
        var words: Int
        var latency: Latency
        var clientCPUSeconds: Double
    }

    private func run(_ items: [ArticleInputs.Item], push: any MessageSender, collector: EventCollector, rate: Double?)
        async throws -> RunResult
    {
        let decoder = JSONDecoder()
        let ids = items.map { item in
            (try? decoder.decode(RawArticle.self, from: item.message)).map(ArticleIdentity.id(of:))
        }
        let wanted = Set(ids.compactMap { $0 })
        let clock = ContinuousClock()
        let cpuAtStart = Self.clientCPUSeconds()
        let start = clock.now
        var sentAt: [ArticleID: ContinuousClock.Instant] = [:]
        for (index, item) in items.enumerated() {
            if let rate {
                try await Task.sleep(until: start.advanced(by: .seconds(Double(index) / rate)), clock: clock)
            }
            if let id = ids[index], sentAt[id] == nil { sentAt[id] = clock.now }
            try await push.send(WireMessage(frames: [item.message]))
        }
        let deadline = clock.now.advanced(by: .seconds(60 + Double(items.count) / 50))
        let arrivals = await collector.wait(for: wanted, until: deadline)
        let latencies = arrivals.compactMap { id, arrival in sentAt[id].map { Self.milliseconds($0.duration(to: arrival.at)) } }
        let last = arrivals.values.map(\.at).max() ?? clock.now
        return RunResult(
            received: arrivals.count, seconds: max(0.001, Self.milliseconds(start.duration(to: last)) / 1000),
            words: arrivals.values.reduce(0) { $0 + $1.words }, latency: Self.percentiles(latencies),
            clientCPUSeconds: Self.clientCPUSeconds() - cpuAtStart)
    }

    static func clientCPUSeconds() -> Double { ProcessResources.read(pid: getpid())?.cpuSeconds ?? 0 }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func percentiles(_ values: [Double]) -> Latency {
        guard !values.isEmpty else { return Latency(p50: 0, p90: 0, p99: 0, max: 0) }
        let sorted = values.sorted()
        func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(fraction * Double(sorted.count)))] }
        return Latency(p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.last!)
    }
}

/// Reads enriched events in the background and records when each article's arrived.
final class EventCollector: @unchecked Sendable {
    struct Arrival {
        let at: ContinuousClock.Instant
        let words: Int
    }

    private let lock = NSLock()
    private var arrivals: [ArticleID: Arrival] = [:]
    /// The articles ``wait(for:until:)`` waits for, and how many of them have arrived.
    private var awaited: Set<ArticleID> = []
    private var awaitedArrived = 0
    private var reader: Task<Void, Never>?

    init(events: any MessageReceiver) {
        reader = Task { [weak self] in
            var iterator = events.messages().makeAsyncIterator()
            while true {
                let batch = await iterator.nextBatch(maxCount: 256)
                if batch.isEmpty { return }
                let now = ContinuousClock.now
                let arrivals = batch.compactMap { message -> (ArticleID, Arrival)? in
                    guard message.frames.count == 2, let (id, words) = try? Self.idAndWordCount(of: message.frames[1])
                    else { return nil }
                    return (id, Arrival(at: now, words: words))
                }
                self?.record(arrivals)
            }
        }
    }

    deinit { reader?.cancel() }

    /// Just the article id and word count of an enriched event, in one pass over it (the benchmark must not spend
    /// the CPU it measures decoding whole articles).
    static func idAndWordCount(of envelope: Data) throws -> (ArticleID, Int)? {
        try JSONReader.read(envelope) { reader in
            var id: String?
            var words: Int?
            try reader.object { reader, key in
                switch key {
                case "id": id = try reader.string()
                case "payload":
                    try reader.object { reader, key in
                        guard case "article" = key else { return try reader.skipValue() }
                        try reader.object { reader, key in
                            guard case "word_count" = key else { return try reader.skipValue() }
                            words = try reader.integer()
                        }
                    }
                default: try reader.skipValue()
                }
            }
            guard let id, let words else { return nil }
            return (ArticleID(rawValue: id), words)
        }
    }

    private func record(_ batch: [(ArticleID, Arrival)]) {
        lock.withLock {
            for (id, arrival) in batch where arrivals[id] == nil {
                arrivals[id] = arrival
                if awaited.contains(id) { awaitedArrived += 1 }
            }
        }
    }

    /// The arrivals of `ids` seen by `deadline` (checking a counter every 5 ms).
    func wait(for ids: Set<ArticleID>, until deadline: ContinuousClock.Instant) async -> [ArticleID: Arrival] {
        lock.withLock {
            awaited = ids
            awaitedArrived = arrivals.keys.reduce(0) { $0 + (ids.contains($1) ? 1 : 0) }
        }
        while lock.withLock({ awaitedArrived }) < ids.count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return lock.withLock { arrivals.filter { ids.contains($0.key) } }
    }
}
