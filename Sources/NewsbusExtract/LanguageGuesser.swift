/// A simple guess between French and English from function words; `nil` when the text has none of either.
public struct LanguageGuesser: Sendable {
    static let french: Set<String> = [
        "le", "la", "les", "des", "est", "et", "une", "du", "dans", "pour", "que",
        "qui", "sur", "au", "pas", "avec", "ce", "il", "par", "sont", "aux", "ont", "mais", "cette", "elle", "nous",
    ]
    static let english: Set<String> = [
        "the", "and", "of", "to", "is", "in", "that", "for", "was", "on", "with",
        "as", "are", "by", "it", "he", "at", "from", "his", "be", "has", "have", "which", "this", "were", "said",
    ]

    /// A guesser.
    public init() {}

    /// `"fr"`, `"en"`, or `nil`.
    public func guess(_ tokens: [Token]) -> String? {
        var fr = 0
        var en = 0
        for token in tokens.prefix(2000) {
            let word = TextFold.fold(token.text)
            if Self.french.contains(word) { fr += 1 }
            if Self.english.contains(word) { en += 1 }
        }
        if fr == 0 && en == 0 { return nil }
        return fr >= en ? "fr" : "en"
    }

    /// The language of a text.
    public func guess(_ text: String) -> String? { guess(Tokenizer().tokenize(text)) }
}
