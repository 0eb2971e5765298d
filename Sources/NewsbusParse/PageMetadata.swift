import Foundation
import NewsbusProtocol

/// What a page says about itself, outside its text.
struct PageMetadata: Sendable {
    var documentTitle: String?
    var openGraphTitle: String?
    var headline: String?
    var firstHeading: String?
    var description: String?
    var authors: [String] = []
    var published: DatedValue?
    var updated: DatedValue?
    var canonicalURL: String?
    var siteName: String?
    var declaredLanguage: String?

    /// The best title: the JSON-LD headline or Open Graph title, else the first `<h1>`, else `<title>` without
    /// its site suffix.
    var bestTitle: String? {
        for candidate in [headline, openGraphTitle, firstHeading] {
            if let candidate, !candidate.isEmpty { return candidate }
        }
        guard let documentTitle, !documentTitle.isEmpty else { return nil }
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let range = documentTitle.range(of: separator, options: .backwards) {
                let head = String(documentTitle[..<range.lowerBound])
                if head.count >= 15 { return head }
            }
        }
        return documentTitle
    }
}
