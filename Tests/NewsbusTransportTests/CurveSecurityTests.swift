import Foundation
import NewsbusProtocol
import NewsbusTesting
import NewsbusTransport
import NewsbusTransportZMQ
import Testing
import ZeroMQ

/// CURVE on the ZeroMQ transport: an allowed client is served; a client with another key, or without CURVE, can
/// neither push nor subscribe, and every refusal is reported with the client's key and the reason.
@Suite(.serialized) struct CurveSecurityTests {
    let server = try! CurveKeyPair.generate()
    let alice = try! CurveKeyPair.generate()
    let mallory = try! CurveKeyPair.generate()

    /// Refusals reported by a server transport, as a stream the test can wait on.
    let refusals = AsyncStream<String>.makeStream()

    private func serverTransport() throws -> ZMQTransport {
        let continuation = refusals.continuation
        return try ZMQTransport(
            security: CurveSecurity(
                keys: server, allowedClients: [alice.publicKey],
                onRefusal: { key, _, reason in continuation.yield("\(key ?? "no key"): \(reason)") }))
    }

    private func clientTransport(_ keys: CurveKeyPair?) throws -> ZMQTransport {
        try ZMQTransport(security: keys.map { CurveSecurity(keys: $0, serverKey: server.publicKey) })
    }

    private func nextRefusal() async throws -> String {
        try await within(eventPatience, "a refusal") { [refusals] in
            var iterator = refusals.stream.makeAsyncIterator()
            return await iterator.next() ?? ""
        }
    }

    @Test func onlyAllowedClientsCanPush() async throws {
        // Given a CURVE server pulling on TCP that allows alice only
        let serverSide = try serverTransport()
        let inbox = try await serverSide.receiver(.pull, at: .bind(.tcp(host: "127.0.0.1", port: 0)))
        let address = EndpointSpec.connect(inbox.endpoint)
        // When mallory (a key not on the list) and a client without CURVE push
        let malloryTransport = try clientTransport(mallory)
        let plainTransport = try clientTransport(nil)
        let malloryPush = try await malloryTransport.sender(.push, at: address)
        try await malloryPush.send(WireMessage(frames: [Data("from mallory".utf8)]))
        let plainPush = try await plainTransport.sender(.push, at: address)
        try await plainPush.send(WireMessage(frames: [Data("from a plain client".utf8)]))
        // Then mallory is refused by the handler, with its key and the reason
        #expect(try await nextRefusal() == "\(mallory.publicKey): client key not on the allow-list")
        // When alice pushes afterwards
        let aliceTransport = try clientTransport(alice)
        let alicePush = try await aliceTransport.sender(.push, at: address)
        try await alicePush.send(WireMessage(frames: [Data("from alice".utf8)]))
        // Then only alice's message arrives: the others never got past the handshake
        let received = try await within(eventPatience, "alice's message") {
            var iterator = inbox.messages().makeAsyncIterator()
            return await iterator.next()?.frames.first.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(received == "from alice")
        for transport in [aliceTransport, malloryTransport, plainTransport, serverSide] { await transport.close() }
    }

    @Test func onlyAllowedClientsCanSubscribe() async throws {
        // Given a CURVE server publishing on TCP that allows alice only, and mallory and alice subscribed
        let serverSide = try serverTransport()
        let publisher = try await serverSide.sender(.publish, at: .bind(.tcp(host: "127.0.0.1", port: 0)))
        let address = EndpointSpec.connect(publisher.endpoint)
        let malloryTransport = try clientTransport(mallory)
        let malloryEvents = try await malloryTransport.receiver(.subscribe(prefixes: ["news"]), at: address)
        #expect(try await nextRefusal() == "\(mallory.publicKey): client key not on the allow-list")
        let aliceTransport = try clientTransport(alice)
        let aliceEvents = try await aliceTransport.receiver(.subscribe(prefixes: ["news"]), at: address)
        // When the server publishes until alice hears it (a subscription takes a moment to reach a publisher)
        let heard = Task {
            var iterator = aliceEvents.messages().makeAsyncIterator()
            return await iterator.next()?.topic
        }
        let published = Task {
            while !Task.isCancelled {
                try await publisher.send(WireMessage(frames: [Data("news".utf8), Data("{}".utf8)]))
                try await Task.sleep(for: .milliseconds(20))  // publishing pace, not a wait for a condition
            }
        }
        #expect(try await within(eventPatience, "alice's event") { await heard.value } == "news")
        published.cancel()
        // Then mallory received nothing: its subscription never reached the publisher
        malloryEvents.drain()
        let malloryReceived = try await within(eventPatience, "mallory's stream to end") {
            var count = 0
            for await _ in malloryEvents.messages() { count += 1 }
            return count
        }
        #expect(malloryReceived == 0)
        for transport in [aliceTransport, malloryTransport, serverSide] { await transport.close() }
    }

    @Test func refusedRequestersFailAtOnceSayingWhy() async throws {
        // Given a CURVE server answering requests on TCP that allows alice only
        let serverSide = try serverTransport()
        let responder = try await serverSide.responder(at: .bind(.tcp(host: "127.0.0.1", port: 0)))
        let address = EndpointSpec.connect(responder.endpoint)
        // When mallory and a client without CURVE send requests that would wait a minute for a reply
        for (keys, why) in [(mallory, "allow-list"), (nil, "CURVE on one side only")] {
            let transport = try clientTransport(keys)
            let requester = try await transport.requester(at: address)
            let started = ContinuousClock.now
            // Then each fails long before that, saying why
            do {
                _ = try await requester.request(WireMessage(frames: [Data("hello".utf8)]), timeout: .seconds(60))
                Issue.record("a refused client got a reply")
            } catch {
                #expect(error.code == .unauthorized)
                #expect(error.message.contains(why), "\(error)")
            }
            #expect(started.duration(to: .now) < .seconds(30))
            await transport.close()
        }
        await serverSide.close()
    }

    @Test func keyFilesRoundTripAndBadLinesAreNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nbkeys-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Given a key pair written as files
        let files = try CurveKeyFiles.write(alice, name: "alice", in: directory, overwrite: false)
        // Then the pair file reads back, the secret one is private, and the public file works as an allow-list
        #expect(try CurveKeyFiles.readKeyPair(at: files.keyPair.path) == alice)
        let mode = try FileManager.default.attributesOfItem(atPath: files.keyPair.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try CurveKeyFiles.readAllowList(at: files.publicKey.path) == [alice.publicKey])
        #expect(throws: CurveKeyFiles.Failure.self) {
            try CurveKeyFiles.write(alice, name: "alice", in: directory, overwrite: false)
        }
        // And an allow-list takes bare keys with labels and comments; a bad line is named with its number
        let list = directory.appendingPathComponent("allowed")
        try "# newsroom\n\(server.publicKey) desk\n\npublic-key \(mallory.publicKey)\n".write(
            to: list, atomically: true, encoding: .utf8)
        #expect(try CurveKeyFiles.readAllowList(at: list.path) == [server.publicKey, mallory.publicKey])
        try "\(server.publicKey)\nnot-a-key\n".write(to: list, atomically: true, encoding: .utf8)
        let failure = #expect(throws: CurveKeyFiles.Failure.self) { try CurveKeyFiles.readAllowList(at: list.path) }
        #expect(failure?.description == "\(list.path), line 2: \"not-a-key\" is not a 40-character Z85 public key")
        // And a public key file is not accepted where a key pair is needed
        #expect(throws: CurveKeyFiles.Failure.self) { try CurveKeyFiles.readKeyPair(at: files.publicKey.path) }
    }
}
