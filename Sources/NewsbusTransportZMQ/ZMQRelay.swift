import Foundation
import NewsbusTransport
import Synchronization
import ZeroMQ

/// A stable middle point that replicas connect to, so that any number of them can come and go without anyone
/// else changing configuration:
/// - ``Kind/work``: a streamer (PULL front, PUSH back) — producers push in, consumers pull out, load-balanced;
/// - ``Kind/events``: a forwarder (XSUB front, XPUB back) — every publisher connects to the front, every subscriber
///   to the back; the front subscribes to everything, and the back filters for each subscriber.
///
/// Each relay owns its own libzmq context and one thread running `zmq_proxy`.
public final class ZMQRelay: Sendable {
    public enum Kind: String, Sendable {
        case work, events
    }

    public let kind: Kind
    /// The bound endpoints (with the ports chosen for `tcp://…:*`).
    public let frontend: Endpoint
    public let backend: Endpoint
    private let context: Context
    private let finished: WaitGroup
    private let authenticator: ZAPHandler?

    private init(
        kind: Kind, frontend: Endpoint, backend: Endpoint, context: Context, finished: WaitGroup,
        authenticator: ZAPHandler?
    ) {
        self.kind = kind
        self.frontend = frontend
        self.backend = backend
        self.context = context
        self.finished = finished
        self.authenticator = authenticator
    }

    /// Binds both sides and starts relaying; with `security`, both sides are CURVE-secured as in ``ZMQTransport``.
    /// - Throws: ``TransportError`` when a side cannot be bound.
    public static func start(
        kind: Kind, frontend: EndpointSpec, backend: EndpointSpec, highWaterMark: Int, security: CurveSecurity? = nil
    ) async throws(TransportError) -> ZMQRelay {
        let context: Context
        do {
            context = try Context()
        } catch {
            throw TransportError(.socketFailure, "cannot create a ZeroMQ context: \(error)")
        }
        let authenticator = try security?.startAuthenticator(in: context)
        let finished = WaitGroup()
        let bound: Result<(Endpoint, Endpoint), TransportError> = await withCheckedContinuation { ready in
            let thread = Thread {
                defer { finished.done() }
                let (frontKind, backKind): (SocketKind, SocketKind) =
                    kind == .work ? (.pull, .push) : (.xsubscribe, .xpublish)
                var sockets: [Socket] = []
                defer { for socket in sockets { socket.close() } }
                var endpoints: [Endpoint] = []
                for (socketKind, spec) in [(frontKind, frontend), (backKind, backend)] {
                    do {
                        let socket = try Socket(socketKind, in: context)
                        sockets.append(socket)
                        try socket.setOptions([
                            .linger(milliseconds: 0), .sendHighWaterMark(highWaterMark),
                            .receiveHighWaterMark(highWaterMark),
                        ] + (security?.options(for: spec) ?? []))
                        switch spec.role {
                        case .bind: try socket.bind(spec.endpoint.description)
                        case .connect: try socket.connect(spec.endpoint.description)
                        }
                        endpoints.append(
                            spec.role == .bind ? (try? socket.lastEndpoint).flatMap(Endpoint.init) ?? spec.endpoint : spec.endpoint)
                    } catch {
                        ready.resume(returning: .failure(TransportError(zmq: error, endpoint: spec.description)))
                        return
                    }
                }
                if kind == .events {
                    // Subscribe upstream to everything, for good: every publisher sends every event here as soon as
                    // it is connected, and subscriptions are matched here. Otherwise, after a restart of the relay,
                    // a publisher would only send what the subscribers that are already back asked for, and a
                    // subscriber back a moment later could get some of one article's events and not others.
                    try? sockets[0].send(Data([1]))
                }
                ready.resume(returning: .success((endpoints[0], endpoints[1])))
                try? Proxy.run(frontend: sockets[0], backend: sockets[1])
            }
            thread.name = "newsbus.relay.\(kind.rawValue)"
            thread.start()
        }
        switch bound {
        case .success(let (front, back)):
            return ZMQRelay(
                kind: kind, frontend: front, backend: back, context: context, finished: finished,
                authenticator: authenticator)
        case .failure(let error):
            authenticator?.stop()
            context.shutdown()
            await finished.wait()
            throw error
        }
    }

    /// Stops relaying (messages in flight inside the relay are dropped) and waits for the thread to end.
    public func stop() async {
        context.shutdown()
        await finished.wait()
        context.terminate()
    }
}

/// Lets async code wait for a thread to finish.
final class WaitGroup: Sendable {
    private let state = Mutex<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func done() {
        let waiters = state.withLock { state in
            state.done = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if !state.done { state.waiters.append(continuation) }
                return state.done
            }
            if done { continuation.resume() }
        }
    }
}
