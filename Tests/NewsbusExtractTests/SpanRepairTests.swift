import Testing

@testable import NewsbusExtract

@Suite struct SpanRepairTests {
    let tokenizer = Tokenizer()

    /// Repairs the spans given as token ranges with labels (0 PER, 1 ORG, 2 LOC) and returns their texts.
    func repaired(_ text: String, _ spans: [(Range<Int>, Int)], gazetteer: Gazetteer = Gazetteer()) -> [String] {
        let tokens = tokenizer.tokenize(text)
        return SpanRepairs(gazetteer: gazetteer).repair(spans.map { .init(tokens: $0.0, label: $0.1) }, tokens).map {
            "\(TagSet.labels[$0.label]) " + tokens[$0.tokens].map(\.text).joined(separator: " ")
        }
    }

    @Test func titlesFunctionsAndAppositionsLeavePersonNames() {
        #expect(repaired("M. Benda arrive", [(0..<2, 0)]) == ["PER Benda"])
        #expect(repaired("le Premier ministre français Édouard Philippe", [(1..<6, 0)]) == ["PER Édouard Philippe"])
        #expect(repaired("José Bono, ancien ministre de la Défense", [(0..<8, 0)]) == ["PER José Bono"])
        #expect(repaired("ministre de l'Intérieur Christophe Castaner", [(3..<6, 0)]) == ["PER Christophe Castaner"])
        #expect(repaired("Charles de Gaulle", [(0..<3, 0)]) == ["PER Charles de Gaulle"])
    }

    @Test func lowerCaseSpansAreDroppedAndSplitNamesJoined() {
        #expect(repaired("contre le terrorisme", [(2..<3, 3)]).isEmpty)
        #expect(repaired("capturer Oussama Ben Laden", [(1..<2, 1), (2..<4, 0)]) == ["PER Oussama Ben Laden"])
        #expect(repaired("la CFDT Laurent Berger", [(1..<2, 1), (2..<4, 0)]) == ["ORG CFDT", "PER Laurent Berger"])
    }

    @Test func gazetteerNamesExtendAndRelabelSpans() {
        let gazetteer = Gazetteer(tsv: "ORG\tAl-Qaïda au Maghreb islamique\nORG\tDaech\nLOC\tMaghreb\n")
        #expect(
            repaired("le viseur Al-Qaïda au Maghreb islamique", [(2..<3, 0), (4..<5, 2)], gazetteer: gazetteer)
                == ["ORG Al-Qaïda au Maghreb islamique"])
        #expect(repaired("contre Daech", [(1..<2, 2)], gazetteer: gazetteer) == ["ORG Daech"])
    }

    @Test func gazetteerCodesFromTheTaggerRepairAsTheWordsDo() {
        // The extractor hands over the codes the tagger matched sentence by sentence instead of matching again.
        let gazetteer = Gazetteer(tsv: "ORG\tAl-Qaïda au Maghreb islamique\nORG\tDaech\nLOC\tMaghreb\n")
        let tokens = tokenizer.tokenize("le viseur Al-Qaïda au Maghreb islamique contre Daech au Maghreb")
        let words = tokens.map { FeatureHash.word($0.text) }
        var codes: [UInt8] = []
        words.withUnsafeBufferPointer { gazetteer.matches(words: $0, into: &codes) }
        let spans: [SpanRepairs.Span] = [.init(tokens: 2..<3, label: 0), .init(tokens: 4..<5, label: 2), .init(tokens: 8..<9, label: 2)]
        let repairs = SpanRepairs(gazetteer: gazetteer)
        let fromCodes = repairs.repair(spans, tokens, words: words, gazetteerCodes: codes)
        #expect(fromCodes == repairs.repair(spans, tokens, words: words))
        #expect(fromCodes.map { tokens[$0.tokens].map(\.text).joined(separator: " ") }.contains("Al-Qaïda au Maghreb islamique"))
    }

    @Test func bracketedAcronymsDefineOrganisations() {
        #expect(
            repaired("le Bureau central d'investigations judiciaires (BCIJ) et", []) == [
                "ORG Bureau central d' investigations judiciaires", "ORG BCIJ",
            ])
    }

    @Test func namesPropagateToTheirRepeats() {
        let tokens = tokenizer.tokenize("Castaner parle. Puis Castaner part. Le Castaner.")
        let spans = NamePropagation(clusters: WordClusters()).propagate(
            [.init(tokens: 0..<1, label: 0)], tokens, sentenceStarts: [0, 3])
        #expect(spans.map(\.tokens) == [0..<1, 4..<5, 8..<9])
    }
}
