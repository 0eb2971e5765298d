import Foundation
import NewsbusParse
import NewsbusProtocol
import NewsbusTesting
import Testing

/// Checks on the team's shared data, skipped (and reported as skipped) when `../shared/data` is absent.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data beside the package (set NEWSBUS_SHARED_DATA)"))
struct SharedDataTests {
    @Test func parsesTheSeedArticle() throws {
        let text = try String(contentsOf: SharedData.url("articles/seed-maroc-aqmi.txt"), encoding: .utf8)
        let article = try ArticleParser().parse(RawArticle(text: text))
        #expect(article.title == "Le Maroc menacé à nouveau par Al Qaïda")
        #expect(article.blocks.count == 4)
        #expect(article.blocks.allSatisfy { $0.kind == .paragraph })
        #expect(!article.body.contains("À lire"))
        #expect(!article.body.contains("Aller plus loin"))
        #expect(!article.body.contains("Ces articles devraient vous intéresser"))
        #expect(!article.body.contains("José Bono"))
        #expect(article.body.contains("3ᵉ fois consécutive"))
        #expect(article.lang == "fr")
    }

    @Test func parsesDevPagesWithoutFailing() async throws {
        let pages = SharedData.url("extraction/pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted().prefix(15)
        #expect(!names.isEmpty)
        for name in names {
            // The pages are gzip-compressed; gunzip through the system tool to stay within Foundation.
            let gunzip = try OutputCollectingProcess.start(
                URL(fileURLWithPath: "/bin/gzip"), ["-dc", pages.appendingPathComponent(name).path])
            let (html, status) = try await gunzip.output()
            try #require(status == 0, "gzip could not read \(name)")
            let article = try ArticleParser().parse(htmlBytes: [UInt8](html))
            #expect(!article.body.isEmpty, "\(name) gave an empty body")
        }
    }
}
