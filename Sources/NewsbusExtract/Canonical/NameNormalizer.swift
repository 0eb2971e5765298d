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
        let (scalars, ends) = scan(text)
        var start = 0
        return ends.map { end in
            defer { start = end + 1 }
            return ScalarText.string(scalars, start..<end)
        }
    }

    /// The normal form: folded words joined by `-` (`al-qaida-au-maghreb-islamique`).
    static func normalize(_ text: String) -> String { joined(text, separator: "-") }

    /// ``words(_:)`` joined by `separator`, built as one string.
    static func joined(_ text: String, separator: Unicode.Scalar) -> String {
        var (scalars, ends) = scan(text)
        guard let last = ends.last else { return "" }
        for end in ends.dropLast() { scalars[end] = separator.value }
        return ScalarText.string(scalars, 0..<last)
    }

    /// The folded code points of the words of a name, each followed by one space, without a leading article, and
    /// where each word ends in them. Letters and digits make words; everything else separates them.
    private static func scan(_ text: String) -> (scalars: [UInt32], ends: [Int]) {
        var scalars: [UInt32] = []
        var ends: [Int] = []
        scalars.reserveCapacity(text.utf8.count + 1)
        var inWord = false
        let tables = TextFold.tables
        for scalar in text.unicodeScalars {
            let folded = tables.fold(scalar.value)
            if tables.isLetter(folded) || TextFold.isDigit(folded) {
                guard Unicode.Scalar(folded) != nil else { continue }
                scalars.append(folded)
                inWord = true
            } else if inWord {
                ends.append(scalars.count)
                scalars.append(0x20)
                inWord = false
            }
        }
        if inWord {
            ends.append(scalars.count)
            scalars.append(0x20)
        }
        if ends.count > 1, articles.contains(ScalarText.string(scalars, 0..<ends[0])) {
            let cut = ends[0] + 1
            scalars.removeFirst(cut)
            ends = ends.dropFirst().map { $0 - cut }
        }
        return (scalars, ends)
    }

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
