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

    /// The non-empty lines of `text`, split at line feeds, carriage returns and paragraph separators (U+2029), by
    /// scanning bytes rather than grapheme clusters.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            var separatorEnd: String.Index?
            if byte == 0x0A || byte == 0x0D {
                separatorEnd = utf8.index(after: index)
            } else if byte == 0xE2, utf8.distance(from: index, to: utf8.endIndex) >= 3,
                utf8[utf8.index(index, offsetBy: 1)] == 0x80, utf8[utf8.index(index, offsetBy: 2)] == 0xA9
            {
                separatorEnd = utf8.index(index, offsetBy: 3)
            }
            if let separatorEnd {
                if start != index { lines.append(text[start..<index]) }
                start = separatorEnd
                index = separatorEnd
            } else {
                index = utf8.index(after: index)
            }
        }
        if start != utf8.endIndex { lines.append(text[start..<utf8.endIndex]) }
        return lines
    }

    func clean(_ text: String, knownTitle: String?) -> Result {
        var lines: [String] = []
        for raw in Self.lines(of: text) {
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
