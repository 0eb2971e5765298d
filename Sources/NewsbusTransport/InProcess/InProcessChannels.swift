import NewsbusProtocol
import Synchronization

/// What every in-process channel does on close: leave the junction and give the binding back.
private func release(_ junction: Junction, spec: EndpointSpec, member: Int? = nil) {
    if let member { junction.leave(member) }
    if spec.role == .bind { junction.releaseBinding() }
}

/// The PUSH side: round-robin over the pullers with room; waits when none has room or there is none yet.
final class InProcessPusher: MessageSender {
    let endpoint: Endpoint
    private let junction: Junction
    private let spec: EndpointSpec
    private let options: ChannelOptions
    private let closed = Atomic<Bool>(false)

    init(junction: Junction, endpoint: Endpoint, spec: EndpointSpec, options: ChannelOptions) {
        self.junction = junction
        self.endpoint = endpoint
        self.spec = spec
        self.options = options
    }

    func send(_ message: WireMessage) async throws(TransportError) {
        try options.validate(message, endpoint: endpoint)
        while true {
            guard !closed.load(ordering: .acquiring) else { throw TransportError(.closed, "the sender is closed") }
            guard !Task.isCancelled else { throw TransportError(.cancelled, "cancelled before the message was queued") }
            switch junction.push(message) {
            case .delivered:
                return
            case .noPeer:
                await junction.waitForPeer()
            case .full(let queue):
                do {
                    try await queue.append(message)
                    return
                } catch let error where error.code == .closed {
                    continue  // that puller left: pick another one
                }
            }
        }
    }

    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        release(junction, spec: spec)
        junction.wakeWaiters()
    }
}

/// The PUB side: every matching subscriber gets the message; a full subscriber misses it.
final class InProcessPublisher: MessageSender {
    let endpoint: Endpoint
    private let junction: Junction
    private let spec: EndpointSpec
    private let options: ChannelOptions
    private let closed = Atomic<Bool>(false)

    init(junction: Junction, endpoint: Endpoint, spec: EndpointSpec, options: ChannelOptions) {
        self.junction = junction
        self.endpoint = endpoint
        self.spec = spec
        self.options = options
    }

    func send(_ message: WireMessage) async throws(TransportError) {
        try options.validate(message, endpoint: endpoint)
        guard !closed.load(ordering: .acquiring) else { throw TransportError(.closed, "the sender is closed") }
        junction.publish(message)
    }

    func send(contentsOf messages: [WireMessage]) async throws(TransportError) {
        for message in messages { try await send(message) }
    }

    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        release(junction, spec: spec)
    }
}

/// The PULL or SUB side: one bounded queue that the junction fills.
final class InProcessReceiver: MessageReceiver {
    let endpoint: Endpoint
    private let junction: Junction
    private let spec: EndpointSpec
    private let queue: BoundedQueue<WireMessage>
    private let member: Int
    private let closed = Atomic<Bool>(false)

    init(junction: Junction, endpoint: Endpoint, spec: EndpointSpec, role: Junction.Role, options: ChannelOptions) {
        self.junction = junction
        self.endpoint = endpoint
        self.spec = spec
        self.queue = BoundedQueue(capacity: max(1, options.highWaterMark))
        self.member = junction.join(role, queue: queue)
    }

    func messages() -> MessageStream { MessageStream(queue) }

    func drain() {
        junction.leave(member)
        queue.close()
    }

    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        release(junction, spec: spec, member: member)
        queue.close(discardingQueued: true)
    }
}

/// The requesting side: each request goes to the next responder in turn; its reply comes back through a
/// pending-reply slot.
final class InProcessRequester: Requester {
    let endpoint: Endpoint
    private let junction: Junction
    private let spec: EndpointSpec
    private let options: ChannelOptions
    private let pending = PendingReplies()
    private let closed = Atomic<Bool>(false)

    init(junction: Junction, endpoint: Endpoint, spec: EndpointSpec, options: ChannelOptions) {
        self.junction = junction
        self.endpoint = endpoint
        self.spec = spec
        self.options = options
    }

    func request(_ message: WireMessage, timeout: Duration) async throws(TransportError) -> WireMessage {
        try options.validate(message, endpoint: endpoint)
        let id = try pending.open()
        let route = InProcessReplyRoute(pending: pending, id: id, options: options, endpoint: endpoint)
        let request = IncomingRequest(message: message, route: route)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            guard !closed.load(ordering: .acquiring) else { throw TransportError(.closed, "the requester is closed") }
            if let responder = junction.nextResponder() {
                do {
                    try await responder.append(request)
                    break
                } catch let error where error.code == .closed {
                    continue
                } catch {
                    pending.resolve(id, with: .failure(error))
                    throw error
                }
            }
            // No responder yet: wait for one, within the request's deadline.
            let arrived = await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    await self.junction.waitForPeer()
                    return true
                }
                group.addTask {
                    try? await Task.sleep(until: deadline, clock: clock)
                    return false
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
            if !arrived {
                pending.resolve(id, with: .failure(TransportError(.timedOut, "no responder within \(timeout)")))
                throw TransportError(.timedOut, "no responder within \(timeout)", endpoint: endpoint.description)
            }
        }
        return try await pending.wait(id, timeout: clock.now.duration(to: deadline)).get().message
    }

    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        pending.close()
        release(junction, spec: spec)
        junction.wakeWaiters()
    }
}

/// The responding side: requests queue up to the high-water mark.
final class InProcessResponder: Responder {
    let endpoint: Endpoint
    private let junction: Junction
    private let spec: EndpointSpec
    private let queue: BoundedQueue<IncomingRequest>
    private let member: Int
    private let closed = Atomic<Bool>(false)

    init(junction: Junction, endpoint: Endpoint, spec: EndpointSpec, options: ChannelOptions) {
        self.junction = junction
        self.endpoint = endpoint
        self.spec = spec
        self.queue = BoundedQueue(capacity: max(1, options.highWaterMark))
        self.member = junction.join(responder: queue)
    }

    func requests() -> RequestStream { RequestStream(queue) }

    func drain() {
        junction.leave(member)
        queue.close()
    }

    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        release(junction, spec: spec, member: member)
        queue.close(discardingQueued: true)
    }
}

/// Delivers a reply straight into the requester's pending slot.
struct InProcessReplyRoute: ReplyRoute {
    let pending: PendingReplies
    let id: UInt64
    let options: ChannelOptions
    let endpoint: Endpoint

    func deliver(_ reply: WireMessage) async throws(TransportError) {
        try options.validate(reply, endpoint: endpoint)
        pending.resolve(id, with: .success(WireMessageBox(reply)))
    }
}
