import NewsbusParse
import NewsbusProtocol
import Testing

@Suite struct BoilerplateRemovalTests {
    @Test func keepsTheArticleTextOfANewsPage() throws {
        // Given a French news page with menus, share bar, captions, cross-links, credits and prompts
        let article = try Fixture.parseHTML("french-news-page-with-every-kind-of-boilerplate.html")
        // Then every paragraph, the subheading and both list items of the article are there, in order
        let texts = article.blockTexts
        #expect(texts.contains { $0.hasPrefix("Au pied de l'Anti-Atlas") })
        #expect(texts.contains { $0.hasPrefix("« Nous avons appris") })
        #expect(texts.contains("Un label pour protéger les producteurs"))
        #expect(texts.contains { $0.hasPrefix("Récolte des noix") })
        #expect(texts.contains { $0.hasPrefix("La prochaine étape") })
        let kinds = Dictionary(zip(texts, article.blocks.map(\.kind)), uniquingKeysWith: { first, _ in first })
        #expect(kinds["Un label pour protéger les producteurs"] == .heading)
        #expect(kinds.first { $0.key.hasPrefix("Récolte") }?.value == .listItem)
    }

    @Test(arguments: [
        "À lire aussi", "Lire aussi", "En vidéo", "© 2023 AFP", "Suivez toute", "Inscrivez-vous", "Crédits photo",
        "Partager", "Accueil", "Politique", "Mots-clés", "Sur le même sujet", "Les exportations d'huile", "Bravo à ces",
        "Les plus lus", "Mentions légales", "cookies", "Par Samira",
    ])
    func dropsBoilerplate(_ phrase: String) throws {
        let article = try Fixture.parseHTML("french-news-page-with-every-kind-of-boilerplate.html")
        #expect(!article.body.contains(phrase))
    }

    @Test func countsWhatItRemovedByKind() throws {
        let article = try Fixture.parseHTML("french-news-page-with-every-kind-of-boilerplate.html")
        for kind in ["navigation", "share_bar", "caption", "cross_link", "credit", "subscribe_prompt", "comments",
            "cookie_notice", "sidebar", "footer", "tags"]
        {
            #expect(article.removed[kind, default: 0] > 0, "expected removals of kind \(kind)")
        }
    }

    @Test func dropsReadMoreTeasersAndRelatedStoriesInEnglish() throws {
        let article = try Fixture.parseHTML("english-news-page-with-json-ld.html")
        #expect(article.body.contains("The harbour authority voted on Wednesday"))
        #expect(article.body.contains("Residents divided over noise"))
        for phrase in ["Read more", "Port workers call off", "Sign up", "Related stories", "Island school", "Advertisement",
            "Share on", "Subscribe", "All rights reserved", "By Tom Rivers"]
        {
            #expect(!article.body.contains(phrase), "leaked: \(phrase)")
        }
    }

    @Test func keepsTheHeadlineOutOfTheBody() throws {
        let article = try Fixture.parseHTML("english-news-page-with-json-ld.html")
        #expect(article.title == "Harbour authority approves night ferries")
        #expect(!article.body.contains("Harbour authority approves"))
    }

    @Test func dropsLinkListsWithoutTellingMarkup() throws {
        // Given a page whose menu is a plain list of links inside the content column
        let html = """
            <html><body><div>
            <ul><li><a href="/a">Accueil</a></li><li><a href="/b">Régions</a></li><li><a href="/c">Monde</a></li></ul>
            <p>Le conseil régional a voté mardi un budget de 40 millions de dirhams pour les routes rurales, dont la moitié ira aux communes de montagne.</p>
            <p>Les travaux commenceront en septembre et dureront deux ans, selon le vice-président chargé de l'équipement.</p>
            </div></body></html>
            """
        let article = try ArticleParser().parse(RawArticle(html: html))
        #expect(article.blockTexts.count == 2)
        #expect(article.removed["link_list", default: 0] == 3)
    }

    @Test func keepsTheStandfirstUnderTheHeadlineOutsideTheArticleBody() throws {
        // Given a page header holding the headline and the standfirst, apart from the article's text
        let html = """
            <body><header class="page-header"><nav><a href="/">Accueil</a></nav>
            <h1>Les dattes de Zagora s'exportent vers l'Europe</h1>
            <p>Les producteurs de la vallée du Drâa ont signé leur premier contrat avec un distributeur espagnol.</p></header>
            <div class="layout"><div class="main"><div class="text">
            <p>La coopérative, qui regroupe soixante exploitations, enverra cette saison quarante tonnes de dattes vers Valence.</p>
            <p>Les prix obtenus sont supérieurs d'un tiers à ceux du marché local, selon son président, qui vise déjà l'Allemagne.</p>
            </div></div></div></body>
            """
        let article = try ArticleParser().parse(RawArticle(html: html))
        #expect(article.blockTexts.first?.hasPrefix("Les producteurs de la vallée") == true)
        #expect(article.blockTexts.count == 3)
        #expect(!article.body.contains("Accueil"))
        #expect(article.title == "Les dattes de Zagora s'exportent vers l'Europe")
    }
}
