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
        let titleWords = " " + NameNormalizer.words(title).joined(separator: " ") + " "
        let most = groups.map(\.mentions.count).max() ?? 1
        return groups.map { group in
            let forms = Set(
                group.mentions.map { NameNormalizer.words($0.text).joined(separator: " ") } + [
                    NameNormalizer.words(group.name).joined(separator: " ")
                ])
            let inTitle = forms.contains { !$0.isEmpty && titleWords.contains(" \($0) ") }
            let inLead = group.mentions.contains { $0.start < leadLength }
            let frequency = Double(group.mentions.count) / Double(max(most, 1))
            let score = (inTitle ? 0.4 : 0) + (inLead ? 0.25 : 0) + 0.35 * frequency
            return (score * 1000).rounded() / 1000
        }
    }
}
