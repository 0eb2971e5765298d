import Synchronization

/// Counters and recent latencies of one service, shared by its loops and read by its status responder.
public final class StageCounters: Sendable {
    private struct State {
        var counts: [String: Int] = [:]
        var latencies = [Double](repeating: 0, count: 1024)
        var latencyCount = 0
        var draining = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Records that the service began its graceful shutdown (its status then says `draining`).
    public func markDraining() { state.withLock { $0.draining = true } }

    /// `ok` while the service takes work, `draining` once its graceful shutdown began.
    public var serviceState: String { state.withLock { $0.draining ? "draining" : "ok" } }

    /// Adds `amount` to the counter `name` (`received`, `emitted`, `rejected`, …).
    public func add(_ name: String, _ amount: Int = 1) {
        state.withLock { $0.counts[name, default: 0] += amount }
    }

    /// Records how long one message took, in milliseconds (the last 1,024 are kept).
    public func recordLatency(milliseconds: Double) {
        state.withLock { state in
            state.latencies[state.latencyCount % state.latencies.count] = milliseconds
            state.latencyCount += 1
        }
    }

    /// The value of every counter.
    public var counts: [String: Int] { state.withLock { $0.counts } }

    /// The value of one counter.
    public func count(_ name: String) -> Int { state.withLock { $0.counts[name] ?? 0 } }

    /// p50, p90 and p99 of the recent latencies, in milliseconds (empty before the first message).
    public var latencyPercentiles: [String: Double] {
        let recent = state.withLock { Array($0.latencies.prefix(min($0.latencyCount, $0.latencies.count))) }
        guard !recent.isEmpty else { return [:] }
        let sorted = recent.sorted()
        func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(fraction * Double(sorted.count)))] }
        return ["p50": at(0.5), "p90": at(0.9), "p99": at(0.99)]
    }
}
