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
