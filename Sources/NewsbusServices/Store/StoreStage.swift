import Foundation
import NewsbusProtocol
import NewsbusStage
import NewsbusStore

/// The store as a stage: writes each enriched article (article, entities, mentions in one transaction), then —
/// only after the commit — publishes it as `article.enriched.<lang>` with its sequence number, and publishes
/// `article.stored`.
///
/// A redelivered article (ingest sends again what it did not see acknowledged) changes nothing in the database, but
/// its stored version is published again with its original sequence number, together with the acknowledgement:
/// when a crash lost the first publication, the acknowledgement was lost with it, so the redelivery is what makes
/// every stored article published at least once. Subscribers recognise a repeat by its `seq`.
public struct StoreStage: Stage {
    public let name = "store"
    let store: any ArticleStore
    let clock: @Sendable () -> Date

    public init(store: any ArticleStore, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.clock = clock
    }

    public func process(_ input: Envelope<EnrichedArticle>) throws(StageFailure) -> [Emission] {
        try process(batch: [input])[0].get()
    }

    /// Writes the whole batch in one transaction, then publishes each article's events.
    public func process(batch: [Envelope<EnrichedArticle>]) -> [Result<[Emission], StageFailure>] {
        let now = clock()
        let writes = store.write(batch: batch.map { ($0.id, $0.payload) }, storedAt: Timestamp.format(now))
        return zip(batch, writes).map { input, write in
            Result { () throws(StageFailure) -> [Emission] in
                switch write {
                case .success(let write): return try emissions(for: input, write, at: now)
                case .failure(let error):
                    // A write that fails (disk full, I/O error) is the database's problem, not the article's.
                    throw StageFailure(code: error.code, reason: error.message, transient: error.code == "write_failed")
                }
            }
        }
    }

    /// What is published once an article is committed (or found already stored): the article as stored, and the
    /// acknowledgement.
    private func emissions(for input: Envelope<EnrichedArticle>, _ write: StoreWrite, at now: Date) throws(StageFailure)
        -> [Emission]
    {
        var event = input
        event.sequence = write.sequence
        event.sentAt = now
        let qualifiers = [input.payload.article.lang]
        var emissions: [Emission] = []
        if let document = write.document {
            do {
                emissions.append(.init(.events, try WireCodec.encode(event, payloadJSON: document, qualifiers: qualifiers)))
            } catch {
                throw StageFailure(code: error.code.description, reason: error.message)
            }
        } else {
            emissions.append(try .publish(event, qualifiers: qualifiers))
        }
        var ack = input.forwarding(StoredAck(duplicate: write.duplicate, sequence: write.sequence), sentAt: now)
        ack.sequence = write.sequence
        emissions.append(try .publish(ack))
        return emissions
    }
}
