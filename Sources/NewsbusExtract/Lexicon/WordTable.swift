/// A fixed set of words looked up by their exact UTF-8 bytes: a hash over the bytes finds the candidate, one
/// comparison confirms it. Meant for folded tokens, whose bytes match a word exactly when their text does (the
/// standard library's `String` hashing, which normalises every key, costs more than the rule itself).
struct WordTable<Value: Sendable>: Sendable {
    private var slots = HashTable<Int>()
    private var words: [String] = []
    private var values: [Value] = []
    /// No word is longer than this, in UTF-8 bytes.
    private var longest = 0

    /// A table of `entries`.
    init(_ entries: [String: Value]) {
        for (word, value) in entries.sorted(by: { $0.key < $1.key }) {
            let hash = Self.hash(word)
            precondition(slots[hash] == nil, "two words of a WordTable share a hash")
            slots.set(hash, words.count)
            words.append(word)
            values.append(value)
            longest = max(longest, word.utf8.count)
        }
    }

    /// The value of `word`, if it is in the table.
    @inline(__always)
    subscript(word: String) -> Value? {
        guard word.utf8.count <= longest, let index = slots[Self.hash(word)], words[index] == word else {
            return nil
        }
        return values[index]
    }

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
