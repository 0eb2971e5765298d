import Foundation
@testable import NewsbusCLI
import NewsbusParse
import Testing

@Suite struct ParseCommandTests {
    let runner = ParseLineRunner(parser: ArticleParser())
    let text = "Le port de Casablanca a accueilli un record de conteneurs cette année, selon l'autorité portuaire nationale."

    private func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func line(_ object: [String: Any]) throws -> [UInt8] {
        [UInt8](try JSONSerialization.data(withJSONObject: object))
    }

    @Test func parsesItsOptions() throws {
        let command = try #require(try NewsbusCommand.parseAsRoot(["parse", "--jobs", "1"]) as? ParseCommand)
        #expect(command.jobs == 1)
        #expect(throws: (any Error).self) { try NewsbusCommand.parseAsRoot(["parse", "--jobs", "0"]) }
        let bench = try #require(try NewsbusCommand.parseAsRoot(["bench", "parse", "--pages", "/tmp", "--json"]) as? ParseBenchCommand)
        #expect(bench.json)
        let corpus = try #require(
            try NewsbusCommand.parseAsRoot(["bench", "parse", "--corpus", "/dev/null", "--threads", "1"]) as? ParseBenchCommand)
        #expect(corpus.corpus == "/dev/null")
        #expect(throws: (any Error).self) {
            try NewsbusCommand.parseAsRoot(["bench", "parse", "--corpus", "/dev/null", "--pages", "/tmp"])
        }
    }

    @Test func benchmarksTheArticlesOfACorpus() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = [
            #"{"id": "a", "title": "Le port", "text": "\#(text)"}"#, #"{"id": "b", "text": "  "}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let articles = try ParseBenchmark.loadArticles(from: file.path, limit: nil)
        #expect(articles.map(\.title) == ["Le port", nil])
        let result = ParseBenchmark.run(.articles(articles), threads: 1, rounds: 2)
        #expect(result.items == 4)
        #expect(result.failures == 2)
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains(#""articles_per_cpu_s":"#))
        #expect(ParseBenchmark.table([result]).hasPrefix("threads articles"))
    }

    @Test func writesOneParsedArticlePerLine() throws {
        let output = try object(runner.process(try line(["id": 7, "text": text, "url": "https://example.org/a"])))
        #expect(output["id"] as? Int == 7)
        #expect(output["body"] as? String == text)
        #expect(output["paragraphs"] as? [String] == [text])
        #expect(output["lang"] as? String == "fr")
        #expect(output["url"] as? String == "https://example.org/a")
        #expect((output["simhash"] as? String)?.count == 16)
    }

    @Test func readsRawPageBytesInBase64() throws {
        let page = Data("<meta charset=\"windows-1252\"><p>Caf\u{E9} cr\u{E8}me servi chaque matin sur la place, face au port.</p>".unicodeScalars.map { UInt8($0.value) })
        let output = try object(runner.process(try line(["id": "b", "html_base64": page.base64EncodedString()])))
        #expect(output["body"] as? String == "Café crème servi chaque matin sur la place, face au port.")
    }

    @Test func answersABadLineWithAnErrorAndGoesOn() throws {
        let lines: [[UInt8]] = [
            Array("not json".utf8), try line(["id": "empty", "text": "  "]), try line(["id": "ok", "text": text]),
        ]
        let outputs = try runner.run(lines, jobs: 2).map(object)
        #expect((outputs[0]["error"] as? [String: String])?["code"] == "bad_json")
        #expect(outputs[1]["id"] as? String == "empty")
        #expect((outputs[1]["error"] as? [String: String])?["code"] == "empty_input")
        #expect(outputs[2]["id"] as? String == "ok")
        #expect(outputs[2]["error"] == nil)
    }

    @Test func keepsInputOrderOnSeveralThreads() throws {
        let lines = try (0..<40).map { try line(["id": $0, "text": "\(text) Numéro \($0)."]) }
        let ids = try runner.run(lines, jobs: 4).map { try object($0)["id"] as? Int }
        #expect(ids == Array(0..<40))
    }
}
