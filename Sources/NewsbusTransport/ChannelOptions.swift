import NewsbusProtocol

/// How a channel queues, bounds and closes. The same options mean the same thing on every transport.
public struct ChannelOptions: Hashable, Sendable {
    /// The high-water mark: at most this many messages wait in each queue of the channel. A sender whose
    /// peers' queues are full waits (push, request) or drops the message for that subscriber (publish).
    public var highWaterMark: Int
    /// The largest message accepted, in bytes over all frames. Sending a bigger one fails with
    /// ``TransportError/Code/messageTooLarge``; receivers refuse bigger ones from peers.
    public var maxMessageSize: Int
    /// How long ``MessageSender/close()`` keeps delivering messages already sent before it gives up.
    public var closeFlushTimeout: Duration

    public init(
        highWaterMark: Int = 1000, maxMessageSize: Int = 16 * 1024 * 1024, closeFlushTimeout: Duration = .seconds(2)
    ) {
        self.highWaterMark = highWaterMark
        self.maxMessageSize = maxMessageSize
        self.closeFlushTimeout = closeFlushTimeout
    }

    /// Checks a message against the channel's limits before it is queued.
    package func validate(_ message: WireMessage, endpoint: Endpoint) throws(TransportError) {
        guard !message.frames.isEmpty else {
            throw TransportError(.invalidMessage, "a message needs at least one frame", endpoint: endpoint.description)
        }
        let size = message.byteCount
        if size > maxMessageSize {
            throw TransportError.tooLarge(size, limit: maxMessageSize, endpoint: endpoint.description)
        }
    }
}
