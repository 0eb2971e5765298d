import DequeModule
import Foundation
import NewsbusProtocol
import NewsbusTransport
import Synchronization
import ZeroMQ

/// Where a socket thread hands what it receives.
protocol InboundSink: Sendable {
    /// Takes as many messages as it can from the front of `inbox`. When it leaves some, it arranges for the
    /// loop's wake signal to fire once it can take more.
    func offer(_ inbox: inout Deque<WireMessage>)
}

/// What socket to open and how.
struct SocketPlan: Sendable {
    var kind: SocketKind
    var options: [SocketOption]
    var spec: EndpointSpec
    /// Told, on the socket's thread, of each security handshake's outcome (a monitor is set up only when given).
    var onHandshake: (@Sendable (HandshakeEvent) -> Void)?
}

/// One OS thread that owns one ZeroMQ socket, after CZMQ's `zactor`.
///
/// Async code never touches the socket: it appends frames to the `outbound` queue, and reads what the thread
/// hands to the `inbound` sink. The thread sleeps in `zmq_poll` on the socket and on a ``WakeSignal``, which
/// the queues fire when there is something to send or room to receive into; it moves messages in batches of
/// up to ``batchSize`` so that the async side sees few suspensions. Blocking calls never run on Swift's
/// cooperative pool.
final class SocketLoop: Sendable {
    /// Messages moved per step in each direction.
    static let batchSize = 256

    /// The endpoint as bound (with the port chosen for `tcp://…:*`) or connected.
    let endpoint: Endpoint
    private let wake: WakeSignal
    private let control: LoopControl

    private init(endpoint: Endpoint, wake: WakeSignal, control: LoopControl) {
        self.endpoint = endpoint
        self.wake = wake
        self.control = control
    }

    /// Starts the thread and returns once the socket is bound or connected.
    /// - Throws: the bind/connect failure as a ``TransportError``.
    static func start(
        context: Context, plan: SocketPlan, wake: WakeSignal, outbound: BoundedQueue<[Data]>?,
        inbound: (any InboundSink)?
    ) async throws(TransportError) -> SocketLoop {
        let control = LoopControl()
        let started: Result<Endpoint, TransportError> = await withCheckedContinuation { ready in
            let thread = Thread {
                run(
                    context: context, plan: plan, wake: wake, outbound: outbound, inbound: inbound, control: control,
                    ready: { ready.resume(returning: $0) })
            }
            thread.name = "newsbus.zmq.\(plan.kind)"
            thread.start()
        }
        return SocketLoop(endpoint: try started.get(), wake: wake, control: control)
    }

    /// Asks the thread to stop at once, without waiting for it.
    func requestStop() {
        control.requestStop(.now)
        wake.signal()
    }

    /// Stops the thread and waits for it to close the socket. With `flushUntil`, queued outbound messages are
    /// still sent until that instant. Idempotent: later calls just wait.
    /// Returns once the thread has closed the socket.
    func finished() async {
        await control.waitUntilFinished()
    }

    func stop(flushUntil deadline: ContinuousClock.Instant? = nil) async {
        control.requestStop(deadline.map { .flush(until: $0) } ?? .now)
        wake.signal()
        await control.waitUntilFinished()
    }

    // MARK: The thread

    private static func run(
        context: Context, plan: SocketPlan, wake: WakeSignal, outbound: BoundedQueue<[Data]>?,
        inbound: (any InboundSink)?, control: LoopControl,
        ready: (Result<Endpoint, TransportError>) -> Void
    ) {
        defer { control.markFinished() }
        let socket: Socket
        var monitor: Socket?
        defer { monitor?.close() }
        do {
            socket = try Socket(plan.kind, in: context)
            try socket.setOptions(plan.options)
            if plan.onHandshake != nil {
                let endpoint = "inproc://newsbus.monitor.\(UUID().uuidString)"
                try socket.monitorHandshakes(at: endpoint)
                let pair = try Socket(.pair, in: context)
                monitor = pair
                try pair.setOption(.linger(milliseconds: 0))
                try pair.connect(endpoint)
            }
            switch plan.spec.role {
            case .bind: try socket.bind(plan.spec.endpoint.description)
            case .connect: try socket.connect(plan.spec.endpoint.description)
            }
        } catch {
            ready(.failure(TransportError(zmq: error, endpoint: plan.spec.description)))
            return
        }
        var endpoint = plan.spec.endpoint
        if plan.spec.role == .bind, let bound = try? socket.lastEndpoint, let parsed = Endpoint(bound) {
            endpoint = parsed
        }
        ready(.success(endpoint))

        var inbox = Deque<WireMessage>()
        var outbox = Deque<[Data]>()
        var items = [
            PollItem(.socket(socket), events: []), wake.pollItem,
        ]
        if let monitor { items.append(PollItem(.socket(monitor), events: .readable)) }
        var flushDeadline: ContinuousClock.Instant?
        loop: while true {
            switch control.stopRequest {
            case .now?: break loop
            case .flush(let deadline)?: flushDeadline = deadline
            case nil: break
            }
            if outbox.isEmpty, let outbound { outbox.append(contentsOf: outbound.take(max: batchSize)) }
            if flushDeadline != nil, outbox.isEmpty, outbound?.count ?? 0 == 0 { break loop }
            if !inbox.isEmpty, let inbound { inbound.offer(&inbox) }

            var events: PollEvents = []
            if inbound != nil, inbox.isEmpty, flushDeadline == nil { events.insert(.readable) }
            if !outbox.isEmpty { events.insert(.writable) }
            items[0].events = events
            var timeout = -1
            if let flushDeadline {
                let remaining = ContinuousClock.now.duration(to: flushDeadline)
                if remaining <= .zero { break loop }
                timeout = max(1, Int(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
            }
            do {
                try Poller.poll(&items, timeoutMilliseconds: timeout)
            } catch {
                break loop  // the context was shut down (ETERM) or the socket is gone
            }
            if items[1].ready.contains(.readable) { wake.drain() }
            if let monitor, let onHandshake = plan.onHandshake, items[2].ready.contains(.readable) {
                while let event = HandshakeEvent.receive(from: monitor) { onHandshake(event) }
            }
            if items[0].ready.contains(.readable), let inbound {
                receiveBatch(from: socket, into: &inbox)
                inbound.offer(&inbox)
            }
            if items[0].ready.contains(.writable) {
                sendBatch(&outbox, on: socket, refill: outbound)
            }
        }
        // Whatever is still queued gets the rest of the flush time inside libzmq, then is dropped.
        var lingerMilliseconds = 0
        if let flushDeadline {
            let remaining = ContinuousClock.now.duration(to: flushDeadline)
            lingerMilliseconds = max(0, Int(remaining.components.seconds * 1000))
        }
        try? socket.setOption(.linger(milliseconds: lingerMilliseconds))
        socket.close()
        outbound?.close(discardingQueued: true)
    }

    private static func receiveBatch(from socket: Socket, into inbox: inout Deque<WireMessage>) {
        for _ in 0..<batchSize {
            guard let frames = try? socket.receive(mode: .dontWait) else { return }
            inbox.append(WireMessage(frames: frames))
        }
    }

    private static func sendBatch(_ outbox: inout Deque<[Data]>, on socket: Socket, refill: BoundedQueue<[Data]>?) {
        while let frames = outbox.first {
            do {
                try socket.send(frames, mode: .dontWait)
            } catch ZMQError.again {
                return  // at the high-water mark: poll for writable again
            } catch {
                // Not deliverable on this socket (for example an unroutable ROUTER reply): drop that message.
            }
            outbox.removeFirst()
            if outbox.isEmpty, let refill { outbox.append(contentsOf: refill.take(max: batchSize)) }
        }
    }
}

/// The stop request and the finished flag of one loop, shared by its thread and its owner.
private final class LoopControl: Sendable {
    enum StopRequest: Sendable {
        case now
        case flush(until: ContinuousClock.Instant)
    }

    private struct State {
        var stop: StopRequest?
        var finished = false
        var joiners: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    var stopRequest: StopRequest? { state.withLock { $0.stop } }

    func requestStop(_ request: StopRequest) {
        state.withLock { state in
            // An immediate stop overrides a flush; a flush never overrides an earlier request.
            if state.stop == nil { state.stop = request } else if case .now = request { state.stop = .now }
        }
    }

    func markFinished() {
        let joiners = state.withLock { state in
            state.finished = true
            defer { state.joiners.removeAll() }
            return state.joiners
        }
        for joiner in joiners { joiner.resume() }
    }

    func waitUntilFinished() async {
        await withCheckedContinuation { continuation in
            let finished = state.withLock { state in
                if state.finished { return true }
                state.joiners.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }
}

extension TransportError {
    /// Maps a libzmq failure onto the transport's error codes.
    init(zmq error: any Error, endpoint: String) {
        guard let error = error as? ZMQError else {
            self.init(.socketFailure, "\(error)", endpoint: endpoint)
            return
        }
        switch error {
        case ZMQError.addressInUse:
            self.init(.addressInUse, error.description, endpoint: endpoint)
        case ZMQError.invalidArgument, ZMQError.protocolNotSupported, ZMQError.noDevice,
            ZMQError.addressNotAvailable, ZMQError.incompatibleProtocol, ZMQError.noEntry:
            self.init(.invalidEndpoint, error.description, endpoint: endpoint)
        case ZMQError.terminated:
            self.init(.closed, "the transport was shut down", endpoint: endpoint)
        default:
            self.init(.socketFailure, error.description, endpoint: endpoint)
        }
    }
}
