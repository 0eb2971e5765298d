import Foundation
@testable import NewsbusParse
import Testing

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
            let left = MatchText(verbatim: a), right = MatchText(verbatim: b)
            #expect(left.matches(right) == (a == b), "\(a) == \(b)")
            #expect(left.hasPrefix(right) == a.hasPrefix(b), "\(a) hasPrefix \(b)")
        }
        // Canonically equivalent texts of which one is plain and one is not are equal.
        #expect(MatchText(verbatim: "ǰ").matches(MatchText(folding: "J\u{30C}")))
        #expect(!MatchText(verbatim: "e\u{301}x").hasPrefix(MatchText(verbatim: "e")))
    }

    @Test func stripsTruncationAndBulletsAsStringsDid() {
        let bullets = SingleScalarCharacters("»•- \"")
        for text in Self.tricky + ["Lire la suite…", "Fin. . .", "» • - \"Titre", "•\u{301} x", "Suite …\u{301}", "…", "-"] {
            #expect(MatchText(verbatim: text).truncationStripped().string == BoilerplateClassifier.truncationStripped(text))
            #expect(MatchText(verbatim: text).droppingLeading(bullets).string == String(text.drop { bullets.characters.contains($0) }))
        }
    }

    @Test func findsRepeatedTextsAsASetOfStringsWould() {
        var seen = SeenTexts()
        var strings = Set<String>()
        for text in Self.tricky + Self.tricky.map(Self.referenceFolded) + ["ǰ", "j\u{30C}", "e\u{301}te\u{301}", "été", "x", "x"] {
            #expect(seen.insert(MatchText(verbatim: text)) == strings.insert(text).inserted, "\(text)")
        }
    }

    @Test func findsPhrasesAsByteSearchesWould() {
        let phrases = ["lire", "lire aussi", "©", "(c) 20", "à voir", "ab"]
        let set = PhraseSet(phrases)
        for text in ["lire aussi : x", "à voir", "photo © afp", "(c) 2019", "a", "", "xab", "li", "b ©"] {
            let bytes = Array(text.utf8)
            #expect(set.startsAny(bytes) == phrases.contains { bytes.starts(with: Array($0.utf8)) }, "\(text)")
            #expect(set.occurs(in: bytes) == phrases.contains { PhraseRules.contains(bytes, Array($0.utf8)) }, "\(text)")
        }
        #expect(PhraseSet(["", "x"]).startsAny(Array("abc".utf8)))
        #expect(!PhraseSet([""]).occurs(in: Array("abc".utf8)))
    }
}
