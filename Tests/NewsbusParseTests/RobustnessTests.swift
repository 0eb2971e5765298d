import NewsbusParse
import NewsbusProtocol
import Testing

@Suite struct RobustnessTests {
    let parser = ArticleParser()
    let paragraph = "Les pêcheurs d'Essaouira ont repris la mer lundi après trois jours de tempête sur la côte atlantique."

    @Test func recoversFromTagSoup() throws {
        let html = "<html><body><div><p>\(paragraph)<p><b><i>Second paragraphe sans fermeture, mais assez long pour être gardé par le parseur.</b></i><div></span></td>"
        let article = try parser.parse(RawArticle(html: html))
        #expect(article.body.contains(paragraph))
        #expect(article.body.contains("Second paragraphe sans fermeture"))
    }

    @Test func keepsTheTextOfATruncatedPage() throws {
        let html = "<html><head><title>Tempête</title></head><body><article><p>\(paragraph)</p><p>Le port a rouvert à midi, selon la capitainerie qui surveille la houle depuis<a href=\"/x"
        let article = try parser.parse(RawArticle(html: html))
        #expect(article.body.hasPrefix(paragraph))
    }

    @Test func refusesEmptyPagesAndKeepsQuietOnPagesWithoutText() throws {
        #expect(throws: ParseFailure(.emptyInput, "")) { try parser.parse(RawArticle(html: " \n\t")) }
        #expect(throws: ParseFailure(.emptyInput, "")) { try parser.parse(htmlBytes: []) }
        let empty = try parser.parse(RawArticle(html: "<html><body><nav><a href='/'>Accueil</a></nav></body></html>"))
        #expect(empty.body.isEmpty)
        #expect(empty.blocks.isEmpty)
        #expect(empty.simhash == nil)
        let strict = ArticleParser(options: .init(failWhenEmpty: true))
        #expect(throws: ParseFailure(.noContent, "")) { try strict.parse(RawArticle(html: "<html><body></body></html>")) }
    }

    @Test func parsesAVeryLargePageAndRefusesOneOverTheLimit() throws {
        // Given 2 MB of paragraphs
        let large = "<html><body><article>" + String(repeating: "<p>\(paragraph)</p>\n", count: 20_000)
            + "</article></body></html>"
        let article = try parser.parse(RawArticle(html: large))
        #expect(article.blocks.count == 1)  // the repeated paragraph is kept once
        #expect(article.removed["duplicate"] == 19_999)
        // And a page over the default 20 MiB limit
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: (20 << 20) + 1)
        #expect(throws: ParseFailure(.tooLarge, "")) { try parser.parse(htmlBytes: huge) }
    }

    @Test func walksDeeplyNestedTagsWithoutRecursion() throws {
        // Given 50,000 nested divs and 5,000 unclosed font tags around the text
        let depth = 50_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + String(repeating: "<font>", count: 5_000)
            + "<p>\(paragraph)</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try parser.parse(RawArticle(html: html))
        #expect(article.body == paragraph)
    }

    @Test func ignoresScriptsStylesAndHiddenElements() throws {
        let html = """
            <body><script>document.write('<p>faux texte</p>')</script><style>p { color: red }</style>
            <p style="display: none">Texte caché qui ne doit jamais apparaître dans le corps de l'article.</p>
            <p hidden>Autre texte caché qui ne doit jamais apparaître dans le corps de l'article.</p>
            <p>\(paragraph)</p></body>
            """
        let article = try parser.parse(RawArticle(html: html))
        #expect(article.body == paragraph)
    }

    @Test func survivesNULsAndControlCharacters() throws {
        let html = "<p>\u{0}\u{1}\(paragraph)\u{7}</p>\u{0}"
        let article = try parser.parse(RawArticle(html: html))
        #expect(article.body == paragraph)
    }
}
