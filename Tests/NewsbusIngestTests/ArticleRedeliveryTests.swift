import Foundation
import NewsbusIngest
import NewsbusProtocol
import Testing

@Suite struct ArticleRedeliveryTests {
    let journal: ArticleJournal
    let intake: ArticleIntake
    let redelivery: ArticleRedelivery
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        journal = try ArticleJournal(path: nil)
        let policy = RedeliveryPolicy(deadline: .seconds(10), maxAttempts: 3)
        intake = ArticleIntake(validator: ArticleValidator(), journal: journal, redelivery: policy)
        redelivery = ArticleRedelivery(journal: journal, policy: policy)
    }

    private func accept(_ text: String) throws -> Envelope<RawArticle> {
        let outcomes = try intake.admit([WireMessage(frames: [Data(#"{"text": "\#(text)"}"#.utf8)])], now: start)
        guard case .accepted(let envelope, _) = outcomes[0] else { throw RedeliveryTestFailure() }
        return envelope
    }

    @Test func unconfirmedArticlesAreSentAgainWithTheirAttemptRaisedAndWaitsDoubling() throws {
        // Given an accepted article the store never confirms
        let accepted = try accept("Un article sans accusé de réception.")
        // Then nothing is due before the deadline
        #expect(try redelivery.round(at: start.addingTimeInterval(9)).resend.isEmpty)
        // When the deadline passes, it is sent again as attempt 2, same id and trace
        let second = try redelivery.round(at: start.addingTimeInterval(10))
        let resent = try WireCodec.decode(try #require(second.resend.first), as: RawArticle.self)
        #expect(resent.id == accepted.id)
        #expect(resent.trace == accepted.trace)
        #expect(resent.attempt == 2)
        // And the next wait is twice as long
        #expect(try redelivery.round(at: start.addingTimeInterval(29)).resend.isEmpty)
        #expect(try redelivery.round(at: start.addingTimeInterval(30)).resend.count == 1)
    }

    @Test func confirmedArticlesAreNotSentAgain() throws {
        let accepted = try accept("Un article bien stocké.")
        try journal.markStored([accepted.id])
        #expect(try redelivery.round(at: start.addingTimeInterval(3600)).resend.isEmpty)
        #expect(try journal.counts() == ["stored": 1])
    }

    @Test func compactionDeletesOnlyStoredEntriesPastTheRetention() throws {
        // Given one article stored early, one stored later, one never confirmed and one parked as dead
        let early = try accept("Un article stocké tôt.")
        let late = try accept("Un article stocké tard.")
        _ = try accept("Un article en attente.")
        let dead = try accept("Un article refusé.")
        try journal.markStored([early.id], at: start.addingTimeInterval(60))
        try journal.markStored([late.id], at: start.addingTimeInterval(600))
        _ = try journal.park(dead.id, reason: "refused")
        // When entries settled before the cutoff are compacted
        #expect(try journal.compact(settledBefore: start.addingTimeInterval(300)) == 1)
        // Then only the early stored one is gone: it is no longer a duplicate for ingest, the others still are
        #expect(try journal.counts() == ["stored": 1, "pending": 1, "dead": 1])
        let again = try intake.admit(
            [WireMessage(frames: [Data(#"{"text": "Un article stocké tôt."}"#.utf8)])], now: start.addingTimeInterval(900))
        guard case .accepted(let readmitted, _) = again[0] else { throw RedeliveryTestFailure() }
        #expect(readmitted.id == early.id)
        #expect(try journal.compact(settledBefore: start.addingTimeInterval(300)) == 0)
    }

    @Test func articlesSentTooOftenAreParkedWithADeadLetter() throws {
        let accepted = try accept("Un article qui ne passe jamais.")
        _ = try redelivery.round(at: start.addingTimeInterval(10))  // attempt 2
        _ = try redelivery.round(at: start.addingTimeInterval(30))  // attempt 3
        let last = try redelivery.round(at: start.addingTimeInterval(70))
        #expect(last.resend.isEmpty)
        let letter = try #require(last.dead.first)
        #expect(letter.id == accepted.id)
        #expect(letter.payload.code == "not_stored")
        #expect(letter.payload.attempts == 3)
        #expect(try journal.counts() == ["dead": 1])
        #expect(try redelivery.round(at: start.addingTimeInterval(10_000)).dead.isEmpty)
    }

    @Test func pendingArticlesSurviveARestart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redelivery-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let policy = RedeliveryPolicy(deadline: .seconds(10), maxAttempts: 3)
        _ = try ArticleIntake(validator: ArticleValidator(), journal: try ArticleJournal(path: path), redelivery: policy)
            .admit([WireMessage(frames: [Data(#"{"text": "Avant le redémarrage."}"#.utf8)])], now: start)
        // A new process opens the same journal and finds the article due.
        let reopened = ArticleRedelivery(journal: try ArticleJournal(path: path), policy: policy)
        #expect(try reopened.round(at: start.addingTimeInterval(10)).resend.count == 1)
    }
}

struct RedeliveryTestFailure: Error {}
