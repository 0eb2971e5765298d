import Foundation
import Testing
import ZeroMQ

/// The wrapper against real libzmq sockets. Every blocking call has a receive or send timeout.
@Suite struct SocketTests {
    let context: Context

    init() throws { context = try Context() }

    private func pair(_ a: SocketKind, _ b: SocketKind, name: String = #function) throws -> (Socket, Socket) {
        let endpoint = "inproc://\(name)-\(UInt32.random(in: 0...UInt32.max))"
        let first = try Socket(a, in: context)
        let second = try Socket(b, in: context)
        for socket in [first, second] {
            try socket.setOptions([.linger(milliseconds: 0), .receiveTimeout(milliseconds: 5000)])
        }
        try first.bind(endpoint)
        try second.connect(endpoint)
        return (first, second)
    }

    @Test func multipartMessagesArriveWhole() throws {
        let (pull, push) = try pair(.pull, .push)
        defer { push.close(); pull.close() }
        let frames = [Data("topic".utf8), Data(), Data((0...255).map { UInt8($0) })]
        try push.send(frames)
        #expect(try pull.receive() == frames)
    }

    @Test func requestReplyInLockStep() throws {
        let (reply, request) = try pair(.reply, .request)
        defer { request.close(); reply.close() }
        try request.send(Data("ping".utf8))
        #expect(try reply.receive() == [Data("ping".utf8)])
        try reply.send(Data("pong".utf8))
        #expect(try request.receive() == [Data("pong".utf8)])
        // REQ must wait for its reply before asking again: EFSM keeps its errno.
        try request.send(Data("again".utf8))
        #expect(throws: ZMQError.wrongState) { try request.send(Data("too soon".utf8)) }
    }

    @Test func nonBlockingReceiveReportsAgain() throws {
        let (pull, push) = try pair(.pull, .push)
        defer { push.close(); pull.close() }
        do {
            _ = try pull.receive(mode: .dontWait)
            Issue.record("a receive on an empty socket returned")
        } catch ZMQError.again {
            // expected: nothing queued
        }
    }

    @Test func receiveTimeoutExpiresWithAgain() throws {
        let (pull, push) = try pair(.pull, .push)
        defer { push.close(); pull.close() }
        try pull.setOption(.receiveTimeout(milliseconds: 10))
        #expect(throws: ZMQError.again) { try pull.receive() }
    }

    @Test func errorsKeepErrnoAndSayWhatFailed() throws {
        let socket = try Socket(.pull, in: context)
        defer { socket.close() }
        do {
            try socket.bind("nowhere://x")
            Issue.record("binding an unknown transport succeeded")
        } catch {
            #expect(error == .protocolNotSupported)
            #expect(error.description.contains("zmq_bind nowhere://x"))
        }
        #expect(throws: ZMQError.invalidArgument) { try socket.bind("tcp://127.0.0.1") }
    }

    @Test func addressInUseIsReported() throws {
        let first = try Socket(.pull, in: context)
        let second = try Socket(.pull, in: context)
        defer { first.close(); second.close() }
        try first.bind("tcp://127.0.0.1:*")
        let bound = try first.lastEndpoint
        #expect(bound.hasPrefix("tcp://127.0.0.1:"))
        #expect(throws: ZMQError.addressInUse) { try second.bind(bound) }
    }

    @Test func subscriberReceivesOnlyMatchingPrefixes() throws {
        let (publisher, subscriber) = try pair(.publish, .subscribe)
        defer { publisher.close(); subscriber.close() }
        try subscriber.setOption(.subscribe(Data("article.enriched".utf8)))
        // Publish until the subscription has reached the publisher (the slow-joiner handshake).
        var synced = false
        for _ in 0..<500 where !synced {
            try publisher.send([Data("article.enriched.sync".utf8)])
            synced = (try? subscriber.receive(mode: .dontWait)) != nil
            if !synced {
                var items = [PollItem(.socket(subscriber), events: .readable)]
                try Poller.poll(&items, timeoutMilliseconds: 10)
            }
        }
        #expect(synced)
        try publisher.send([Data("article.raw".utf8), Data("no".utf8)])
        try publisher.send([Data("article.enriched.fr".utf8), Data("yes".utf8)])
        var received = try subscriber.receive()
        while received.count == 1 { received = try subscriber.receive() }  // late sync messages
        #expect(received == [Data("article.enriched.fr".utf8), Data("yes".utf8)])
    }

    @Test func pollSeesSocketsAndWakeSignals() throws {
        let (pull, push) = try pair(.pull, .push)
        defer { push.close(); pull.close() }
        let wake = try WakeSignal()
        var items = [PollItem(.socket(pull), events: .readable), wake.pollItem]
        #expect(try Poller.poll(&items, timeoutMilliseconds: 0) == 0)
        wake.signal()
        try Poller.poll(&items, timeoutMilliseconds: 1000)
        #expect(items[1].ready == .readable)
        #expect(items[0].ready.isEmpty)
        wake.drain()
        try push.send(Data("x".utf8))
        try Poller.poll(&items, timeoutMilliseconds: 1000)
        #expect(items[0].ready == .readable)
        #expect(try pull.events.contains(.readable))
    }

    @Test func highWaterMarkMakesNonBlockingSendFail() throws {
        let push = try Socket(.push, in: context)
        defer { push.close() }
        try push.setOptions([.linger(milliseconds: 0), .sendHighWaterMark(2)])
        try push.bind("inproc://hwm-\(UInt32.random(in: 0...UInt32.max))")
        // No peer: a binding PUSH has nowhere to queue.
        #expect(throws: ZMQError.again) { try push.send(Data("x".utf8), mode: .dontWait) }
    }

    @Test func closeIsIdempotentAndLaterCallsFail() throws {
        let socket = try Socket(.push, in: context)
        socket.close()
        socket.close()
        #expect(socket.isClosed)
        #expect(throws: ZMQError.notSocket) { try socket.bind("inproc://closed") }
    }

    @Test func contextShutdownUnblocksAReceiveOnAnotherThread() async throws {
        let context = try Context()
        let failure = await withCheckedContinuation { (continuation: CheckedContinuation<(any Error)?, Never>) in
            Thread {
                do {
                    let pull = try Socket(.pull, in: context)
                    defer { pull.close() }
                    try pull.setOption(.linger(milliseconds: 0))
                    try pull.bind("inproc://shutdown")
                    // Blocks until the context is shut down (bounded, should shutdown never come).
                    try pull.setOption(.receiveTimeout(milliseconds: 10_000))
                    context.shutdown()
                    _ = try pull.receive()
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }.start()
        }
        #expect((failure as? ZMQError) == .terminated)
        context.terminate()
    }
}

@Suite struct CurveKeyPairTests {
    @Test func generatedKeysAreZ85AndDerivable() throws {
        try #require(ZeroMQLibrary.has("curve"))
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.utf8.count == 40)
        #expect(pair.secretKey.utf8.count == 40)
        #expect(try CurveKeyPair.publicKey(forSecretKey: pair.secretKey) == pair.publicKey)
        #expect(try CurveKeyPair.generate() != pair)
        #expect(throws: ZMQError.invalidArgument) { try CurveKeyPair.publicKey(forSecretKey: "short") }
    }

    @Test func curveClientTalksToCurveServer() throws {
        let context = try Context()
        let server = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        let pull = try Socket(.pull, in: context)
        let push = try Socket(.push, in: context)
        defer { push.close(); pull.close() }
        try pull.setOptions([
            .linger(milliseconds: 0), .receiveTimeout(milliseconds: 5000), .curveServer(true),
            .curveSecretKey(server.secretKey),
        ])
        try push.setOptions([
            .linger(milliseconds: 0), .curveServerKey(server.publicKey), .curvePublicKey(client.publicKey),
            .curveSecretKey(client.secretKey),
        ])
        try pull.bind("tcp://127.0.0.1:*")
        try push.connect(try pull.lastEndpoint)
        try push.send(Data("secret".utf8))
        #expect(try pull.receive() == [Data("secret".utf8)])
    }

    @Test func libraryReportsItsVersion() {
        let version = ZeroMQLibrary.version
        #expect(version.major == 4)
    }
}
