import Synchronization

/// How long a test waits for something that normally takes milliseconds (a message, a reply, a process exit)
/// before calling it lost. Generous on purpose: the tests run in parallel on a small machine, whose host may
/// also pause it for seconds, and a deadline is only there to turn a hang into a failure, not to measure speed.
public let eventPatience: Duration = .seconds(30)

/// Runs `body`, failing with a ``ConformanceFailure`` if it has not finished within `limit`. `body` must end
/// when its task is cancelled (transport streams do).
public func within<T: Sendable>(
    _ limit: Duration, _ what: String, check: String = "deadline",
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw ConformanceFailure(check: check, "timed out after \(limit) waiting for \(what)")
        }
        return value
    }
}

/// Whether `task` finishes within `limit`, without cancelling it when it does not (it may finish later).
public func finishes<T: Sendable>(_ task: Task<T, any Error>, within limit: Duration) async -> Bool {
    let decided = OnceFlag()
    return await withCheckedContinuation { continuation in
        Task {
            _ = try? await task.value
            if decided.claim() { continuation.resume(returning: true) }
        }
        Task {
            try? await Task.sleep(for: limit)
            if decided.claim() { continuation.resume(returning: false) }
        }
    }
}

/// A flag that exactly one caller can claim.
final class OnceFlag: Sendable {
    private let claimed = Atomic<Bool>(false)
    func claim() -> Bool { !claimed.exchange(true, ordering: .acquiringAndReleasing) }
}
