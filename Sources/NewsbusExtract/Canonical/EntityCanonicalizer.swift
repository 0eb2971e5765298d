import NewsbusProtocol

/// Merges the mentions of one article into canonical entities: the same name up to case, diacritics, hyphens
/// and a leading article; a surname after the full name (`Sherman` → `Wendy Sherman`); an acronym and its
/// expansion (`BCIJ` ↔ `Bureau central d'investigations judiciaires`, by initials). A name tagged with different
/// labels in one article takes its most frequent label.
public struct EntityCanonicalizer: Sendable {
    /// One canonical entity before ranking.
    public struct Group: Sendable, Hashable {
        /// `LABEL:normalised-name`.
        public var key: String
        /// The label the mentions agree on.
        public var label: EntityLabel
        /// The longest, best-cased mention.
        public var name: String
        /// The normalised value of a date or amount.
        public var value: String?
        /// The mentions, in text order.
        public var mentions: [ExtractedMention]
    }

    /// A canonicaliser.
    public init() {}

    /// Groups `mentions` (entities, dates and amounts; dates and amounts group by value).
    public func group(_ mentions: [ExtractedMention]) -> [Group] {
        let words = mentions.map { NameNormalizer.words($0.text) }
        let normals = words.map { $0.joined(separator: "-") }
        let labels = majorityLabels(mentions, normals)
        var groups: [Group] = []
        var groupWords: [[String]] = []
        var initials = AcronymInitials()
        // The groups of people, in order: where a surname may belong.
        var persons: [Int] = []
        var index: [String: Int] = [:]
        // Longer names first, so that surnames and acronyms find the full name whatever the order in the text.
        let ordered = mentions.indices.sorted {
            words[$0].count != words[$1].count ? words[$0].count > words[$1].count : $0 < $1
        }
        for position in ordered {
            let mention = mentions[position]
            let label = labels[position]
            let normal: String
            if Self.isNamed(label) {
                normal = normals[position]
                if normal.isEmpty { continue }
            } else {
                normal = mention.value ?? normals[position]
            }
            let ownKey = "\(label.rawValue):\(normal)"
            let target =
                index[ownKey]
                ?? (Self.isNamed(label)
                    ? alias(of: mention, words[position], label, groups, groupWords, persons, &initials) : nil)
            if let target {
                groups[target].mentions.append(mention)
                if label != .organization || !NameNormalizer.isAcronym(mention.text) {
                    if better(mention.text, words[position], than: groups[target].name, groupWords[target]) {
                        groups[target].name = mention.text
                        groupWords[target] = words[position]
                        initials.forget(target)
                    }
                }
                index[ownKey] = target
            } else {
                index[ownKey] = groups.count
                if label == .person { persons.append(groups.count) }
                groups.append(
                    Group(
                        key: ownKey, label: label, name: mention.text, value: mention.value,
                        mentions: [mention]))
                groupWords.append(words[position])
            }
        }
        for k in groups.indices {
            groups[k].mentions.sort { $0.start < $1.start }
            if Self.isNamed(groups[k].label) {
                // The normal form of the name, from the words kept with it.
                groups[k].key = "\(groups[k].label.rawValue):\(groupWords[k].joined(separator: "-"))"
            }
        }
        return groups
    }

    /// The labels of named entities (not dates or amounts), in the order that settles a tie between them: the
    /// label that sorts first wins.
    private static let namedLabels: [EntityLabel] = [.person, .organization, .location, .miscellaneous].sorted {
        $0.rawValue < $1.rawValue
    }

    /// Whether a label is one of the named entities (PER, ORG, LOC, MISC), not a date or an amount.
    private static func isNamed(_ label: EntityLabel) -> Bool { namedIndex(label) != nil }

    /// The place of a named entity's label in ``namedLabels``.
    private static func namedIndex(_ label: EntityLabel) -> Int? {
        namedLabels.firstIndex(of: label)
    }

    /// The label of each mention: for a name, the label it is most often given in the article (on a tie, the
    /// label that sorts first).
    private func majorityLabels(_ mentions: [ExtractedMention], _ normals: [String]) -> [EntityLabel] {
        let named = mentions.map { Self.namedIndex($0.label) }
        var votes: [String: SIMD4<Int32>] = [:]
        for position in mentions.indices {
            if let label = named[position] { votes[normals[position], default: .zero][label] += 1 }
        }
        return mentions.indices.map { position in
            guard named[position] != nil, let counts = votes[normals[position]] else { return mentions[position].label }
            var best = 0
            for label in 1..<4 where counts[label] > counts[best] { best = label }
            return Self.namedLabels[best]
        }
    }

    /// The initials of the groups' names, worked out when an acronym is first compared with them.
    private struct AcronymInitials {
        private var known: [Int: String] = [:]

        /// The initials of the name of group `index`.
        mutating func of(_ index: Int, _ groups: [Group]) -> String {
            if let initials = known[index] { return initials }
            let initials = NameNormalizer.initials(groups[index].name)
            known[index] = initials
            return initials
        }

        /// Forgets the initials of group `index`, whose name changed.
        mutating func forget(_ index: Int) { known[index] = nil }
    }

    /// An existing group this mention is a short form of: a surname of a person, an acronym of an organisation.
    private func alias(
        of mention: ExtractedMention, _ words: [String], _ label: EntityLabel, _ groups: [Group],
        _ groupWords: [[String]], _ persons: [Int], _ initials: inout AcronymInitials
    ) -> Int? {
        // A surname (or the end of a full name) of a person named earlier, whatever the tagger's label for it:
        // "Sherman", "Le Pen", "Hollande" (tagged LOC) after "François Hollande".
        if !words.isEmpty, !NameNormalizer.isAcronym(mention.text),
            let person = persons.first(where: {
                let name = groupWords[$0]
                return name.count > words.count && name.suffix(words.count).elementsEqual(words)
            })
        {
            return person
        }
        if NameNormalizer.isAcronym(mention.text) {
            let acronym = words.joined()
            return groups.indices.first {
                (groups[$0].label == label || groups[$0].label == .organization)
                    && groupWords[$0].count >= 2 && initials.of($0, groups) == acronym
            }
        }
        return nil
    }

    /// Whether `candidate` is a better canonical name: more words, then not all capitals.
    private func better(_ candidate: String, _ candidateWords: [String], than current: String, _ currentWords: [String])
        -> Bool
    {
        let a = candidateWords.count
        let b = currentWords.count
        if a != b { return a > b }
        return NameNormalizer.isAcronym(current) && !NameNormalizer.isAcronym(candidate)
    }
}
