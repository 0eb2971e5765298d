/// A fixed set of words looked up by their exact UTF-8 bytes: a hash over the bytes finds the candidate, one
/// comparison confirms it. Meant for folded tokens, whose bytes match a word exactly when their text does (the
/// standard library's `String` hashing, which normalises every key, costs more than the rule itself).
struct WordTable<Value: Sendable>: Sendable {
    private var slots = HashTable<Int>()
    private var words: [String] = []
    private var values: [Value] = []
    /// No word is longer than this, in UTF-8 bytes.
    private var longest = 0
    /// For each first byte, the lengths (bit `min(length, 63)`) of the words that start with it: most tokens are
    /// turned away by one load and a mask, before any hashing.
    private var lengthsByFirstByte = [UInt64](repeating: 0, count: 256)

    /// A table of `entries`.
    init(_ entries: [String: Value]) {
        for (word, value) in entries.sorted(by: { $0.key < $1.key }) {
            let hash = Self.hash(word)
            precondition(slots[hash] == nil, "two words of a WordTable share a hash")
            slots.set(hash, words.count)
            words.append(word)
            values.append(value)
            longest = max(longest, word.utf8.count)
            if let first = word.utf8.first { lengthsByFirstByte[Int(first)] |= Self.lengthBit(word.utf8.count) }
        }
    }

    /// The value of `word`, if it is in the table.
    @inline(__always)
    subscript(word: String) -> Value? {
        let utf8 = word.utf8
        guard let first = utf8.first, utf8.count <= longest,
            lengthsByFirstByte[Int(first)] & Self.lengthBit(utf8.count) != 0,
            let index = slots[Self.hash(word)], words[index] == word
        else {
            return nil
        }
        return values[index]
    }

    @inline(__always)
    private static func lengthBit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    /// FNV-1a over the UTF-8 bytes.
    @inline(__always)
    static func hash(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { bytes in
            var hash = FeatureHash.seed
            for byte in bytes { hash = FeatureHash.add(hash, UInt32(byte)) }
            return hash
        }
    }
}
