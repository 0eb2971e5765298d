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
        var composed = mayNeedComposition(content) ? content.precomposedStringWithCanonicalMapping : content
        return composed.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        // ASCII: tab, line feed, vertical tab, form feed, carriage return and space are whitespace.
                        if lead == 0x20 || (0x09...0x0D).contains(lead) {
                            pendingSpace = count > 0
                        } else {
                            if pendingSpace { output[count] = 0x20; count += 1; pendingSpace = false }
                            output[count] = lead
                            count += 1
                        }
                        index += 1
                        continue
                    }
                    let (value, width) = scalar(in: bytes, at: index)
                    if isWhitespace(value) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace { output[count] = 0x20; count += 1; pendingSpace = false }
                        for offset in 0..<width { output[count + offset] = bytes[index + offset] }
                        count += width
                    }
                    index += width
                }
                written = count
            }
        }
    }

    /// The code point that starts at `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
        let lead = UInt32(bytes[index])
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        case ..<0xF0:
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        default:
            return (
                (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4
            )
        }
    }

    /// Whether NFC could change the text. Latin-script news (code points below U+0300, the spaces and punctuation
    /// of ``isStableUnderNFC(_:)``) is already in NFC, and the costly normalisation is skipped for it.
    static func mayNeedComposition(_ content: String) -> Bool {
        var content = content
        return content.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Lead bytes below 0xCC start code points below U+0300; continuation bytes are skipped one by one.
                if bytes[index] < 0xCC {
                    index += 1
                    continue
                }
                let (value, width) = scalar(in: bytes, at: index)
                if !isStableUnderNFC(value) { return true }
                index += width
            }
            return false
        }
    }

    /// Whether NFC leaves the code point as it is wherever it stands: no canonical decomposition, combining class 0,
    /// and never composed with a neighbour. Below U+0300; general punctuation from U+2002 (U+2000 and U+2001 become
    /// U+2002 and U+2003), superscripts and currency signs; box drawing, shapes, symbols and dingbats; variation
    /// selectors; emoji and the other pictographs of plane 1. The ranges that news text uses beyond Latin letters.
    @inline(__always)
    static func isStableUnderNFC(_ value: UInt32) -> Bool {
        switch value {
        case ..<0x300, 0x2002...0x20CF, 0x2500...0x27BF, 0xFE00...0xFE0F, 0x1F000...0x1FAFF: true
        default: false
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
