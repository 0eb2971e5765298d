/// A 64-bit SimHash of a text's word shingles, for grouping near-duplicate stories: texts that share most of
/// their three-word sequences get hashes that differ in few bits.
///
/// Words are runs of letters and digits (ASCII letters lower-cased; every non-ASCII character counts as a letter
/// except no-break spaces and common punctuation). Each shingle of three consecutive words is hashed from the
/// words' FNV-1a hashes and votes on every bit. Texts of one or two words use those words as one shingle.
public enum SimHash {
    /// The hash of `text` as 16 lower-case hex digits, or nil when the text has no word.
    public static func hex(of text: String) -> String? {
        guard let value = hash(of: text) else { return nil }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `text`, or nil when the text has no word.
    public static func hash(of text: String) -> UInt64? {
        let words = wordHashes(of: text)
        guard !words.isEmpty else { return nil }
        let width = min(3, words.count)
        let shingles = words.count - width + 1
        // Each shingle votes +1 or -1 on every bit; a bit is set when the +1 win: when it is set in more than half.
        var counter = BitCounter()
        for start in 0..<shingles {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for index in start..<(start + width) {
                hash = (hash ^ words[index]) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
            }
            counter.add(hash)
        }
        let ones = counter.ones()
        var result: UInt64 = 0
        for bit in 0..<64 where ones[bit] * 2 > shingles { result |= 1 << UInt64(bit) }
        return result
    }

    /// Bits that differ between two hashes (0 for identical texts, about 32 for unrelated ones).
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// FNV-1a hashes of the words of `text`.
    static func wordHashes(of text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        // About one word in six bytes of news text.
        hashes.reserveCapacity(text.utf8.count / 6)
        var text = text
        text.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false
            var index = 0
            while index < bytes.count {
                var byte = bytes[index]
                // One character: an ASCII byte (lower-cased), or every byte of a multi-byte sequence.
                let end: Int
                let isWord: Bool
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                    isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    end = index + 1
                } else {
                    isWord = !WordBoundaries.isSeparator(bytes, at: index)
                    end = min(index + UTF8Text.sequenceLength(byte), bytes.count)
                }
                if isWord {
                    hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                    for next in (index + 1)..<end { hash = (hash ^ UInt64(bytes[next])) &* 0x0000_0100_0000_01B3 }
                    inWord = true
                } else if inWord {
                    hashes.append(hash)
                    hash = 0xcbf2_9ce4_8422_2325
                    inWord = false
                }
                index = end
            }
            if inWord { hashes.append(hash) }
        }
        return hashes
    }
}

/// Counts, for each of the 64 bits, how many of the values added have it set. Eight bits are counted at once:
/// a byte of a value selects, from a table, eight one-byte counts to add to one 64-bit lane (one per byte of the
/// values), and the lanes are emptied into the totals before a one-byte count can overflow.
struct BitCounter {
    /// Eight one-byte counts per lane: lane `b`, byte `k` counts bit `8 * b + k`. One value, not a heap array.
    private var packed = SIMD8<UInt64>()
    private var totals = [Int](repeating: 0, count: 64)
    /// Values added since the lanes were last emptied.
    private var pending = 0

    /// For each byte value, its eight bits spread one per byte (bit `k` becomes byte `k`).
    private static let spread: [UInt64] = (0..<256).map { value in
        (0..<8).reduce(0) { word, bit in word | UInt64(value >> bit & 1) << (8 * UInt64(bit)) }
    }

    mutating func add(_ value: UInt64) {
        Self.spread.withUnsafeBufferPointer { spread in
            var lanes = SIMD8<UInt64>()
            for byte in 0..<8 { lanes[byte] = spread[Int(truncatingIfNeeded: value >> (8 * UInt64(byte))) & 0xFF] }
            packed &+= lanes
        }
        pending += 1
        if pending == 255 { empty() }
    }

    /// How many values had each bit set.
    mutating func ones() -> [Int] {
        empty()
        return totals
    }

    private mutating func empty() {
        for byte in 0..<8 {
            for bit in 0..<8 { totals[8 * byte + bit] += Int(packed[byte] >> (8 * UInt64(bit)) & 0xFF) }
        }
        packed = SIMD8()
        pending = 0
    }
}

/// Fast word boundaries on UTF-8 bytes: the non-ASCII characters that separate words.
enum WordBoundaries {
    /// Whether the non-ASCII byte at `index` belongs to a separator: no-break and other spaces (U+00A0,
    /// U+2000–U+200B, U+202F), guillemets (U+00AB, U+00BB), dashes, curly quotes, ellipsis and bullet (U+2010–U+2026).
    static func isSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        // Find the lead byte of the sequence this byte belongs to.
        var lead = index
        while lead > 0, bytes[lead] & 0xC0 == 0x80, index - lead < 3 { lead -= 1 }
        let first = bytes[lead]
        if first == 0xC2, lead + 1 < bytes.count {
            let second = bytes[lead + 1]
            return second == 0xA0 || second == 0xAB || second == 0xBB || second == 0xB7
        }
        if first == 0xE2, lead + 2 < bytes.count, bytes[lead + 1] == 0x80 {
            let third = bytes[lead + 2]
            return third <= 0xA6 || third == 0xAF
        }
        return false
    }
}
