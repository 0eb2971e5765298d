import Foundation
import Logging
import NewsbusIngest
import NewsbusStage
import ServiceLifecycle

/// Keeps ingest's journal from growing without bound: every `interval`, deletes the stored entries older than
/// `retention` (pending and dead ones stay). Within the retention an exact duplicate is recognised by ingest; after
/// it, the store (idempotent by id) still recognises it.
struct JournalCompactionService: Service, CustomStringConvertible {
    let journal: ArticleJournal
    let retention: Duration
    let interval: Duration
    let counters: StageCounters
    let logger: Logger

    var description: String { "JournalCompactionService" }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                compact()
                try await Task.sleep(for: interval)
            }
        }
    }

    private func compact() {
        let cutoff = Date().addingTimeInterval(-Double(retention.components.seconds))
        do {
            // In slices, so that a large backlog never holds the journal for long.
            while true {
                let deleted = try journal.compact(settledBefore: cutoff, limit: 10_000)
                counters.add("compacted", deleted)
                if deleted < 10_000 { break }
                if Task.isCancelled { break }
            }
        } catch {
            logger.warning("journal compaction failed", metadata: [LogKey.error: "\(error)"])
        }
    }
}
