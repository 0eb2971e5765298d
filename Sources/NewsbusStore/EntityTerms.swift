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
        ["k" + hash(key), "n" + hash(foldedName), labelWord(label)]
    }

    /// The FTS5 query for articles with an entity whose key is `entity` or whose folded name is `foldedName`, with
    /// `label` when given.
    static func query(entity: String, foldedName: String, label: String?) -> String {
        let either = "(k\(hash(entity)) OR n\(hash(foldedName)))"
        guard let label else { return either }
        return either + " AND " + labelWord(label)
    }

    /// The FTS5 query for articles with an entity labelled `label`.
    static func query(label: String) -> String { labelWord(label) }

    private static func labelWord(_ label: String) -> String {
        "l" + String(decoding: label.utf8.filter { $0.isASCIIAlphanumeric }.map { $0 | 0x20 }, as: UTF8.self)
    }

    /// FNV-1a (64 bits) of the UTF-8 bytes, as 16 lower-case hex digits. Stored in the index: it must never change.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
