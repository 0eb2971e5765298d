/// Scores how central each entity is to an article, from 0 to 1: named in the title (0.4), named in the lead
/// (0.25, the first 400 code points of the body), and how often it is named compared with the most frequent
/// entity (0.35).
public struct SalienceRanker: Sendable {
    /// Where the lead ends, in code points.
    public var leadLength: Int

    /// A ranker whose lead is the first `leadLength` code points of the body.
    public init(leadLength: Int = 400) {
        self.leadLength = leadLength
    }

    /// The salience of each group, in the same order.
    public func scores(_ groups: [EntityCanonicalizer.Group], title: String) -> [Double] {
        let titleWords = TitleWords(title)
        var most = 1
        for group in groups { most = max(most, group.mentions.count) }
        return groups.map { group in
            let inTitle = titleWords.containsAny(of: [group.name] + group.mentions.map(\.text))
            let inLead = group.mentions.contains { $0.start < leadLength }
            let frequency = Double(group.mentions.count) / Double(most)
            let score = (inTitle ? 0.4 : 0) + (inLead ? 0.25 : 0) + 0.35 * frequency
            return (score * 1000).rounded() / 1000
        }
    }
}

/// The normalised words of a title, each between spaces, in which the ranker looks for the normalised words of
/// names.
struct TitleWords {
    /// `" word word … "`.
    let padded: String
    /// Whether the title has a word at all.
    let isEmpty: Bool
    /// Whether ``padded`` is all ASCII.
    let isASCII: Bool

    /// The words of `title`.
    init(_ title: String) {
        let joined = NameNormalizer.joined(title, separator: " ")
        padded = " " + joined + " "
        isEmpty = joined.isEmpty
        isASCII = padded.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the normalised words of one of `names` are words of the title, one after the other (a name
    /// written as another before it is not normalised again).
    func containsAny(of names: [String]) -> Bool {
        guard !isEmpty else { return false }
        var distinct: [String] = []
        for name in names where !distinct.contains(where: { $0 == name && $0.utf8.elementsEqual(name.utf8) }) {
            if contains(NameNormalizer.joined(name, separator: " ")) { return true }
            distinct.append(name)
        }
        return false
    }

    /// Whether `words` (normalised words joined by spaces) are words of the title, one after the other. Between
    /// ASCII texts, where Foundation's comparison of characters is their bytes' comparison, the bytes are compared
    /// straight away; other texts are left to Foundation.
    func contains(_ words: String) -> Bool {
        if words.isEmpty || isEmpty { return false }
        guard isASCII, words.utf8.allSatisfy({ $0 < 0x80 }) else { return padded.contains(" \(words) ") }
        var needle = words
        var haystack = padded
        return needle.withUTF8 { needle in
            haystack.withUTF8 { title in
                // A match starts after a space and is followed by one.
                var start = 1
                while start + needle.count < title.count {
                    if title[start - 1] == 0x20, title[start + needle.count] == 0x20,
                        title[start..<(start + needle.count)].elementsEqual(needle)
                    {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
