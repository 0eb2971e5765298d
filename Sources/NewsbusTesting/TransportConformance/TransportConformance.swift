import Foundation
import NewsbusProtocol
import NewsbusTransport
import Synchronization

/// The one conformance suite every ``Transport`` implementation passes, through the same code path.
///
/// Each check opens its own channels on fresh endpoints, bounds every wait with a deadline, and closes what it
/// opened. Plug an implementation in with one parameterised test:
/// ```swift
/// @Test(arguments: TransportConformance.checks(for: fixture.capabilities))
/// func conforms(_ check: TransportCheck) async throws { try await check.run(on: fixture) }
/// ```
public enum TransportConformance {
    /// The checks that apply to an implementation with these capabilities.
    public static func checks(for capabilities: TransportCapabilities) -> [TransportCheck] {
        all.filter { capabilities.isSuperset(of: $0.requires) }
    }

    /// Every check, in a stable order.
    public static let all: [TransportCheck] = [
        framesArriveIntact, oversizeAndEmptyMessagesAreRejected, orderIsKeptPerSender, pushIsFairAcrossPullers,
        subscribersFilterByPrefix, senderWaitsAtHighWaterMark, closeIsIdempotentAndUnblocksReceiver,
        drainEndsStreamAfterReceivedMessages, cancellationEndsStream, gracefulCloseFlushes, requestReplyUnderConcurrency, connectBeforeBind,
        deliversAcrossProcesses, survivesPeerRestart,
    ]

    static let maxSize = 1 << 20

    // MARK: Frames

    static let framesArriveIntact = TransportCheck("framesArriveIntact") { fixture, context in
        let options = ChannelOptions(maxMessageSize: maxSize)
        let (pull, push) = try await pushPullPair(fixture, options)
        let binary = Data((0...255).map { UInt8($0) })
        let large = Data((0..<(512 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let topic = Data("topic".utf8)
        let exact = WireMessage(frames: [topic, Data(repeating: 0xAB, count: maxSize - topic.count)])
        let sent = [
            WireMessage(frames: [binary]),
            WireMessage(frames: [Data()]),
            WireMessage(frames: [Data(), Data("middle".utf8), Data()]),
            WireMessage(frames: [Data("Grüße — 🌍 — Мир — مرحبا".utf8), Data("ﬁn ℮ 3ᵉ".utf8)]),
            WireMessage(frames: [topic, large]),
            exact,
        ]
        for message in sent { try await push.send(message) }
        let received = try await collect(sent.count, from: pull, context)
        for (index, (expected, got)) in zip(sent, received).enumerated() {
            try context.expect(
                expected == got,
                "message \(index) changed in transit: sent \(expected.frames.map(\.count)) bytes per frame, "
                    + "got \(got.frames.map(\.count))")
        }
        await push.close()
        await pull.close()
    }

    static let oversizeAndEmptyMessagesAreRejected = TransportCheck("oversizeAndEmptyMessagesAreRejected") {
        fixture, context in
        let options = ChannelOptions(maxMessageSize: maxSize)
        let (pull, push) = try await pushPullPair(fixture, options)
        try await expectError(.messageTooLarge, context, "a message one byte over the limit") {
            try await push.send(WireMessage(frames: [Data(repeating: 1, count: maxSize + 1)]))
        }
        try await expectError(.messageTooLarge, context, "a multipart message one byte over the limit") {
            try await push.send(WireMessage(frames: [Data(repeating: 1, count: maxSize), Data([1])]))
        }
        try await expectError(.invalidMessage, context, "a message without frames") {
            try await push.send(WireMessage(frames: []))
        }
        // The channel still works after refusing those.
        try await push.send(WireMessage(frames: [Data("after".utf8)]))
        let received = try await collect(1, from: pull, context)
        try context.expect(received.first?.frames == [Data("after".utf8)], "the message after the refusals arrived")
        await push.close()
        await pull.close()
    }

    // MARK: Ordering and distribution

    static let orderIsKeptPerSender = TransportCheck("orderIsKeptPerSender") { fixture, context in
        let transport = fixture.transport
        let pull = try await transport.receiver(.pull, at: .bind(fixture.makeEndpoint()))
        let senders = [
            try await transport.sender(.push, at: .connect(pull.endpoint)),
            try await transport.sender(.push, at: .connect(pull.endpoint)),
        ]
        let perSender = 300
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, sender) in senders.enumerated() {
                group.addTask {
                    for n in 0..<perSender { try await sender.send(text("s\(index)", "\(n)")) }
                }
            }
            try await group.waitForAll()
        }
        let received = try await collect(2 * perSender, from: pull, context)
        for index in senders.indices {
            let numbers = received.filter { $0.topic == "s\(index)" }.compactMap { Int(body($0)) }
            try context.expect(
                numbers == Array(0..<perSender),
                "sender \(index): expected 0..<\(perSender) in order, got \(numbers.count) messages, "
                    + "first out of order at \(zip(numbers, 0...).first(where: { $0 != $1 }).map { "\($0)" } ?? "-")")
        }
        for sender in senders { await sender.close() }
        await pull.close()
    }

    static let pushIsFairAcrossPullers = TransportCheck("pushIsFairAcrossPullers") { fixture, context in
        let transport = fixture.transport
        let push = try await transport.sender(.push, at: .bind(fixture.makeEndpoint()))
        var connected: [any MessageReceiver] = []
        for _ in 0..<3 { connected.append(try await transport.receiver(.pull, at: .connect(push.endpoint))) }
        let pullers = connected
        let (arrivals, feed) = AsyncStream.makeStream(of: (Int, WireMessage).self)
        let watchdog = endStream(feed, after: eventPatience * 2)
        let consumers = Task {
            await withTaskGroup(of: Void.self) { group in
                for (index, puller) in pullers.enumerated() {
                    group.addTask { for await message in puller.messages() { feed.yield((index, message)) } }
                }
            }
        }
        // Warm up until every puller is connected (has received a probe); then round-robin is exact.
        let (probes, probing) = AsyncStream.makeStream(of: Void.self)
        let prober = Task {
            for await _ in probes { try await push.send(text("probe", "")) }
        }
        probing.yield()
        var iterator = arrivals.makeAsyncIterator()
        var seen = Set<Int>()
        var real = [0, 0, 0]
        let clock = ContinuousClock()
        let warmUpDeadline = clock.now.advanced(by: eventPatience)
        while seen.count < 3 {
            guard clock.now < warmUpDeadline else { throw context.fail("only \(seen.count) of 3 pullers connected") }
            guard let (index, _) = await iterator.next() else { throw context.fail("timed out warming up") }
            seen.insert(index)
            if seen.count < 3 { probing.yield() }
        }
        probing.finish()
        _ = try await prober.value
        let total = 300
        for n in 0..<total { try await push.send(text("real", "\(n)")) }
        var counted = 0
        let countDeadline = clock.now.advanced(by: eventPatience)
        while counted < total, clock.now < countDeadline {
            guard let (index, message) = await iterator.next() else { break }
            if message.topic == "real" {
                real[index] += 1
                counted += 1
            }
        }
        try context.expect(counted == total, "received \(counted) of \(total) messages")
        try context.expect(
            real.allSatisfy { (80...120).contains($0) }, "uneven distribution over 3 pullers: \(real)")
        consumers.cancel()
        watchdog.cancel()
        for puller in pullers { await puller.close() }
        await push.close()
        feed.finish()
    }

    static let subscribersFilterByPrefix = TransportCheck("subscribersFilterByPrefix") { fixture, context in
        let transport = fixture.transport
        let publisher = try await transport.sender(.publish, at: .bind(fixture.makeEndpoint()))
        let filters = [["article.enriched"], ["article.enriched.fr"], [""], ["article.raw"]]
        var connected: [any MessageReceiver] = []
        for prefixes in filters {
            connected.append(
                try await transport.receiver(.subscribe(prefixes: prefixes + ["~sync"]), at: .connect(publisher.endpoint)))
        }
        let subscribers = connected
        // Handshake: publish until every subscriber has received a sync message (late joiners miss messages).
        let (arrivals, feed) = AsyncStream.makeStream(of: (Int, WireMessage).self)
        let watchdog = endStream(feed, after: eventPatience * 2)
        let consumers = Task {
            await withTaskGroup(of: Void.self) { group in
                for (index, subscriber) in subscribers.enumerated() {
                    group.addTask { for await message in subscriber.messages() { feed.yield((index, message)) } }
                }
            }
        }
        // A sync published before a subscriber is connected reaches nobody, so they go out at a steady pace
        // until every subscriber has had one, not one per arrival.
        let syncing = Task {
            while !Task.isCancelled {
                try await publisher.send(text("~sync", ""))
                try await Task.sleep(for: .milliseconds(20))  // publishing pace, not a wait for a condition
            }
        }
        var iterator = arrivals.makeAsyncIterator()
        var synced = Set<Int>()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: eventPatience)
        while synced.count < subscribers.count {
            guard clock.now < deadline else { throw context.fail("only \(synced.count) subscribers synced") }
            guard let (index, _) = await iterator.next() else { throw context.fail("timed out synchronising") }
            synced.insert(index)
        }
        syncing.cancel()
        _ = await syncing.result
        let topics = ["article.enriched.fr", "article.enriched.en", "article.raw", "article.stored", "article.enrichedx"]
        for topic in topics { try await publisher.send(text(topic, "x")) }
        try await publisher.send(text("~sync.end", ""))
        var got = Array(repeating: [String](), count: subscribers.count)
        var ended = Set<Int>()
        while ended.count < subscribers.count {
            guard clock.now < deadline.advanced(by: eventPatience) else {
                throw context.fail("end marker reached only \(ended.count) subscribers")
            }
            guard let (index, message) = await iterator.next() else { throw context.fail("timed out reading") }
            guard let topic = message.topic else { continue }
            if topic == "~sync.end" { ended.insert(index) } else if !topic.hasPrefix("~"), !ended.contains(index) {
                got[index].append(topic)
            }
        }
        let expected = [
            ["article.enriched.fr", "article.enriched.en", "article.enrichedx"], ["article.enriched.fr"], topics,
            ["article.raw"],
        ]
        for index in subscribers.indices {
            try context.expect(
                got[index] == expected[index],
                "subscriber to \(filters[index]) got \(got[index]), expected \(expected[index])")
        }
        consumers.cancel()
        watchdog.cancel()
        for subscriber in subscribers { await subscriber.close() }
        await publisher.close()
        feed.finish()
    }

    // MARK: Back-pressure

    static let senderWaitsAtHighWaterMark = TransportCheck("senderWaitsAtHighWaterMark") { fixture, context in
        let highWaterMark = 4
        let bound = 1024  // beyond every queue and kernel buffer on the way for 64 KiB messages
        let options = ChannelOptions(highWaterMark: highWaterMark)
        let (pull, push) = try await pushPullPair(fixture, options)
        let payload = Data(repeating: 7, count: 64 * 1024)
        var accepted = 0
        var blocked: Task<Void, any Error>?
        while accepted < bound {
            let number = accepted
            let sending = Task { try await push.send(WireMessage(frames: [Data("\(number)".utf8), payload])) }
            if await finishes(sending, within: .milliseconds(300)) {
                try await sending.value
                accepted += 1
            } else {
                blocked = sending
                break
            }
        }
        guard let blocked else { throw context.fail("\(bound) messages were accepted without the sender waiting") }
        try context.expect(accepted >= highWaterMark, "only \(accepted) messages accepted before waiting")
        // Once the receiver drains, the waiting send completes and nothing was lost or reordered.
        let received = try await collect(accepted + 1, from: pull, context, limit: eventPatience)
        try await context.within(eventPatience, "the waiting send to complete") { try await blocked.value }
        let numbers = received.compactMap { String(data: $0.frames[0], encoding: .utf8).flatMap(Int.init) }
        try context.expect(numbers == Array(0...accepted), "received \(numbers.count) of \(accepted + 1), in order")
        await push.close()
        await pull.close()
    }

    // MARK: Closing and cancellation

    static let closeIsIdempotentAndUnblocksReceiver = TransportCheck("closeIsIdempotentAndUnblocksReceiver") {
        fixture, context in
        let (pull, push) = try await pushPullPair(fixture, ChannelOptions())
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let reader = Task { () -> Int in
            var count = 0
            signal.yield()
            for await _ in pull.messages() { count += 1 }
            return count
        }
        var startedIterator = started.makeAsyncIterator()
        await startedIterator.next()
        await pull.close()
        let count = try await context.within(eventPatience, "the blocked receiver to return after close") {
            await reader.value
        }
        try context.expect(count == 0, "a closed receiver yielded \(count) messages")
        await pull.close()
        await push.close()
        await push.close()
        try await expectError(.closed, context, "a send after close") {
            try await push.send(text("late", ""))
        }
    }

    static let drainEndsStreamAfterReceivedMessages = TransportCheck("drainEndsStreamAfterReceivedMessages") {
        fixture, context in
        let (pull, push) = try await pushPullPair(fixture, ChannelOptions())
        for n in 0..<20 { try await push.send(text("drain", "\(n)")) }
        let first = try await collect(1, from: pull, context)
        pull.drain()
        // What was already received still comes out, in order, and then the stream ends by itself.
        let rest = try await context.within(eventPatience, "the drained stream to end") { () -> [WireMessage] in
            var rest: [WireMessage] = []
            for await message in pull.messages() { rest.append(message) }
            return rest
        }
        let numbers = (first + rest).map(body)
        try context.expect(
            numbers == (0..<numbers.count).map(String.init), "drained messages out of order: \(numbers)")
        await pull.close()
        await push.close()
    }

    static let cancellationEndsStream = TransportCheck("cancellationEndsStream") { fixture, context in
        let (pull, push) = try await pushPullPair(fixture, ChannelOptions())
        let reader = Task { () -> Int in
            var count = 0
            for await _ in pull.messages() { count += 1 }
            return count
        }
        try await push.send(text("one", ""))
        // The stream keeps working while its reader runs; cancelling the reader ends its iteration.
        reader.cancel()
        _ = try await context.within(eventPatience, "the cancelled iteration to end") { await reader.value }
        await push.close()
        await pull.close()
    }

    static let gracefulCloseFlushes = TransportCheck("gracefulCloseFlushes") { fixture, context in
        let (pull, push) = try await pushPullPair(fixture, ChannelOptions())
        let count = 500
        for n in 0..<count { try await push.send(text("flush", "\(n)")) }
        await push.close()
        let received = try await collect(count, from: pull, context)
        try context.expect(
            received.map(body) == (0..<count).map(String.init), "received \(received.count) of \(count) after close")
        await pull.close()
    }

    // MARK: Request/reply and topology

    static let requestReplyUnderConcurrency = TransportCheck("requestReplyUnderConcurrency") { fixture, context in
        let transport = fixture.transport
        let responder = try await transport.responder(at: .bind(fixture.makeEndpoint()))
        let server = Task {
            for await request in responder.requests() {
                let answer = "re:" + body(request.message)
                try await request.reply(WireMessage(frames: [request.message.frames[0], Data(answer.utf8)]))
            }
        }
        var requesters: [any Requester] = []
        for _ in 0..<3 { requesters.append(try await transport.requester(at: .connect(responder.endpoint))) }
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for (r, requester) in requesters.enumerated() {
                for n in 0..<40 {
                    group.addTask {
                        let question = "r\(r)-q\(n)"
                        let reply = try await requester.request(text("ask", question), timeout: eventPatience)
                        return body(reply) == "re:" + question ? 0 : 1
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        try context.expect(mismatches == 0, "\(mismatches) of 120 replies did not match their request")
        for requester in requesters { await requester.close() }
        await responder.close()
        server.cancel()
    }

    static let connectBeforeBind = TransportCheck("connectBeforeBind") { fixture, context in
        let transport = fixture.transport
        let endpoint = fixture.makeFixedEndpoint()
        let push = try await transport.sender(.push, at: .connect(endpoint))
        let sending = Task { for n in 0..<10 { try await push.send(text("early", "\(n)")) } }
        let pull = try await transport.receiver(.pull, at: .bind(endpoint))
        let received = try await collect(10, from: pull, context)
        try await context.within(eventPatience, "the early sends to complete") { try await sending.value }
        try context.expect(received.map(body) == (0..<10).map(String.init), "received \(received.map(body))")
        await push.close()
        await pull.close()
    }

    static let deliversAcrossProcesses = TransportCheck("deliversAcrossProcesses", requires: .crossProcess) {
        fixture, context in
        let pull = try await fixture.transport.receiver(.pull, at: .bind(fixture.makeEndpoint()))
        let peer = try await fixture.startPeer(.pusher(tag: "peer", count: 200), at: .connect(pull.endpoint))
        let received = try await collect(200, from: pull, context, limit: eventPatience)
        try context.expect(
            received.map(body) == (0..<200).map { "peer:\($0)" }, "received \(received.count) of 200 in order")
        let status = try await context.within(eventPatience, "the peer to exit") { await peer.waitForExit() }
        try context.expect(status == 0, "the peer exited with status \(status)")
        await pull.close()
    }

    static let survivesPeerRestart = TransportCheck("survivesPeerRestart", requires: [.crossProcess, .survivesPeerRestart]) {
        fixture, context in
        let endpoint = fixture.makeFixedEndpoint()
        let pull = try await fixture.transport.receiver(.pull, at: .connect(endpoint))
        for generation in ["first", "second"] {
            let peer = try await fixture.startPeer(.pusher(tag: generation, count: 0), at: .bind(endpoint))
            let arrived = try await context.within(eventPatience, "a message from the \(generation) peer") {
                for await message in pull.messages() where body(message).hasPrefix(generation + ":") { return true }
                return false
            }
            try context.expect(arrived, "the receiver ended before the \(generation) peer's messages arrived")
            await peer.kill()
        }
        await pull.close()
    }

    // MARK: Helpers

    /// Ends `stream` after `limit`, so that a reader waiting on it cannot wait forever.
    static func endStream<T>(_ stream: AsyncStream<T>.Continuation, after limit: Duration) -> Task<Void, Never> {
        Task {
            try? await Task.sleep(for: limit)
            stream.finish()
        }
    }

    static func pushPullPair(_ fixture: any TransportFixture, _ options: ChannelOptions) async throws
        -> (any MessageReceiver, any MessageSender)
    {
        let pull = try await fixture.transport.receiver(.pull, at: .bind(fixture.makeEndpoint()), options: options)
        let push = try await fixture.transport.sender(.push, at: .connect(pull.endpoint), options: options)
        return (pull, push)
    }

    static func collect(
        _ count: Int, from receiver: any MessageReceiver, _ context: CheckContext, limit: Duration = eventPatience
    ) async throws -> [WireMessage] {
        let received = try await context.within(limit, "\(count) messages on \(receiver.endpoint)") {
            var received: [WireMessage] = []
            var iterator = receiver.messages().makeAsyncIterator()
            while received.count < count, let message = await iterator.next() { received.append(message) }
            return received
        }
        try context.expect(received.count == count, "the stream ended after \(received.count) of \(count) messages")
        return received
    }

    static func expectError(
        _ code: TransportError.Code, _ context: CheckContext, _ what: String, _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch let error as TransportError {
            try context.expect(error.code == code, "\(what) failed with \(error.code), expected \(code)")
            return
        }
        throw context.fail("\(what) was accepted; expected \(code)")
    }

    static func text(_ topic: String, _ body: String) -> WireMessage {
        WireMessage(frames: [Data(topic.utf8), Data(body.utf8)])
    }

    static func body(_ message: WireMessage) -> String {
        message.frames.count > 1 ? String(decoding: message.frames[1], as: UTF8.self) : ""
    }
}
