import Foundation
import NewsbusProtocol
import Synchronization

/// The meeting point of every in-process channel at one endpoint: the receivers' queues, and the round-robin
/// state senders share. All routing decisions are taken under its lock, so they are consistent.
final class Junction: Sendable {
    enum Role: Sendable {
        case puller
        case subscriber(prefixes: [String])
    }

    private struct Receiver {
        let id: Int
        let queue: BoundedQueue<WireMessage>
        /// Topic prefixes for subscribers; `nil` for pullers.
        let prefixes: [Data]?
    }

    private struct Responder {
        let id: Int
        let queue: BoundedQueue<IncomingRequest>
    }

    private struct State {
        var isBound = false
        var pullers: [Receiver] = []
        var subscribers: [Receiver] = []
        var responders: [Responder] = []
        var pushTurn = 0
        var requestTurn = 0
        var nextID = 0
        var peerWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    }

    /// What happened to a pushed message.
    enum Delivery {
        case delivered
        case noPeer
        /// Every peer is at its high-water mark: wait on this one (the next in turn).
        case full(BoundedQueue<WireMessage>)
    }

    private let state = Mutex(State())

    // MARK: Binding

    /// Claims the endpoint for a binding channel; `false` if one already holds it.
    func claimBinding() -> Bool {
        state.withLock { state in
            if state.isBound { return false }
            state.isBound = true
            return true
        }
    }

    func releaseBinding() { state.withLock { $0.isBound = false } }

    // MARK: Membership

    func join(_ role: Role, queue: BoundedQueue<WireMessage>) -> Int {
        let (id, waiters) = state.withLock { state in
            state.nextID += 1
            switch role {
            case .puller:
                state.pullers.append(Receiver(id: state.nextID, queue: queue, prefixes: nil))
            case .subscriber(let prefixes):
                let bytes = prefixes.map { Data($0.utf8) }
                state.subscribers.append(Receiver(id: state.nextID, queue: queue, prefixes: bytes))
            }
            return (state.nextID, Self.takeWaiters(&state))
        }
        for waiter in waiters { waiter.resume() }
        return id
    }

    func join(responder queue: BoundedQueue<IncomingRequest>) -> Int {
        let (id, waiters) = state.withLock { state in
            state.nextID += 1
            state.responders.append(Responder(id: state.nextID, queue: queue))
            return (state.nextID, Self.takeWaiters(&state))
        }
        for waiter in waiters { waiter.resume() }
        return id
    }

    func leave(_ id: Int) {
        state.withLock { state in
            state.pullers.removeAll { $0.id == id }
            state.subscribers.removeAll { $0.id == id }
            state.responders.removeAll { $0.id == id }
        }
    }

    // MARK: Routing

    /// Gives a message to the next puller in turn that has room.
    func push(_ message: WireMessage) -> Delivery {
        state.withLock { state in
            let count = state.pullers.count
            guard count > 0 else { return .noPeer }
            let start = state.pushTurn % count
            for offset in 0..<count {
                let index = (start + offset) % count
                if state.pullers[index].queue.tryAppend(message) {
                    state.pushTurn = index + 1
                    return .delivered
                }
            }
            state.pushTurn = start + 1
            return .full(state.pullers[start].queue)
        }
    }

    /// Gives a message to every subscriber whose prefix matches its first frame; full subscribers miss it.
    func publish(_ message: WireMessage) {
        let topic = message.frames.first ?? Data()
        state.withLock { state in
            for subscriber in state.subscribers
            where subscriber.prefixes?.contains(where: { topic.starts(with: $0) }) == true {
                _ = subscriber.queue.tryAppend(message)
            }
        }
    }

    /// The responders in turn for the next request, the first being the one to use.
    func nextResponder() -> BoundedQueue<IncomingRequest>? {
        state.withLock { state in
            guard !state.responders.isEmpty else { return nil }
            let index = state.requestTurn % state.responders.count
            state.requestTurn = index + 1
            return state.responders[index].queue
        }
    }

    // MARK: Waiting for peers

    /// Waits until some receiver or responder joins, ``wakeWaiters()`` is called, or the task is cancelled.
    func waitForPeer() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let registered = state.withLock { state in
                    guard !Task.isCancelled else { return false }
                    state.peerWaiters[id] = continuation
                    return true
                }
                if !registered { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.peerWaiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Wakes every waiter of ``waitForPeer()`` (so a closing sender's waits can end).
    func wakeWaiters() {
        for waiter in state.withLock({ Self.takeWaiters(&$0) }) { waiter.resume() }
    }

    private static func takeWaiters(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        defer { state.peerWaiters.removeAll() }
        return Array(state.peerWaiters.values)
    }
}
