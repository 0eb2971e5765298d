import Foundation
import Logging
import NewsbusProtocol
import NewsbusStage
import NewsbusStore
import NewsbusTransport
import ServiceLifecycle

/// Keeps every `article.dead` event in the store, where `newsbus query --dead-letters` lists them. Counter:
/// `dead_letters`.
public struct DeadLetterService: Service, CustomStringConvertible {
    let store: any ArticleStore
    let letters: any MessageReceiver
    let counters: StageCounters
    let logger: Logger

    public init(store: any ArticleStore, letters: any MessageReceiver, counters: StageCounters, logger: Logger) {
        self.store = store
        self.letters = letters
        self.counters = counters
        self.logger = logger
    }

    public var description: String { "DeadLetterService" }

    public func run() async throws {
        let letters = self.letters
        await withGracefulShutdownHandler {
            for await message in letters.messages() {
                guard let letter = try? WireCodec.decode(message, as: DeadLetter.self) else { continue }
                do {
                    try store.park(id: letter.id, letter: letter.payload, at: Timestamp.format(Date()))
                    counters.add("dead_letters")
                    logger.warning(
                        "dead letter kept",
                        metadata: [LogKey.articleID: "\(letter.id)", "stage": "\(letter.payload.stage)",
                            LogKey.errorCode: "\(letter.payload.code)"])
                } catch {
                    logger.error("could not keep a dead letter", metadata: [LogKey.error: "\(error)"])
                }
            }
        } onGracefulShutdown: {
            letters.drain()
        }
        await letters.close()
    }
}
