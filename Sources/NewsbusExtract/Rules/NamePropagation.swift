/// Names a text repeats: once a name is found somewhere in a text, its other occurrences that the tagger left
/// out get the same label (a name is the same name throughout one article). Single words count only where they
/// cannot be a capitalised common word: not at the start of a sentence, or words written with a capital inside
/// sentences in unlabeled news.
struct NamePropagation: Sendable {
    let clusters: WordClusters

    func propagate(_ spans: [SpanRepairs.Span], _ tokens: [Token], sentenceStarts: Set<Int>) -> [SpanRepairs.Span] {
        guard !spans.isEmpty else { return spans }
        return propagate(spans, tokens, sentenceStarts: sentenceStarts, words: tokens.map { FeatureHash.word($0.text) })
    }

    /// The spans with the names' other occurrences added, given the word hash (``FeatureHash/word(_:)``) of
    /// each token.
    func propagate(
        _ spans: [SpanRepairs.Span], _ tokens: [Token], sentenceStarts: Set<Int>, words: [UInt64]
    ) -> [SpanRepairs.Span] {
        guard !spans.isEmpty else { return spans }
        var covered = [Bool](repeating: false, count: tokens.count)
        for span in spans { for k in span.tokens { covered[k] = true } }
        // Longest names first, then in text order; one label per name (the first found).
        var seen: Set<ArraySlice<UInt64>> = []
        var names: [(words: ArraySlice<UInt64>, label: Int)] = []
        for span in spans where seen.insert(words[span.tokens]).inserted {
            names.append((words[span.tokens], span.label))
        }
        names = names.enumerated().sorted {
            $0.element.words.count != $1.element.words.count
                ? $0.element.words.count > $1.element.words.count : $0.offset < $1.offset
        }.map(\.element)
        // Where the first word of each name occurs, so that a long text is not scanned once per name.
        var lists = HashTable<Int>()
        for (name, _) in names where lists[name.first!] == nil { lists.set(name.first!, lists.count) }
        var positions = [[Int]](repeating: [], count: lists.count)
        for (index, word) in words.enumerated() {
            if let list = lists[word] { positions[list].append(index) }
        }
        var added: [SpanRepairs.Span] = []
        for (name, label) in names {
            let n = name.count
            for start in positions[lists[name.first!]!] where start + n <= tokens.count && !covered[start] {
                guard words[start..<(start + n)].elementsEqual(name),
                    !(start..<(start + n)).contains(where: { covered[$0] })
                else { continue }
                guard let first = tokens[start].text.unicodeScalars.first, TextFold.isUpper(first.value) else {
                    continue
                }
                if n == 1 && sentenceStarts.contains(start) {
                    guard let entry = clusters.entry(words[start]), (3...4).contains(entry.capitalised) else {
                        continue
                    }
                }
                added.append(SpanRepairs.Span(tokens: start..<(start + n), label: label))
                for k in start..<(start + n) { covered[k] = true }
            }
        }
        return (spans + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
}
