import Foundation
import NewsbusProtocol
import NewsbusServices
import NewsbusStore
import NewsbusTesting
import NewsbusTransport
import Testing

/// A database that cannot write is not the article's fault: the store does not refuse the article (which would park
/// it as dead at ingest) but leaves it to be sent again.
@Suite struct StoreFailureTests {
    /// A real in-memory store whose writes of some articles fail, as a full disk would make them.
    final class FailingStore: ArticleStore {
        let real: SQLiteArticleStore
        let failing: Set<ArticleID>

        init(failing: Set<ArticleID>) throws {
            real = try SQLiteArticleStore(path: nil)
            self.failing = failing
        }

        func write(id: ArticleID, article: EnrichedArticle, storedAt: String) throws(StoreError) -> StoreWrite {
            try write(batch: [(id, article)], storedAt: storedAt)[0].get()
        }

        func write(batch: [(id: ArticleID, article: EnrichedArticle)], storedAt: String) -> [Result<StoreWrite, StoreError>] {
            batch.map { entry in
                failing.contains(entry.id)
                    ? .failure(StoreError(code: "write_failed", message: "database or disk is full"))
                    : real.write(batch: [entry], storedAt: storedAt)[0]
            }
        }

        func query(_ query: ArticleQuery) -> QueryResult { real.query(query) }
        func park(id: ArticleID, letter: DeadLetter, at parkedAt: String) throws(StoreError) {
            try real.park(id: id, letter: letter, at: parkedAt)
        }
        func count() throws(StoreError) -> Int { try real.count() }
    }

    @Test func aFailedWriteIsLeftToBeSentAgainNotRefused() async throws {
        // Given a store whose write of one article fails
        let golden = try WireCodec.decode(try Repository.golden("article.enriched"), as: EnrichedArticle.self)
        var unlucky = golden
        unlucky.id = ArticleID(rawValue: "0000000000000000000000000000dead")
        let host = try await InProcessStageHost(
            stage: StoreStage(store: try FailingStore(failing: [unlucky.id])), goldenInputs: [], outputType: .articleEnriched,
            outputIsPublished: true, isIdempotentStore: true)
        // When that article comes, then one that can be written
        try await host.inputs.send(try WireCodec.encode(unlucky))
        try await host.inputs.send(try WireCodec.encode(golden))
        // Then the first event published is about the second: nothing refused the first (events keep input order)
        let first = try await within(eventPatience, "the second article's events") {
            var iterator = host.events.messages().makeAsyncIterator()
            return await iterator.next()
        }
        let header = try WireCodec.header(of: try #require(first))
        #expect(header.id == golden.id)
        #expect(header.type != .articleRejected)
        await host.stopGracefully()
    }
}
