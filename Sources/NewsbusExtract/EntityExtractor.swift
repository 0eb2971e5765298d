import NewsbusProtocol

/// The extract core: finds people, organisations, places, other names, dates, amounts of money and percentages
/// in French and English text, and merges them into canonical entities.
///
/// ```swift
/// let extractor = try EntityExtractor()
/// let enriched = extractor.extract(parsedArticle, publishedAt: "2021-09-01")
/// ```
public struct EntityExtractor: Sendable {
    private let resources: ExtractorResources
    private let taggers: [String: PerceptronTagger]
    private let tokenizer = Tokenizer()
    private let splitter = SentenceSplitter()
    private let dates = DateRules()
    private let canonicalizer = EntityCanonicalizer()
    private let ranker = SalienceRanker()

    /// Loads the bundled models and gazetteers (SwiftPM resources of the module).
    public init() throws(ExtractFailure) {
        try self.init(resources: ExtractorResources.bundled())
    }

    /// An extractor over given resources (a model being evaluated, for example).
    public init(resources: ExtractorResources) throws(ExtractFailure) {
        guard !resources.models.isEmpty else {
            throw ExtractFailure(code: .missingResource, message: "no tagger model given to the extractor")
        }
        self.resources = resources
        self.taggers = resources.models.mapValues {
            PerceptronTagger(model: $0, gazetteer: resources.gazetteer, clusters: resources.clusters)
        }
    }

    /// The languages the extractor has a model for.
    public var languages: [String] { taggers.keys.sorted() }

    /// Enriches a parsed article: offsets are into `article.body`; the title counts for salience.
    public func extract(_ article: ParsedArticle, publishedAt: String? = nil) -> EnrichedArticle {
        let lang = ["fr", "en"].contains(article.lang) ? article.lang : nil
        let published = publishedAt ?? article.published?.value
        let found = mentions(in: article.body, lang: lang, publishedAt: published)
        let (entities, dateMentions) = entities(from: found, title: article.title)
        return EnrichedArticle(article: article, entities: entities, dates: dateMentions)
    }

    /// Mentions in `text` (offsets in code points, end exclusive), sorted by position. `lang` is `"fr"`, `"en"`,
    /// or `nil` to guess.
    public func mentions(in text: String, lang: String?) -> [ExtractedMention] {
        mentions(in: text, lang: lang, publishedAt: nil)
    }

    /// Mentions in `text`, with dates written without a year resolved against `publishedAt` (ISO 8601).
    public func mentions(in text: String, lang: String?, publishedAt: String?) -> [ExtractedMention] {
        let scalars = ScalarText.codePoints(of: text)
        let tokens = tokenizer.tokenize(scalars: scalars)
        let language = resolve(lang, tokens)
        func slice(_ start: Int, _ end: Int) -> String { ScalarText.string(scalars, start..<end) }
        // The folded text of each token (what `TextFold.fold` makes of its text), from the code points.
        let folded = scalars.withUnsafeBufferPointer { scalars in
            tokens.map { ScalarText.folded(scalars, $0.start..<$0.end, unfolded: $0.text) }
        }
        var rules = dates.matches(tokens, folded: folded, published: publishedAt)
        rules += AmountRules(decimalComma: language != "en").matches(folded: folded)
        var covered = [Bool](repeating: false, count: tokens.count)
        for match in rules { for k in match.tokens { covered[k] = true } }
        var result = rules.map {
            let start = tokens[$0.tokens.lowerBound].start
            let end = tokens[$0.tokens.upperBound - 1].end
            return ExtractedMention(start: start, end: end, label: $0.label, text: slice(start, end), value: $0.value)
        }
        if let tagger = taggers[language] ?? taggers.values.first {
            let infos = scalars.withUnsafeBufferPointer { tagger.features.infos(tokens, scalars: $0) }
            var scratch = TaggerScratch()
            var spans: [SpanRepairs.Span] = []
            // The gazetteer names the tagger matched, sentence by sentence, for the repairs to reuse.
            var gazetteerCodes = [UInt8](repeating: 0, count: tokens.count)
            let sentences = splitter.split(tokens)
            for sentence in sentences {
                let tags = tagger.tag(infos[sentence], scratch: &scratch)
                for (offset, code) in scratch.codes.prefix(sentence.count).enumerated() {
                    gazetteerCodes[sentence.lowerBound + offset] = code
                }
                for span in TagSet.spans(tags) {
                    let first = sentence.lowerBound + span.start
                    let end = sentence.lowerBound + span.end
                    spans.append(SpanRepairs.Span(tokens: first..<end, label: span.label))
                }
            }
            let words = infos.map(\.word)
            spans = SpanRepairs(gazetteer: resources.gazetteer).repair(
                spans, tokens, words: words, gazetteerCodes: gazetteerCodes)
            spans = NamePropagation(clusters: resources.clusters)
                .propagate(spans, tokens, sentenceStarts: Set(sentences.map(\.lowerBound)), words: words)
            for span in spans
            where !span.tokens.contains(where: { covered[$0] }) {
                let start = tokens[span.tokens.lowerBound].start
                let end = tokens[span.tokens.upperBound - 1].end
                result.append(
                    ExtractedMention(
                        start: start, end: end,
                        label: EntityLabel(rawValue: TagSet.labels[span.label]), text: slice(start, end)))
            }
        }
        result += acronyms(tokens, result, slice)
        return result.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
    }

    /// Canonical entities (most salient first) and date mentions from mentions of a body.
    public func entities(from mentions: [ExtractedMention], title: String) -> ([Entity], [DateMention]) {
        let groups = canonicalizer.group(mentions)
        let scores = ranker.scores(groups, title: title)
        let entities = zip(groups, scores).map { group, score in
            Entity(
                key: group.key, label: group.label, name: group.name, value: group.value,
                mentions: group.mentions.map { Mention(start: $0.start, end: $0.end, text: $0.text) },
                salience: score)
        }.sorted { $0.salience != $1.salience ? $0.salience > $1.salience : $0.key < $1.key }
        let dateMentions = mentions.filter { $0.label == .date }.map {
            DateMention(start: $0.start, end: $0.end, text: $0.text, value: $0.value ?? "")
        }
        return (entities, dateMentions)
    }

    /// The canonical groups of mentions (for callers that need the key of each mention).
    public func canonicalGroups(_ mentions: [ExtractedMention]) -> [EntityCanonicalizer.Group] {
        canonicalizer.group(mentions)
    }

    private func resolve(_ lang: String?, _ tokens: [Token]) -> String {
        if let lang, taggers[lang] != nil { return lang }
        return LanguageGuesser().guess(tokens) ?? "fr"
    }

    /// Acronyms the tagger missed: one in brackets right after an organisation (`… judiciaires (BCIJ)`), and
    /// its later occurrences.
    private func acronyms(
        _ tokens: [Token], _ found: [ExtractedMention], _ slice: (Int, Int) -> String
    ) -> [ExtractedMention] {
        var defined: Set<String> = []
        // Most texts have no acronym in brackets: the lookups are built for the first one.
        var lookups: FoundMentions?
        for k in tokens.indices where tokens.isBracketed(k) && NameNormalizer.isAcronym(tokens[k].text) {
            let found = lookups ?? FoundMentions(found)
            lookups = found
            if let organisation = found.organisationsByEnd[tokens[k - 2].end],
                NameNormalizer.initials(organisation.text) == NameNormalizer.words(tokens[k].text).joined()
                    || !found.starts.contains(tokens[k].start)
            {
                defined.insert(tokens[k].text)
            }
        }
        guard !defined.isEmpty, let lookups else { return [] }
        return tokens.filter { defined.contains($0.text) && !lookups.starts.contains($0.start) }.map {
            ExtractedMention(start: $0.start, end: $0.end, label: .organization, text: slice($0.start, $0.end))
        }
    }

    /// What ``acronyms(_:_:_:)`` looks up in the mentions found: organisations by where they end, and where
    /// mentions start.
    private struct FoundMentions {
        let organisationsByEnd: [Int: ExtractedMention]
        let starts: Set<Int>

        init(_ found: [ExtractedMention]) {
            organisationsByEnd = Dictionary(
                found.filter { $0.label == .organization }.map { ($0.end, $0) }, uniquingKeysWith: { a, _ in a })
            starts = Set(found.map(\.start))
        }
    }
}
