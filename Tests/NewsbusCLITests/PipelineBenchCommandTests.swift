import Foundation
@testable import NewsbusCLI
import NewsbusProtocol
import NewsbusTesting
import Testing

/// `newsbus bench` as a user runs it: the real services, a small corpus, one JSON object with the documented keys.
@Suite struct PipelineBenchCommandTests {
    @Test(.timeLimit(.minutes(2)))
    func printsOneJSONObjectWithTheDocumentedFigures() async throws {
        // Given a corpus of eight synthetic articles as JSON lines
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus.jsonl")
        let lines = try SyntheticNews.articles(count: 8, seed: 11).map {
            String(decoding: try JSONEncoder().encode($0), as: UTF8.self)
        }
        try lines.joined(separator: "\n").write(to: corpus, atomically: true, encoding: .utf8)

        // When four are pushed at full load and four at 50 per second
        let child = try OutputCollectingProcess.start(
            BuiltProducts.newsbus,
            ["bench", "--corpus", corpus.path, "--articles", "4", "--rate", "50", "--paced-articles", "4", "--json"])
        let output = try await child.lines().joined(separator: "\n")

        // Then one JSON object holds throughput, latency, the paced latency and each service's CPU and memory
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(report["articles"] as? Int == 4)
        #expect(report["received"] as? Int == 4)
        #expect((report["throughput_aps"] as? Double ?? 0) > 0)
        #expect((report["words_per_s"] as? Double ?? 0) > 0)
        for latency in [report["latency_ms"], (report["paced"] as? [String: Any])?["latency_ms"]] {
            let percentiles = try #require(latency as? [String: Double])
            #expect(Set(["p50", "p90", "p99"]).isSubset(of: percentiles.keys))
            #expect(percentiles["p50"]! > 0 && percentiles["p50"]! <= percentiles["p99"]!)
        }
        let services = try #require(report["services"] as? [String: [String: Double]])
        #expect(Set(services.keys) == ["ingest", "parse", "extract", "store", "relay"])
        for (name, use) in services {
            #expect((use["cpu_s"] ?? 0) > 0, "\(name)")
            #expect((use["peak_rss_mb"] ?? 0) > 0, "\(name)")
            #expect((use["full_load_cpu_ms_per_article"] ?? -1) >= 0, "\(name)")
        }
    }
}

/// How the benchmark reads an enriched event: its id and word count in one pass, whatever the order of its fields.
@Suite struct BenchmarkEventReadingTests {
    @Test func readsTheIDAndWordCountOfAnEnrichedEvent() throws {
        let body = "Rabat et Tanger signent un accord"
        let parsed = ParsedArticle(
            title: "Accord", body: body, blocks: [TextBlock(kind: .paragraph, start: 0, end: body.unicodeScalars.count)],
            published: nil, lang: "fr", langConfidence: 0.99, wordCount: 6)
        let envelope = Envelope(
            id: "0123456789abcdef0123456789abcdef", sequence: 7,
            payload: EnrichedArticle(article: parsed, entities: [], dates: []))
        let message = try WireCodec.encode(envelope)
        let read = try #require(try EventCollector.idAndWordCount(of: message.frames[1]))
        #expect(read.0 == "0123456789abcdef0123456789abcdef")
        #expect(read.1 == 6)
        // The id after the payload, and an event without a word count
        let reordered = Data(#"{"payload": {"article": {"word_count": 3}}, "id": "ab"}"#.utf8)
        #expect(try EventCollector.idAndWordCount(of: reordered).map { [$0.0.rawValue, "\($0.1)"] } == ["ab", "3"])
        #expect(try EventCollector.idAndWordCount(of: Data(#"{"id": "ab", "payload": {}}"#.utf8)) == nil)
    }
}
