/// Normal forms of entity names, for comparing mentions and building keys: case, diacritics, hyphens and
/// apostrophes do not count (`Al-Qaïda` = `Al Qaïda` = `al qaida`), nor do a leading article.
enum NameNormalizer {
    static let articles: Set<String> = ["le", "la", "les", "l", "the"]
    static let connectors: Set<String> = [
        "de", "d", "des", "du", "la", "le", "les", "l", "et", "of", "the", "and",
        "for", "pour", "en", "au", "aux", "a",
    ]

    /// The words of a name, folded, without a leading article.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt32] = []
        for scalar in text.unicodeScalars {
            let folded = TextFold.fold(scalar.value)
            if TextFold.isLetter(folded) || TextFold.isDigit(folded) {
                if Unicode.Scalar(folded) != nil { current.append(folded) }
            } else if !current.isEmpty {
                words.append(ScalarText.string(current, 0..<current.count))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(ScalarText.string(current, 0..<current.count)) }
        if words.count > 1, let first = words.first, articles.contains(first) { words.removeFirst() }
        return words
    }

    /// The normal form: folded words joined by `-` (`al-qaida-au-maghreb-islamique`).
    static func normalize(_ text: String) -> String { words(text).joined(separator: "-") }

    /// The initials of a name's significant words (`Bureau central d'investigations judiciaires` → `bcij`).
    static func initials(_ text: String) -> String {
        String(words(text).filter { !connectors.contains($0) }.compactMap(\.first))
    }

    /// Whether a mention looks like an acronym: 2–8 letters, all capitals.
    static func isAcronym(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars {
            if TextFold.isLetter(scalar.value) {
                guard TextFold.isUpper(scalar.value) else { return false }
                letters += 1
            } else if scalar != "." && scalar != "&" {
                return false
            }
        }
        return (2...8).contains(letters)
    }
}
