@testable import NewsbusParse
import NewsbusProtocol
import Testing

@Suite struct TextStructureTests {
    @Test func bodyIsTheBlocksJoinedByABlankLineWithCodePointOffsets() throws {
        let html = """
            <article><h2>Été 2023 : le bilan 🌍</h2>
            <p>Les nuits d’août ont été les plus chaudes jamais mesurées à Marrakech, selon la météo nationale.</p>
            <ul><li>Record absolu : 49,9 °C le 11 août.</li><li>Vingt-deux nuits au-dessus de 30 °C.</li></ul>
            <blockquote><p>« Nous n’avions jamais vu cela », résume un prévisionniste de la station.</p></blockquote></article>
            """
        let article = try ArticleParser().parse(RawArticle(html: html))
        #expect(article.blocks.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .quote])
        #expect(article.body == article.blockTexts.joined(separator: "\n\n"))
        #expect(article.blockTexts[0] == "Été 2023 : le bilan 🌍")
        // Offsets count code points: the emoji is one, and the next block starts 2 later (the blank line)
        #expect(article.blocks[0].end == article.blockTexts[0].unicodeScalars.count)
        #expect(article.blocks[1].start == article.blocks[0].end + 2)
        #expect(article.wordCount == TextNormalizer.wordCount(article.body))
    }

    @Test func normalisesToNFCAndCleansWhiteSpaceButKeepsTypography() {
        // decomposed é, runs of spaces and tabs, zero-width space, soft hyphen, no-break space before ":"
        let raw = "Cafe\u{301}  au \t lait\u{200B} et  bou\u{AD}langerie\u{00A0}: la 3ᵉ fois, « enfin »"
        #expect(TextNormalizer.line(raw) == "Café au lait et boulangerie\u{00A0}: la 3ᵉ fois, « enfin »")
    }

    @Test func countsWords() {
        #expect(TextNormalizer.wordCount("L'Anti-Atlas, c'est 3 000 km²\u{00A0}: « vraiment » !") == 6)
        #expect(TextNormalizer.wordCount("") == 0)
    }

    @Test func simHashIsStableAndCloseForNearDuplicates() throws {
        let story = "Le conseil municipal de Fès a adopté mardi soir le plan de rénovation de la médina, qui prévoit la restauration de cent vingt maisons anciennes, la réfection des fontaines publiques et la création de deux parkings à l'extérieur des remparts. Les travaux doivent commencer au printemps et durer quatre ans."
        let edited = story.replacingOccurrences(of: "quatre ans", with: "cinq ans")
        let other = "La sélection nationale de football a battu le Ghana deux buts à un samedi à Rabat, au terme d'un match disputé devant quarante mille spectateurs, et se qualifie pour les quarts de finale de la compétition continentale."
        let a = try #require(SimHash.hash(of: story)), b = try #require(SimHash.hash(of: edited))
        let c = try #require(SimHash.hash(of: other))
        #expect(SimHash.hex(of: story)?.count == 16)
        #expect(SimHash.hex(of: story) == SimHash.hex(of: story))
        #expect(SimHash.distance(a, b) < 12)
        #expect(SimHash.distance(a, c) > 16)
        #expect(SimHash.hash(of: " … ") == nil)
    }
}
