/// One annotated sentence: tokens and their BIO tag numbers (see the tag set: `O`, `B-PER`, `I-PER` …).
public struct LabeledSentence: Sendable, Hashable {
    /// The tokens, with offsets as if joined by single spaces.
    public var tokens: [Token]
    var tags: [Int]

    /// A sentence from token texts and tag names (`"B-PER"`); offsets are made up, one space between tokens.
    public init(words: [String], tags: [String]) throws(ExtractFailure) {
        var tokens: [Token] = []
        var offset = 0
        var numbers: [Int] = []
        for (word, tag) in zip(words, tags) {
            let length = word.unicodeScalars.count
            tokens.append(Token(text: word, start: offset, end: offset + length))
            offset += length + 1
            guard let number = TagSet.tag(tag) else {
                throw ExtractFailure(code: .invalidData, message: "unknown tag `\(tag)` on token `\(word)`")
            }
            numbers.append(number)
        }
        self.tokens = tokens
        self.tags = numbers
    }
}

/// Reads CoNLL files (`TOKEN<TAB>TAG` lines, blank lines between sentences, `-DOCSTART-` lines ignored) and
/// normalises the French corpora's tokenisation to the ``Tokenizer``'s: a split-off elision apostrophe is joined
/// back (`l` `'` → `l'`), as is the full stop of `M .`.
public struct CoNLLReader: Sendable {
    /// A reader.
    public init() {}

    /// The sentences of a CoNLL text; `source` names it in errors.
    public func read(_ text: String, source: String) throws(ExtractFailure) -> [LabeledSentence] {
        var sentences: [LabeledSentence] = []
        var words: [String] = []
        var tags: [String] = []
        var lineNumber = 0
        func flush() throws(ExtractFailure) {
            if !words.isEmpty { sentences.append(try LabeledSentence(words: words, tags: tags)) }
            words.removeAll(keepingCapacity: true)
            tags.removeAll(keepingCapacity: true)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if trimmed.isEmpty {
                try flush()
                continue
            }
            if trimmed.hasPrefix("-DOCSTART-") {
                try flush()
                continue
            }
            let fields = trimmed.split(whereSeparator: { $0 == "\t" || $0 == " " })
            guard fields.count >= 2, let tag = fields.last else {
                throw ExtractFailure(
                    code: .invalidData, message: "\(source):\(lineNumber): expected `TOKEN<TAB>TAG`, got `\(trimmed)`")
            }
            let word = String(fields[0])
            let tagName = String(tag)
            guard TagSet.tag(tagName) != nil else {
                throw ExtractFailure(code: .invalidData, message: "\(source):\(lineNumber): unknown tag `\(tagName)`")
            }
            if let previous = words.last, isJoinable(previous: previous, next: word) {
                words[words.count - 1] = previous + word
                continue
            }
            words.append(word)
            tags.append(tagName)
        }
        try flush()
        return sentences
    }

    private func isJoinable(previous: String, next: String) -> Bool {
        if next == "'" || next == "’" {
            return Tokenizer.elisions.contains(TextFold.fold(previous))
        }
        if next == "." {
            return ["m", "mm", "mme", "mlle", "dr", "st", "mgr", "me"].contains(TextFold.fold(previous))
                && previous.first?.isUppercase == true
        }
        return false
    }
}
