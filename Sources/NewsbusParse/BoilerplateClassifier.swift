import NewsbusProtocol

/// Decides, block by block, what is article text. Signals, in order: the markup hint around the block, whether it
/// lies in the main content container, link density, the phrase rules, repetition of the headline, of the lede
/// or of an earlier block, and teaser lists (a teaser heading, or a run of truncated first sentences).
struct BoilerplateClassifier {
    let rules: PhraseRules

    /// Blocks kept, and what was removed counted by kind.
    struct Outcome {
        var kept: [CandidateBlock] = []
        var removed: [String: Int] = [:]

        mutating func remove(_ kind: RemovalKind) { removed[kind.rawValue, default: 0] += 1 }
    }

    /// - Parameters:
    ///   - inside: for HTML pages, whether each node lies in the main content (nil for plain text).
    ///   - title: the headline, dropped from the body when a block repeats it.
    ///   - lede: the standfirst, dropped from the body when a block repeats it.
    func classify(_ blocks: [CandidateBlock], inside: [Bool]?, title: String?, lede: String?) -> Outcome {
        var outcome = Outcome()
        let foldedTitle = title.map(TextNormalizer.folded)
        let foldedLede = lede.map { Self.truncationStripped(TextNormalizer.folded($0)) }
        var seen = Set<String>()
        var candidates: [CandidateBlock] = []
        for block in blocks {
            if let hint = block.hint {
                outcome.remove(hint)
                continue
            }
            if let inside, block.element >= 0, !inside[Int(block.element)] {
                outcome.remove(.outsideMain)
                continue
            }
            let density = block.linkDensity
            if block.length >= 2, density > 0.5 || (block.kind == .heading && density > 0.3 && block.length < 120) {
                outcome.remove(.linkList)
                continue
            }
            if !block.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                outcome.remove(.fragment)
                continue
            }
            let folded = TextNormalizer.folded(block.text)
            if let foldedTitle, folded == foldedTitle {
                outcome.remove(.title)
                continue
            }
            if let foldedLede, !foldedLede.isEmpty, block.length <= 600,
                Self.truncationStripped(folded) == foldedLede || (folded.hasPrefix(foldedLede) && foldedLede.count >= 40)
            {
                outcome.remove(.lede)
                continue
            }
            if let kind = rules.classify(block) {
                outcome.remove(kind)
                continue
            }
            if block.length >= 20, !seen.insert(folded).inserted {
                outcome.remove(.duplicate)
                continue
            }
            candidates.append(block)
        }
        outcome.kept = removeTeaserLists(candidates, removed: &outcome)
        return outcome
    }

    /// Drops lists of other articles: a teaser heading with the short, link-heavy or truncated blocks after it, and
    /// runs of two or more truncated sentences ("…" or "...") that open other articles.
    private func removeTeaserLists(_ blocks: [CandidateBlock], removed outcome: inout Outcome) -> [CandidateBlock] {
        var kept: [CandidateBlock] = []
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if block.length <= 80, rules.isTeaserHeading(block.text) {
                outcome.remove(.teaserList)
                index += 1
                while index < blocks.count, looksLikeTeaser(blocks[index]) {
                    outcome.remove(.teaserList)
                    index += 1
                }
                continue
            }
            if Self.isTruncated(block.text), block.length <= 400 {
                var end = index + 1
                while end < blocks.count, Self.isTruncated(blocks[end].text), blocks[end].length <= 400 { end += 1 }
                if end - index >= 2 || index == blocks.count - 1 {
                    for _ in index..<end { outcome.remove(.teaserList) }
                    index = end
                    continue
                }
            }
            kept.append(block)
            index += 1
        }
        return kept
    }

    private func looksLikeTeaser(_ block: CandidateBlock) -> Bool {
        if rules.isTeaserHeading(block.text) { return true }
        if block.linkDensity >= 0.5 || Self.isTruncated(block.text) { return true }
        if block.kind == .heading || block.kind == .listItem { return block.length <= 300 }
        return block.length < 200
    }

    static func isTruncated(_ text: String) -> Bool {
        text.hasSuffix("...") || text.hasSuffix("…") || text.hasSuffix("[…]") || text.hasSuffix("(…)")
    }

    static func truncationStripped(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == "." || last == "…" || last == " " { result.removeLast() }
        return String(result)
    }
}
