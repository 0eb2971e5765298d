import Foundation
import Logging
import NewsbusStage
import NewsbusStore
import ServiceLifecycle

/// Checkpoints a database's write-ahead log (the store's, the journal's) every `interval` from its own connection
/// (writers never do), and once more on shutdown.
struct CheckpointService: Service, CustomStringConvertible {
    let checkpointer: WALCheckpointer
    let interval: Duration
    let logger: Logger

    var description: String { "CheckpointService" }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                checkpoint()
            }
        }
        checkpoint()
    }

    private func checkpoint() {
        do {
            try checkpointer.checkpoint()
        } catch {
            logger.warning("checkpoint failed", metadata: [LogKey.error: "\(error)"])
        }
    }
}
