import NewsbusProtocol

/// Decides, block by block, what is article text. Signals, in order: the markup hint around the block, whether it
/// lies in the main content container, link density, the phrase rules, repetition of the headline, of the lede
/// or of an earlier block, and teaser lists (a teaser heading, or a run of truncated first sentences).
struct BoilerplateClassifier {
    let rules: PhraseRules
    /// Link-free paragraphs at least this long are article text wherever they are on the page.
    var longProseLength = 250

    /// Blocks kept, and what was removed counted by kind.
    struct Outcome {
        var kept: [CandidateBlock] = []
        var removed: [String: Int] = [:]
        /// When set, the fate of every block in order ("keep" or a removal kind), for `explain`.
        var trace: [(String, CandidateBlock)]?

        mutating func remove(_ kind: RemovalKind, _ block: CandidateBlock) {
            removed[kind.rawValue, default: 0] += 1
            trace?.append((kind.rawValue, block))
        }
    }

    /// - Parameters:
    ///   - inside: for HTML pages, whether each node lies in the main content (nil for plain text).
    ///   - title: the headline, dropped from the body when a block repeats it.
    ///   - lede: the standfirst, dropped from the body when a block repeats it.
    func classify(
        _ blocks: [CandidateBlock], location: ContentLocator.Location?, tree: DOMTree?, title: String?, lede: String?,
        tracing: Bool = false
    ) -> Outcome {
        var outcome = Outcome()
        if tracing { outcome.trace = [] }
        let foldedTitle = title.map { MatchText(folding: $0) }
        let foldedTitleString = foldedTitle?.string
        let titleScalars = foldedTitle.map { $0.bytes.withUnsafeBufferPointer(UTF8Text.scalarCount) } ?? 0
        let foldedLede = lede.map { MatchText(folding: $0).truncationStripped() }
        // A block that starts with the lede repeats it only when the lede is long enough to be one.
        let ledeIsLong = (foldedLede?.string.count ?? 0) >= 40
        var seen = SeenTexts()
        var candidates: [CandidateBlock] = []
        // Blocks since the headline: a link-poor paragraph right after it is the standfirst, wherever it sits.
        var sinceHeadline = Int.max
        for block in blocks {
            if sinceHeadline < Int.max { sinceHeadline += 1 }
            if block.tag == .h1, block.length <= 300 {
                if let foldedTitleString, Self.overlaps(TextNormalizer.folded(block.text), foldedTitleString) {
                    sinceHeadline = 0
                }
            }
            if let location, let tree, block.element >= 0 {
                let inside = location.inside[Int(block.element)]
                // A header inside the article holds its standfirst; near the article, a link-poor paragraph
                // outside the container is part of it.
                let goodParagraph = block.length >= 80 && block.linkDensity < 0.2 && block.kind != .heading
                    && !Self.isTruncated(block.text)
                let standfirst = goodParagraph && sinceHeadline <= 3
                if let hint = block.hint,
                    !(hint == .header && (inside || standfirst || goodParagraph && location.isNear(block.element, in: tree)))
                {
                    outcome.remove(hint, block)
                    continue
                }
                let longProse = block.length >= longProseLength && block.linkDensity < 0.1 && block.kind == .paragraph
                if !inside && !standfirst && !(goodParagraph && (longProse || location.isNear(block.element, in: tree))) {
                    outcome.remove(.outsideMain, block)
                    continue
                }
            } else if let hint = block.hint {
                outcome.remove(hint, block)
                continue
            }
            let density = block.linkDensity
            if block.length >= 2, density > (block.length >= 150 ? 0.65 : 0.5) || (block.kind == .heading && density > 0.3 && block.length < 120) {
                outcome.remove(.linkList, block)
                continue
            }
            if !block.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                outcome.remove(.fragment, block)
                continue
            }
            let folded =
                block.length <= 600 ? block.folded ?? MatchText(folding: block.text) : MatchText(verbatim: block.text)
            if let foldedTitle, let foldedTitleString, block.length <= titleScalars + 4,
                folded.matches(foldedTitle)
                    || (block.tag == .h1 && block.length <= 300 && Self.overlaps(folded.string, foldedTitleString))
            {
                outcome.remove(.title, block)
                continue
            }
            if let foldedLede, !foldedLede.isEmpty, block.length <= 600,
                folded.truncationStripped().matches(foldedLede) || (ledeIsLong && folded.hasPrefix(foldedLede))
            {
                outcome.remove(.lede, block)
                continue
            }
            if let kind = rules.classify(block, folded: folded) {
                outcome.remove(kind, block)
                continue
            }
            if block.length >= 20, !seen.insert(folded) {
                outcome.remove(.duplicate, block)
                continue
            }
            candidates.append(block)
        }
        outcome.kept = removeOrphanHeadings(removeTeaserLists(candidates, removed: &outcome), removed: &outcome)
        return outcome
    }

    /// Drops headings with no text under them: the next kept block is a heading of the same or a higher rank, or
    /// there is none. Long "headings" are standfirsts set in heading type and stay.
    private func removeOrphanHeadings(_ blocks: [CandidateBlock], removed outcome: inout Outcome) -> [CandidateBlock] {
        var kept: [CandidateBlock] = []
        kept.reserveCapacity(blocks.count)
        for (index, block) in blocks.enumerated() {
            if block.kind == .heading, block.length <= 120 {
                let next = index + 1 < blocks.count ? blocks[index + 1] : nil
                if next == nil || (next!.kind == .heading && Self.rank(next!.tag) <= Self.rank(block.tag)) {
                    outcome.remove(.orphanHeading, block)
                    continue
                }
            }
            kept.append(block)
        }
        if outcome.trace != nil {
            // Keep the trace in document order for `explain`: mark orphan headings that were logged as kept.
            let orphans = Set(outcome.trace!.indices.filter { outcome.trace![$0].0 == RemovalKind.orphanHeading.rawValue }
                .map { outcome.trace![$0].1.text })
            outcome.trace!.removeAll { $0.0 == "keep" && $0.1.kind == .heading && orphans.contains($0.1.text) }
        }
        return kept
    }

    /// 1 for `<h1>` … 6 for `<h6>`; other elements (plain-text headings) rank as 2.
    private static func rank(_ tag: Tag) -> Int {
        switch tag {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: 2
        }
    }

    /// Drops lists of other articles: a teaser heading with the short, link-heavy or truncated blocks after it, and
    /// runs of two or more truncated sentences ("…" or "...") that open other articles.
    private func removeTeaserLists(_ blocks: [CandidateBlock], removed outcome: inout Outcome) -> [CandidateBlock] {
        var kept: [CandidateBlock] = []
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            if block.length <= 80, rules.isTeaserHeading(folded: TextNormalizer.folded(block.text)) {
                outcome.remove(.teaserList, block)
                index += 1
                while index < blocks.count, looksLikeTeaser(blocks[index]) {
                    outcome.remove(.teaserList, blocks[index])
                    index += 1
                }
                continue
            }
            if Self.isTruncated(block.text), block.length <= 400 {
                var end = index + 1
                while end < blocks.count, Self.isTruncated(blocks[end].text), blocks[end].length <= 400 { end += 1 }
                // A run of two or more, or one short truncated line that ends the text ("Lire la suite…");
                // a long last paragraph cut by a paywall is still the article's text.
                if end - index >= 2 || (index == blocks.count - 1 && block.length <= 150) {
                    for teaser in blocks[index..<end] { outcome.remove(.teaserList, teaser) }
                    index = end
                    continue
                }
            }
            kept.append(block)
            outcome.trace?.append(("keep", block))
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

    /// Whether one folded text contains the other (an `<h1>` holding the headline, or part of it); never for an
    /// empty headline.
    private static func overlaps(_ folded: String, _ foldedTitle: String) -> Bool {
        !foldedTitle.isEmpty && (folded.contains(foldedTitle) || foldedTitle.contains(folded))
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
