import NewsbusParse
import NewsbusProtocol
import Testing

@Suite struct MetadataTests {
    @Test func readsJSONLDFirst() throws {
        let article = try Fixture.parseHTML("english-news-page-with-json-ld.html")
        #expect(article.authors == ["Tom Rivers", "Ana Lopes"])
        #expect(article.published == DatedValue(value: "2024-05-02T06:15:00+00:00", origin: .jsonLD))
        #expect(article.updated == DatedValue(value: "2024-05-02T11:40:00+00:00", origin: .jsonLD))
        #expect(article.canonicalURL == "https://coastal-herald.example/news/night-ferries")
        #expect(article.siteName == "The Coastal Herald")
        #expect(article.lang == "en")
    }

    @Test func readsMetaTagsWithoutJSONLD() throws {
        let article = try Fixture.parseHTML("french-news-page-with-every-kind-of-boilerplate.html")
        #expect(article.title == "La coopérative de Tiznit relance la filière de l'argan")
        #expect(article.authors == ["Samira Benali"])
        #expect(article.published == DatedValue(value: "2023-03-14T09:30:00+01:00", origin: .meta))
        #expect(article.updated == DatedValue(value: "2023-03-14T17:05:00+01:00", origin: .meta))
        #expect(article.siteName == "Le Courrier du Souss")
        #expect(article.lede == "Trois cents familles vivent désormais de la transformation des noix.")
        #expect(article.lang == "fr")
        #expect(article.langConfidence > 0.8)
    }

    @Test func fallsBackOnTimeElementsThenOnText() throws {
        let paragraph = "<p>Le marché couvert de la médina rouvre après deux ans de travaux, avec quarante étals neufs et une halle aux poissons agrandie.</p>"
        let withTime = try ArticleParser().parse(
            RawArticle(html: "<body><time datetime=\"2022-11-05\">5 nov.</time>\(paragraph)</body>"))
        #expect(withTime.published == DatedValue(value: "2022-11-05", origin: .time))
        let withText = try ArticleParser().parse(RawArticle(html: "<body><p>Publié le 3 juin 2021</p>\(paragraph)</body>"))
        #expect(withText.published == DatedValue(value: "2021-06-03", origin: .text))
        #expect(!withText.body.contains("Publié le"))
    }

    @Test func stripsTheSiteNameFromTheDocumentTitle() throws {
        let html = "<html><head><title>Les pluies reviennent sur le Rif | Journal du Nord</title></head><body><p>Texte de l'article assez long pour être gardé par le parseur, sur les pluies du Rif.</p></body></html>"
        #expect(try ArticleParser().parse(RawArticle(html: html)).title == "Les pluies reviennent sur le Rif")
    }

    @Test func usesTheClientTitleAndURLWhenGiven() throws {
        let raw = RawArticle(
            html: "<p>Un texte d'article suffisamment long pour rester dans le corps après le nettoyage.</p>",
            url: "https://example.org/a", source: "example", title: "Titre du client")
        let article = try ArticleParser().parse(raw)
        #expect(article.title == "Titre du client")
        #expect(article.url == "https://example.org/a")
        #expect(article.source == "example")
    }
}
