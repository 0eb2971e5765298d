import Foundation
import NewsbusProtocol
import NewsbusTesting
import NewsbusTransport
import NewsbusTransportZMQ
import Testing

/// The ZeroMQ transport against the shared conformance suite, over inproc, ipc and tcp.
@Suite struct ZMQTransportConformanceTests {
    enum Kind: String, CaseIterable, Sendable {
        case inproc, ipc, tcp

        var capabilities: TransportCapabilities {
            self == .inproc ? [] : [.crossProcess, .survivesPeerRestart]
        }
    }

    /// One check on one kind of endpoint.
    struct Case: Sendable, CustomTestStringConvertible {
        let kind: Kind
        let check: TransportCheck
        var testDescription: String { "\(kind.rawValue): \(check.name)" }
    }

    static let cases: [Case] = Kind.allCases.flatMap { kind in
        TransportConformance.checks(for: kind.capabilities).map { Case(kind: kind, check: $0) }
    }

    @Test(arguments: cases)
    func conforms(_ testCase: Case) async throws {
        let fixture = try ZMQFixture(kind: testCase.kind)
        defer { fixture.tearDown() }
        try await testCase.check.run(on: fixture)
    }
}

/// ZeroMQ channels on fresh endpoints: unique inproc names, ipc paths in a private directory, tcp on loopback
/// with ports chosen by the system.
final class ZMQFixture: TransportFixture, @unchecked Sendable {
    let kind: ZMQTransportConformanceTests.Kind
    let zmq: ZMQTransport
    let directory: URL
    var transport: any Transport { zmq }
    var capabilities: TransportCapabilities { kind.capabilities }

    init(kind: ZMQTransportConformanceTests.Kind) throws {
        self.kind = kind
        self.zmq = try ZMQTransport()
        // Unix socket paths are limited to 107 bytes: keep the directory short.
        self.directory = URL(fileURLWithPath: "/tmp/nb-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func tearDown() {
        zmq.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    func makeEndpoint() -> Endpoint {
        switch kind {
        case .inproc: .inproc(name: "check-\(UInt64.random(in: 0...UInt64.max))")
        case .ipc: .ipc(path: directory.appendingPathComponent("\(UInt32.random(in: 0...UInt32.max)).sock").path)
        case .tcp: .tcp(host: "127.0.0.1", port: 0)
        }
    }

    func makeFixedEndpoint() -> Endpoint {
        guard kind == .tcp else { return makeEndpoint() }
        return .tcp(host: "127.0.0.1", port: FreePort.next())
    }

    func startPeer(_ role: PeerRole, at spec: EndpointSpec) async throws -> any PeerProcess {
        switch role {
        case .pusher(let tag, let count):
            try ChildProcess.start(
                BuiltProducts.newsbus,
                ["transport-peer", "--endpoint", spec.description, "--tag", tag, "--count", "\(count)"])
        }
    }
}

/// Closing a ZeroMQ transport ends every channel it opened, whatever state it is in.
@Suite struct ZMQTransportShutdownTests {
    @Test func closingTheTransportEndsIdleSendersAndChannelsNeverClosed() async throws {
        // Given a transport with an idle publisher, a pusher whose peer never came, and a receiver, none closed
        let transport = try ZMQTransport()
        let publisher = try await transport.sender(.publish, at: .bind(.tcp(host: "127.0.0.1", port: 0)))
        let pusher = try await transport.sender(.push, at: .connect(.tcp(host: "127.0.0.1", port: 9)))
        try await pusher.send(WireMessage(frames: [Data("nobody will take this".utf8)]))
        let receiver = try await transport.receiver(.pull, at: .bind(.ipc(path: "/tmp/nbshut-\(UUID()).sock")))
        // When the transport is closed, then it returns (libzmq's context ends only once every socket is closed)
        let closing = Task<Void, any Error> { await transport.close() }
        #expect(await finishes(closing, within: eventPatience))
        _ = (publisher, receiver)
    }
}
