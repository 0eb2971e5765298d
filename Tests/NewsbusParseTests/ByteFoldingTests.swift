import Foundation
import Testing

@testable import NewsbusParse

/// Folding and code-point counting on UTF-8 bytes give what the String operations they replace gave.
@Suite struct ByteFoldingTests {
    /// Texts that have tripped up byte-level code: Latin-1 capitals, ß and ẞ, Turkish İ (lower-cased with a
    /// combining dot), Greek final sigma, typographic quotes and apostrophes, no-break and thin spaces, combining
    /// marks, capitals whose lower-case letter exists only precomposed, emoji sequences, Hangul jamo, CR LF.
    static let tricky = [
        "", "ÀÉÎÕÜ ÇÆØÞ × ÷ àéîõü", "Straße STRASSE ẞ", "İstanbul İZMİR ıi", "ΣΟΦΟΣ σοφος ΌΣΟΣ",
        "l’été « cité » “quote” ‘a’ ‛b′ ʼc´",
        "3\u{A0}: 4\u{202F}; 5\u{2009}6\u{2007}7", "e\u{301}te\u{301} café\u{301}", "J\u{30C} ǰ T\u{308} ẗ",
        "\u{1F468}\u{200D}\u{1F469} 🇫🇷 ☝🏽",
        "\u{1100}\u{1161} 가", "a\r\nb", "\u{2329}x\u{232A} \u{212B} \u{2126}", "ᵉ № ™ € … – — •", "Ⱥ Ⱦ ǅ ǈ Ω ϴ",
        "ＡＢＣ ａｂｃ", "\u{10400}\u{10428}", "\u{0600}x \u{0915}\u{094D}\u{0937}", "Ǆ ǲ ǳ", "` ´ ¨",
    ]

    /// Folding as it was done on Strings, one code point at a time: the reference for the byte version.
    static func referenceFolded(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let value = scalar.value
                result.unicodeScalars.append(
                    value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value | 0x20)) : scalar)
                continue
            }
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x00B4: result.unicodeScalars.append("'")
            case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: result.unicodeScalars.append("\"")
            case 0x00A0, 0x202F, 0x2009, 0x2007: result.unicodeScalars.append(" ")
            case 0x00C0...0x00DE where scalar.value != 0x00D7:
                result.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0x0080...0x00FF: result.unicodeScalars.append(scalar)
            default:
                if scalar.properties.changesWhenLowercased {
                    result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Every code point, in strings of 4096.
    static var everyScalar: [String] {
        let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))
        return stride(from: 0, to: scalars.count, by: 4096).map { start in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<min(start + 4096, scalars.count)])
            return text
        }
    }

    @Test(arguments: tricky)
    func foldsBytesAsStringsWereFolded(_ text: String) {
        let expected = Self.referenceFolded(text)
        #expect(TextNormalizer.foldedUTF8(text) == Array(expected.utf8))
        #expect(TextNormalizer.folded(text).utf8.elementsEqual(expected.utf8))
    }

    @Test func foldsEveryCodePointAsBefore() {
        for text in Self.everyScalar {
            let expected = Self.referenceFolded(text)
            #expect(TextNormalizer.foldedUTF8(text) == Array(expected.utf8), "\(text.unicodeScalars.first!)")
        }
    }

    @Test func foldsTheUsualCases() {
        #expect(TextNormalizer.folded("À LIRE AUSSI : l’Été") == "à lire aussi : l'été")
        #expect(TextNormalizer.folded("İ") == "i\u{307}")
        #expect(TextNormalizer.folded("ΣΑΣ") == "σασ")
        #expect(TextNormalizer.folded("«\u{A0}Oui\u{202F}»") == "\" oui \"")
        #expect(TextNormalizer.folded("ẞ ß ×") == "ß ß ×")
    }

    @Test(arguments: tricky)
    func countsCodePointsOnBytes(_ text: String) {
        #expect(UTF8Text.scalarCount(text) == text.unicodeScalars.count)
    }

    /// What ``UTF8Text/standsAlone(_:)`` promises, checked on every code point it accepts: NFC as it is, no
    /// combining class, and one Character by itself next to letters, itself, and other such code points.
    @Test func codePointsThatStandAloneDo() {
        let neighbours: [Unicode.Scalar] = ["a", "é", "\u{2019}", "\u{25B6}", "\u{3A3}"]
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), UTF8Text.standsAlone(value) else { continue }
            let alone = String(scalar)
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            #expect(!scalar.properties.isGraphemeExtend, "U+\(String(value, radix: 16))")
            #expect(
                alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars),
                "U+\(String(value, radix: 16))")
            for neighbour in neighbours + [scalar] {
                var pair = String(neighbour)
                pair.unicodeScalars.append(scalar)
                pair.unicodeScalars.append(neighbour)
                #expect(
                    pair.count == 3, "U+\(String(value, radix: 16)) next to U+\(String(neighbour.value, radix: 16))")
            }
        }
        #expect(!UTF8Text.standsAlone(0x0D) && !UTF8Text.standsAlone(0x301) && !UTF8Text.standsAlone(0x200D))
        #expect(!UTF8Text.standsAlone(0x2329) && !UTF8Text.standsAlone(0x1F600) && !UTF8Text.standsAlone(0x1100))
    }
}

/// The text accumulator copies runs of ASCII, single spaces included, in one go: white space still collapses and
/// the code points (and those of link labels) are still counted one by one.
@Suite struct TextAccumulatorTests {
    @Test(arguments: [
        ("a b  c", "a b c"), ("  lead and trail \t\n ", "lead and trail"), ("x\u{A0}: y", "x\u{A0}: y"),
        ("x \u{A0}y", "x y"), ("a\u{AD}b\u{200B}c d\u{7F}e", "abc de"), ("été à Fès , ok", "été à Fès , ok"),
        ("a \u{2003} b\u{2009}c", "a b\u{2009}c"), ("1 2 3 4 5 6 7 8 9", "1 2 3 4 5 6 7 8 9"),
    ])
    func collapsesWhiteSpace(_ input: String, _ expected: String) {
        var accumulator = TextAccumulator()
        accumulator.append(input)
        #expect(accumulator.scalarCount == expected.unicodeScalars.count)
        #expect(accumulator.finish() == expected)
    }

    @Test func countsLinkLabelsWithTheSpaceBeforeThem() {
        var accumulator = TextAccumulator()
        accumulator.append("see ")
        accumulator.inLink = true
        accumulator.append("the link  here")
        accumulator.inLink = false
        accumulator.append(" now")
        #expect(accumulator.scalarCount == 21)
        #expect(accumulator.linkScalarCount == 14)
        #expect(accumulator.finish() == "see the link here now")
    }
}
