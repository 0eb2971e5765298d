import NewsbusProtocol

/// Turns scraped plain text (one paragraph per line, boilerplate lines included) into blocks, a title and a lede.
///
/// The first line is the title when it is short and reads like a headline (no final full stop) and no title was
/// given. The line after it is the lede when it is a truncated standfirst ("…" or "...") or when the text repeats
/// it further down (teaser lists often do). Short lines without final punctuation become headings, lines that
/// start with a bullet become list items.
struct PlainTextCleaner {
    struct Result {
        var title: String?
        var lede: String?
        var blocks: [CandidateBlock]
    }

    func clean(_ text: String, knownTitle: String?) -> Result {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" }) {
            let line = TextNormalizer.line(String(raw))
            if !line.isEmpty { lines.append(line) }
        }
        var title: String?
        var start = 0
        if let knownTitle, !knownTitle.isEmpty {
            title = knownTitle
            if let first = lines.first, TextNormalizer.folded(first) == TextNormalizer.folded(knownTitle) { start = 1 }
        } else if lines.count >= 2, looksLikeHeadline(lines[0]) {
            title = lines[0]
            start = 1
        }
        var lede: String?
        if title != nil, start < lines.count - 1 {
            let candidate = lines[start]
            let stripped = BoilerplateClassifier.truncationStripped(TextNormalizer.folded(candidate))
            let repeated = lines[(start + 1)...].contains {
                BoilerplateClassifier.truncationStripped(TextNormalizer.folded($0)) == stripped
            }
            if candidate.count <= 400, BoilerplateClassifier.isTruncated(candidate) || repeated {
                lede = BoilerplateClassifier.isTruncated(candidate) ? candidate : candidate
                start += 1
            }
        }
        var blocks: [CandidateBlock] = []
        for (offset, line) in lines[start...].enumerated() {
            var text = line
            var kind = TextBlock.Kind.paragraph
            if let first = text.first, "•-*–·▪".contains(first), text.dropFirst().first == " " {
                text = String(text.dropFirst(2))
                kind = .listItem
            } else if looksLikeHeading(text), start + offset + 1 < lines.count {
                kind = .heading
            }
            blocks.append(
                CandidateBlock(
                    text: text, length: text.unicodeScalars.count, linkLength: 0, element: -1, kind: kind, hint: nil,
                    tag: .p))
        }
        return Result(title: title, lede: lede, blocks: blocks)
    }

    private func looksLikeHeadline(_ line: String) -> Bool {
        let count = line.count
        guard count >= 3, count <= 200 else { return false }
        return !line.hasSuffix(".") && !line.hasSuffix(":") && !line.hasSuffix(";") && !line.hasSuffix(",")
    }

    private func looksLikeHeading(_ line: String) -> Bool {
        guard line.count <= 100, let last = line.last else { return false }
        return !".!?;,…\"»)".contains(last) && !line.hasSuffix(":") || line.count <= 60 && line.hasSuffix(":")
            && !line.contains(". ")
    }
}
