import NewsbusProtocol

/// The seam every stage is written against: the messaging patterns of the pipeline, independent of how
/// messages travel.
///
/// Two implementations pass the same ``TransportConformance`` suite: `ZMQTransport` (libzmq over `inproc`,
/// `ipc` and `tcp`) and ``InProcessTransport`` (pure Swift, for tests and single-process runs). Patterns
/// keep ZeroMQ's semantics on both:
/// - **push/pull**: each message goes to one puller, round-robin over the pullers that have room; a pusher
///   waits when every puller's queue is at the high-water mark or when there is no puller yet.
/// - **publish/subscribe**: each message goes to every subscriber with a matching topic prefix (byte prefix of
///   the first frame); a subscriber whose queue is full misses the message (publishers never wait).
/// - **request/reply**: requests are spread over responders; each reply reaches the request that asked for
///   it, even with many requests in flight on one requester.
///
/// Either side of any pattern may bind or connect, and connecting before the peer binds works.
public protocol Transport: Sendable {
    /// Opens the sending side of push/pull or publish/subscribe.
    /// - Throws: ``TransportError/Code/addressInUse``, ``TransportError/Code/invalidEndpoint``,
    ///   ``TransportError/Code/closed`` (transport shut down).
    func sender(_ pattern: SendPattern, at spec: EndpointSpec, options: ChannelOptions) async throws(TransportError)
        -> any MessageSender

    /// Opens the receiving side of push/pull or publish/subscribe.
    /// - Throws: as ``sender(_:at:options:)``.
    func receiver(_ pattern: ReceivePattern, at spec: EndpointSpec, options: ChannelOptions)
        async throws(TransportError) -> any MessageReceiver

    /// Opens the asking side of request/reply.
    func requester(at spec: EndpointSpec, options: ChannelOptions) async throws(TransportError) -> any Requester

    /// Opens the answering side of request/reply.
    func responder(at spec: EndpointSpec, options: ChannelOptions) async throws(TransportError) -> any Responder
}

extension Transport {
    public func sender(_ pattern: SendPattern, at spec: EndpointSpec) async throws(TransportError)
        -> any MessageSender
    { try await sender(pattern, at: spec, options: ChannelOptions()) }

    public func receiver(_ pattern: ReceivePattern, at spec: EndpointSpec) async throws(TransportError)
        -> any MessageReceiver
    { try await receiver(pattern, at: spec, options: ChannelOptions()) }

    public func requester(at spec: EndpointSpec) async throws(TransportError) -> any Requester {
        try await requester(at: spec, options: ChannelOptions())
    }

    public func responder(at spec: EndpointSpec) async throws(TransportError) -> any Responder {
        try await responder(at: spec, options: ChannelOptions())
    }
}

/// The sending patterns.
public enum SendPattern: Hashable, Sendable {
    /// One puller gets each message (load balancing).
    case push
    /// Every matching subscriber gets each message.
    case publish
}

/// The receiving patterns.
public enum ReceivePattern: Hashable, Sendable {
    /// Take a share of the pushed messages.
    case pull
    /// Receive published messages whose topic frame starts with one of the prefixes (`""` matches all).
    case subscribe(prefixes: [String])

    /// Subscribes to message types (each type is also a filter family: `article.enriched` gets
    /// `article.enriched.fr`).
    public static func subscribe(_ types: [MessageType]) -> ReceivePattern {
        .subscribe(prefixes: types.map(\.rawValue))
    }
}

/// Something that occupies an endpoint until closed.
public protocol Channel: Sendable {
    /// The endpoint as bound or connected; for a `tcp://…:*` bind, with the port the system chose.
    var endpoint: Endpoint { get }
    /// Closes the channel. Idempotent; never throws. Ends any ongoing iteration of its streams.
    func close() async
}

/// The sending side of push/pull or publish/subscribe. Safe to use from many tasks at once.
public protocol MessageSender: Channel {
    /// Queues one message for delivery, waiting while the channel is at its high-water mark.
    ///
    /// Returns once the message is queued, not once it is delivered; ``Channel/close()`` flushes what is
    /// queued (for at most ``ChannelOptions/closeFlushTimeout``).
    /// - Throws: ``TransportError/Code/messageTooLarge``, ``TransportError/Code/invalidMessage`` (no frames),
    ///   ``TransportError/Code/closed``, ``TransportError/Code/cancelled`` (the task was cancelled while
    ///   waiting; the message was not queued).
    func send(_ message: WireMessage) async throws(TransportError)

    /// Queues several messages in order; cheaper than one ``send(_:)`` each on hot paths.
    func send(contentsOf messages: [WireMessage]) async throws(TransportError)
}

extension MessageSender {
    public func send(contentsOf messages: [WireMessage]) async throws(TransportError) {
        for message in messages { try await send(message) }
    }
}

/// The receiving side of push/pull or publish/subscribe.
public protocol MessageReceiver: Channel {
    /// The received messages, in arrival order. Iterating ends when the receiver is closed or the iterating task
    /// is cancelled. Several iterators share the messages (each message goes to one of them).
    func messages() -> MessageStream

    /// Stops taking messages from peers but lets iterators finish what was already received, then end: the first
    /// step of a graceful shutdown. Returns at once; ``Channel/close()`` afterwards releases the endpoint.
    func drain()
}

/// The asking side of request/reply. Safe to use from many tasks at once: each reply is matched to its request.
public protocol Requester: Channel {
    /// Sends a request and waits for its reply.
    /// - Throws: ``TransportError/Code/timedOut`` when no reply came within `timeout` (the request may still
    ///   have been processed), ``TransportError/Code/messageTooLarge``, ``TransportError/Code/closed``,
    ///   ``TransportError/Code/cancelled``.
    func request(_ message: WireMessage, timeout: Duration) async throws(TransportError) -> WireMessage
}

/// The answering side of request/reply.
public protocol Responder: Channel {
    /// The incoming requests; answer each with ``IncomingRequest/reply(_:)``. Ends when the responder is closed or
    /// the iterating task is cancelled.
    func requests() -> RequestStream

    /// Stops taking requests but lets iterators finish (and answer) those already received, then end.
    func drain()
}

/// A request waiting for its reply.
public struct IncomingRequest: Sendable {
    /// The request as the requester sent it.
    public let message: WireMessage
    let route: any ReplyRoute

    package init(message: WireMessage, route: any ReplyRoute) {
        self.message = message
        self.route = route
    }

    /// Sends the reply to the requester that asked. Replying twice sends nothing more.
    /// - Throws: ``TransportError/Code/messageTooLarge``, ``TransportError/Code/closed`` (the responder was
    ///   closed).
    public func reply(_ message: WireMessage) async throws(TransportError) {
        try await route.deliver(message)
    }
}

/// Where a reply goes: each transport provides its own.
package protocol ReplyRoute: Sendable {
    func deliver(_ reply: WireMessage) async throws(TransportError)
}

/// The messages of a receiver.
public typealias MessageStream = BoundedStream<WireMessage>
/// The requests of a responder.
public typealias RequestStream = BoundedStream<IncomingRequest>
