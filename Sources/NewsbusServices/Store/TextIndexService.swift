import Foundation
import Logging
import NewsbusStage
import NewsbusStore
import ServiceLifecycle

/// Keeps the store's full-text index caught up: every `interval`, indexes the articles committed since, in one
/// transaction per batch (text queries also catch it up first, so they never miss a committed article).
struct TextIndexService: Service, CustomStringConvertible {
    let store: SQLiteArticleStore
    let interval: Duration
    let counters: StageCounters
    let logger: Logger

    var description: String { "TextIndexService" }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                catchUp()
            }
        }
        catchUp()
    }

    private func catchUp() {
        do {
            while true {
                let indexed = try store.indexText(limit: 2000)
                counters.add("indexed", indexed)
                if indexed < 2000 || Task.isCancelled { return }
            }
        } catch {
            logger.warning("text indexing failed", metadata: [LogKey.error: "\(error)"])
        }
    }
}
