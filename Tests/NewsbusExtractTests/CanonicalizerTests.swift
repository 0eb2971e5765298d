import Foundation
import NewsbusProtocol
import Testing

@testable import NewsbusExtract

@Suite struct CanonicalizerTests {
    func mention(_ text: String, _ label: EntityLabel, at start: Int) -> ExtractedMention {
        ExtractedMention(start: start, end: start + text.unicodeScalars.count, label: label, text: text)
    }

    @Test func variantsOfOneNameMerge() {
        let groups = EntityCanonicalizer().group([
            mention("Al Qaïda", .organization, at: 0), mention("Al-Qaïda", .organization, at: 20),
            mention("AL-QAIDA", .organization, at: 40),
        ])
        #expect(groups.count == 1)
        #expect(groups[0].key == "ORG:al-qaida")
        #expect(groups[0].mentions.count == 3)
    }

    @Test func aSurnameJoinsTheEarlierFullName() {
        let groups = EntityCanonicalizer().group([
            mention("Wendy Sherman", .person, at: 0), mention("Sherman", .person, at: 30),
        ])
        #expect(groups.map(\.key) == ["PER:wendy-sherman"])
        #expect(groups[0].name == "Wendy Sherman")
    }

    @Test func anAcronymJoinsItsExpansion() {
        let groups = EntityCanonicalizer().group([
            mention("Bureau central d'investigations judiciaires", .organization, at: 0),
            mention("BCIJ", .organization, at: 45), mention("BCIJ", .organization, at: 90),
        ])
        #expect(groups.count == 1)
        #expect(groups[0].key == "ORG:bureau-central-d-investigations-judiciaires")
        #expect(groups[0].mentions.map(\.start) == [0, 45, 90])
    }

    @Test func theMajorityLabelWins() {
        let groups = EntityCanonicalizer().group([
            mention("Daech", .organization, at: 0), mention("Daech", .location, at: 10),
            mention("Daech", .organization, at: 20),
        ])
        #expect(groups.map(\.key) == ["ORG:daech"])
    }

    @Test func namesNormaliseToTheirFoldedWordsWithoutALeadingArticle() {
        #expect(NameNormalizer.words("Le Maroc") == ["maroc"])
        #expect(NameNormalizer.words("La") == ["la"])
        #expect(NameNormalizer.words("Les 3 Mousquetaires !") == ["3", "mousquetaires"])
        #expect(NameNormalizer.normalize("L'Union européenne") == "union-europeenne")
        #expect(NameNormalizer.joined("  Al-Qaïda au Maghreb ", separator: " ") == "al qaida au maghreb")
        #expect(NameNormalizer.normalize(" - ") == "")
    }

    @Test func titleWordsMatchWholeWordsAsFoundationDoes() {
        let title = TitleWords("Le Maroc menacé à nouveau par Al Qaïda")
        #expect(title.contains("maroc"))
        #expect(title.contains("al qaida"))
        #expect(!title.contains("aroc"))
        #expect(!title.contains("maroc nouveau"))
        #expect(!title.contains(""))
        #expect(!TitleWords("").contains("maroc"))
        #expect(title.containsAny(of: ["Rabat", "Rabat", "le Maroc"]))
        #expect(!title.containsAny(of: ["Rabat", "Rabat", "Tunis"]))
        #expect(!TitleWords("").containsAny(of: ["Maroc"]))
        // Outside ASCII, Foundation decides (a composed and a decomposed accent are the same character to it).
        #expect(TitleWords("L'œuvre de Zoe\u{301}").contains("zoe\u{301}"))
        let titles = ["Le Maroc menacé", "Sœur Emmanuelle à Paris", "Paris, Texas", "", "États-Unis et Chine"]
        let names = ["maroc", "paris", "sœur emmanuelle", "texas", "etats unis", "unis et", "chine", "me"]
        for title in titles {
            let padded = " " + NameNormalizer.joined(title, separator: " ") + " "
            for name in names {
                #expect(TitleWords(title).contains(name) == padded.contains(" \(name) "), "\(name) in \(title)")
            }
        }
    }

    @Test func salienceFavoursTitleLeadAndFrequency() {
        let groups = EntityCanonicalizer().group([
            mention("Maroc", .location, at: 3), mention("Maroc", .location, at: 900),
            mention("Canada", .location, at: 1200),
        ])
        let scores = SalienceRanker().scores(groups, title: "Le Maroc menacé")
        #expect(scores[0] == 1.0)
        #expect(scores[1] < 0.2)
    }
}
