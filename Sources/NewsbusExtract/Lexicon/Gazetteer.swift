import Foundation

/// Known names (places and organisations) matched over token sequences by hash, so that matching builds no
/// strings. Names are folded (case, diacritics, apostrophes) and tokenized like the text.
public struct Gazetteer: Sendable {
    /// Label bits of a name: LOC, ORG, PER, MISC.
    struct Labels: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let person = Labels(rawValue: 1)
        static let organization = Labels(rawValue: 2)
        static let location = Labels(rawValue: 4)
        static let miscellaneous = Labels(rawValue: 8)
        /// Set on sequences that begin a longer name.
        static let prefix = Labels(rawValue: 0x80)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init?(label: String) {
            switch label {
            case "PER": self = .person
            case "ORG": self = .organization
            case "LOC": self = .location
            case "MISC": self = .miscellaneous
            default: return nil
            }
        }
    }

    /// The longest names matched, in tokens.
    static let maxLength = 8
    private var entries = HashTable<Labels>()
    /// Every key of ``entries``: most words of a text begin no name, and most of those are turned away here.
    private var filter = HashFilter(log2Bits: 21)

    /// An empty gazetteer.
    public init() {}

    /// Reads `LABEL<TAB>name` lines (`#` starts a comment line).
    public init(tsv: String) {
        let tokenizer = Tokenizer()
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            guard let tab = line.firstIndex(of: "\t"), let labels = Labels(label: String(line[..<tab])) else {
                continue
            }
            let words = tokenizer.tokenize(String(line[line.index(after: tab)...])).map { FeatureHash.word($0.text) }
            add(words, labels)
        }
    }

    /// Adds one name, given as the word hashes of its tokens.
    mutating func add(_ words: [UInt64], _ labels: Labels) {
        guard !words.isEmpty, words.count <= Self.maxLength else { return }
        var hash = FeatureHash.seed
        for (index, word) in words.enumerated() {
            hash = FeatureHash.combine(hash, word)
            filter.insert(hash)
            if index + 1 < words.count {
                entries.update(hash, initial: []) { $0.insert(.prefix) }
            } else {
                entries.update(hash, initial: []) { $0.formUnion(labels) }
            }
        }
    }

    /// The number of sequences (names and prefixes) stored.
    public var count: Int { entries.count }

    /// For each token, a feature code: 0 outside any match, else `labels << 1 | isFirst` of the longest match.
    func matches(words: UnsafeBufferPointer<UInt64>, into codes: inout [UInt8]) {
        let n = words.count
        codes.removeAll(keepingCapacity: true)
        codes.append(contentsOf: repeatElement(0, count: n))
        var i = 0
        while i < n {
            var hash = FeatureHash.seed
            var bestEnd = i
            var bestLabels: UInt8 = 0
            var j = i
            while j < n && j - i < Self.maxLength {
                hash = FeatureHash.combine(hash, words[j])
                guard filter.mayContain(hash), let found = entries[hash] else { break }
                let labels = found.rawValue & 0x7F
                if labels != 0 {
                    bestEnd = j + 1
                    bestLabels = labels
                }
                if found.rawValue & 0x80 == 0 { break }
                j += 1
            }
            if bestEnd > i {
                for k in i..<bestEnd { codes[k] = bestLabels << 1 | (k == i ? 1 : 0) }
                i = bestEnd
            } else {
                i += 1
            }
        }
    }

    /// The labels of a one-token name.
    func labels(ofWord word: String) -> Labels {
        let found = entries[FeatureHash.combine(FeatureHash.seed, FeatureHash.word(word))] ?? []
        return Labels(rawValue: found.rawValue & 0x7F)
    }

    /// The labels of a whole name, if it is known.
    func labels(of text: String) -> [String] {
        var hash = FeatureHash.seed
        for token in Tokenizer().tokenize(text) { hash = FeatureHash.combine(hash, FeatureHash.word(token.text)) }
        guard let found = entries[hash] else { return [] }
        var result: [String] = []
        if found.contains(.person) { result.append("PER") }
        if found.contains(.organization) { result.append("ORG") }
        if found.contains(.location) { result.append("LOC") }
        if found.contains(.miscellaneous) { result.append("MISC") }
        return result
    }
}

extension Gazetteer {
    /// A longest-match gazetteer hit over tokens: token indices (end exclusive) and label bits.
    struct Hit: Sendable, Hashable {
        var tokens: Range<Int>
        var labels: Labels
    }

    /// Longest matches over the tokens' word hashes, left to right.
    func hits(_ words: [UInt64]) -> [Hit] {
        var codes: [UInt8] = []
        words.withUnsafeBufferPointer { matches(words: $0, into: &codes) }
        return Self.hits(codes: codes)
    }

    /// The names that `codes`, as ``matches(words:into:)`` writes them, mark.
    static func hits(codes: [UInt8]) -> [Hit] {
        var hits: [Hit] = []
        var i = 0
        while i < codes.count {
            guard codes[i] & 1 == 1 else {
                i += 1
                continue
            }
            var end = i + 1
            while end < codes.count, codes[end] != 0, codes[end] & 1 == 0 { end += 1 }
            hits.append(Hit(tokens: i..<end, labels: Labels(rawValue: codes[i] >> 1)))
            i = end
        }
        return hits
    }
}
