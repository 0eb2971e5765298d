import NewsbusParse
import NewsbusProtocol
import Testing

@Suite struct ArticleParserTests {
    let parser = ArticleParser()

    @Test func refusesEmptyInput() {
        #expect(throws: ParseFailure(.emptyInput, "")) { try parser.parse(RawArticle(text: "  \n ")) }
        #expect(throws: ParseFailure(.emptyInput, "")) { try parser.parse(RawArticle()) }
    }

    @Test func refusesInputOverTheLimitWithItsSize() throws {
        // Given a parser limited to 1 KiB
        let small = ArticleParser(options: .init(maximumInputBytes: 1024))
        // When a 2 KiB page comes
        let html = "<p>" + String(repeating: "a", count: 2048) + "</p>"
        // Then it fails with tooLarge and says both sizes
        do {
            _ = try small.parse(RawArticle(html: html))
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.message.contains("2055"))
            #expect(error.message.contains("1024"))
        }
    }
}
