import Foundation
import NewsbusProtocol
import NewsbusTransport

/// A stage under test, reachable over a transport: an in-process core wrapped in its shell, or a real executable
/// (written in any language) started on private endpoints.
///
/// The fixture has bound the three endpoints the stage connects to: it pushes inputs to ``inputs``, pulls
/// outputs from ``outputs`` and receives the stage's events on ``events``.
public protocol StageFixture: Sendable {
    /// The stage's name, as it appears in its rejections (`"parse"`).
    var stageName: String { get }
    /// Pushes inputs to the stage.
    var inputs: any MessageSender { get }
    /// The stage's forwarded outputs (for stages that forward).
    var outputs: any MessageReceiver { get }
    /// The stage's events: rejections, and what it publishes.
    var events: any MessageReceiver { get }
    /// Valid inputs (wire messages of the stage's input type).
    var goldenInputs: [WireMessage] { get }
    /// The type of the stage's main output for a golden input.
    var outputType: MessageType { get }
    /// Whether that output is published on ``events`` (the store) rather than forwarded on ``outputs``.
    var outputIsPublished: Bool { get }
    /// Whether the stage stores what it gets, so that the same input twice is recognised as a duplicate.
    var isIdempotentStore: Bool { get }
    /// Validates an output envelope against the protocol's schemas; `nil` skips schema checks.
    var validator: JSONSchemaValidator? { get }
    /// How many messages the stage has received so far (from its status report).
    func receivedCount() async -> Int?
    /// Stops the stage gracefully (SIGTERM for a process) and waits until it has ended.
    func stopGracefully() async
}
