import Foundation
import NewsbusProtocol

/// Ingest's decision for a batch of received messages: validate each, give it its content id, journal the new ones
/// before anything is acknowledged or forwarded, and recognise exact duplicates.
public struct ArticleIntake: Sendable {
    /// What became of one message.
    public enum Outcome: Sendable, Equatable {
        /// New: journaled; forward `message` (the envelope, encoded once for the journal and the wire) to parse.
        case accepted(Envelope<RawArticle>, message: WireMessage)
        /// Already accepted earlier under this id; nothing to do.
        case duplicate(ArticleID, clientID: String?)
        /// Refused, with the reason.
        case rejected(IngestRejection, clientID: String?)
    }

    public let validator: ArticleValidator
    public let journal: ArticleJournal
    /// How long the store has before a new article is sent again.
    public let redelivery: RedeliveryPolicy

    public init(validator: ArticleValidator, journal: ArticleJournal, redelivery: RedeliveryPolicy = RedeliveryPolicy()) {
        self.validator = validator
        self.journal = journal
        self.redelivery = redelivery
    }

    /// Decides every message of a batch; the new articles are journaled in one transaction.
    /// - Throws: the journal's error, in which case nothing of the batch was accepted.
    public func admit(_ messages: [WireMessage], now: Date = Date()) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        var candidates: [(index: Int, envelope: Envelope<RawArticle>, message: WireMessage)] = []
        for message in messages {
            switch validator.validate(message) {
            case .failure(let rejection):
                outcomes.append(.rejected(rejection, clientID: nil))
            case .success(let article):
                let trace = message.frames.count == 2 ? (try? WireCodec.header(of: message))?.trace : nil
                let envelope = Envelope(
                    id: ArticleIdentity.id(of: article), trace: trace ?? .random(), createdAt: now, payload: article)
                do {
                    let encoded = try WireCodec.encode(envelope)
                    candidates.append((outcomes.count, envelope, encoded))
                    outcomes.append(.accepted(envelope, message: encoded))
                } catch {
                    let rejection = IngestRejection(code: "encoding_failed", reason: error.message)
                    outcomes.append(.rejected(rejection, clientID: article.clientID))
                }
            }
        }
        let fresh = try journal.admit(
            candidates.map { ($0.envelope.id, $0.message.frames[1]) }, at: now,
            due: ArticleRedelivery(journal: journal, policy: redelivery).firstDue(after: now))
        for (candidate, isNew) in zip(candidates, fresh) where !isNew {
            outcomes[candidate.index] = .duplicate(candidate.envelope.id, clientID: candidate.envelope.payload.clientID)
        }
        return outcomes
    }
}
