import NewsbusProtocol

import Synchronization

/// The requests of one requester that wait for their replies, keyed by correlation id.
///
/// A slot is opened before the request is sent, so a reply can never arrive before anyone waits for it.
package final class PendingReplies: Sendable {
    private enum Slot {
        case open
        case waiting(CheckedContinuation<Result<WireMessageBox, TransportError>, Never>)
        case done(Result<WireMessageBox, TransportError>)
    }

    private let slots = Mutex<(next: UInt64, slots: [UInt64: Slot], closed: Bool)>((0, [:], false))

    package init() {}

    /// Opens a slot and returns its correlation id.
    /// - Throws: ``TransportError/Code/closed`` once ``close()`` was called.
    package func open() throws(TransportError) -> UInt64 {
        let id: UInt64? = slots.withLock { state in
            if state.closed { return nil }
            state.next &+= 1
            state.slots[state.next] = .open
            return state.next
        }
        guard let id else { throw TransportError(.closed, "the requester is closed") }
        return id
    }

    /// Delivers the reply for `id`; replies nobody waits for any more are dropped.
    package func resolve(_ id: UInt64, with reply: Result<WireMessageBox, TransportError>) {
        let continuation: CheckedContinuation<Result<WireMessageBox, TransportError>, Never>? = slots.withLock {
            state in
            switch state.slots[id] {
            case .open:
                state.slots[id] = .done(reply)
                return nil
            case .waiting(let continuation):
                state.slots[id] = nil
                return continuation
            case .done, nil:
                return nil
            }
        }
        continuation?.resume(returning: reply)
    }

    /// Waits for the reply to `id` for at most `timeout`; the slot is gone afterwards.
    package func wait(_ id: UInt64, timeout: Duration) async -> Result<WireMessageBox, TransportError> {
        await withTaskGroup(of: Result<WireMessageBox, TransportError>.self) { group in
            group.addTask { await self.waitForever(id) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                if Task.isCancelled { return .failure(TransportError(.cancelled, "request cancelled")) }
                self.resolve(id, with: .failure(TransportError(.timedOut, "no reply within \(timeout)")))
                return .failure(TransportError(.timedOut, "no reply within \(timeout)"))
            }
            let first = await group.next() ?? .failure(TransportError(.cancelled, "request cancelled"))
            group.cancelAll()
            return first
        }
    }

    private func waitForever(_ id: UInt64) async -> Result<WireMessageBox, TransportError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: Result<WireMessageBox, TransportError>? = slots.withLock { state in
                    switch state.slots[id] {
                    case .done(let result):
                        state.slots[id] = nil
                        return result
                    case .open:
                        if Task.isCancelled {
                            state.slots[id] = nil
                            return .failure(TransportError(.cancelled, "request cancelled"))
                        }
                        state.slots[id] = .waiting(continuation)
                        return nil
                    case .waiting, nil:
                        return .failure(TransportError(.cancelled, "request no longer pending"))
                    }
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            resolve(id, with: .failure(TransportError(.cancelled, "request cancelled")))
        }
    }

    /// Fails every request waiting now with `error`; later ones are taken as usual.
    package func failAll(with error: TransportError) {
        let ids: [UInt64] = slots.withLock { Array($0.slots.keys) }
        for id in ids { resolve(id, with: .failure(error)) }
    }

    /// Fails every pending request with ``TransportError/Code/closed`` and refuses new ones.
    package func close() {
        let ids: [UInt64] = slots.withLock { state in
            state.closed = true
            return Array(state.slots.keys)
        }
        for id in ids { resolve(id, with: .failure(TransportError(.closed, "the requester was closed"))) }
    }

    /// How many requests wait for a reply.
    package var count: Int { slots.withLock { $0.slots.count } }
}

/// A `WireMessage` in a box, so that results holding one stay small.
package struct WireMessageBox: Sendable {
    package let message: WireMessage
    package init(_ message: WireMessage) { self.message = message }
}
