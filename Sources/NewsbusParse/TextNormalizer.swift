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

    /// Counts words: runs of letters, digits and joining punctuation.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39)
                || scalar.properties.numericType != nil
            if isWordScalar {
                if !inWord { count += 1 }
                inWord = true
            } else if scalar.value == 0x27 || scalar.value == 0x2019 || scalar.value == 0x2D {
                continue
            } else {
                inWord = false
            }
        }
        return count
    }
}
