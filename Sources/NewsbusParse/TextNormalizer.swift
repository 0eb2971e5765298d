import Foundation

/// Text normalisation shared by every step: Unicode NFC, white space collapsed, invisible characters removed,
/// typographic characters (curly quotes, no-break spaces, `3ᵉ`, `№`) kept as written.
enum TextNormalizer {
    /// Unicode NFC. Text without combining marks, conjoining jamo or canonical singletons is already NFC and is
    /// returned as is (most text: the check is a scan over the code points).
    static func nfc(_ text: String) -> String {
        var text = text
        let mayChange = text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                // ASCII, continuation bytes and the two-byte sequences below U+0300 (lead bytes under 0xCC).
                guard lead >= 0xCC else {
                    index += 1
                    continue
                }
                let length = UTF8Text.sequenceLength(lead)
                if mayChangeUnderNFC(UTF8Text.decode(bytes, at: index, length: length)) { return true }
                index += length
            }
            return false
        }
        return mayChange ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Code points that NFC may change or compose with a neighbour (a superset, kept cheap).
    private static func mayChangeUnderNFC(_ value: UInt32) -> Bool {
        switch value {
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x0483...0x0489, 0x0591...0x05C7, 0x0610...0x065F, 0x0670,
            0x06D6...0x06ED, 0x0900...0x0DFF, 0x0F00...0x0FFF, 0x1100...0x11FF, 0x1AB0...0x1AFF, 0x1B00...0x1B7F,
            0x1DC0...0x1DFF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x20D0...0x20FF, 0x2126, 0x212A...0x212B,
            0x2329...0x232A, 0x3099...0x309A, 0xF900...0xFAFF, 0xFE20...0xFE2F, 0x1D15E...0x1D1C0,
            0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// One line: NFC, runs of white space made one space, invisible and control characters removed, trimmed.
    static func line(_ text: String) -> String {
        var text = text
        return text.withUTF8 { line(utf8: $0) }
    }

    /// ``line(_:)`` of valid UTF-8 bytes.
    static func line(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var accumulator = TextAccumulator(capacity: bytes.count)
        accumulator.append(utf8: bytes)
        return nfc(accumulator.finish())
    }

    /// Lower-cased text for phrase matching: typographic apostrophes and quotes folded to ASCII, no-break spaces
    /// made spaces.
    static func folded(_ text: String) -> String {
        String(decoding: foldedUTF8(text), as: UTF8.self)
    }

    /// ``folded(_:)`` as UTF-8 bytes, made from the text's bytes: ASCII capitals and Latin-1 capitals are
    /// lowered by arithmetic, other code points by their Unicode lower-case mapping.
    static func foldedUTF8(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                if input[index] < 0x80 {
                    index = appendLowercasedASCII(input, from: index, to: &output)
                    continue
                }
                let lead = input[index]
                let length = UTF8Text.sequenceLength(lead)
                let value = UTF8Text.decode(input, at: index, length: length)
                appendFolded(value, UnsafeBufferPointer(rebasing: input[index..<index + length]), to: &output)
                index += length
            }
            return output
        }
    }

    /// Appends the run of ASCII bytes of `input` that starts at `start`, capitals lowered; returns where it ends.
    private static func appendLowercasedASCII(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, to output: inout [UInt8]
    ) -> Int {
        var end = start + 1
        while end < input.count, input[end] < 0x80 { end += 1 }
        let first = output.count
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
        output.withUnsafeMutableBufferPointer { output in
            for index in first..<output.count where output[index] >= 0x41 && output[index] <= 0x5A {
                output[index] |= 0x20
            }
        }
        return end
    }

    /// Appends the folded form of the non-ASCII code point `value`, whose UTF-8 is `bytes`.
    private static func appendFolded(_ value: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        switch value {
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x00B4: output.append(UInt8(ascii: "'"))
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: output.append(UInt8(ascii: "\""))
        case 0x00A0, 0x202F, 0x2009, 0x2007: output.append(UInt8(ascii: " "))
        case 0x00C0...0x00DE where value != 0x00D7:
            // Latin-1 capitals: their lower-case letter is 0x20 above (C3 80…9E → C3 A0…BE), without a property lookup.
            output.append(bytes[0])
            output.append(bytes[1] + 0x20)
        case 0x0080...0x00FF, 0x2000...0x206F:
            // The rest of Latin-1, and General Punctuation (dashes, ellipsis, bullets): no case.
            output.append(contentsOf: bytes)
        default:
            let scalar = Unicode.Scalar(value)!
            if scalar.properties.changesWhenLowercased {
                output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                output.append(contentsOf: bytes)
            }
        }
    }

    /// Counts words: runs of letters and digits (apostrophes and hyphens inside a word do not split it).
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isWord: Bool
                if byte < 0x80 {
                    index += 1
                    if byte == 0x27 || byte == 0x2D { continue }
                    isWord = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                } else {
                    // All the bytes of a multi-byte character are on the same side.
                    isWord = !WordBoundaries.isSeparator(bytes, at: index)
                    index += UTF8Text.sequenceLength(byte)
                }
                if isWord && !inWord { count += 1 }
                inWord = isWord
            }
            return count
        }
    }
}
