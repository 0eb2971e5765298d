import Foundation

/// Text normalisation shared by every step: Unicode NFC, white space collapsed, invisible characters removed,
/// typographic characters (curly quotes, no-break spaces, `3ᵉ`, `№`) kept as written.
enum TextNormalizer {
    /// Unicode NFC. Text made only of code points below U+0300 is already NFC and is returned as is.
    static func nfc(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value >= 0x300 {
            needsWork = true
            break
        }
        return needsWork ? text.precomposedStringWithCanonicalMapping : text
    }

    /// One line: NFC, runs of white space made one space, invisible and control characters removed, trimmed.
    static func line(_ text: String) -> String {
        var accumulator = TextAccumulator()
        accumulator.append(text)
        return nfc(accumulator.finish())
    }

    /// Lower-cased text for phrase matching: typographic apostrophes and quotes folded to ASCII, no-break spaces
    /// made spaces.
    static func folded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x00B4, 0x0060: result.unicodeScalars.append("'")
            case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: result.unicodeScalars.append("\"")
            case 0x00A0, 0x202F, 0x2009, 0x2007: result.unicodeScalars.append(" ")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Counts words: runs of letters and digits (apostrophes and hyphens inside a word do not split it).
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for index in 0..<bytes.count {
                let byte = bytes[index]
                let isWord: Bool
                if byte < 0x80 {
                    if byte == 0x27 || byte == 0x2D { continue }
                    isWord = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                } else {
                    isWord = !WordBoundaries.isSeparator(bytes, at: index)
                }
                if isWord && !inWord { count += 1 }
                inWord = isWord
            }
            return count
        }
    }
}
