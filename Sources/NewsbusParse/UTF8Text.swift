/// Small facts about UTF-8 text, read from its bytes without making Strings or Characters.
enum UTF8Text {
    /// Code points in `text`: the bytes that are not continuation bytes (`10xxxxxx`). Equal to
    /// `text.unicodeScalars.count`, without walking the scalars one by one.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { scalarCount($0) }
    }

    /// Code points in valid UTF-8 `bytes`.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var continuations = 0
        var index = 0
        if let base = bytes.baseAddress {
            // Eight bytes at a time: a continuation byte has its top bit set and the next one clear.
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return bytes.count - continuations
    }

    /// Bytes of the sequence that `lead` starts (1 for ASCII and, defensively, for a stray continuation byte).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The code point whose valid UTF-8 sequence of `length` bytes starts at `index`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        switch length {
        case 1: return lead
        case 2: return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        case 3: return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        default:
            return (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
        }
    }

    /// Whether every code point of `text` stands alone (see ``standsAlone(_:)``).
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlain($0) }
    }

    /// Whether every code point of valid UTF-8 `bytes` stands alone (see ``standsAlone(_:)``).
    static func isPlain(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isPlain($0) }
    }

    /// Whether every code point of valid UTF-8 `buffer` stands alone (see ``standsAlone(_:)``).
    static func isPlain(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < buffer.count {
            let lead = buffer[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                index += 1
                continue
            }
            let length = sequenceLength(lead)
            guard index + length <= buffer.count, standsAlone(decode(buffer, at: index, length: length)) else {
                return false
            }
            index += length
        }
        return true
    }

    /// Whether a code point stands alone: it is NFC, composes with no neighbour, and is a Character (grapheme
    /// cluster) by itself whatever stands next to it, provided its neighbours stand alone too. Text made only of
    /// such code points is NFC and has one Character per code point, so its bytes compare as its Strings do.
    ///
    /// True for ASCII but carriage return (which joins a line feed), Latin-1, Latin Extended, IPA and spacing
    /// modifier letters, Greek and Cyrillic letters, phonetic extensions (`ᵉ`), General Punctuation but the
    /// joiners, currency signs, arrows, mathematical and technical signs but the three NFC replaces (`〈`, `〉`,
    /// `⫝̸`), box drawing, shapes and symbols. False for everything else (combining marks, Hangul jamo, emoji and their
    /// modifiers, variation selectors, scripts with vowel signs …), which is compared as Strings.
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x0D: false
        case 0x0000...0x02FF, 0x0388...0x03FF, 0x0400...0x0482, 0x048A...0x052F, 0x1D00...0x1DBF: true
        case 0x2002...0x200B, 0x200E...0x2064, 0x20A0...0x20C0: true
        case 0x2190...0x2328, 0x232B...0x2ADB, 0x2ADD...0x2BFF: true
        default: false
        }
    }
}
