/// A list of phrases as UTF-8 bytes, filed by their first byte, for asking whether one of them starts a text or
/// occurs in it with one pass over the text instead of one per phrase.
struct PhraseSet: Sendable {
    /// The phrases, as given.
    let phrases: [[UInt8]]
    /// For each byte value, the indices of the non-empty phrases that start with it.
    private let byFirstByte: [[Int]]
    /// Whether the list holds the empty phrase, which starts every text and occurs in none.
    private let hasEmptyPhrase: Bool

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, phrase) in self.phrases.enumerated() {
            if let first = phrase.first { byFirstByte[Int(first)].append(index) }
        }
        self.byFirstByte = byFirstByte
        hasEmptyPhrase = self.phrases.contains { $0.isEmpty }
    }

    /// Whether `text` starts with one of the phrases.
    func startsAny(_ text: [UInt8]) -> Bool {
        if hasEmptyPhrase { return true }
        guard let first = text.first else { return false }
        return byFirstByte[Int(first)].contains { text.starts(with: phrases[$0]) }
    }

    /// Whether one of the (non-empty) phrases occurs in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { text in
            for start in text.indices {
                for index in byFirstByte[Int(text[start])] where Self.matches(phrases[index], text, at: start) {
                    return true
                }
            }
            return false
        }
    }

    private static func matches(_ phrase: [UInt8], _ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard text.count - start >= phrase.count else { return false }
        var offset = 1
        while offset < phrase.count, text[start + offset] == phrase[offset] { offset += 1 }
        return offset == phrase.count
    }
}
