import Testing

@testable import NewsbusExtract

@Suite struct LexiconTests {
    @Test func aHashFilterKeepsEveryHashItHoldsAndTurnsAwayMostOthers() {
        var filter = HashFilter(log2Bits: 16)
        var random = SplitMix(state: 11)
        let held = (0..<2000).map { _ in random.next() }
        for hash in held { filter.insert(hash) }
        #expect(held.allSatisfy(filter.mayContain))
        // About 2000 bits of 65 536 are set: some 3 % of other hashes get through.
        let others = (0..<10_000).map { _ in random.next() }
        #expect(others.filter(filter.mayContain).count < 600)
    }

    @Test func theGazetteerFindsTheLongestNamesThroughItsFilter() {
        let gazetteer = Gazetteer(tsv: "LOC\tParis\nORG\tBanque de France\nLOC\tFrance\nLOC\tSaint-Denis\n")
        let words = Tokenizer().tokenize("La Banque de France, Paris et Saint-Denis").map { FeatureHash.word($0.text) }
        let hits = gazetteer.hits(words)
        #expect(hits.map(\.tokens) == [1..<4, 5..<6, 7..<8])
        #expect(hits.map(\.labels) == [.organization, .location, .location])
    }
}

@Suite struct WordTableTests {
    @Test func findsEachWordAndNothingElse() {
        let words = ["mai", "juin", "août", "décembre", "hier", "aujourd'hui", "du", "au", "€", "a", String(repeating: "x", count: 70)]
        let table = WordTable(Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) }))
        for (index, word) in words.enumerated() { #expect(table[word] == index, "\(word)") }
        // Same first byte or same length as a word, a prefix, a longer word, other letters, the empty string.
        for other in ["ma", "maï", "juil", "aout", "déc", "hie", "d", "aa", "", "$", String(repeating: "x", count: 69), "Mai"] {
            #expect(table[other] == nil, "\(other)")
        }
    }
}
