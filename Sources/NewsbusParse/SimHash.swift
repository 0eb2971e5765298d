/// A 64-bit SimHash of a text's word shingles, for grouping near-duplicate stories: texts that share most of
/// their three-word sequences get hashes that differ in few bits.
///
/// Words are lower-cased runs of letters and digits; each shingle of three consecutive words is hashed with
/// FNV-1a (64 bits) and votes on every bit. Texts of one or two words use those words as a single shingle.
public enum SimHash {
    /// The hash of `text` as 16 lower-case hex digits, or nil when the text has no word.
    public static func hex(of text: String) -> String? {
        guard let value = hash(of: text) else { return nil }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `text`, or nil when the text has no word.
    public static func hash(of text: String) -> UInt64? {
        let words = self.words(of: text)
        guard !words.isEmpty else { return nil }
        let width = min(3, words.count)
        var votes = [Int](repeating: 0, count: 64)
        for start in 0...(words.count - width) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in start..<(start + width) {
                for byte in words[index] {
                    hash ^= UInt64(byte)
                    hash &*= 0x0000_0100_0000_01B3
                }
                hash ^= 0x20
                hash &*= 0x0000_0100_0000_01B3
            }
            for bit in 0..<64 { votes[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    /// Bits that differ between two hashes (0 for identical texts, about 32 for unrelated ones).
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    private static func words(of text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current = ""
        for character in text.lowercased().unicodeScalars {
            if character.properties.isAlphabetic || character.properties.numericType != nil {
                current.unicodeScalars.append(character)
            } else if !current.isEmpty {
                words.append(Array(current.utf8))
                current = ""
            }
        }
        if !current.isEmpty { words.append(Array(current.utf8)) }
        return words
    }
}
