import Foundation
import Logging
import NewsbusStage
import ServiceLifecycle

/// Maintenance that runs every `interval` beside a service's real work, and once more on shutdown: write-ahead log
/// checkpoints, journal compaction, search indexing. A failure is logged and tried again next time.
///
/// The work blocks (SQLite calls that can take tens of milliseconds), so it runs on a thread of its own, never on
/// Swift's cooperative pool: that pool has one thread per core, and a checkpoint and a catch-up running at once on a
/// two-core machine would hold up the service's real work until they end. That thread also runs at a lower
/// priority (``MaintenanceThread``).
struct PeriodicService: Service, CustomStringConvertible {
    let description: String
    let interval: Duration
    let logger: Logger
    let work: @Sendable () throws -> Void
    private let thread: MaintenanceThread
    /// Runs at least this long are logged (at debug level).
    static let slowRun: Duration = .milliseconds(20)

    init(description: String, interval: Duration, logger: Logger, work: @escaping @Sendable () throws -> Void) {
        self.description = description
        self.interval = interval
        self.logger = logger
        self.work = work
        thread = MaintenanceThread(name: "newsbus.periodic.\(description)")
    }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await runOnce()
            }
        }
        await runOnce()
        thread.finish()
    }

    private func runOnce() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            thread.run { [work, logger, description] in
                let clock = ContinuousClock()
                let start = clock.now
                do {
                    try work()
                } catch {
                    logger.warning("\(description) failed", metadata: [LogKey.error: "\(error)"])
                }
                // Maintenance that takes long is what to look at first when latency has a tail.
                let elapsed = start.duration(to: clock.now)
                if elapsed >= Self.slowRun {
                    let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
                    logger.debug("\(description) was slow", metadata: ["ms": "\(milliseconds)"])
                }
                done.resume()
            }
        }
    }

    /// Work done by a step that handles at most `limit` items per call (one short transaction each), called until it
    /// handles fewer (or, with a `budget`, until that many were handled), so that a backlog never holds a database
    /// for long; the items are counted under `counter`.
    static func inSlices(
        of limit: Int, upTo budget: Int? = nil, counting counter: String, in counters: StageCounters,
        _ step: @escaping @Sendable (_ limit: Int) throws -> Int
    ) -> @Sendable () throws -> Void {
        {
            var total = 0
            while budget.map({ total < $0 }) ?? true {
                let handled = try step(limit)
                counters.add(counter, handled)
                total += handled
                if handled < limit { return }
            }
        }
    }
}
