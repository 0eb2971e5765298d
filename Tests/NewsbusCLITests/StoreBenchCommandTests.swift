import ArgumentParser
import Foundation
import Testing

@testable import NewsbusCLI

/// `newsbus bench store` on a corpus written for the test: enrichment, writes in batches, indexing, checkpoint.
@Suite struct StoreBenchCommandTests {
    @Test func parsesItsOptions() throws {
        let command = try #require(
            try NewsbusCommand.parseAsRoot(["bench", "store", "--articles", "5", "--batch", "2", "--passes", "1", "--json"])
                as? StoreBenchCommand)
        #expect(command.articles == 5 && command.batch == 2 && command.passes == 1 && command.json)
        #expect(throws: (any Error).self) { try NewsbusCommand.parseAsRoot(["bench", "store", "--batch", "0"]) }
    }

    @Test func writesIndexesAndCheckpointsEveryArticle() throws {
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let lines = (0..<5).map { index in
            #"{"title": "Rabat \#(index)", "text": "Le ministre Nasser Bourita a reçu à Rabat, le \#(index + 1) mars 2024, son homologue espagnol José Manuel Albares. Article \#(index)."}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)

        let enriched = try StoreBenchCommand.enrich(corpus: corpus.path, limit: 4)
        #expect(enriched.count == 4)
        #expect(Set(enriched.map(\.id)).count == 4)
        #expect(enriched.allSatisfy { !$0.article.entities.isEmpty })

        let phases = try StoreBenchCommand.pass(enriched, batch: 3)
        #expect(phases.write > 0 && phases.write.isFinite)
        #expect(phases.index >= 0 && phases.checkpoint >= 0)
        #expect(phases.megabytes > 0)
    }
}
