import Foundation
import NewsbusProtocol

/// Finds a page's metadata: title, authors, dates (with their origin), canonical URL, site name, declared
/// language. Sources, most trustworthy first: JSON-LD (`NewsArticle` and kin), `<meta>` tags (Open Graph,
/// `article:*`, Dublin Core, `itemprop`), `<link rel=canonical>`, `<time datetime>`.
struct MetadataExtractor {
    let tree: DOMTree

    func extract() -> PageMetadata {
        var metadata = PageMetadata()
        readJSONLD(into: &metadata)
        var firstTime: String?
        var authorLinks: [String] = []
        for index in tree.nodes.indices {
            let node = tree.nodes[index]
            guard node.tag != .text else { continue }
            switch node.tag {
            case .html:
                if metadata.declaredLanguage == nil { metadata.declaredLanguage = tree.attributes(of: Int32(index))?.lang }
            case .title:
                if metadata.documentTitle == nil { metadata.documentTitle = tree.textContent(of: Int32(index)) }
            case .h1:
                if metadata.firstHeading == nil {
                    let text = tree.textContent(of: Int32(index))
                    if !text.isEmpty { metadata.firstHeading = text }
                }
            case .meta:
                if let attributes = tree.attributes(of: Int32(index)) { readMeta(attributes, into: &metadata) }
            case .link:
                if let attributes = tree.attributes(of: Int32(index)), let rel = attributes.rel?.lowercased() {
                    if rel == "canonical", metadata.canonicalURL == nil, let href = attributes.href, !href.isEmpty {
                        metadata.canonicalURL = href
                    }
                }
            case .time:
                if firstTime == nil, let value = tree.attributes(of: Int32(index))?.datetime { firstTime = value }
            case .a:
                if let attributes = tree.attributes(of: Int32(index)), attributes.rel?.lowercased() == "author" {
                    let text = tree.textContent(of: Int32(index))
                    if !text.isEmpty, text.count <= 60 { authorLinks.append(text) }
                }
            default:
                if let attributes = tree.attributes(of: Int32(index)), let itemprop = attributes.itemprop {
                    readItemprop(itemprop, attributes, node: Int32(index), into: &metadata)
                }
            }
        }
        if metadata.published == nil, let firstTime, let iso = DateNormalizer.normalize(firstTime) {
            metadata.published = DatedValue(value: iso, origin: .time)
        }
        if metadata.authors.isEmpty { metadata.authors = authorLinks }
        metadata.authors = Self.unique(metadata.authors.map(TextNormalizer.line).filter { !$0.isEmpty })
        for keyPath in [\PageMetadata.documentTitle, \.openGraphTitle, \.headline, \.firstHeading, \.description,
            \.siteName]
        {
            if let value = metadata[keyPath: keyPath] {
                let line = TextNormalizer.line(value)
                metadata[keyPath: keyPath] = line.isEmpty ? nil : line
            }
        }
        return metadata
    }

    private func readMeta(_ attributes: DOMTree.Attributes, into metadata: inout PageMetadata) {
        guard let content = attributes.content, !content.isEmpty else { return }
        let key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? "").lowercased()
        switch key {
        case "og:title", "twitter:title":
            if metadata.openGraphTitle == nil { metadata.openGraphTitle = content }
        case "og:site_name", "application-name":
            if metadata.siteName == nil { metadata.siteName = content }
        case "description", "og:description", "twitter:description":
            if metadata.description == nil { metadata.description = content }
        case "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
            "byl":
            if !content.hasPrefix("http") {
                let name = content.hasPrefix("By ") ? String(content.dropFirst(3)) : content
                metadata.authors.append(contentsOf: name.split(separator: ",").map { String($0) })
            }
        case "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
            "dcterms.date", "dcterms.created", "pubdate", "publishdate", "publish-date", "publish_date",
            "sailthru.date", "parsely-pub-date", "citation_publication_date", "article.published", "date.created":
            if metadata.published == nil, let iso = DateNormalizer.normalize(content) {
                metadata.published = DatedValue(value: iso, origin: .meta)
            }
        case "article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
            "article.updated", "date.modified":
            if metadata.updated == nil, let iso = DateNormalizer.normalize(content) {
                metadata.updated = DatedValue(value: iso, origin: .meta)
            }
        default: break
        }
    }

    private func readItemprop(
        _ itemprop: String, _ attributes: DOMTree.Attributes, node: Int32, into metadata: inout PageMetadata
    ) {
        switch itemprop.lowercased() {
        case "datepublished":
            if metadata.published == nil,
                let iso = DateNormalizer.normalize(attributes.datetime ?? attributes.content ?? tree.textContent(of: node))
            {
                metadata.published = DatedValue(value: iso, origin: .meta)
            }
        case "datemodified":
            if metadata.updated == nil,
                let iso = DateNormalizer.normalize(attributes.datetime ?? attributes.content ?? tree.textContent(of: node))
            {
                metadata.updated = DatedValue(value: iso, origin: .meta)
            }
        case "headline":
            if metadata.headline == nil { metadata.headline = tree.textContent(of: node) }
        default: break
        }
    }

    // MARK: JSON-LD

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "report", "webpage",
        "liveblogposting", "socialmediaposting", "posting", "recipe",
    ]

    private func readJSONLD(into metadata: inout PageMetadata) {
        for source in tree.jsonLD {
            guard let data = source.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            var queue: [Any] = [json]
            var visited = 0
            while !queue.isEmpty, visited < 200 {
                visited += 1
                let item = queue.removeFirst()
                if let array = item as? [Any] { queue.append(contentsOf: array); continue }
                guard let object = item as? [String: Any] else { continue }
                if let graph = object["@graph"] { queue.append(graph) }
                let types = Self.strings(object["@type"]).map { $0.lowercased() }
                guard types.contains(where: Self.articleTypes.contains) else { continue }
                let isWebPage = types == ["webpage"]
                if !isWebPage, metadata.headline == nil, let headline = object["headline"] as? String {
                    metadata.headline = headline
                }
                if metadata.published == nil, let raw = object["datePublished"] as? String,
                    let iso = DateNormalizer.normalize(raw)
                {
                    metadata.published = DatedValue(value: iso, origin: .jsonLD)
                }
                if metadata.updated == nil, let raw = object["dateModified"] as? String,
                    let iso = DateNormalizer.normalize(raw)
                {
                    metadata.updated = DatedValue(value: iso, origin: .jsonLD)
                }
                if metadata.authors.isEmpty { metadata.authors = Self.names(object["author"]) }
                if metadata.siteName == nil, let publisher = Self.names(object["publisher"]).first {
                    metadata.siteName = publisher
                }
            }
        }
    }

    private static func strings(_ value: Any?) -> [String] {
        if let string = value as? String { return [string] }
        if let array = value as? [Any] { return array.compactMap { $0 as? String } }
        return []
    }

    private static func names(_ value: Any?) -> [String] {
        if let string = value as? String { return string.hasPrefix("http") ? [] : [string] }
        if let object = value as? [String: Any] { return strings(object["name"]) }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}
