import Foundation
@testable import NewsbusCLI
import NewsbusTesting
import Testing

@Suite struct ArticleInputsTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func object(_ item: ArticleInputs.Item) throws -> [String: String] {
        try #require(JSONSerialization.jsonObject(with: item.message) as? [String: String])
    }

    @Test func textAndHTMLFilesBecomeArticlesNamedAfterTheFile() throws {
        let text = try ArticleInputs.read([try write("a.txt", "Titre\nCorps.")])
        #expect(try object(text[0]) == ["text": "Titre\nCorps.", "client_id": "a.txt"])
        let html = try ArticleInputs.read([try write("b.html", "<p>Bonjour</p>")])
        #expect(try object(html[0]) == ["html": "<p>Bonjour</p>", "client_id": "b.html"])
    }

    @Test func jsonLinesKeepTheirIDAsClientID() throws {
        let path = try write("c.jsonl", #"{"id": "x1", "text": "Un"}"# + "\n\n" + #"{"text": "Deux", "client_id": "k"}"# + "\n")
        let items = try ArticleInputs.read([path])
        #expect(items.count == 2)
        #expect(try object(items[0]) == ["client_id": "x1", "text": "Un"])
        #expect(try object(items[1]) == ["text": "Deux", "client_id": "k"])
        #expect(items[1].origin.hasSuffix("c.jsonl:3"))
    }

    @Test func jsonArraysGiveOneArticleEachAndBrokenJSONIsLeftToIngest() throws {
        let items = try ArticleInputs.read([try write("d.json", #"[{"text": "Un"}, {"text": "Deux"}]"#)])
        #expect(items.count == 2)
        let broken = try ArticleInputs.read([try write("e.json", #"{"text": "#)])
        #expect(broken.first?.message == Data(#"{"text": "#.utf8))
    }

    @Test func foldersAreReadRecursivelyInNameOrderAndGzipIsInflated() async throws {
        _ = try write("f/2.txt", "deux")
        _ = try write("f/sub/1.html", "<p>un</p>")
        _ = try write("f/ignored.pdf", "%PDF")
        let gzipped = folder.appendingPathComponent("f/3.jsonl.gz")
        let gzip = try OutputCollectingProcess.start(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "printf '{\"text\": \"trois\"}\\n' | gzip -c > '\(gzipped.path)'"])
        try #require(try await gzip.output().status == 0)
        let items = try ArticleInputs.read([folder.appendingPathComponent("f").path])
        #expect(items.map { (try? object($0))?["text"] ?? (try? object($0))?["html"] ?? "" } == ["deux", "trois", "<p>un</p>"])
    }

    @Test func missingFilesAndUnknownTypesAreExplained() throws {
        #expect(throws: ArticleInputs.Failure.self) { try ArticleInputs.read([folder.appendingPathComponent("nope.txt").path]) }
        let error = #expect(throws: ArticleInputs.Failure.self) { try ArticleInputs.read([try write("g.pdf", "%PDF")]) }
        #expect(error?.description.contains("unsupported file type") == true)
    }
}
