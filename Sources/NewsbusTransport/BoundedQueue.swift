import DequeModule
import Synchronization

/// A multi-producer, multi-consumer FIFO queue holding at most `capacity` elements: the high-water mark of
/// every channel, shared by both transports.
///
/// Async producers wait while it is full; async consumers wait while it is empty; both give up on task
/// cancellation. Socket threads use the synchronous side instead (``tryAppend(_:)``, ``take(max:)``) and are
/// told through `onSpace` / `onAvailable` when waiting would now make progress, so they never block on it.
/// Elements handed over in one call move under one lock acquisition, which is what keeps hot paths cheap.
package final class BoundedQueue<Element: Sendable>: Sendable {
    package let capacity: Int
    private let state: Mutex<State>
    /// Called (outside the lock) when room appears after a ``tryAppend(_:)`` was refused.
    private let onSpace: (@Sendable () -> Void)?
    /// Called (outside the lock) when an element arrives after a ``take(max:)`` found the queue empty.
    private let onAvailable: (@Sendable () -> Void)?

    private struct Producer {
        let id: Int
        let element: Element
        let continuation: CheckedContinuation<Result<Void, TransportError>, Never>
    }

    private struct Consumer {
        let id: Int
        let continuation: CheckedContinuation<Element?, Never>
    }

    private struct State {
        var buffer = Deque<Element>()
        var isClosed = false
        var consumers = Deque<Consumer>()
        var producers = Deque<Producer>()
        var nextID = 0
        var spaceWanted = false
        var availabilityWanted = false
    }

    /// Resumptions decided under the lock and performed after it is released.
    private struct Wakeups {
        var handOffs: [(CheckedContinuation<Element?, Never>, Element?)] = []
        var admitted: [CheckedContinuation<Result<Void, TransportError>, Never>] = []
        var refused: [CheckedContinuation<Result<Void, TransportError>, Never>] = []
        var signalSpace = false
        var signalAvailable = false
    }

    package init(
        capacity: Int, onSpace: (@Sendable () -> Void)? = nil, onAvailable: (@Sendable () -> Void)? = nil
    ) {
        precondition(capacity > 0, "a queue needs room for at least one element")
        self.capacity = capacity
        self.state = Mutex(State())
        self.onSpace = onSpace
        self.onAvailable = onAvailable
    }

    /// How many elements are queued now.
    package var count: Int { state.withLock { $0.buffer.count } }

    /// Whether ``close(discardingQueued:)`` was called.
    package var isClosed: Bool { state.withLock { $0.isClosed } }

    // MARK: Producing

    /// Appends one element, waiting while the queue is full.
    /// - Throws: ``TransportError/Code/closed`` if the queue is or gets closed before the element is admitted,
    ///   ``TransportError/Code/cancelled`` if the task is cancelled first.
    package func append(_ element: Element) async throws(TransportError) {
        var wakeups = Wakeups()
        let admitted: Bool? = state.withLock { state in
            if state.isClosed { return nil }
            return Self.admit(element, into: &state, capacity: capacity, wakeups: &wakeups)
        }
        perform(wakeups)
        guard let admitted else { throw TransportError(.closed, "the channel is closed") }
        if admitted { return }
        try await waitForRoom(element).get()
    }

    private func waitForRoom(_ element: Element) async -> Result<Void, TransportError> {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                var wakeups = Wakeups()
                let immediate: Result<Void, TransportError>? = state.withLock { state in
                    if state.isClosed { return .failure(TransportError(.closed, "the channel is closed")) }
                    if Task.isCancelled { return .failure(TransportError(.cancelled, "cancelled while waiting")) }
                    if state.producers.isEmpty,
                        Self.admit(element, into: &state, capacity: capacity, wakeups: &wakeups)
                    {
                        return .success(())
                    }
                    state.producers.append(Producer(id: id, element: element, continuation: continuation))
                    return nil
                }
                perform(wakeups)
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let producer: Producer? = state.withLock { state in
                guard let index = state.producers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.producers.remove(at: index)
            }
            producer?.continuation.resume(returning: .failure(TransportError(.cancelled, "cancelled while waiting")))
        }
    }

    /// Appends as many elements as there is room for, from the front of `elements`, without waiting. When some
    /// are left over, `onSpace` will be called once room appears.
    /// - Returns: `false` if the queue is closed (nothing was taken).
    @discardableResult
    package func tryAppend(_ elements: inout Deque<Element>) -> Bool {
        var wakeups = Wakeups()
        let open: Bool = state.withLock { state in
            if state.isClosed { return false }
            while let element = elements.first {
                guard Self.admit(element, into: &state, capacity: capacity, wakeups: &wakeups) else { break }
                elements.removeFirst()
            }
            if !elements.isEmpty { state.spaceWanted = true }
            return true
        }
        perform(wakeups)
        return open
    }

    /// Appends one element if there is room, without waiting.
    /// - Parameter signalingSpace: when the queue is full, have `onSpace` called once room appears.
    /// - Returns: `false` when the queue is full or closed.
    package func tryAppend(_ element: Element, signalingSpace: Bool = false) -> Bool {
        var wakeups = Wakeups()
        let admitted = state.withLock { state in
            if state.isClosed { return false }
            if Self.admit(element, into: &state, capacity: capacity, wakeups: &wakeups) { return true }
            if signalingSpace { state.spaceWanted = true }
            return false
        }
        perform(wakeups)
        return admitted
    }

    /// Hands the element to a waiting consumer or buffers it; `false` when full.
    private static func admit(_ element: Element, into state: inout State, capacity: Int, wakeups: inout Wakeups)
        -> Bool
    {
        if let consumer = state.consumers.popFirst() {
            wakeups.handOffs.append((consumer.continuation, element))
            return true
        }
        guard state.buffer.count < capacity else { return false }
        state.buffer.append(element)
        if state.availabilityWanted {
            state.availabilityWanted = false
            wakeups.signalAvailable = true
        }
        return true
    }

    // MARK: Consuming

    /// The next element, waiting while the queue is empty; `nil` once the queue is closed and drained, or when the
    /// task is cancelled.
    package func next() async -> Element? {
        var wakeups = Wakeups()
        let taken: Element?? = state.withLock { state in
            if let element = Self.takeOneLocked(from: &state, capacity: capacity, wakeups: &wakeups) {
                return .some(element)
            }
            return state.isClosed ? .some(nil) : .none
        }
        perform(wakeups)
        if let taken { return taken }
        return await waitForElement()
    }

    /// Up to `max` elements at once, waiting for at least one; empty once the queue is closed and drained, or when
    /// the task is cancelled.
    package func nextBatch(max: Int) async -> [Element] {
        let batch = take(max: max)
        if !batch.isEmpty { return batch }
        if isClosed { return [] }
        guard let first = await waitForElement() else { return [] }
        return [first] + take(max: max - 1)
    }

    /// Takes up to `max` elements without waiting. When it finds the queue empty, `onAvailable` will be called
    /// once an element arrives.
    package func take(max: Int) -> [Element] {
        var wakeups = Wakeups()
        let batch = state.withLock { state in
            let batch = Self.takeLocked(max: max, from: &state, capacity: capacity, wakeups: &wakeups)
            if batch.count < max, !state.isClosed { state.availabilityWanted = true }
            return batch
        }
        perform(wakeups)
        return batch
    }

    private static func takeLocked(max: Int, from state: inout State, capacity: Int, wakeups: inout Wakeups)
        -> [Element]
    {
        guard max > 0, !state.buffer.isEmpty else { return [] }
        let count = Swift.min(max, state.buffer.count)
        let batch = Array(state.buffer.prefix(count))
        state.buffer.removeFirst(count)
        refill(&state, capacity: capacity, wakeups: &wakeups)
        return batch
    }

    private static func takeOneLocked(from state: inout State, capacity: Int, wakeups: inout Wakeups) -> Element? {
        guard let element = state.buffer.popFirst() else { return nil }
        refill(&state, capacity: capacity, wakeups: &wakeups)
        return element
    }

    /// Admits waiting producers into the room just made, and tells a refused synchronous producer about it.
    private static func refill(_ state: inout State, capacity: Int, wakeups: inout Wakeups) {
        while state.buffer.count < capacity, let producer = state.producers.popFirst() {
            state.buffer.append(producer.element)
            wakeups.admitted.append(producer.continuation)
        }
        if state.spaceWanted, state.buffer.count < capacity {
            state.spaceWanted = false
            wakeups.signalSpace = true
        }
    }

    private func waitForElement() async -> Element? {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                var wakeups = Wakeups()
                let immediate: Element?? = state.withLock { state in
                    if Task.isCancelled { return .some(nil) }
                    if let element = Self.takeOneLocked(from: &state, capacity: capacity, wakeups: &wakeups) {
                        return .some(element)
                    }
                    if state.isClosed { return .some(nil) }
                    state.consumers.append(Consumer(id: id, continuation: continuation))
                    return .none
                }
                perform(wakeups)
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let consumer: Consumer? = state.withLock { state in
                guard let index = state.consumers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.consumers.remove(at: index)
            }
            consumer?.continuation.resume(returning: nil)
        }
    }

    // MARK: Closing

    /// Closes the queue: appends fail from now on and waiting producers fail with ``TransportError/Code/closed``.
    /// Consumers still get what is queued (unless `discardingQueued`), then `nil`. Idempotent.
    package func close(discardingQueued: Bool = false) {
        var wakeups = Wakeups()
        state.withLock { state in
            if discardingQueued { state.buffer.removeAll() }
            if state.isClosed { return }
            state.isClosed = true
            while let producer = state.producers.popFirst() { wakeups.refused.append(producer.continuation) }
            if state.buffer.isEmpty {
                while let consumer = state.consumers.popFirst() { wakeups.handOffs.append((consumer.continuation, nil)) }
            }
            wakeups.signalAvailable = true
        }
        perform(wakeups)
    }

    private func perform(_ wakeups: Wakeups) {
        for (continuation, element) in wakeups.handOffs { continuation.resume(returning: element) }
        for continuation in wakeups.admitted { continuation.resume(returning: .success(())) }
        for continuation in wakeups.refused {
            continuation.resume(returning: .failure(TransportError(.closed, "the channel was closed")))
        }
        if wakeups.signalSpace { onSpace?() }
        if wakeups.signalAvailable { onAvailable?() }
    }
}

/// The elements of a channel as an async sequence (``MessageStream``, ``RequestStream``).
///
/// Iteration ends when the channel is closed or the iterating task is cancelled. Several iterators may run at
/// once; each element goes to one of them.
public struct BoundedStream<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = Never
    let queue: BoundedQueue<Element>

    package init(_ queue: BoundedQueue<Element>) { self.queue = queue }

    public func makeAsyncIterator() -> Iterator { Iterator(queue: queue) }

    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let queue: BoundedQueue<Element>

        public mutating func next() async -> Element? { await queue.next() }

        /// Up to `maxCount` elements in one step, waiting for at least one: the cheap way to drain a busy
        /// channel. Empty when the stream has ended.
        public mutating func nextBatch(maxCount: Int) async -> [Element] { await queue.nextBatch(max: maxCount) }
    }
}
