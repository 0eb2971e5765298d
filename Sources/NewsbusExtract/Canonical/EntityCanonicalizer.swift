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
        public var label: EntityLabel
        /// The longest, best-cased mention.
        public var name: String
        public var value: String?
        public var mentions: [ExtractedMention]
    }

    public init() {}

    /// Groups `mentions` (entities, dates and amounts; dates and amounts group by value).
    public func group(_ mentions: [ExtractedMention]) -> [Group] {
        let named: Set<EntityLabel> = [.person, .organization, .location, .miscellaneous]
        // Majority label per normalised name.
        var votes: [String: [EntityLabel: Int]] = [:]
        for mention in mentions where named.contains(mention.label) {
            votes[NameNormalizer.normalize(mention.text), default: [:]][mention.label, default: 0] += 1
        }
        func label(of mention: ExtractedMention) -> EntityLabel {
            guard named.contains(mention.label), let counts = votes[NameNormalizer.normalize(mention.text)] else {
                return mention.label
            }
            return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?
                .key ?? mention.label
        }
        var groups: [Group] = []
        var index: [String: Int] = [:]
        // Longer names first, so that surnames and acronyms find the full name whatever the order in the text.
        let ordered = mentions.enumerated().sorted {
            let a = NameNormalizer.words($0.element.text).count, b = NameNormalizer.words($1.element.text).count
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        for mention in ordered {
            let label = label(of: mention)
            let normal: String
            if named.contains(label) {
                normal = NameNormalizer.normalize(mention.text)
                if normal.isEmpty { continue }
            } else {
                normal = mention.value ?? NameNormalizer.normalize(mention.text)
            }
            let ownKey = "\(label.rawValue):\(normal)"
            let target = index[ownKey] ?? alias(of: mention, label: label, in: groups)
            if let target {
                groups[target].mentions.append(mention)
                if label != .organization || !NameNormalizer.isAcronym(mention.text) {
                    if better(mention.text, than: groups[target].name) { groups[target].name = mention.text }
                }
                index[ownKey] = target
            } else {
                index[ownKey] = groups.count
                groups.append(Group(key: ownKey, label: label, name: mention.text, value: mention.value,
                    mentions: [mention]))
            }
        }
        for k in groups.indices {
            groups[k].mentions.sort { $0.start < $1.start }
            if named.contains(groups[k].label) {
                groups[k].key = "\(groups[k].label.rawValue):\(NameNormalizer.normalize(groups[k].name))"
            }
        }
        return groups
    }

    /// An existing group this mention is a short form of: a surname of a person, an acronym of an organisation.
    private func alias(of mention: ExtractedMention, label: EntityLabel, in groups: [Group]) -> Int? {
        let words = NameNormalizer.words(mention.text)
        // A surname (or the end of a full name) of a person named earlier, whatever the tagger's label for it:
        // "Sherman", "Le Pen", "Hollande" (tagged LOC) after "François Hollande".
        if !words.isEmpty, !NameNormalizer.isAcronym(mention.text),
            let person = groups.firstIndex(where: {
                let name = NameNormalizer.words($0.name)
                return $0.label == .person && name.count > words.count && Array(name.suffix(words.count)) == words
            })
        {
            return person
        }
        if NameNormalizer.isAcronym(mention.text) {
            let acronym = words.joined()
            return groups.firstIndex { ($0.label == label || $0.label == .organization)
                && NameNormalizer.words($0.name).count >= 2 && NameNormalizer.initials($0.name) == acronym }
        }
        return nil
    }

    /// Whether `candidate` is a better canonical name: more words, then not all capitals.
    private func better(_ candidate: String, than current: String) -> Bool {
        let a = NameNormalizer.words(candidate).count, b = NameNormalizer.words(current).count
        if a != b { return a > b }
        return NameNormalizer.isAcronym(current) && !NameNormalizer.isAcronym(candidate)
    }
}
