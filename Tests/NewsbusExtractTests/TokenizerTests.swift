import Testing

@testable import NewsbusExtract

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    func texts(_ text: String) -> [String] { tokenizer.tokenize(text).map(\.text) }

    @Test func frenchElisionsStayWithTheirApostrophe() {
        #expect(
            texts("l'homme d’affaires qu'il jusqu'à aujourd'hui") == [
                "l'", "homme", "d’", "affaires", "qu'", "il", "jusqu'", "à", "aujourd'hui",
            ])
    }

    @Test func hyphenatedNamesAndRangesAreOneToken() {
        #expect(
            texts("Al-Qaïda, les États-Unis et Jean-Pierre en 2020-2023") == [
                "Al-Qaïda", ",", "les", "États-Unis", "et", "Jean-Pierre", "en", "2020-2023",
            ])
    }

    @Test func abbreviationsInitialsAndAcronymsKeepTheirFullStop() {
        #expect(
            texts("M. Dupont et Mme Durand, Dr. No, J. Smith aux U.S. hier.") == [
                "M.", "Dupont", "et", "Mme", "Durand", ",", "Dr.", "No", ",", "J.", "Smith", "aux", "U.S.", "hier", ".",
            ])
    }

    @Test func numbersKeepSpacedThousandsAndDecimalCommas() {
        #expect(
            texts("6 000 euros, 1 500,50 € et 12,5 % en 2020 200 fois") == [
                "6 000", "euros", ",", "1 500,50", "€", "et", "12,5", "%", "en", "2020", "200", "fois",
            ])
    }

    @Test func frenchQuotesAndEnglishClitics() {
        #expect(
            texts("« Non », dit-il. Reuters's staff don't.") == [
                "«", "Non", "»", ",", "dit-il", ".", "Reuters", "'s", "staff", "do", "n't", ".",
            ])
    }

    @Test func offsetsCountCodePoints() {
        let text = "Le 3ᵉ 👍🏽 Zoë à Paris"
        let tokens = tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == token.text)
        }
        #expect(tokens.last == Token(text: "Paris", start: 15, end: 20))
    }

    @Test func codePointsAreDecodedFromUTF8() {
        let text = "Zoë à Ōsaka, 3ᵉ 👍🏽 «ok»\u{0301}"
        #expect(ScalarText.codePoints(of: text) == text.unicodeScalars.map(\.value))
        #expect(ScalarText.codePoints(of: "").isEmpty)
    }

    @Test func foldedTextIsTheTokenItselfWhenFoldingChangesNothing() {
        let text = "les États-Unis d’Amérique"
        let scalars = ScalarText.codePoints(of: text)
        let tokens = tokenizer.tokenize(text)
        let folded = scalars.withUnsafeBufferPointer { scalars in
            tokens.map { ScalarText.folded(scalars, $0.start..<$0.end, unfolded: $0.text) }
        }
        #expect(folded == tokens.map { TextFold.fold($0.text) })
        #expect(folded == ["les", "etats-unis", "d'", "amerique"])
    }

    @Test func aTokenAloneInBracketsAfterAnother() {
        let tokens = tokenizer.tokenize("Bureau (BCIJ) et (CIA ) ( x")
        #expect(tokens.indices.filter(tokens.isBracketed) == [2, 6])
    }

    @Test func foldingTablesAgreeWithTheUnicodeProperties() {
        let unified: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0x2032, 0x2010, 0x2011, 0x2013]
        var disagreements: [UInt32] = []
        for value in UInt32(0x250)..<0x2200 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let fold =
                unified.contains(value) ? TextFold.fold(value) : properties.lowercaseMapping.unicodeScalars.first?.value
            let letter = properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            if TextFold.fold(value) != fold || TextFold.isLetter(value) != letter
                || TextFold.isUpper(value) != properties.isUppercase
            {
                disagreements.append(value)
            }
        }
        #expect(disagreements.isEmpty)
        #expect(TextFold.fold(0x2019) == 0x27 && TextFold.fold(0x2013) == 0x2D)
        #expect(TextFold.fold(0x0395) == 0x03B5 && TextFold.fold(0x20AC) == 0x20AC)
        #expect(TextFold.fold(0xC9) == 0x65 && TextFold.isUpper(0xC9) && TextFold.isLetter(0x0416))
    }

    @Test func sentencesEndAtFullStopsAndLineBreaksButNotAbbreviations() {
        let tokens = tokenizer.tokenize("M. Dupont est venu. Il « part ! »\nNouvelle ligne")
        let sentences = SentenceSplitter().split(tokens).map { tokens[$0].map(\.text).joined(separator: " ") }
        #expect(sentences == ["M. Dupont est venu .", "Il « part ! »", "Nouvelle ligne"])
    }
}
