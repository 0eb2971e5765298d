import DequeModule
import Foundation
import NewsbusProtocol
import NewsbusTransport
import Synchronization
import ZeroMQ

/// PUSH or PUB: async sends fill the outbound queue; the socket thread drains it.
final class ZMQSender: MessageSender {
    private let loop: SocketLoop
    private let outbound: BoundedQueue<[Data]>
    private let options: ChannelOptions

    init(loop: SocketLoop, outbound: BoundedQueue<[Data]>, options: ChannelOptions) {
        self.loop = loop
        self.outbound = outbound
        self.options = options
    }

    var endpoint: Endpoint { loop.endpoint }

    func send(_ message: WireMessage) async throws(TransportError) {
        try options.validate(message, endpoint: endpoint)
        try await outbound.append(message.frames)
    }

    func close() async {
        outbound.close()
        await loop.stop(flushUntil: ContinuousClock.now.advanced(by: options.closeFlushTimeout))
    }
}

/// PULL or SUB: the socket thread fills a bounded queue that async code iterates.
final class ZMQReceiver: MessageReceiver {
    private let loop: SocketLoop
    private let queue: BoundedQueue<WireMessage>

    init(loop: SocketLoop, queue: BoundedQueue<WireMessage>) {
        self.loop = loop
        self.queue = queue
    }

    var endpoint: Endpoint { loop.endpoint }

    func messages() -> MessageStream { MessageStream(queue) }

    func drain() {
        queue.close()
        loop.requestStop()
    }

    func close() async {
        queue.close(discardingQueued: true)
        await loop.stop()
    }
}

/// Moves received messages into a receiver's queue.
struct MessageSink: InboundSink {
    let queue: BoundedQueue<WireMessage>

    func offer(_ inbox: inout Deque<WireMessage>) {
        if !queue.tryAppend(&inbox) {
            inbox.removeAll()  // the receiver is closed: nobody will read these
        }
    }
}

/// DEALER: each request is sent as `[correlation id, empty, frames…]`; replies come back the same way.
final class ZMQRequester: Requester {
    private let loop: SocketLoop
    private let outbound: BoundedQueue<[Data]>
    private let pending: PendingReplies
    private let options: ChannelOptions
    private let handshakes: HandshakeRecord

    init(
        loop: SocketLoop, outbound: BoundedQueue<[Data]>, pending: PendingReplies, options: ChannelOptions,
        handshakes: HandshakeRecord
    ) {
        self.loop = loop
        self.outbound = outbound
        self.pending = pending
        self.options = options
        self.handshakes = handshakes
    }

    var endpoint: Endpoint { loop.endpoint }

    /// - Throws: also ``TransportError/Code/unauthorized`` when the last security handshake with the peer failed.
    func request(_ message: WireMessage, timeout: Duration) async throws(TransportError) -> WireMessage {
        try options.validate(message, endpoint: endpoint)
        if let refusal = handshakes.lastFailure {
            throw TransportError(.unauthorized, refusal.explanation, endpoint: endpoint.description)
        }
        let id = try pending.open()
        do {
            try await outbound.append([CorrelationID.encode(id), Data()] + message.frames)
        } catch {
            pending.resolve(id, with: .failure(error))
            throw error
        }
        return try await pending.wait(id, timeout: timeout).get().message
    }

    func close() async {
        pending.close()
        outbound.close(discardingQueued: true)
        await loop.stop()
    }
}

/// The outcome of a channel's latest security handshake, written by its socket thread.
final class HandshakeRecord: Sendable {
    private let latest = Mutex<HandshakeEvent?>(nil)

    func record(_ event: HandshakeEvent) { latest.withLock { $0 = event } }

    /// The latest handshake, if it failed (a later success clears it).
    var lastFailure: HandshakeEvent? { latest.withLock { $0?.kind == .succeeded ? nil : $0 } }
}

/// Matches DEALER replies to their pending requests.
struct ReplySink: InboundSink {
    let pending: PendingReplies

    func offer(_ inbox: inout Deque<WireMessage>) {
        while let frames = inbox.popFirst()?.frames {
            // Anything that is not `[8-byte id, empty, reply…]` was not sent in answer to us: drop it.
            guard frames.count >= 2, frames[1].isEmpty, let id = CorrelationID.decode(frames[0]) else { continue }
            pending.resolve(id, with: .success(WireMessageBox(WireMessage(frames: Array(frames.dropFirst(2))))))
        }
    }
}

/// ROUTER: requests arrive as `[routing id, …envelope…, empty, frames…]`; the reply is sent back with the same
/// envelope, which is what DEALER and REQ peers expect.
final class ZMQResponder: Responder {
    private let loop: SocketLoop
    private let queue: BoundedQueue<IncomingRequest>
    private let replies: BoundedQueue<[Data]>

    init(loop: SocketLoop, requests: BoundedQueue<IncomingRequest>, replies: BoundedQueue<[Data]>) {
        self.loop = loop
        self.queue = requests
        self.replies = replies
    }

    var endpoint: Endpoint { loop.endpoint }

    func requests() -> RequestStream { RequestStream(queue) }

    func drain() {
        queue.close()
    }

    func close() async {
        queue.close(discardingQueued: true)
        replies.close()
        await loop.stop(flushUntil: ContinuousClock.now.advanced(by: .milliseconds(200)))
    }
}

/// Turns ROUTER messages into incoming requests that remember their routing envelope.
struct RequestSink: InboundSink {
    let requests: BoundedQueue<IncomingRequest>
    let replies: BoundedQueue<[Data]>
    let options: ChannelOptions

    func offer(_ inbox: inout Deque<WireMessage>) {
        while let frames = inbox.first?.frames {
            guard frames.count >= 2 else {
                inbox.removeFirst()  // a routing id alone: nothing to answer
                continue
            }
            let delimiter = frames.dropFirst().firstIndex(where: \.isEmpty)
            let envelope = Array(frames[...(delimiter ?? 0)])
            let body = Array(frames[((delimiter ?? 0) + 1)...])
            let route = ZMQReplyRoute(envelope: envelope, replies: replies, options: options)
            let request = IncomingRequest(message: WireMessage(frames: body), route: route)
            guard requests.tryAppend(request, signalingSpace: true) else {
                if requests.isClosed { inbox.removeAll() }
                return
            }
            inbox.removeFirst()
        }
    }
}

/// Sends one reply back through the responder's socket thread, once.
final class ZMQReplyRoute: ReplyRoute {
    private let envelope: [Data]
    private let replies: BoundedQueue<[Data]>
    private let options: ChannelOptions
    private let replied = Atomic<Bool>(false)

    init(envelope: [Data], replies: BoundedQueue<[Data]>, options: ChannelOptions) {
        self.envelope = envelope
        self.replies = replies
        self.options = options
    }

    func deliver(_ reply: WireMessage) async throws(TransportError) {
        guard !replied.exchange(true, ordering: .acquiringAndReleasing) else { return }
        guard reply.byteCount <= options.maxMessageSize else {
            throw TransportError(.messageTooLarge, "reply of \(reply.byteCount) bytes exceeds \(options.maxMessageSize)")
        }
        try await replies.append(envelope + reply.frames)
    }
}

/// The 8-byte big-endian correlation id frame of DEALER requests.
enum CorrelationID {
    static func encode(_ id: UInt64) -> Data {
        withUnsafeBytes(of: id.bigEndian) { Data($0) }
    }

    static func decode(_ frame: Data) -> UInt64? {
        guard frame.count == 8 else { return nil }
        return frame.reduce(0) { ($0 << 8) | UInt64($1) }
    }
}
