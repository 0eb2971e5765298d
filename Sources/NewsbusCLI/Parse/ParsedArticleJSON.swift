import NewsbusParse
import NewsbusProtocol

/// The output object of `newsbus parse` for one article.
enum ParsedArticleJSON {
    static func object(id: Any?, article: ParsedArticle) -> [String: Any] {
        var object: [String: Any] = [
            "title": article.title,
            "body": article.body,
            "paragraphs": article.blocks.map { block in slice(article.body, block) },
            "blocks": article.blocks.map { ["kind": $0.kind.rawValue, "start": $0.start, "end": $0.end] },
            "lang": article.lang,
            "lang_confidence": article.langConfidence,
            "authors": article.authors,
            "word_count": article.wordCount,
            "removed": article.removed,
        ]
        if let id { object["id"] = id }
        if let lede = article.lede { object["lede"] = lede }
        if let published = article.published {
            object["published"] = ["value": published.value, "source": published.origin.rawValue]
        }
        if let updated = article.updated { object["updated"] = ["value": updated.value, "source": updated.origin.rawValue] }
        if let url = article.url { object["url"] = url }
        if let canonical = article.canonicalURL { object["canonical_url"] = canonical }
        if let site = article.siteName { object["site_name"] = site }
        if let source = article.source { object["source"] = source }
        if let simhash = article.simhash { object["simhash"] = simhash }
        return object
    }

    /// The text of one block (its code-point range of the body).
    static func slice(_ body: String, _ block: TextBlock) -> String {
        let scalars = body.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: block.start)
        let end = scalars.index(start, offsetBy: block.end - block.start)
        return String(scalars[start..<end])
    }
}
