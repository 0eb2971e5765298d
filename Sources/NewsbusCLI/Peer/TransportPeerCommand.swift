import ArgumentParser
import Foundation
import NewsbusProtocol
import NewsbusTransport
import NewsbusTransportZMQ

/// `newsbus transport-peer`: a minimal peer process for the cross-process transport checks. Pushes
/// `"<tag>:<n>"` messages to an endpoint, a given number of times or until killed.
struct TransportPeerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transport-peer",
        abstract: "Push numbered test messages to an endpoint (used by the transport conformance suite).",
        shouldDisplay: false
    )

    @Option(help: "Where to push: @endpoint binds, >endpoint connects.")
    var endpoint: String

    @Option(help: "Text put before each message number.")
    var tag: String

    @Option(help: "How many messages to push; 0 pushes until killed.")
    var count: Int = 0

    func validate() throws {
        guard EndpointSpec(endpoint) != nil else { throw ValidationError("not an endpoint: \(endpoint)") }
        guard count >= 0 else { throw ValidationError("--count must not be negative") }
    }

    func run() async throws {
        guard let spec = EndpointSpec(endpoint) else { return }
        let transport = try ZMQTransport()
        let sender = try await transport.sender(
            .push, at: spec, options: ChannelOptions(highWaterMark: 100, closeFlushTimeout: .seconds(30)))
        var sent = 0
        while count == 0 || sent < count {
            try await sender.send(WireMessage(frames: [Data("peer".utf8), Data("\(tag):\(sent)".utf8)]))
            sent += 1
        }
        await sender.close()
        await transport.close()
    }
}
