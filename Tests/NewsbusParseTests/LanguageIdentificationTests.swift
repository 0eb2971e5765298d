import NewsbusProtocol
import Testing

@testable import NewsbusParse

@Suite struct LanguageIdentificationTests {
    static let samples: [(String, String)] = [
        ("fr", "Le gouvernement a annoncé mardi une hausse du salaire minimum dans l'agriculture et l'industrie, après plusieurs semaines de négociations avec les syndicats."),
        ("en", "The government announced on Tuesday a rise in the minimum wage for farm and factory workers after several weeks of talks with the unions."),
        ("es", "El gobierno anunció el martes una subida del salario mínimo en la agricultura y la industria, tras varias semanas de negociaciones con los sindicatos."),
        ("de", "Die Regierung hat am Dienstag eine Erhöhung des Mindestlohns in Landwirtschaft und Industrie angekündigt, nach mehreren Wochen Verhandlungen mit den Gewerkschaften."),
        ("it", "Il governo ha annunciato martedì un aumento del salario minimo nell'agricoltura e nell'industria, dopo diverse settimane di trattative con i sindacati."),
        ("pt", "O governo anunciou na terça-feira um aumento do salário mínimo na agricultura e na indústria, depois de várias semanas de negociações com os sindicatos."),
        ("nl", "De regering heeft dinsdag een verhoging van het minimumloon in de landbouw en de industrie aangekondigd, na enkele weken onderhandelen met de vakbonden."),
        ("ar", "أعلنت الحكومة يوم الثلاثاء عن زيادة في الحد الأدنى للأجور في قطاعي الفلاحة والصناعة بعد عدة أسابيع من المفاوضات مع النقابات."),
    ]

    @Test(arguments: samples)
    func identifies(_ code: String, _ text: String) throws {
        let article = try ArticleParser().parse(RawArticle(text: text))
        #expect(article.lang == code)
        #expect(article.langConfidence > 0.5)
    }

    @Test func fallsBackOnTheClientHintForTextsTooShortToTell() throws {
        let article = try ArticleParser().parse(RawArticle(text: "OK 42", lang: "fr"))
        #expect(article.lang == "fr")
        #expect(article.langConfidence <= 0.5)
        #expect(try ArticleParser().parse(RawArticle(text: "42 !")).lang == "und")
    }

    @Test func longTextsAreIdentifiedByTheirMiddleNotTheirFirstLines() throws {
        // More than 2 KB of server warnings in English head a page whose article, longer still, is French: the
        // language is the article's (the first 2 KB alone would say English). The lines differ, as on a real page:
        // CLD2 drops text it has just seen.
        let files = ["header", "footer", "sidebar", "comments", "widgets", "gallery", "related", "newsletter"]
        let warnings = files.enumerated().map { index, file in
            "Warning: Cannot modify header information, headers already sent by output started at /var/www/theme/"
                + "\(file).php on line \(index * 7 + 12). Please check the plugin settings and update the theme before "
                + "the next deployment of the website.\n\nNotice: Undefined variable \(file)_title in the template "
                + "loop, which should be declared before it is used by the renderer.\n\n"
        }.joined()
        let subjects = ["Le gouvernement", "La ministre de l'Économie", "Le maire de Rabat", "Les syndicats", "La commission européenne"]
        let actions = ["a annoncé mardi", "a confirmé jeudi", "a présenté vendredi", "a défendu lundi"]
        let objects = [
            "une hausse des salaires dans l'agriculture", "un plan d'investissement pour les régions du Sud",
            "la réforme des retraites devant les députés", "de nouvelles mesures contre la sécheresse",
        ]
        var sentences: [String] = []
        for subject in subjects { for action in actions { for object in objects { sentences.append("\(subject) \(action) \(object).") } } }
        let french = sentences.joined(separator: "\n\n")
        #expect(warnings.utf8.count > LanguageIdentifier.quickSampleBytes)
        let article = try ArticleParser().parse(RawArticle(text: warnings + french))
        #expect(article.lang == "fr")
        #expect(article.langConfidence > 0.5)
    }
}
