import Foundation
import NewsbusProtocol
import NewsbusStage
import NewsbusStore

/// The store as a stage: writes each enriched article (article, entities, mentions in one transaction), then —
/// only after the commit — publishes it as `article.enriched.<lang>` with its sequence number, and publishes
/// `article.stored` (also for a redelivered duplicate, which changes nothing and is not published again).
public struct StoreStage: Stage {
    public let name = "store"
    let store: any ArticleStore
    let clock: @Sendable () -> Date

    public init(store: any ArticleStore, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.clock = clock
    }

    public func process(_ input: Envelope<EnrichedArticle>) throws(StageFailure) -> [Emission] {
        let now = clock()
        let write: StoreWrite
        do {
            write = try store.write(id: input.id, article: input.payload, storedAt: Timestamp.format(now))
        } catch {
            throw StageFailure(code: error.code, reason: error.message)
        }
        var emissions: [Emission] = []
        if !write.duplicate {
            var event = input
            event.sequence = write.sequence
            event.sentAt = now
            emissions.append(try .publish(event, qualifiers: [input.payload.article.lang]))
        }
        var ack = input.forwarding(StoredAck(duplicate: write.duplicate, sequence: write.sequence), sentAt: now)
        ack.sequence = write.sequence
        emissions.append(try .publish(ack))
        return emissions
    }
}
