import Foundation
@testable import NewsbusCLI
import NewsbusIngest
import NewsbusProtocol
import NewsbusTesting
import NewsbusTransport
import Synchronization
import Testing

/// The delivery guarantees under crashes, against the real executables: a few thousand articles are submitted with
/// acknowledgements while every service is killed with SIGKILL at random moments and restarted by the supervisor.
/// Every accepted article must then be stored exactly once, and every stored article published.
///
/// What makes it hold: ingest journals an article before answering and sends again what the store has not
/// acknowledged; the store is idempotent by article id and publishes a redelivered article again, with its original
/// sequence number, together with the acknowledgement.
///
/// After the relay restarts, each subscriber reconnects on its own schedule (ZeroMQ's reconnect back-off), and a
/// subscription only reaches the publishers once its subscriber is back: while ingest's subscription to
/// `article.stored` is back and another subscriber's to `article.enriched` is not, that subscriber misses events
/// whose acknowledgements ingest does get, so they are not published again. A plain socket subscriber (the test's own)
/// shows this; `newsbus subscribe` notices the hole in the sequence numbers and fetches those articles from the
/// store, so the test checks that it shows every accepted article exactly once.
@Suite(.serialized) struct ChaosTests {
    /// How many articles are submitted (alternately French and English), how many per second (a steady feed, so
    /// that the kills fall while submits are in flight), and how many submits may wait for their verdicts at once.
    static let articleCount = 2000
    static let submitsPerSecond = 200
    static let submitsInFlight = 48
    /// How long a submit waits for its verdict before it is sent again (ingest may have been killed meanwhile).
    static let submitTimeout: Duration = .seconds(3)
    /// The seed of the articles and of the chaos schedule.
    static let seed: UInt64 = 0xC4A0_5BAD
    /// The pause between two kills, in milliseconds.
    static let pauseBetweenKills = 200...1200
    /// Articles submitted once the chaos is over, one at a time until one is seen published (see ``probe(_:_:_:)``).
    static let probeCount = 12

    @Test(.timeLimit(.minutes(3)))
    func everyAcceptedArticleIsStoredOnceAndPublishedWhileServicesAreKilled() async throws {
        // Given a running pipeline (two parse replicas) whose ingest sends an unconfirmed article again after 1 s,
        // doubling the wait each time, and gives up only after 30 sendings
        let pipeline = try await PipelineSystemTests.Pipeline(
            extraArguments: ["ingest": ["--redelivery-seconds", "1", "--max-attempts", "30"]],
            eventTypes: [.articleEnriched, .articleStored, .articleRejected])
        do {
            try await Self.submitWhileKilling(pipeline)
        } catch {
            // A deadline that passed leaves no service running either; their logs are kept.
            Self.keepLogs(of: pipeline)
            _ = await pipeline.stop()
            throw error
        }
    }

    /// The chaos test proper, on a running pipeline: the articles, the submits, the kills, the checks.
    static func submitWhileKilling(_ pipeline: PipelineSystemTests.Pipeline) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let generated = SyntheticNews.articles(count: Self.articleCount + Self.probeCount, seed: Self.seed)
        let (articles, probes) = (Array(generated.prefix(Self.articleCount)), Array(generated.suffix(Self.probeCount)))
        try #require(Set(generated.map(ArticleIdentity.id(of:))).count == generated.count, "articles not all distinct")
        // And a subscriber socket that records every event from the start, and a `newsbus subscribe --since 0`
        let log = PublicationLog()
        let recording = Task { [events = pipeline.events] in
            for await message in events.messages() { log.record(message) }
        }
        defer { recording.cancel() }
        let clientLog = PublicationLog()
        let client = try LineStreamingProcess.start(
            BuiltProducts.newsbus,
            ["subscribe", "--json", "--since", "0", "--events", pipeline.local.events.description,
             "--query", pipeline.local.query.description]
        ) { line in
            clientLog.record(WireMessage(topic: MessageType.articleEnriched.rawValue, body: Data(line.utf8)))
        }
        defer { client.stop() }

        // When every article is submitted at a steady pace, each until it gets a verdict, while a killer SIGKILLs
        // services at random moments (every one at least once)
        let verdicts = Atomic<Int>(0)
        let killer = Killer(supervisor: pipeline.supervisor, seed: Self.seed, pause: Self.pauseBetweenKills) {
            verdicts.load(ordering: .relaxed)
        }
        let killing = Task { await killer.run() }
        defer { killing.cancel() }
        let submitted = try await within(.seconds(90), "a verdict for every article") { [submitter = pipeline.submitter] in
            try await Self.submit(articles, to: submitter) { verdicts.add(1, ordering: .relaxed) }
        }
        killer.stopOnceEveryServiceWasKilled()
        let timeline = await killing.value
        let kills = Dictionary(timeline.map { ($0.service, 1) }, uniquingKeysWith: +)
        let pushed = clock.now

        // Then every article was accepted: at first, or as a duplicate of itself (a retry whose first reply was lost)
        #expect(submitted.rejected.isEmpty, "rejected: \(submitted.rejected.prefix(5))")
        #expect(submitted.accepted == Set(articles.map(ArticleIdentity.id(of:))))
        // When, the chaos over, probe articles are submitted until one is seen published
        let probe = try await within(.seconds(90), "a probe article seen published") {
            try await Self.probe(probes, pipeline, log)
        }
        var accepted = submitted.accepted.union(probe.accepted)
        let storedBeforeProbe = Set(try await Self.storedArticles(pipeline).filter { $0.sequence < probe.sequence }.map(\.id))
        // Then the subscriber sees every accepted article published: what is stored after the probe as it comes
        // (ingest sends the last ones again after up to a few seconds), at most a minute
        let published = await log.waitUntilPublished(accepted.subtracting(storedBeforeProbe), within: .seconds(60))

        // And the store holds each accepted article exactly once, under the sequence number it was published with
        let stored = try await Self.storedArticles(pipeline)
        let storedIDs = Set(stored.map(\.id))
        let storedTwice = Dictionary(grouping: stored, by: \.id).filter { $0.value.count > 1 }.keys
        let lost = accepted.subtracting(storedIDs)
        #expect(lost.isEmpty, "\(lost.count) accepted articles not stored, e.g. \(lost.prefix(3))")
        #expect(storedTwice.isEmpty, "stored more than once: \(storedTwice.prefix(3))")
        #expect(try await pipeline.query(ArticleQuery(limit: 1)).total == accepted.count)
        #expect(stored.count == accepted.count && storedIDs == accepted)
        #expect(try await pipeline.query(ArticleQuery(deadLetters: true)).total == 0, "articles parked as dead letters")
        let wrongSequence = stored.filter { article in
            published.sequences[article.id].map { $0 != [article.sequence] } ?? false
        }
        #expect(wrongSequence.isEmpty, "published under another sequence number than stored: \(wrongSequence.prefix(3))")
        #expect(published.rejections.isEmpty, "stages refused articles: \(published.rejections.prefix(5))")
        // And every stored article was seen published by the socket — but for those missed, with their
        // acknowledgements, while its subscription was not in place after a relay restart (see above)
        let unseen = storedIDs.subtracting(published.sequences.keys)
        let missedWhileResubscribing = unseen.filter { storedBeforeProbe.contains($0) && !published.acknowledged.contains($0) }
        let unpublished = unseen.subtracting(missedWhileResubscribing)
        #expect(unpublished.isEmpty, "\(unpublished.count) stored articles never seen published, e.g. \(unpublished.prefix(3))")
        // And `newsbus subscribe`, which fetches from the store what it notices it missed, showed every accepted
        // article exactly once (further probes give it a later event to notice a hole at the very end)
        let remainingProbes = probes.filter { !accepted.contains(ArticleIdentity.id(of: $0)) }
        let shown = try await within(.seconds(90), "every article shown by newsbus subscribe") { [accepted] in
            try await Self.deliver(to: clientLog, accepted: accepted, probes: remainingProbes, pipeline)
        }
        accepted.formUnion(shown.probes)
        let notShown = accepted.subtracting(shown.seen.sequences.keys)
        #expect(notShown.isEmpty, "\(notShown.count) accepted articles not shown by newsbus subscribe")
        #expect(shown.seen.events == shown.seen.sequences.count, "newsbus subscribe showed articles more than once")
        #expect(shown.seen.sequences.values.allSatisfy { $0.count == 1 })
        // And every service was killed at least once, and restarted once per kill (none crashed on its own)
        let names = pipeline.supervisor.plans.map(\.name)
        #expect(names.allSatisfy { kills[$0, default: 0] >= 1 }, "kills: \(kills)")
        #expect(pipeline.supervisor.restarts == timeline.count, "restarts \(pipeline.supervisor.restarts), kills \(kills)")

        if !(lost.isEmpty && storedTwice.isEmpty && unpublished.isEmpty && wrongSequence.isEmpty) {
            Self.keepLogs(of: pipeline)
        }
        print(
            """
            chaos: \(accepted.count) articles accepted (\(submitted.duplicates) as duplicates after a lost reply, \
            \(submitted.retries) submits sent again), the last verdict after \(Self.seconds(start.duration(to: pushed))); \
            kills \(names.map { "\($0) \(kills[$0, default: 0])" }.joined(separator: ", ")); \
            \(published.events - published.sequences.count) events published again; \
            \(missedWhileResubscribing.count) missed by the socket while resubscribing, all shown by newsbus subscribe; \
            elapsed \(Self.seconds(start.duration(to: clock.now)))
            chaos: kills \(timeline)
            """)
        let statuses = await pipeline.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "exit statuses after the chaos: \(statuses)")
    }

    // MARK: - Submitting

    /// The verdicts of every submit.
    struct Submitted: Sendable {
        var accepted = Set<ArticleID>()
        var rejected: [String] = []
        /// Articles ingest had already accepted when the verdict that came back was asked: a retry after a lost reply.
        var duplicates = 0
        /// Submits sent again after no verdict came in time.
        var retries = 0
    }

    /// Submits every article at `submitsPerSecond`, at most `submitsInFlight` waiting at once, each until it gets a
    /// verdict.
    static func submit(_ articles: [RawArticle], to requester: any Requester, onVerdict: @Sendable () -> Void)
        async throws -> Submitted
    {
        let encoder = JSONEncoder()
        let messages = try articles.map { WireMessage(frames: [try encoder.encode($0)]) }
        return try await withThrowingTaskGroup(of: (verdict: Envelope<SubmitVerdict>, retries: Int).self) { group in
            let clock = ContinuousClock()
            let start = clock.now
            var next = messages.enumerated().makeIterator()
            func startNext() {
                guard let (index, message) = next.next() else { return }
                group.addTask {
                    // The feed's pace: a schedule, not a wait for anything.
                    try await clock.sleep(until: start.advanced(by: .seconds(1) * index / submitsPerSecond))
                    return try await submitUntilAnswered(message, to: requester)
                }
            }
            for _ in 0..<submitsInFlight { startNext() }
            var submitted = Submitted()
            while let (verdict, retries) = try await group.next() {
                submitted.retries += retries
                onVerdict()
                switch verdict.payload.verdict {
                case .accepted: submitted.accepted.insert(verdict.id)
                case .duplicate:
                    submitted.accepted.insert(verdict.id)
                    submitted.duplicates += 1
                case .rejected: submitted.rejected.append(verdict.payload.rejection?.reason ?? "no reason")
                }
                startNext()
            }
            return submitted
        }
    }

    /// Sends one article until ingest answers: a request whose reply does not come in time (ingest killed before
    /// or after journaling it, or busy restarting) is sent again; the one requester reconnects by itself.
    static func submitUntilAnswered(_ message: WireMessage, to requester: any Requester) async throws
        -> (verdict: Envelope<SubmitVerdict>, retries: Int)
    {
        var retries = 0
        while true {
            do {
                let reply = try await requester.request(message, timeout: submitTimeout)
                return (try WireCodec.decode(reply, as: SubmitVerdict.self), retries)
            } catch TransportError.Code.timedOut {
                retries += 1
            }
        }
    }

    /// Once the chaos is over, submits the probe articles one at a time until one is seen published (each waited
    /// for at most 10 s: the subscriber may still be reconnecting after a late relay restart, the pipeline may still
    /// be busy). Everything stored before a probe seen published — with a lower sequence number — was published
    /// before it; everything stored after it is published to a subscription in place, the chaos being over.
    /// - Returns: the accepted probes, and the sequence number of the one seen.
    static func probe(_ probes: [RawArticle], _ pipeline: PipelineSystemTests.Pipeline, _ log: PublicationLog)
        async throws -> (accepted: Set<ArticleID>, sequence: Int64)
    {
        var accepted = Set<ArticleID>()
        for probe in probes {
            let (verdict, _) = try await submitUntilAnswered(
                WireMessage(frames: [try JSONEncoder().encode(probe)]), to: pipeline.submitter)
            try #require(verdict.payload.verdict == .accepted)
            accepted.insert(verdict.id)
            // An earlier probe seen late will do as well as this one.
            let seen = await log.waitUntilPublished([verdict.id], within: .seconds(10))
            if let sequence = accepted.compactMap({ seen.sequences[$0]?.first }).max() { return (accepted, sequence) }
        }
        throw ConformanceFailure(check: "probe", "none of \(probes.count) probe articles was seen published")
    }

    /// Waits until `newsbus subscribe` has shown every accepted article; after 10 s without, submits the next probe
    /// (a later event lets it notice articles missed at the very end) and waits again.
    /// - Returns: what it showed, and the probes submitted.
    static func deliver(
        to log: PublicationLog, accepted: Set<ArticleID>, probes: [RawArticle], _ pipeline: PipelineSystemTests.Pipeline
    ) async throws -> (seen: Publications, probes: Set<ArticleID>) {
        var expected = accepted
        var submitted = Set<ArticleID>()
        var remaining = probes[...]
        while true {
            let seen = await log.waitUntilPublished(expected, within: .seconds(10))
            if expected.isSubset(of: seen.sequences.keys) { return (seen, submitted) }
            guard let probe = remaining.popFirst() else { return (seen, submitted) }
            let (verdict, _) = try await submitUntilAnswered(
                WireMessage(frames: [try JSONEncoder().encode(probe)]), to: pipeline.submitter)
            expected.insert(verdict.id)
            submitted.insert(verdict.id)
        }
    }

    // MARK: - Killing

    /// Kills services of a pipeline with SIGKILL at random moments, on a seeded schedule: first each service once in
    /// a random order, then any of them, until told to stop (and not before every service was killed once).
    final class Killer: Sendable {
        /// One kill: which service, when (since the killer started), and how many verdicts had come by then.
        struct Kill: Sendable, CustomStringConvertible {
            let service: String
            let at: Duration
            let verdicts: Int
            var description: String {
                "\(service) at \(ChaosTests.seconds(at)) (\(verdicts) verdicts)"
            }
        }

        private let supervisor: ServiceSupervisor
        private let state: Mutex<(random: SeededRandom, stopping: Bool)>
        private let pause: ClosedRange<Int>
        private let verdicts: @Sendable () -> Int

        /// - Parameter verdicts: how many verdicts have come so far (recorded with each kill).
        init(supervisor: ServiceSupervisor, seed: UInt64, pause: ClosedRange<Int>, verdicts: @escaping @Sendable () -> Int) {
            self.supervisor = supervisor
            self.state = Mutex((SeededRandom(seed: seed), false))
            self.pause = pause
            self.verdicts = verdicts
        }

        /// Asks ``run()`` to end once every service has been killed.
        func stopOnceEveryServiceWasKilled() { state.withLock { $0.stopping = true } }

        /// Kills until stopped; returns the kills in order.
        func run() async -> [Kill] {
            let clock = ContinuousClock()
            let start = clock.now
            let names = supervisor.plans.map(\.name)
            var kills: [Kill] = []
            var firstRound = state.withLock { names.shuffled(using: &$0.random) }
            while true {
                let (milliseconds, victim) = state.withLock { state in
                    (Int.random(in: pause, using: &state.random), firstRound.last ?? names.randomElement(using: &state.random)!)
                }
                // The random pause is the chaos schedule itself, not a wait for anything.
                try? await Task.sleep(for: .milliseconds(milliseconds))
                let stopping = state.withLock { $0.stopping }
                if stopping && firstRound.isEmpty || Task.isCancelled { return kills }
                // A service being restarted is not running: it is not counted, and the next pick may be another one.
                if supervisor.kill(victim) {
                    kills.append(Kill(service: victim, at: start.duration(to: clock.now), verdicts: verdicts()))
                    if firstRound.last == victim { firstRound.removeLast() }
                }
            }
        }
    }

    // MARK: - Observing

    /// What a subscriber saw.
    struct Publications: Sendable {
        /// The sequence numbers each article was published with in `article.enriched` events (one, however often).
        var sequences: [ArticleID: Set<Int64>] = [:]
        /// Enriched events received, repeats included.
        var events = 0
        /// Articles whose `article.stored` acknowledgement was seen.
        var acknowledged = Set<ArticleID>()
        /// `article.rejected` events (none is expected: every article is valid).
        var rejections: [String] = []

        /// Records one event; returns the article it published, if it is an enriched event.
        mutating func record(_ message: WireMessage) -> ArticleID? {
            if let event = try? WireCodec.decode(message, as: EnrichedArticle.self), let sequence = event.sequence {
                events += 1
                sequences[event.id, default: []].insert(sequence)
                return event.id
            }
            if let ack = try? WireCodec.decode(message, as: StoredAck.self) {
                acknowledged.insert(ack.id)
            } else if let rejection = try? WireCodec.decode(message, as: Rejection.self) {
                rejections.append("\(rejection.id) \(rejection.payload.stage): \(rejection.payload.code)")
            }
            return nil
        }
    }

    /// The events a subscriber received, and waits for articles to be published.
    final class PublicationLog: Sendable {
        private struct Waiter {
            var missing: Set<ArticleID>
            let continuation: CheckedContinuation<Void, Never>
        }

        private let state = Mutex<(seen: Publications, waiters: [Int: Waiter], nextWaiter: Int)>((Publications(), [:], 0))

        func record(_ message: WireMessage) {
            let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
                guard let id = state.seen.record(message) else { return [] }
                var ready: [CheckedContinuation<Void, Never>] = []
                for (key, var waiter) in state.waiters where waiter.missing.remove(id) != nil {
                    if waiter.missing.isEmpty {
                        ready.append(waiter.continuation)
                        state.waiters[key] = nil
                    } else {
                        state.waiters[key] = waiter
                    }
                }
                return ready
            }
            for continuation in ready { continuation.resume() }
        }

        /// Waits until each of `ids` was seen published, for at most `limit`; returns what was seen by then.
        func waitUntilPublished(_ ids: Set<ArticleID>, within limit: Duration) async -> Publications {
            _ = try? await within(limit, "\(ids.count) publications") { await self.published(ids) }
            return state.withLock { $0.seen }
        }

        /// Returns once each of `ids` was seen published, or the task is cancelled.
        private func published(_ ids: Set<ArticleID>) async {
            let key = state.withLock { state in
                state.nextWaiter += 1
                return state.nextWaiter
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let done = state.withLock { state in
                        let missing = ids.filter { state.seen.sequences[$0] == nil }
                        if missing.isEmpty || Task.isCancelled { return true }
                        state.waiters[key] = Waiter(missing: missing, continuation: continuation)
                        return false
                    }
                    if done { continuation.resume() }
                }
            } onCancel: {
                state.withLock { $0.waiters.removeValue(forKey: key) }?.continuation.resume()
            }
        }
    }

    // MARK: - The store

    /// Every stored article's id and sequence number, read page by page in sequence order.
    static func storedArticles(_ pipeline: PipelineSystemTests.Pipeline) async throws -> [(id: ArticleID, sequence: Int64)] {
        var stored: [(id: ArticleID, sequence: Int64)] = []
        while true {
            let page = try await pipeline.query(ArticleQuery(afterSequence: stored.last?.sequence ?? 0, limit: 500))
            stored += page.articles.map { ($0.id, $0.sequence) }
            if page.articles.count < 500 { return stored }
        }
    }

    /// A duration as seconds with one decimal (`12.3 s`).
    static func seconds(_ duration: Duration) -> String {
        duration.formatted(.units(allowed: [.seconds], width: .narrow, fractionalPart: .show(length: 1)))
    }

    /// Copies the services' logs out of the pipeline's folder (removed when it stops), for a failure to be looked at.
    static func keepLogs(of pipeline: PipelineSystemTests.Pipeline) {
        let kept = "/tmp/newsbus-chaos-logs-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.copyItem(atPath: "\(pipeline.directory)/logs", toPath: kept)
        print("chaos: the services' logs are kept in \(kept)")
    }
}
