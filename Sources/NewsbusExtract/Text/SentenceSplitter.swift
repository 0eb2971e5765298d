/// Groups tokens into sentences: a sentence ends after `.`, `!`, `?`, `…` or `...` (abbreviations keep their full
/// stop inside their token, so they never end one), before a line break, and after at most ``maxLength`` tokens.
public struct SentenceSplitter: Sendable {
    /// The longest sentence the tagger is given.
    public var maxLength: Int

    /// A splitter that cuts sentences longer than `maxLength` tokens.
    public init(maxLength: Int = 150) {
        self.maxLength = maxLength
    }

    /// Index ranges of `tokens`, one per sentence, covering every token in order.
    public func split(_ tokens: [Token]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() {
            if token.newlineBefore && index > start {
                sentences.append(start..<index)
                start = index
            }
            let isEnd = Self.isTerminal(token.text)
            let next = index + 1 < tokens.count ? tokens[index + 1].text : ""
            // Closing quotes and brackets stay with the sentence they close.
            if isEnd && !Self.isCloser(next) || index + 1 - start >= maxLength
                || (Self.isCloser(token.text) && index > start && Self.isTerminal(tokens[index - 1].text))
            {
                sentences.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
        return sentences
    }

    static func isTerminal(_ text: String) -> Bool {
        // Every terminal starts with `.`, `!`, `?` or the first byte of `…`: most tokens stop here.
        guard let first = text.utf8.first, first == 0x2E || first == 0x21 || first == 0x3F || first == 0xE2 else {
            return false
        }
        return text == "." || text == "!" || text == "?" || text == "…" || text.hasPrefix("..")
    }

    static func isCloser(_ text: String) -> Bool {
        // The first bytes of `»`, `"`, `)` and `”`.
        guard let first = text.utf8.first, first == 0xC2 || first == 0x22 || first == 0x29 || first == 0xE2 else {
            return false
        }
        return text == "»" || text == "\"" || text == ")" || text == "”"
    }
}
