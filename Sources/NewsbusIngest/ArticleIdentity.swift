import Foundation
import NewsbusProtocol

/// The stable id of an article: 32 hex digits of a 128-bit hash of its normalised content, so the same article
/// submitted twice — even with different whitespace or Unicode composition — gets the same id.
///
/// Normalisation: the `html` if there is one, else the `text`; Unicode NFC; every run of whitespace made one
/// space; leading and trailing whitespace dropped. Metadata (url, source, title hint) does not count: the same
/// content from two feeds is one article.
public enum ArticleIdentity {
    public static func id(of article: RawArticle) -> ArticleID {
        id(ofContent: article.html ?? article.text ?? "")
    }

    public static func id(ofContent content: String) -> ArticleID {
        let (high, low) = ContentHash.murmur3x64_128(normalise(content).utf8)
        return ArticleID(rawValue: hex(high) + hex(low))
    }

    static func normalise(_ content: String) -> String {
        var result = ""
        result.reserveCapacity(content.utf8.count)
        var pendingSpace = false
        for scalar in content.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
