import Foundation
import NewsbusProtocol
import NewsbusTransport

/// The contract every stage implementation keeps, whatever its language: checked over the wire.
///
/// Golden inputs give schema-valid outputs; `id` and `trace` go through unchanged; the same input twice gives the
/// same output (or, for a store, a duplicate acknowledgement); malformed input is rejected with a reason while the
/// stage keeps serving; and a graceful shutdown finishes what the stage has already received.
public enum StageConformance {
    /// One named check. Each check needs a fresh fixture (a stage that has seen nothing).
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        let body: @Sendable (any StageFixture, CheckContext) async throws -> Void
        public var description: String { name }

        /// Runs the check.
        /// - Throws: a ``ConformanceFailure`` saying what did not hold.
        public func run(on fixture: any StageFixture) async throws {
            try await body(fixture, CheckContext(check: name))
        }
    }

    public static let all: [Check] = [
        goldenInputsGiveValidOutputs, malformedInputIsRejectedAndStageKeepsServing, sameInputTwiceGivesSameOutput,
        gracefulShutdownFinishesReceivedWork,
    ]

    static let goldenInputsGiveValidOutputs = Check(name: "goldenInputsGiveValidOutputs") { fixture, context in
        let events = EventTap(fixture.events)
        for (index, input) in fixture.goldenInputs.enumerated() {
            try await fixture.inputs.send(input)
            let output = try await nextOutput(fixture, events, context)
            let inputHeader = try WireCodec.header(of: input)
            let header = try WireCodec.header(of: output)
            try context.expect(
                header.type == fixture.outputType, "golden input \(index) gave \(header.type), expected \(fixture.outputType)")
            try context.expect(header.id == inputHeader.id, "id changed: \(String(describing: inputHeader.id)) → \(String(describing: header.id))")
            try context.expect(
                header.trace == inputHeader.trace, "trace changed: \(String(describing: inputHeader.trace)) → \(String(describing: header.trace))")
            if let validator = fixture.validator {
                let violations = validator.violations(
                    of: try JSONValue(parsing: output.frames[1]), against: "\(fixture.outputType).schema.json")
                try context.expect(violations.isEmpty, "output \(index) breaks its schema: \(violations.prefix(3))")
            }
        }
    }

    static let malformedInputIsRejectedAndStageKeepsServing = Check(
        name: "malformedInputIsRejectedAndStageKeepsServing"
    ) { fixture, context in
        let events = EventTap(fixture.events)
        guard let golden = fixture.goldenInputs.first, let topic = golden.frames.first else {
            throw context.fail("the fixture has no golden input")
        }
        var newer = try JSONSerialization.jsonObject(with: golden.frames[1]) as? [String: Any] ?? [:]
        newer["v"] = "2.0"
        let bad: [(String, WireMessage)] = [
            ("one frame of garbage", WireMessage(frames: [Data([0xFF, 0x00, 0x13])])),
            ("truncated JSON", WireMessage(frames: [topic, Data("{\"v\": \"1.0\", \"type\":".utf8)])),
            ("unknown major version", WireMessage(frames: [topic, try JSONSerialization.data(withJSONObject: newer)])),
        ]
        for (what, message) in bad {
            try await fixture.inputs.send(message)
            let rejection = try await context.within(eventPatience, "the rejection of \(what)") {
                try await events.next { $0.topic?.hasPrefix(MessageType.articleRejected.rawValue) == true }
            }
            let payload = try WireCodec.decode(rejection, as: Rejection.self).payload
            try context.expect(payload.stage == fixture.stageName, "rejection of \(what) names stage \(payload.stage)")
            try context.expect(!payload.reason.isEmpty, "rejection of \(what) gives no reason")
        }
        try await fixture.inputs.send(golden)
        let output = try await nextOutput(fixture, events, context)
        try context.expect(
            try WireCodec.header(of: output).type == fixture.outputType, "the stage stopped serving after bad input")
    }

    static let sameInputTwiceGivesSameOutput = Check(name: "sameInputTwiceGivesSameOutput") { fixture, context in
        let events = EventTap(fixture.events)
        guard let golden = fixture.goldenInputs.first else { throw context.fail("the fixture has no golden input") }
        try await fixture.inputs.send(golden)
        let first = try await nextOutput(fixture, events, context)
        try await fixture.inputs.send(golden)
        if fixture.isIdempotentStore {
            let ack = try await context.within(eventPatience, "the duplicate's acknowledgement") {
                try await events.next { message in
                    guard message.topic == MessageType.articleStored.rawValue,
                        let ack = try? WireCodec.decode(message, as: StoredAck.self)
                    else { return false }
                    return ack.payload.duplicate
                }
            }
            try context.expect(
                try WireCodec.header(of: ack).id == (try WireCodec.header(of: first)).id, "duplicate ack for another id")
            return
        }
        let second = try await nextOutput(fixture, events, context)
        try context.expect(
            try payload(of: first) == payload(of: second), "the same input gave two different outputs")
    }

    static let gracefulShutdownFinishesReceivedWork = Check(name: "gracefulShutdownFinishesReceivedWork") {
        fixture, context in
        let events = EventTap(fixture.events)
        let inputs = try distinctInputs(fixture, count: 20)
        for input in inputs { try await fixture.inputs.send(input) }
        try await context.within(eventPatience, "the stage to receive \(inputs.count) inputs") {
            while (await fixture.receivedCount() ?? 0) < inputs.count { try await Task.sleep(for: .milliseconds(20)) }
        }
        await fixture.stopGracefully()
        var ids = Set<String>()
        for _ in inputs {
            let output = try await nextOutput(fixture, events, context)
            if let id = try WireCodec.header(of: output).id?.rawValue { ids.insert(id) }
        }
        try context.expect(ids.count == inputs.count, "\(ids.count) distinct outputs for \(inputs.count) inputs")
    }

    // MARK: Helpers

    /// The next main output, wherever the stage sends it.
    static func nextOutput(_ fixture: any StageFixture, _ events: EventTap, _ context: CheckContext) async throws
        -> WireMessage
    {
        try await context.within(eventPatience, "an output of type \(fixture.outputType)") {
            if fixture.outputIsPublished {
                return try await events.next { message in
                    guard let topic = message.topic else { return false }
                    return fixture.outputType.matches(topic: topic)
                }
            }
            var iterator = fixture.outputs.messages().makeAsyncIterator()
            guard let message = await iterator.next() else { throw CancellationError() }
            return message
        }
    }

    /// Copies of the golden inputs with fresh ids and traces.
    static func distinctInputs(_ fixture: any StageFixture, count: Int) throws -> [WireMessage] {
        try (0..<count).map { index in
            let golden = fixture.goldenInputs[index % fixture.goldenInputs.count]
            var object = try JSONSerialization.jsonObject(with: golden.frames[1]) as? [String: Any] ?? [:]
            object["id"] = String(format: "%032x", 0xC0FFEE00 + index)
            object["trace"] = TraceID.random().rawValue
            if var payload = object["payload"] as? [String: Any] {
                // Content-addressed stages see different content too.
                if let text = payload["text"] as? String { payload["text"] = text + "\n\nCopie \(index)." }
                object["payload"] = payload
            }
            return WireMessage(frames: [golden.frames[0], try JSONSerialization.data(withJSONObject: object)])
        }
    }

    static func payload(of message: WireMessage) throws -> JSONValue? {
        try JSONValue(parsing: message.frames[1])["payload"]
    }
}

/// Reads a stage's events in order, letting each check skip what it is not looking for.
final class EventTap: Sendable {
    private let receiver: any MessageReceiver

    init(_ receiver: any MessageReceiver) { self.receiver = receiver }

    func next(where matches: @Sendable (WireMessage) -> Bool) async throws -> WireMessage {
        var iterator = receiver.messages().makeAsyncIterator()
        while let message = await iterator.next() {
            if matches(message) { return message }
        }
        throw CancellationError()
    }
}
