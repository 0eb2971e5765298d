import Foundation
import NewsbusProtocol
import Testing

@testable import NewsbusParse

/// Texts compared as bytes (``MatchText``, ``SeenTexts``, ``PhraseSet``) give the answers Strings gave.
@Suite struct MatchTextTests {
    static let tricky = ByteFoldingTests.tricky
    static func referenceFolded(_ text: String) -> String { ByteFoldingTests.referenceFolded(text) }

    @Test func plainTextsAreThoseWhoseCodePointsAllStandAlone() {
        #expect(MatchText(verbatim: "l'été à 3\u{A0}€ — “oui” ᵉ").isPlain)
        #expect(!MatchText(verbatim: "e\u{301}").isPlain)
        #expect(!MatchText(verbatim: "a\r\nb").isPlain)
        #expect(!MatchText(folding: "İ").isPlain)
    }

    /// Every pair of tricky texts, folded and not, and their prefixes.
    static var pairs: [(String, String)] {
        let texts = tricky + tricky.map(referenceFolded) + ["ǰ", "j\u{30C}", "é", "e\u{301}", "a", "a\u{301}", "ab"]
        return texts.flatMap { a in texts.map { b in (a, b) } }
    }

    @Test func comparesAsStringsCompare() {
        for (a, b) in Self.pairs {
            let left = MatchText(verbatim: a)
            let right = MatchText(verbatim: b)
            #expect(left.matches(right) == (a == b), "\(a) == \(b)")
            #expect(left.hasPrefix(right) == a.hasPrefix(b), "\(a) hasPrefix \(b)")
        }
        // Canonically equivalent texts of which one is plain and one is not are equal.
        #expect(MatchText(verbatim: "ǰ").matches(MatchText(folding: "J\u{30C}")))
        #expect(!MatchText(verbatim: "e\u{301}x").hasPrefix(MatchText(verbatim: "e")))
    }

    @Test func stripsTruncationAndBulletsAsStringsDid() {
        let bullets = SingleScalarCharacters("»•- \"")
        for text in Self.tricky + [
            "Lire la suite…", "Fin. . .", "» • - \"Titre", "•\u{301} x", "Suite …\u{301}", "…", "-",
        ] {
            #expect(
                MatchText(verbatim: text).truncationStripped().string == BoilerplateClassifier.truncationStripped(text))
            #expect(
                MatchText(verbatim: text).droppingLeading(bullets).string
                    == String(text.drop { bullets.characters.contains($0) }))
        }
    }

    @Test func findsRepeatedTextsAsASetOfStringsWould() {
        var seen = SeenTexts()
        var strings = Set<String>()
        for text in Self.tricky + Self.tricky.map(Self.referenceFolded) + [
            "ǰ", "j\u{30C}", "e\u{301}te\u{301}", "été", "x", "x",
        ] {
            #expect(seen.insert(MatchText(verbatim: text)) == strings.insert(text).inserted, "\(text)")
        }
    }

    @Test func findsPhrasesAsByteSearchesWould() {
        let phrases = ["lire", "lire aussi", "©", "(c) 20", "à voir", "ab"]
        let set = PhraseSet(phrases)
        for text in ["lire aussi : x", "à voir", "photo © afp", "(c) 2019", "a", "", "xab", "li", "b ©"] {
            let bytes = Array(text.utf8)
            #expect(set.startsAny(bytes) == phrases.contains { bytes.starts(with: Array($0.utf8)) }, "\(text)")
            #expect(
                set.occurs(in: bytes) == phrases.contains { PhraseRules.contains(bytes, Array($0.utf8)) }, "\(text)")
        }
        #expect(PhraseSet(["", "x"]).startsAny(Array("abc".utf8)))
        #expect(!PhraseSet([""]).occurs(in: Array("abc".utf8)))
        // One- and two-byte phrases at the end of the text, where there is no third byte.
        #expect(PhraseSet(["q"]).occurs(in: Array("aq".utf8)) && PhraseSet(["q"]).occurs(in: Array("qa".utf8)))
        #expect(PhraseSet(["©"]).occurs(in: Array("photo ©".utf8)) && !PhraseSet(["qa"]).occurs(in: Array("aq".utf8)))
        let lists = PhraseSet(lists: [["suivez"], ["facebook", "twitter"], ["©"]])
        #expect(lists.listsOccurring(in: Array("suivez-nous sur twitter".utf8)) == 0b011)
        #expect(lists.listsOccurring(in: Array("© afp".utf8)) == 0b100)
        #expect(lists.listsOccurring(in: Array("rien".utf8)) == 0)
    }
}

/// Word counts, SimHash and share bars, computed on bytes, keep the values the earlier code gave.
@Suite struct WordScanTests {
    /// Texts with their SimHash and word count as the parse core gave them before it counted on bytes.
    static let pinned: [(text: String, simhash: String, words: Int)] = [
        (
            "Le Maroc, acteur clé et allié majeur des États-Unis et l’Espagne dans la lutte contre le terrorisme, préside le Forum pour la 3ᵉ fois.",
            "744313820110a7a0", 25
        ),
        (
            "ÉTÉ « brûlant » à Agadir\u{A0}: 45\u{202F}°C — record ! Ça chauffe… l’aïd-el-kébir, c'est ΣΟΦΟΣ & İstanbul 🇫🇷 e\u{301}te\u{301}.",
            "a1a7ca2f2b18541a", 16
        ),
        ("Deux mots", "b547741c451233ac", 2),
    ]

    @Test(arguments: 0..<3)
    func keepsSimHashAndWordCount(_ index: Int) throws {
        let (text, simhash, words) = Self.pinned[index]
        let article = try ArticleParser().parse(RawArticle(text: text))
        #expect(article.simhash == simhash)
        #expect(article.wordCount == words)
    }

    @Test func countsTheBitsOfManyValues() {
        var counter = BitCounter()
        var expected = [Int](repeating: 0, count: 64)
        var value: UInt64 = 0x9E37_79B9_7F4A_7C15
        // More than twice 255 values, so the one-byte counts are emptied on the way; some all ones.
        for index in 0..<700 {
            value = index % 7 == 0 ? .max : value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            counter.add(value)
            for bit in 0..<64 where value >> UInt64(bit) & 1 == 1 { expected[bit] += 1 }
        }
        #expect(counter.ones() == expected)
    }

    @Test func findsShareBarsOnBytesAsOnCharacters() {
        let lines = [
            "partager sur facebook partager sur x envoyer par e-mail", "share on x · share on linkedin · email",
            "partager", "facebook twitter", "le ministre a partagé sur facebook", "partager\u{301} facebook twitter",
            "facebook 3 twitter", "facebook–twitter", "e\u{301}mail facebook", "партнер facebook", "",
        ]
        let expected = [true, true, false, true, false, false, true, true, false, false, false]
        for (line, shareBar) in zip(lines, expected) {
            #expect(PhraseRules.isShareBar(MatchText(verbatim: line)) == shareBar, "\(line)")
        }
        #expect(
            MatchText(verbatim: "a-b, ça 3x").plainWords { $0 == 0x2D || $0 >= 0x80 }.map {
                String(decoding: $0, as: UTF8.self)
            } == ["a-b", "ça", "x"])
    }
}
