import DequeModule
import Foundation
import NewsbusProtocol
import NewsbusTransport
import Synchronization
import ZeroMQ

/// The ZeroMQ implementation of ``Transport``: every channel is one libzmq socket owned by its own thread
/// (``SocketLoop``), over `inproc://`, `ipc://` or `tcp://`.
///
/// Patterns map onto socket types: push → PUSH, pull → PULL, publish → PUB, subscribe → SUB, requester →
/// DEALER (with a correlation id, so many requests can be in flight), responder → ROUTER (replies keep the
/// routing envelope, so plain REQ clients in any language work too). The high-water mark is applied to libzmq
/// (`ZMQ_SNDHWM`/`ZMQ_RCVHWM`) and to the queue between the socket thread and async code; receivers set
/// `ZMQ_MAXMSGSIZE`, so a peer sending a bigger frame is disconnected.
///
/// With ``CurveSecurity``, every TCP and IPC socket is encrypted and authenticated: those that bind are CURVE
/// servers that let in only allowed client keys (through a ZAP handler in the transport's context), those that
/// connect are CURVE clients.
///
/// One transport owns one libzmq context. ``shutdown()`` closes every socket it opened.
public final class ZMQTransport: Transport {
    /// The libzmq context; `inproc://` endpoints are shared by the channels of one transport.
    public let context: Context
    /// CURVE settings, when sockets are secured.
    public let security: CurveSecurity?
    /// Runs until the context is shut down (stopping it earlier would let handshakes through unchecked).
    private let authenticator: ZAPHandler?
    /// The socket threads still running, so that a shutdown also wakes those idle in `zmq_poll` with nothing to
    /// send (libzmq only reports the context's end to a socket polled for some event). Each leaves the list when
    /// its thread ends.
    private let loops = Mutex<[ObjectIdentifier: SocketLoop]>([:])

    /// Creates a transport with its own context (and, with `security`, its own ZAP handler).
    /// - Throws: ``TransportError/Code/socketFailure`` when libzmq cannot create a context or the handler.
    public init(ioThreads: Int = 1, security: CurveSecurity? = nil) throws(TransportError) {
        do {
            context = try Context(ioThreads: ioThreads)
        } catch {
            throw TransportError(.socketFailure, "cannot create a ZeroMQ context: \(error)")
        }
        self.security = security
        authenticator = try security?.startAuthenticator(in: context)
    }

    /// Makes every channel of this transport stop at once; what senders still hold is dropped. Returns at once.
    public func shutdown() {
        stopLoops()
        context.shutdown()
    }

    private func stopLoops() {
        for loop in loops.withLock({ $0.values }) { loop.requestStop() }
    }

    private func started(_ loop: SocketLoop) -> SocketLoop {
        let key = ObjectIdentifier(loop)
        loops.withLock { $0[key] = loop }
        Task { [weak self] in
            await loop.finished()
            _ = self?.loops.withLock { $0.removeValue(forKey: key) }
        }
        return loop
    }

    /// Stops every channel, then waits until the messages that gracefully closed senders handed to libzmq have
    /// reached their peers (each for at most the sender's `closeFlushTimeout`), and ends the context. Call it last,
    /// before a process exits: exiting earlier can lose messages still in libzmq's buffers.
    public func close() async {
        stopLoops()
        context.shutdown()
        let context = self.context
        let finished = WaitGroup()
        let thread = Thread {
            context.terminate()
            finished.done()
        }
        thread.name = "newsbus.zmq.terminate"
        thread.start()
        await finished.wait()
    }

    public func sender(_ pattern: SendPattern, at spec: EndpointSpec, options: ChannelOptions)
        async throws(TransportError) -> any MessageSender
    {
        let kind: SocketKind = pattern == .push ? .push : .publish
        let wake = try makeWakeSignal()
        let outbound = BoundedQueue<[Data]>(capacity: max(1, options.highWaterMark), onAvailable: wake.signal)
        let loop = started(try await SocketLoop.start(
            context: context, plan: plan(kind, spec, options), wake: wake, outbound: outbound, inbound: nil))
        return ZMQSender(loop: loop, outbound: outbound, options: options)
    }

    public func receiver(_ pattern: ReceivePattern, at spec: EndpointSpec, options: ChannelOptions)
        async throws(TransportError) -> any MessageReceiver
    {
        var socketOptions: [SocketOption] = []
        let kind: SocketKind
        switch pattern {
        case .pull:
            kind = .pull
        case .subscribe(let prefixes):
            kind = .subscribe
            socketOptions = prefixes.map { .subscribe(Data($0.utf8)) }
        }
        let wake = try makeWakeSignal()
        let queue = BoundedQueue<WireMessage>(capacity: max(1, options.highWaterMark), onSpace: wake.signal)
        let loop = started(try await SocketLoop.start(
            context: context, plan: plan(kind, spec, options, extra: socketOptions), wake: wake, outbound: nil,
            inbound: MessageSink(queue: queue)))
        return ZMQReceiver(loop: loop, queue: queue)
    }

    public func requester(at spec: EndpointSpec, options: ChannelOptions) async throws(TransportError)
        -> any Requester
    {
        let wake = try makeWakeSignal()
        let outbound = BoundedQueue<[Data]>(capacity: max(1, options.highWaterMark), onAvailable: wake.signal)
        let pending = PendingReplies()
        var plan = plan(.dealer, spec, options)
        let handshakes = HandshakeRecord()
        if spec.role == .connect, spec.endpoint.isSecurable {
            // A server that refuses this client (or uses CURVE when this client does not, or the other way round)
            // never answers: its requests fail at once instead of timing out.
            plan.onHandshake = { event in
                handshakes.record(event)
                if event.kind != .succeeded {
                    pending.failAll(
                        with: TransportError(.unauthorized, event.explanation, endpoint: spec.endpoint.description))
                }
            }
        }
        let loop = started(try await SocketLoop.start(
            context: context, plan: plan, wake: wake, outbound: outbound, inbound: ReplySink(pending: pending)))
        return ZMQRequester(loop: loop, outbound: outbound, pending: pending, options: options, handshakes: handshakes)
    }

    public func responder(at spec: EndpointSpec, options: ChannelOptions) async throws(TransportError)
        -> any Responder
    {
        let wake = try makeWakeSignal()
        let outbound = BoundedQueue<[Data]>(capacity: max(1, options.highWaterMark), onAvailable: wake.signal)
        let requests = BoundedQueue<IncomingRequest>(capacity: max(1, options.highWaterMark), onSpace: wake.signal)
        let loop = started(try await SocketLoop.start(
            context: context, plan: plan(.router, spec, options), wake: wake, outbound: outbound,
            inbound: RequestSink(requests: requests, replies: outbound, options: options)))
        return ZMQResponder(loop: loop, requests: requests, replies: outbound)
    }

    private func plan(_ kind: SocketKind, _ spec: EndpointSpec, _ options: ChannelOptions, extra: [SocketOption] = [])
        -> SocketPlan
    {
        var socketOptions: [SocketOption] = [
            .linger(milliseconds: 0),
            .sendHighWaterMark(max(1, options.highWaterMark)),
            .receiveHighWaterMark(max(1, options.highWaterMark)),
            .maxMessageSize(options.maxMessageSize),
            .reconnectInterval(milliseconds: 100),
            .reconnectIntervalMax(milliseconds: 2000),
        ]
        socketOptions += extra
        socketOptions += security?.options(for: spec) ?? []
        return SocketPlan(kind: kind, options: socketOptions, spec: spec)
    }

    private func makeWakeSignal() throws(TransportError) -> WakeSignal {
        do {
            return try WakeSignal()
        } catch {
            throw TransportError(.socketFailure, "cannot create a wake-up descriptor: \(error)")
        }
    }
}
