import Foundation
import NewsbusProtocol
import NewsbusTesting
import NewsbusTransport
import Testing

/// The in-process transport against the shared conformance suite.
@Suite struct InProcessTransportConformanceTests {
    struct Fixture: TransportFixture {
        let transport: any Transport = InProcessTransport()
        let capabilities: TransportCapabilities = []

        func makeEndpoint() -> Endpoint { .inproc(name: "check-\(UInt64.random(in: 0...UInt64.max))") }
        func makeFixedEndpoint() -> Endpoint { makeEndpoint() }
    }

    @Test(arguments: TransportConformance.checks(for: []))
    func conforms(_ check: TransportCheck) async throws {
        try await check.run(on: Fixture())
    }

    @Test func tcpEndpointsMeetByPort() async throws {
        // Given a receiver bound on all interfaces at a port the transport picked
        let transport = InProcessTransport()
        let pull = try await transport.receiver(.pull, at: .bind(.tcp(host: "*", port: 0)))
        guard case .tcp(_, let port) = pull.endpoint, port != 0 else {
            Issue.record("no port was chosen: \(pull.endpoint)")
            return
        }
        // When a sender connects to the same port on a named host
        let push = try await transport.sender(.push, at: .connect(.tcp(host: "127.0.0.1", port: port)))
        try await push.send(WireMessage(frames: [Data("hello".utf8)]))
        // Then the message arrives
        var iterator = pull.messages().makeAsyncIterator()
        #expect(await iterator.next()?.frames == [Data("hello".utf8)])
        await push.close()
        await pull.close()
    }

    @Test func secondBindIsRefused() async throws {
        let transport = InProcessTransport()
        let first = try await transport.receiver(.pull, at: .bind(.inproc(name: "taken")))
        await #expect(throws: TransportError(.addressInUse, "")) {
            _ = try await transport.receiver(.pull, at: .bind(.inproc(name: "taken")))
        }
        await first.close()
        // Once released, the endpoint can be bound again.
        let second = try await transport.receiver(.pull, at: .bind(.inproc(name: "taken")))
        await second.close()
    }
}
