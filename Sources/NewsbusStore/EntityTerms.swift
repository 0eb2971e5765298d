/// The words under which an article's entities are found in `entity_terms`, the store's entity lookup index (an
/// FTS5 table: one row per article, its rowid the article's sequence number).
///
/// Each entity gives three words: `k` and 16 hex digits of a hash of its key, `n` and the hash of its folded name,
/// and `l` and its label (`lper`, `lloc` …). Hashes make every key and name one plain ASCII word, whatever its
/// characters, for FTS5's `ascii` tokenizer. A lookup matches the words, then checks the `entities` rows of the
/// articles found, so two names with the same hash (or an article deleted since) never give a wrong answer.
///
/// An FTS5 index takes an article's words at the end of its segment and merges segments in sequence. B-tree indexes
/// on keys and names put each of an article's entities on a different page, and a commit rewrote every one of those
/// pages: at 16 articles per commit, 87 KB of log per article, against 8 KB this way.
enum EntityTerms {
    /// The words of an entity.
    static func words(key: String, label: String, foldedName: String) -> [String] {
        [word("k", hash(key)), word("n", hash(foldedName)), labelWord(label)]
    }

    /// The words of one article's entities, each once, separated by spaces: what `entity_terms` holds for it.
    struct ArticleWords {
        private var keys = Set<UInt64>()
        private var names = Set<UInt64>()
        private var labels = Set<String>()
        private(set) var text = ""

        /// Adds the words of one entity.
        mutating func add(key: String, label: String, foldedName: String) {
            let keyHash = hash(key)
            if keys.insert(keyHash).inserted { append(word("k", keyHash)) }
            let nameHash = hash(foldedName)
            if names.insert(nameHash).inserted { append(word("n", nameHash)) }
            if labels.insert(label).inserted { append(labelWord(label)) }
        }

        private mutating func append(_ word: String) {
            if !text.isEmpty { text.append(" ") }
            text.append(word)
        }
    }

    /// The FTS5 query for articles with an entity whose key is `entity` or whose folded name is `foldedName`, with
    /// `label` when given.
    static func query(entity: String, foldedName: String, label: String?) -> String {
        let either = "(\(word("k", hash(entity))) OR \(word("n", hash(foldedName))))"
        guard let label else { return either }
        return either + " AND " + labelWord(label)
    }

    /// The FTS5 query for articles with an entity labelled `label`.
    static func query(label: String) -> String { labelWord(label) }

    /// A key (`k`) or name (`n`) word: the kind and the hash in hex.
    private static func word(_ kind: String, _ hash: UInt64) -> String { kind + hex(hash) }

    private static func labelWord(_ label: String) -> String {
        "l" + String(decoding: label.utf8.filter { $0.isASCIIAlphanumeric }.map { $0 | 0x20 }, as: UTF8.self)
    }

    /// FNV-1a (64 bits) of the UTF-8 bytes. Stored in the index (as ``hex(_:)``): it must never change.
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value
    }

    /// `value` as 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0xF
                buffer[index] = digit < 10 ? 0x30 + digit : 0x57 + digit
            }
            return 16
        }
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
