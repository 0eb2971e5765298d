/// Corrections applied to the tagger's spans for modern news, where the historical training corpora's
/// conventions differ: no function or apposition inside a person's name (`José Bono, ancien ministre` →
/// `José Bono`), no all-lower-case names (doctrines such as `terrorisme`), a first name joined to the surname
/// tagged after it, well-known organisations from the gazetteer (`Daech`, `Al-Qaïda au Maghreb islamique`), and
/// an organisation defined by its acronym in brackets (`Bureau central d'investigations judiciaires (BCIJ)`).
struct SpanRepairs: Sendable {
    /// A span of tokens (end exclusive) and its label index in the tag set.
    struct Span: Sendable, Hashable {
        var tokens: Range<Int>
        var label: Int
    }

    static let person = 0, organization = 1, location = 2

    let gazetteer: Gazetteer

    /// Titles and honorifics that are not part of a person's name (`M.`, `Mme`, `Dr`).
    static let honorifics: Set<String> = [
        "m.", "mm.", "mme", "mme.", "mmes", "mlle", "dr", "dr.", "pr", "pr.",
        "me", "mgr", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sieur", "monsieur", "madame", "mademoiselle",
        "sir", "lord", "president", "general", "gen.", "col.", "capitaine", "colonel", "docteur",
    ]
    static let trailing: Set<String> = [",", ".", ";", ":", "»", "«", "\"", "(", ")", "-", "'", "’"]

    /// Name particles, lower-case inside names (`Charles de Gaulle`, `Oussama ben Laden`).
    static let particles: Set<String> = [
        "de", "d'", "du", "des", "la", "le", "van", "von", "der", "den", "ben", "bin",
        "ibn", "al", "el", "di", "da", "dos", "del", "y", "zu", "ter", "af",
    ]
    /// Ministries named before a minister's name.
    static let portfolios: Set<String> = [
        "interieur", "economie", "justice", "defense", "culture", "travail",
        "sante", "education", "agriculture", "transports", "ecologie", "finances", "budget", "armees", "logement",
        "sports", "outre-mer", "europe", "affaires", "comptes", "solidarites", "enseignement", "numerique",
        "industrie", "commerce", "etat", "environnement", "emploi", "recherche", "territoires", "cohesion", "treasury",
        "state", "defence", "interior", "finance", "energy", "health",
    ]
    static let prepositions: Set<String> = ["l'", "de", "d'", "du", "des", "la", "le", "of", "the", "au"]

    func repair(_ input: [Span], _ tokens: [Token]) -> [Span] {
        repair(input, tokens, words: tokens.map { FeatureHash.word($0.text) })
    }

    /// The repaired spans, given the word hash (``FeatureHash/word(_:)``) of each token, and the gazetteer code of
    /// each token when the tagger has already matched the gazetteer sentence by sentence.
    func repair(_ input: [Span], _ tokens: [Token], words: [UInt64], gazetteerCodes: [UInt8]? = nil) -> [Span] {
        var spans: [Span] = []
        for var span in input {
            if span.label == Self.person,
                let comma = span.tokens.first(where: { tokens[$0].text == "," && $0 > span.tokens.lowerBound })
            {
                span.tokens = span.tokens.lowerBound..<comma
            }
            var first = span.tokens.lowerBound
            var last = span.tokens.upperBound - 1
            if span.label == Self.person {
                while first < last, Self.honorifics.contains(TextFold.fold(tokens[first].text)) { first += 1 }
            }
            while last > first, Self.trailing.contains(tokens[last].text) { last -= 1 }
            if span.label == Self.person {
                // Functions written before the name: "Premier ministre français Édouard Philippe".
                if let cut = (first...last).last(where: { isFunctionWord(tokens[$0].text) }), cut < last {
                    first = cut + 1
                }
                while first < last, Self.isParticle(tokens[first].text) {
                    first += 1
                }
                // A ministry or a medium before the name: "(ministre de l')Intérieur Christophe Castaner",
                // "AFP Mathieu Plane".
                if last - first >= 2, isCapitalised(tokens[first + 1].text),
                    first > 0 && Self.prepositions.contains(TextFold.fold(tokens[first - 1].text))
                        && (Self.portfolios.contains(TextFold.fold(tokens[first].text))
                            || !gazetteer.labels(ofWord: tokens[first].text).isDisjoint(with: [
                                .location, .organization,
                            ]))
                        || NameNormalizer.isAcronym(tokens[first].text) && !NameNormalizer.isAcronym(tokens[last].text)
                {
                    first += 1
                }
            }
            span.tokens = first..<(last + 1)
            if span.tokens.contains(where: { isCapitalised(tokens[$0].text) }) { spans.append(span) }
        }
        // A name split in two: "Oussama" (ORG) "Ben Laden" (PER) → one person.
        var merged: [Span] = []
        for span in spans {
            if let last = merged.last, last.tokens.upperBound == span.tokens.lowerBound, span.label == Self.person,
                last.tokens.count == 1, !NameNormalizer.isAcronym(tokens[last.tokens.lowerBound].text),
                !tokens[span.tokens.lowerBound].newlineBefore
            {
                merged[merged.count - 1] = Span(
                    tokens: last.tokens.lowerBound..<span.tokens.upperBound, label: Self.person)
            } else {
                merged.append(span)
            }
        }
        spans = merged
        // Gazetteer organisations and longer gazetteer names that contain predicted spans. Spans do not overlap
        // here, so each token has at most one owner.
        var owner = [Int](repeating: -1, count: tokens.count)
        for (index, span) in spans.enumerated() { for k in span.tokens { owner[k] = index } }
        var removed = [Bool](repeating: false, count: spans.count)
        for hit in gazetteerCodes.map(Gazetteer.hits(codes:)) ?? gazetteer.hits(words) {
            guard isCapitalised(tokens[hit.tokens.lowerBound].text) else { continue }
            var inside: [Int] = []
            for k in hit.tokens where owner[k] >= 0 && inside.last != owner[k] { inside.append(owner[k]) }
            guard !inside.isEmpty,
                inside.allSatisfy({
                    hit.tokens.contains(spans[$0].tokens.lowerBound)
                        && spans[$0].tokens.upperBound <= hit.tokens.upperBound
                })
            else { continue }
            let label: Int?
            if hit.labels == .organization {
                label = Self.organization
            } else if hit.labels == .location {
                label = Self.location
            } else {
                label = nil
            }
            guard let label else { continue }
            let extends = inside.count > 1 || spans[inside[0]].tokens != hit.tokens
            if extends || label == Self.organization {
                for index in inside { removed[index] = true }
                spans.append(Span(tokens: hit.tokens, label: label))
                removed.append(false)
                for k in hit.tokens { owner[k] = spans.count - 1 }
            }
        }
        spans = spans.indices.filter { !removed[$0] }.map { spans[$0] }
        // Acronym definitions: capitalised words whose initials spell the bracketed acronym.
        for k in tokens.indices where tokens.isBracketed(k) && NameNormalizer.isAcronym(tokens[k].text) {
            let acronym = NameNormalizer.words(tokens[k].text).joined()
            for length in 1...min(12, k - 1) {
                let first = k - 1 - length
                guard isCapitalised(tokens[first].text) else { continue }
                let text = tokens[first..<(k - 1)].map(\.text).joined(separator: " ")
                if NameNormalizer.initials(text) == acronym && NameNormalizer.words(text).count > 1 {
                    let name = first..<(k - 1)
                    spans.removeAll { name.overlaps($0.tokens) || $0.tokens.contains(k) }
                    spans.append(Span(tokens: name, label: Self.organization))
                    spans.append(Span(tokens: k..<(k + 1), label: Self.organization))
                    break
                }
            }
        }
        return spans.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A name particle as written (lower case: `de`, `d'`, `ben`; `Le` in `Le Pen` is part of the name).
    private static func isParticle(_ text: String) -> Bool {
        // `’` is E2 80 99 in UTF-8: most texts need no replacement.
        particles.contains(text.utf8.contains(0xE2) ? text.replacingOccurrences(of: "’", with: "'") : text)
    }

    /// A lower-case word that is not a name particle: a function or a common noun inside a span.
    private func isFunctionWord(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, TextFold.isLetter(first.value), !TextFold.isUpper(first.value)
        else {
            return false
        }
        return !Self.particles.contains(TextFold.fold(text))
    }

    private func isCapitalised(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { TextFold.isLetter($0.value) }) else { return false }
        return TextFold.isUpper(first.value)
    }
}
