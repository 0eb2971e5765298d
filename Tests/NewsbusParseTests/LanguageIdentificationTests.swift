import NewsbusParse
import NewsbusProtocol
import Testing

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
        // Server warnings in English head a page whose article is French: the language is the article's.
        let warnings = String(repeating: "Warning: Cannot modify header information, headers already sent by output started in the theme on line 12.\n\n", count: 12)
        let french = Array(repeating: Self.samples[0].1, count: 40).joined(separator: "\n\n")
        let article = try ArticleParser().parse(RawArticle(text: warnings + french))
        #expect(article.lang == "fr")
        #expect(article.langConfidence > 0.5)
    }
}
