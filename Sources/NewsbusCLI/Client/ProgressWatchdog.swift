import Foundation
import Synchronization

/// Runs an operation and cancels it when it makes no progress for `timeout`: a client waiting on a service that
/// is not there fails with a clear message instead of hanging.
struct ProgressWatchdog {
    let timeout: Duration

    /// Counts progress made by the operation.
    final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        func advance() { value.add(1, ordering: .relaxed) }
        var current: Int { value.load(ordering: .relaxed) }
    }

    struct Stalled: Error, CustomStringConvertible {
        let description: String
    }

    func run<T: Sendable>(question: String, _ operation: @escaping @Sendable (Counter) async throws -> T) async throws -> T {
        let counter = Counter()
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation(counter) }
            group.addTask {
                var last = 0
                while true {
                    try await Task.sleep(for: timeout)
                    let now = counter.current
                    if now == last { return nil }
                    last = now
                }
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw Stalled(description: "no progress for \(timeout): \(question)")
            }
            return value
        }
    }
}
