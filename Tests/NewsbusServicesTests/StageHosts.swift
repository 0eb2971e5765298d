import Foundation
import Logging
import NewsbusProtocol
import NewsbusStage
import NewsbusTesting
import NewsbusTransport
import NewsbusTransportZMQ
import ServiceLifecycle

/// A stage core in its shell, over the in-process transport: the fixture for a core's stage conformance.
final class InProcessStageHost<S: Stage>: StageFixture, @unchecked Sendable {
    let stageName: String
    let inputs: any MessageSender
    let outputs: any MessageReceiver
    let events: any MessageReceiver
    let goldenInputs: [WireMessage]
    let outputType: MessageType
    let outputIsPublished: Bool
    let isIdempotentStore: Bool
    let validator: JSONSchemaValidator?
    private let counters = StageCounters()
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    init(
        stage: S, goldenInputs: [WireMessage], outputType: MessageType, outputIsPublished: Bool = false,
        isIdempotentStore: Bool = false
    ) async throws {
        let transport = InProcessTransport()
        let names = (input: Endpoint.inproc(name: "in"), output: Endpoint.inproc(name: "out"), events: Endpoint.inproc(name: "events"))
        inputs = try await transport.sender(.push, at: .bind(names.input))
        outputs = try await transport.receiver(.pull, at: .bind(names.output))
        events = try await transport.receiver(.subscribe(prefixes: [""]), at: .bind(names.events))
        let service = StageService(
            stage: stage, input: try await transport.receiver(.pull, at: .connect(names.input)),
            output: try await transport.sender(.push, at: .connect(names.output)),
            events: try await transport.sender(.publish, at: .connect(names.events)), counters: counters,
            logger: Logger.silent)
        group = ServiceGroup(services: [service], logger: Logger.silent)
        let group = self.group
        running = Task { try await group.run() }
        stageName = stage.name
        self.goldenInputs = goldenInputs
        self.outputType = outputType
        self.outputIsPublished = outputIsPublished
        self.isIdempotentStore = isIdempotentStore
        validator = try? JSONSchemaValidator(directory: Repository.schemas)
    }

    func receivedCount() async -> Int? { counters.count("received") }

    func stopGracefully() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }
}

/// A stage executable started as a process on private ipc endpoints: the fixture that proves the real program
/// keeps the contract.
final class ProcessStageHost: StageFixture, @unchecked Sendable {
    let stageName: String
    let inputs: any MessageSender
    let outputs: any MessageReceiver
    let events: any MessageReceiver
    let goldenInputs: [WireMessage]
    let outputType: MessageType
    let outputIsPublished: Bool
    let isIdempotentStore: Bool
    let validator: JSONSchemaValidator?
    private let transport: ZMQTransport
    private let process: ChildProcess
    private let status: EndpointSpec
    private let directory: URL

    /// Starts `executable` with `--input`, `--output` (when `outputFlag` is set), `--events` and `--status` on ipc
    /// endpoints in a private folder, plus `extraArguments`.
    init(
        executable: String, stageName: String, outputFlag: String?, extraArguments: [String] = [],
        goldenInputs: [WireMessage], outputType: MessageType, outputIsPublished: Bool = false,
        isIdempotentStore: Bool = false
    ) async throws {
        let directory = URL(fileURLWithPath: "/tmp/nbs-\(UInt32.random(in: 0...UInt32.max))")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = { (name: String) in Endpoint.ipc(path: directory.appendingPathComponent(name).path) }
        transport = try ZMQTransport()
        inputs = try await transport.sender(.push, at: .bind(path("in")))
        outputs = try await transport.receiver(.pull, at: .bind(path("out")))
        events = try await transport.receiver(.subscribe(prefixes: [""]), at: .bind(path("events")))
        status = .connect(path("status"))
        var arguments = [
            "--input", ">\(path("in"))", "--events", ">\(path("events"))", "--status", "@\(path("status"))",
        ]
        if let outputFlag { arguments += [outputFlag, ">\(path("out"))"] }
        process = try ChildProcess.start(
            BuiltProducts.executable(executable), arguments + extraArguments,
            log: directory.appendingPathComponent("\(executable).log"))
        self.stageName = stageName
        self.goldenInputs = goldenInputs
        self.outputType = outputType
        self.outputIsPublished = outputIsPublished
        self.isIdempotentStore = isIdempotentStore
        validator = try? JSONSchemaValidator(directory: Repository.schemas)
        // Ready once it answers its status request; events published before the subscription reaches the
        // process could be missed, so wait for that too (a status answer means its sockets are open).
        guard await receivedCount() != nil else { throw HostFailure(description: "\(executable) did not start") }
    }

    func receivedCount() async -> Int? {
        let requester = try? await transport.requester(at: status)
        defer { Task { await requester?.close() } }
        let deadline = ContinuousClock.now.advanced(by: eventPatience)
        while ContinuousClock.now < deadline {
            guard let request = try? WireCodec.encode(Envelope(id: "status", payload: StatusRequest())),
                let reply = try? await requester?.request(request, timeout: .milliseconds(300)),
                let report = try? WireCodec.decode(reply, as: StatusReport.self)
            else { continue }
            return report.payload.counters["received"] ?? 0
        }
        return nil
    }

    func stopGracefully() async {
        _ = await process.terminate()
    }

    deinit {
        let process = self.process
        let transport = self.transport
        let directory = self.directory
        Task {
            await process.kill()
            transport.shutdown()
            try? FileManager.default.removeItem(at: directory)
        }
    }
}

struct HostFailure: Error, CustomStringConvertible {
    let description: String
}

/// Paths in this repository.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("docs/schemas")

    /// A golden wire fixture of the protocol tests.
    static func golden(_ type: String) throws -> WireMessage {
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/NewsbusProtocolTests/Fixtures/wire/\(type).json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let topic = object["topic"] as? String ?? type
        return WireMessage(
            topic: topic, body: try JSONSerialization.data(withJSONObject: object["envelope"] ?? [:]))
    }
}

extension Logger {
    /// A logger that writes nothing, for services under test.
    static let silent = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
}
