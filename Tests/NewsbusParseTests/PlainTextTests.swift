import NewsbusParse
import NewsbusProtocol
import Testing

@Suite struct PlainTextTests {
    @Test func findsTitleLedeAndParagraphsAndDropsTeaserLists() throws {
        // Given a scraped article: headline, truncated standfirst, paragraphs, cross-links, a credit, and the
        // "Aller plus loin" / "Ces articles devraient vous intéresser" lists of other articles' first sentences
        let article = try ArticleParser().parse(RawArticle(text: try Fixture.text("french-text-with-teaser-lists.txt")))
        #expect(article.title == "Le festival de Taroudant ouvre ses portes")
        #expect(article.lede?.hasPrefix("Plus de quarante troupes") == true)
        #expect(article.blockTexts.count == 4)
        #expect(article.blockTexts.allSatisfy { !$0.hasPrefix("À lire") && !$0.hasPrefix("Lire aussi") })
        #expect(!article.body.contains("Aller plus loin"))
        #expect(!article.body.contains("musée consacré aux bijoux"))
        #expect(!article.body.contains("Crédits photo"))
        #expect(article.removed == ["cross_link": 2, "credit": 1, "lede": 1, "teaser_list": 4])
        #expect(article.lang == "fr")
    }

    @Test func dropsShareButtonsAndABylineFollowedByItsDate() throws {
        // Given a scraped article whose share buttons became one line, and whose byline carries the date
        let text = """
            Le port de Casablanca modernise ses quais
            Par Karim Bennani - 3 mars 2026 à 10h05
            Partager sur Facebook Partager sur X Envoyer par e-mail
            Les travaux, lancés en janvier, doivent permettre d'accueillir des navires de plus grande taille d'ici la fin de l'année prochaine.
            L'autorité portuaire estime le coût du chantier à un milliard de dirhams, financé en partie par des emprunts.
            """
        let article = try ArticleParser().parse(RawArticle(text: text))
        // Then neither is in the body, and the byline's date is the publication date
        #expect(article.blockTexts.allSatisfy { !$0.contains("Partager") && !$0.hasPrefix("Par ") })
        #expect(article.removed["share_bar"] == 1)
        #expect(article.removed["byline"] == 1)
        #expect(article.published?.value == "2026-03-03")
        // And a sentence that merely mentions sharing stays
        let prose = try ArticleParser().parse(
            RawArticle(text: "Titre\nLe ministre a partagé sur Facebook une vidéo de la cérémonie, vue des milliers de fois en une journée."))
        #expect(prose.blockTexts.count == 1)
    }

    @Test func keepsTextThatStartsWithABodyParagraph() throws {
        let text = """
            Les autorités sanitaires ont lancé lundi une campagne de vaccination dans les écoles rurales de la province, qui doit toucher douze mille enfants avant l'été.
            Les équipes mobiles se rendront dans quarante villages, selon la direction régionale de la santé.
            © 2019 AFP
            """
        let article = try ArticleParser().parse(RawArticle(text: text))
        #expect(article.title == "")
        #expect(article.blockTexts.count == 2)
        #expect(article.removed["credit"] == 1)
    }

    @Test func marksBulletLinesAsListItemsAndShortLinesAsHeadings() throws {
        let text = """
            Budget 2024 : ce qui change
            Le gouvernement a présenté son projet de loi de finances, qui prévoit plusieurs mesures pour les ménages.
            Les principales mesures
            - Baisse de l'impôt sur le revenu pour les salaires modestes.
            - Revalorisation des allocations familiales de cinq pour cent.
            Le texte sera examiné par le Parlement à partir de la semaine prochaine.
            """
        let article = try ArticleParser().parse(RawArticle(text: text))
        #expect(article.blocks.map(\.kind) == [.paragraph, .heading, .listItem, .listItem, .paragraph])
        #expect(article.blockTexts[2] == "Baisse de l'impôt sur le revenu pour les salaires modestes.")
    }

    @Test(arguments: [
        "À lire aussi : Le port de Tanger Med bat un record", "Lire aussi Le port de Tanger Med bat un record",
        "Read more: Tanger Med port breaks a record", "En vidéo. Le port de Tanger Med", "Crédits photo : AFP",
        "© 2019 AFP", "» Suivez toutes les infos du Figaro culture sur Facebook et Twitter.",
        "Recevez notre newsletter chaque matin", "(...)", "Publicité",
    ])
    func dropsBoilerplateLines(_ line: String) throws {
        let text = """
            Un texte d'article assez long pour rester dans le corps, avec plusieurs phrases et des virgules, comme il se doit.
            \(line)
            Une seconde phrase d'article, elle aussi assez longue pour ne pas être prise pour un titre ou un intertitre.
            """
        let article = try ArticleParser().parse(RawArticle(text: text))
        #expect(article.blockTexts.count == 2)
        #expect(!article.body.contains(line))
    }
}
