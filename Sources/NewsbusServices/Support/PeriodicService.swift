import Foundation
import Logging
import NewsbusStage
import ServiceLifecycle

/// Maintenance that runs every `interval` beside a service's real work, and once more on shutdown: write-ahead log
/// checkpoints, journal compaction, full-text indexing. A failure is logged and tried again next time.
struct PeriodicService: Service, CustomStringConvertible {
    let description: String
    let interval: Duration
    let logger: Logger
    let work: @Sendable () throws -> Void

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                runOnce()
            }
        }
        runOnce()
    }

    private func runOnce() {
        do {
            try work()
        } catch {
            logger.warning("\(description) failed", metadata: [LogKey.error: "\(error)"])
        }
    }

    /// Work done by a step that handles at most `limit` items per call (one short transaction each), called until it
    /// handles fewer, so that a backlog never holds a database for long; the items are counted under `counter`.
    static func inSlices(
        of limit: Int, counting counter: String, in counters: StageCounters,
        _ step: @escaping @Sendable (_ limit: Int) throws -> Int
    ) -> @Sendable () throws -> Void {
        {
            while true {
                let handled = try step(limit)
                counters.add(counter, handled)
                if handled < limit { return }
            }
        }
    }
}
