import Foundation
import NewsbusProtocol

/// When an accepted article that the store has not confirmed is sent again, and when ingest gives up on it.
public struct RedeliveryPolicy: Sendable, Hashable {
    /// How long the store has to confirm an article before it is sent again; each later wait doubles.
    public var deadline: Duration
    /// How many times an article is sent in all before it is parked as dead.
    public var maxAttempts: Int

    public init(deadline: Duration = .seconds(30), maxAttempts: Int = 5) {
        self.deadline = deadline
        self.maxAttempts = maxAttempts
    }

    /// The wait after the `attempt`-th sending (1-based): the deadline, doubled for each earlier attempt.
    public func wait(afterAttempt attempt: Int) -> Duration {
        deadline * (1 << min(max(attempt - 1, 0), 16))
    }
}

/// Sends again what the store has not confirmed in time — from the journal, so also everything still pending after
/// a restart — and parks what was sent too often. The store is idempotent by article id, so a second delivery of
/// an article that was in fact stored changes nothing.
public struct ArticleRedelivery: Sendable {
    public let journal: ArticleJournal
    public let policy: RedeliveryPolicy

    /// What one round decided.
    public struct Round: Sendable {
        /// Envelopes to send again, with their attempt number raised.
        public var resend: [WireMessage] = []
        /// Articles given up on, as dead letters to publish.
        public var dead: [Envelope<DeadLetter>] = []
    }

    public init(journal: ArticleJournal, policy: RedeliveryPolicy) {
        self.journal = journal
        self.policy = policy
    }

    /// Takes the due articles, reschedules or parks them in the journal, and returns what to send.
    public func round(at now: Date, limit: Int = 256) throws -> Round {
        var round = Round()
        var rescheduled: [(id: ArticleID, attempts: Int, due: Date)] = []
        var dead: [ArticleID] = []
        for entry in try journal.due(at: now, limit: limit) {
            let message = WireMessage(topic: MessageType.articleRaw.rawValue, body: entry.envelope)
            let decoded = try? WireCodec.decode(message, as: RawArticle.self)
            guard entry.attempts < policy.maxAttempts, var envelope = decoded else {
                dead.append(entry.id)
                let (code, reason) =
                    decoded == nil
                    ? ("unreadable", "the journaled envelope no longer decodes")
                    : ("not_stored", "not stored after \(entry.attempts) attempt\(entry.attempts == 1 ? "" : "s")")
                let letter = DeadLetter(
                    stage: "ingest", code: code, reason: reason, attempts: entry.attempts, originalType: .articleRaw,
                    original: String(decoding: entry.envelope, as: UTF8.self))
                round.dead.append(Envelope(id: entry.id, trace: decoded?.trace ?? .random(), payload: letter))
                continue
            }
            envelope.attempt = entry.attempts + 1
            envelope.sentAt = now
            round.resend.append(try WireCodec.encode(envelope))
            let due = now.addingTimeInterval(Self.seconds(policy.wait(afterAttempt: envelope.attempt)))
            rescheduled.append((entry.id, envelope.attempt, due))
        }
        try journal.rescheduled(rescheduled)
        try journal.markDead(dead, reason: "given up after \(policy.maxAttempts) attempts or unreadable")
        return round
    }

    /// When a newly accepted article is due to be sent again.
    public func firstDue(after now: Date) -> Date {
        now.addingTimeInterval(Self.seconds(policy.wait(afterAttempt: 1)))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
