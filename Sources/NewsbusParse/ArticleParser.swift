import NewsbusProtocol

/// The parse core: turns an article's HTML page or scraped text into a clean ``ParsedArticle``.
///
/// Steps for HTML: decode (``CharsetDecoder``, when given bytes) → parse with libxml2 (``HTMLDocument``) →
/// metadata (``MetadataExtractor``) → render into text blocks (``BlockCollector``) → find the main content
/// (``ContentLocator``) → drop boilerplate (``BoilerplateClassifier`` with ``PhraseRules``) → assemble the body,
/// detect the language (CLD2), hash the shingles (``SimHash``). Plain text skips the first four and goes through
/// ``PlainTextCleaner``.
///
/// A value type with no shared state: one parser may be used from many threads at once. It reads no clock, logs
/// nothing and never touches the network.
public struct ArticleParser: Sendable {
    /// Tuning knobs, with defaults fit for news pages.
    public struct Options: Sendable {
        /// Inputs larger than this (UTF-8 bytes of `html` or `text`) fail with ``ParseFailure/Code/tooLarge``.
        public var maximumInputBytes: Int
        /// The phrase rules for cross-links, credits, calls to subscribe and teaser headings.
        public var rules: PhraseRules
        /// Whether a page whose text is all boilerplate fails with ``ParseFailure/Code/noContent`` (true) or
        /// yields an article with an empty body (false).
        public var failWhenEmpty: Bool

        /// - Parameters:
        ///   - maximumInputBytes: 20 MiB by default.
        ///   - rules: ``PhraseRules/standard`` by default.
        ///   - failWhenEmpty: false by default.
        public init(maximumInputBytes: Int = 20 << 20, rules: PhraseRules = .standard, failWhenEmpty: Bool = false) {
            self.maximumInputBytes = maximumInputBytes
            self.rules = rules
            self.failWhenEmpty = failWhenEmpty
        }
    }

    /// The options in use.
    public let options: Options

    /// Makes a parser.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Parses an article. `html` wins over `text` when both are given.
    ///
    /// - Throws: ``ParseFailure`` with `.emptyInput` (nothing but white space), `.tooLarge` (over
    ///   ``Options/maximumInputBytes``), `.unparsable` (libxml2 built no document) or `.noContent` (no text left,
    ///   only when ``Options/failWhenEmpty`` is set).
    public func parse(_ raw: RawArticle) throws(ParseFailure) -> ParsedArticle {
        if let html = raw.html, html.contains(where: { !$0.isWhitespace }) {
            try checkSize(html.utf8.count, of: "html")
            return try parseHTML(Array(html.utf8), raw: raw)
        }
        if let text = raw.text, text.contains(where: { !$0.isWhitespace }) {
            try checkSize(text.utf8.count, of: "text")
            return try parseText(text, raw: raw)
        }
        throw ParseFailure(.emptyInput, "the article has neither html nor text with anything but white space")
    }

    /// Parses a page given as bytes in any encoding (BOM, `<meta charset>`, http-equiv, then detection).
    ///
    /// - Throws: as ``parse(_:)``.
    public func parse(htmlBytes: [UInt8], url: String? = nil, source: String? = nil, lang: String? = nil)
        throws(ParseFailure) -> ParsedArticle
    {
        try checkSize(htmlBytes.count, of: "html")
        let utf8 = CharsetDecoder.utf8Bytes(htmlBytes)
        let raw = RawArticle(url: url, source: source, lang: lang)
        guard utf8.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D && $0 != 0x0C }) else {
            throw ParseFailure(.emptyInput, "the page's \(htmlBytes.count) bytes hold nothing but white space")
        }
        return try parseHTML(utf8, raw: raw)
    }

    /// Every text block of a page with what became of it (`keep`, or the removal kind), for tuning the rules.
    package func explain(htmlBytes: [UInt8]) -> [String] {
        let decoded = CharsetDecoder.decode(htmlBytes)
        guard let tree = HTMLDocument.parse(utf8: Array(decoded.text.utf8)) else { return ["unparsable"] }
        let metadata = MetadataExtractor(tree: tree).extract()
        let blocks = BlockCollector(tree: tree).collect()
        let location = ContentLocator(tree: tree, blocks: blocks).locate()
        let outcome = BoilerplateClassifier(rules: options.rules).classify(
            blocks, location: location, tree: tree, title: metadata.bestTitle, lede: nil, tracing: true)
        var lines = ["charset \(decoded.charset) (\(decoded.evidence)); title: \(metadata.bestTitle ?? "-")"]
        if let first = location.inside.firstIndex(of: true) {
            let names = tree.attributes(of: Int32(first)).map { ($0.className ?? "") + "#" + ($0.id ?? "") } ?? ""
            lines.append("main: \(tree.nodes[first].tag)[\(names)] near \(location.neighbourhood.count)")
        }
        for (fate, block) in outcome.trace ?? [] {
            let tag = "\(tree.nodes[Int(max(block.element, 0))].tag)"
            let names = tree.attributes(of: max(block.element, 0)).map { ($0.className ?? "") + "#" + ($0.id ?? "") } ?? ""
            lines.append("\(fate.padding(12)) \(tag)[\(names.prefix(40))] ld=\(Int(block.linkDensity * 100)) \(block.text.prefix(110))")
        }
        return lines
    }

    private func checkSize(_ bytes: Int, of field: String) throws(ParseFailure) {
        guard bytes <= options.maximumInputBytes else {
            throw ParseFailure(
                .tooLarge,
                "the article's \(field) is \(bytes) bytes, over the limit of \(options.maximumInputBytes) bytes")
        }
    }

    private func parseHTML(_ utf8: [UInt8], raw: RawArticle) throws(ParseFailure) -> ParsedArticle {
        guard let tree = HTMLDocument.parse(utf8: utf8) else {
            throw ParseFailure(.unparsable, "libxml2 built no document from \(utf8.count) bytes of html")
        }
        let metadata = MetadataExtractor(tree: tree).extract()
        let blocks = BlockCollector(tree: tree).collect()
        let location = ContentLocator(tree: tree, blocks: blocks).locate()
        let title = raw.title.map(TextNormalizer.line) ?? metadata.bestTitle
        var outcome = BoilerplateClassifier(rules: options.rules).classify(
            blocks, location: location, tree: tree, title: title, lede: nil)
        if let description = metadata.description, description.count >= 40,
            outcome.kept.reduce(0, { $0 + $1.length }) < 200,
            !outcome.kept.contains(where: { $0.text.hasPrefix(description.prefix(40)) })
        {
            // Pages that render their text with scripts leave only the description: better than nothing.
            let block = CandidateBlock(
                text: description, length: description.unicodeScalars.count, linkLength: 0, element: -1,
                kind: .paragraph, hint: nil, tag: .p)
            outcome.kept.insert(block, at: 0)
        }
        var published = metadata.published
        if published == nil {
            published = textDate(in: blocks)
        }
        return try assemble(
            outcome, raw: raw, title: title ?? "", lede: metadata.description, published: published,
            metadata: metadata)
    }

    private func parseText(_ text: String, raw: RawArticle) throws(ParseFailure) -> ParsedArticle {
        let cleaned = PlainTextCleaner().clean(text, knownTitle: raw.title.map(TextNormalizer.line))
        let outcome = BoilerplateClassifier(rules: options.rules).classify(
            cleaned.blocks, location: nil, tree: nil, title: cleaned.title, lede: cleaned.lede)
        return try assemble(
            outcome, raw: raw, title: cleaned.title ?? "", lede: cleaned.lede, published: textDate(in: cleaned.blocks),
            metadata: PageMetadata())
    }

    private func textDate(in blocks: [CandidateBlock]) -> DatedValue? {
        for block in blocks.prefix(40) where block.length <= 120 {
            if let found = DateNormalizer.findDate(in: block.text) { return DatedValue(value: found.iso, origin: .text) }
        }
        return nil
    }

    private func assemble(
        _ outcome: BoilerplateClassifier.Outcome, raw: RawArticle, title: String, lede: String?,
        published: DatedValue?, metadata: PageMetadata
    ) throws(ParseFailure) -> ParsedArticle {
        var body = ""
        var textBlocks: [TextBlock] = []
        var offset = 0
        for block in outcome.kept {
            if !body.isEmpty {
                body += "\n\n"
                offset += 2
            }
            let length = UTF8Text.scalarCount(block.text)
            textBlocks.append(TextBlock(kind: block.kind, start: offset, end: offset + length))
            body += block.text
            offset += length
        }
        if body.isEmpty, options.failWhenEmpty {
            throw ParseFailure(.noContent, "no article text is left after removing \(outcome.removed.values.reduce(0, +)) boilerplate blocks")
        }
        var published = published
        if published == nil, let client = raw.published, let iso = DateNormalizer.normalize(client) {
            published = DatedValue(value: iso, origin: .client)
        }
        let language = language(of: body, title: title, raw: raw, declared: metadata.declaredLanguage)
        return ParsedArticle(
            title: title, lede: lede, body: body, blocks: textBlocks, authors: metadata.authors, published: published,
            updated: metadata.updated, url: raw.url, canonicalURL: metadata.canonicalURL, siteName: metadata.siteName,
            source: raw.source, lang: language.code, langConfidence: language.confidence,
            wordCount: TextNormalizer.wordCount(body), removed: outcome.removed, simhash: SimHash.hex(of: body))
    }

    private func language(of body: String, title: String, raw: RawArticle, declared: String?)
        -> LanguageIdentifier.Guess
    {
        let sample = body.isEmpty ? title : body
        if let guess = LanguageIdentifier.identify(sample), guess.confidence >= 0.3 || raw.lang == nil {
            return guess
        }
        if let hint = raw.lang ?? declared, !hint.isEmpty {
            let code = String(hint.lowercased().prefix { $0 != "-" && $0 != "_" })
            return LanguageIdentifier.Guess(code: code, confidence: 0.3)
        }
        return LanguageIdentifier.Guess(code: "und", confidence: 0)
    }
}
