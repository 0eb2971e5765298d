import Foundation

/// Folds a name for matching: no case, no diacritics, hyphens and apostrophes as spaces, spaces collapsed.
/// "Al-Qaïda" and "al qaida" fold to the same text.
enum NameFolding {
    static func fold(_ name: String) -> String {
        foldASCII(name) ?? foldUnicode(name)
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

    /// The same folding for a name written in ASCII only (most names), on its bytes; `nil` for any other name.
    static func foldASCII(_ name: String) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(name.utf8.count)
        var space = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if space, !folded.isEmpty { folded.append(UInt8(ascii: " ")) }
                space = false
                folded.append(byte | (byte >= UInt8(ascii: "A") ? 0x20 : 0))
            default:
                space = true
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
