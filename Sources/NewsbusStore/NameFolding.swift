import Foundation

/// Folds a name for matching: no case, no diacritics, hyphens and apostrophes as spaces, spaces collapsed.
/// "Al-Qaïda" and "al qaida" fold to the same text.
enum NameFolding {
    static func fold(_ name: String) -> String {
        foldLatin(name) ?? foldUnicode(name)
    }

    /// The folding of any name, through Foundation's case, diacritic and width folding.
    static func foldUnicode(_ name: String) -> String {
        let stripped = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var space = false
        for character in stripped {
            if character.isLetter || character.isNumber {
                if space, !result.isEmpty { result.append(" ") }
                space = false
                result.append(character)
            } else {
                space = true
            }
        }
        return result
    }

    /// The same folding for a name written in ASCII, Latin letters with diacritics (U+00A0–U+024F) and general
    /// punctuation (U+2000–U+206F) — nearly every name — code point by code point; `nil` for any other name.
    static func foldLatin(_ name: String) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(name.utf8.count)
        var space = false
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                var byte = UInt8(truncatingIfNeeded: value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    break
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    byte |= 0x20
                default:
                    space = true
                    continue
                }
                if space, !folded.isEmpty { folded.append(UInt8(ascii: " ")) }
                space = false
                folded.append(byte)
                continue
            }
            switch CodePointFold.table(value) {
            case .letters(let bytes):
                if space, !folded.isEmpty { folded.append(UInt8(ascii: " ")) }
                space = false
                folded += bytes
            case .separator:
                space = true
            case .unknown, nil:
                return nil
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}

/// What the Unicode folding makes of one code point on its own: letters or digits (their UTF-8 bytes), a separator,
/// or something that depends on its neighbours.
enum CodePointFold: Sendable {
    case letters([UInt8])
    case separator
    case unknown

    /// The ranges folded code point by code point: Latin-1 and Latin Extended-A and B, general punctuation.
    static let ranges: [ClosedRange<UInt32>] = [0xA0...0x24F, 0x2000...0x206F]

    /// The fold of `value` when it is in ``ranges``.
    static func table(_ value: UInt32) -> CodePointFold? {
        if ranges[0].contains(value) { return latin[Int(value - ranges[0].lowerBound)] }
        if ranges[1].contains(value) { return punctuation[Int(value - ranges[1].lowerBound)] }
        return nil
    }

    private static let latin = ranges[0].map(fold)
    private static let punctuation = ranges[1].map(fold)

    /// Computed with the Unicode path itself, once, so both paths agree by construction.
    private static func fold(_ value: UInt32) -> CodePointFold {
        guard let scalar = Unicode.Scalar(value) else { return .unknown }
        // A code point that joins the character before or after it (a joiner, a mark) is folded with it.
        let own = String(Character(scalar))
        guard ("a" + own).count == 2, (own + "a").count == 2 else { return .unknown }
        let alone = NameFolding.foldUnicode(own)
        if alone.isEmpty { return .separator }
        if alone.contains(" ") { return .unknown }
        // Letters next to letters must fold as they do alone (no context-dependent case or composition).
        for neighbour in ["a", "Z", "\u{E9}"] {
            let pair = own + neighbour
            guard NameFolding.foldUnicode(pair) == alone + NameFolding.foldUnicode(neighbour) else { return .unknown }
        }
        return .letters(Array(alone.utf8))
    }
}
