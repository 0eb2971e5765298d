import Foundation
import NewsbusProtocol

/// The stable id of an article: 32 hex digits of a 128-bit hash of its normalised content, so the same article
/// submitted twice — even with different whitespace or Unicode composition — gets the same id.
///
/// Normalisation: the `html` if there is one, else the `text`; Unicode NFC; every run of whitespace (Unicode
/// `White_Space`) made one space; leading and trailing whitespace dropped. Metadata (url, source, title hint) does
/// not count: the same content from two feeds is one article.
public enum ArticleIdentity {
    public static func id(of article: RawArticle) -> ArticleID {
        id(ofContent: article.html ?? article.text ?? "")
    }

    public static func id(ofContent content: String) -> ArticleID {
        let (high, low) = ContentHash.murmur3x64_128(normalisedBytes(content))
        return ArticleID(rawValue: hex(high) + hex(low))
    }

    /// The UTF-8 bytes of the normalised content.
    static func normalisedBytes(_ content: String) -> [UInt8] {
        let composed = mayNeedComposition(content) ? content.precomposedStringWithCanonicalMapping : content
        var result: [UInt8] = []
        result.reserveCapacity(composed.utf8.count)
        var pendingSpace = false
        for scalar in composed.unicodeScalars {
            if isWhitespace(scalar.value) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            if scalar.isASCII {
                result.append(UInt8(scalar.value))
            } else {
                result.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return result
    }

    /// Whether NFC could change the text. Latin-script news (code points below U+0300, general punctuation from
    /// U+2010, currency signs) is already in NFC, and the costly normalisation is skipped for it.
    static func mayNeedComposition(_ content: String) -> Bool {
        content.unicodeScalars.contains { scalar in
            let value = scalar.value
            return value >= 0x300 && !(0x2010...0x20CF).contains(value)
        }
    }

    /// Unicode `White_Space` (the same set as `Unicode.Scalar.Properties.isWhitespace`).
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
