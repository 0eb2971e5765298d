@testable import NewsbusTransport
import Testing

@Suite struct BoundedQueueTests {
    @Test func producerWaitsWhenFullAndResumesWhenDrained() async throws {
        // Given a full queue of two
        let queue = BoundedQueue<Int>(capacity: 2)
        try await queue.append(1)
        try await queue.append(2)
        #expect(queue.count == 2)
        // When a third producer arrives, it waits; a consumer's take admits it
        let third = Task { try await queue.append(3) }
        #expect(await queue.next() == 1)
        try await third.value
        // Then the order is kept
        #expect(queue.take(max: 10) == [2, 3])
    }

    @Test func synchronousProducerIsToldWhenRoomAppears() async {
        let signals = SignalCounter()
        let queue = BoundedQueue<Int>(capacity: 2, onSpace: { signals.increment() })
        var pending: Deque<Int> = [1, 2, 3, 4]
        queue.tryAppend(&pending)
        #expect(pending == [3, 4])
        #expect(signals.value == 0)
        _ = await queue.next()
        #expect(signals.value == 1)
    }

    @Test func closeEndsConsumersAfterQueuedElements() async {
        let queue = BoundedQueue<Int>(capacity: 4)
        _ = queue.tryAppend(1)
        queue.close()
        #expect(await queue.next() == 1)
        #expect(await queue.next() == nil)
        await #expect(throws: TransportError(.closed, "")) { try await queue.append(2) }
    }

    @Test func cancelledConsumerGetsNil() async {
        let queue = BoundedQueue<Int>(capacity: 1)
        let consumer = Task { await queue.next() }
        consumer.cancel()
        #expect(await consumer.value == nil)
    }

    @Test func cancelledProducerIsNotAdmitted() async throws {
        let queue = BoundedQueue<Int>(capacity: 1)
        try await queue.append(1)
        let producer = Task { try await queue.append(2) }
        producer.cancel()
        await #expect(throws: TransportError(.cancelled, "")) { try await producer.value }
        #expect(queue.take(max: 5) == [1])
    }
}

import DequeModule
import Synchronization

final class SignalCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
