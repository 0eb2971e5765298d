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

    /// The lines of `text` split at line feeds, carriage returns and paragraph separators (U+2029), each made one
    /// line by ``TextNormalizer/line(utf8:)``; empty ones are left out. Works on the bytes, not on grapheme clusters.
    static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            func add(_ start: Int, _ end: Int) {
                guard start < end else { return }
                let line = TextNormalizer.line(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if !line.isEmpty { lines.append(line) }
            }
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var separatorLength = 0
                if byte == 0x0A || byte == 0x0D {
                    separatorLength = 1
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA9 {
                    separatorLength = 3
                }
                if separatorLength > 0 {
                    add(start, index)
                    index += separatorLength
                    start = index
                } else {
                    index += 1
                }
            }
            add(start, bytes.count)
            return lines
        }
    }

    func clean(_ text: String, knownTitle: String?) -> Result {
        let lines = Self.lines(of: text)
        // Folded once here for the title and lede checks, and handed to the classifier with the blocks.
        let folded = lines.map { MatchText(folding: $0) }
        var title: String?
        var start = 0
        if let knownTitle, !knownTitle.isEmpty {
            title = knownTitle
            if let first = folded.first, first.matches(MatchText(folding: knownTitle)) { start = 1 }
        } else if lines.count >= 2, looksLikeHeadline(lines[0]) {
            title = lines[0]
            start = 1
        }
        var lede: String?
        if title != nil, start < lines.count - 1 {
            let candidate = lines[start]
            let stripped = folded[start].truncationStripped()
            let repeated = folded[(start + 1)...].contains { $0.truncationStripped().matches(stripped) }
            if candidate.count <= 400, BoilerplateClassifier.isTruncated(candidate) || repeated {
                lede = candidate
                start += 1
            }
        }
        var blocks: [CandidateBlock] = []
        for (offset, line) in lines[start...].enumerated() {
            var text = line
            var kind = TextBlock.Kind.paragraph
            var foldedText: MatchText? = folded[start + offset]
            if let first = text.first, "•-*–·▪".contains(first), text.dropFirst().first == " " {
                text = String(text.dropFirst(2))
                kind = .listItem
                foldedText = nil
            }
            let length = UTF8Text.scalarCount(text)
            if kind == .paragraph, looksLikeHeading(text, length: length), start + offset + 1 < lines.count {
                kind = .heading
            }
            blocks.append(
                CandidateBlock(
                    text: text, length: length, linkLength: 0, element: -1, kind: kind, hint: nil, tag: .p,
                    folded: foldedText))
        }
        return Result(title: title, lede: lede, blocks: blocks)
    }

    private func looksLikeHeadline(_ line: String) -> Bool {
        let count = line.count
        guard count >= 3, count <= 200 else { return false }
        return !line.hasSuffix(".") && !line.hasSuffix(":") && !line.hasSuffix(";") && !line.hasSuffix(",")
    }

    /// Whether a line of `length` code points reads like a heading: short (100 Characters at most) and without
    /// final punctuation, or a short introduction (60 at most, no sentence inside) ending with a colon.
    private func looksLikeHeading(_ line: String, length: Int) -> Bool {
        guard let last = line.last, !".!?;,…\"»)".contains(last) else { return false }
        // Characters: as many as code points when each stands alone (counting them is slow), else counted.
        let count = length <= 60 || UTF8Text.isPlain(line) ? length : line.count
        guard count <= 100 else { return false }
        return last != ":" || count <= 60 && !line.contains(". ")
    }
}
