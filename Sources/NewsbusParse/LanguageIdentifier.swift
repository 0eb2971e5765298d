import CCLD2

/// The language of a text, from CLD2 (Compact Language Detector 2) through a small C shim.
///
/// Codes are ISO 639-1 (`fr`, `en`, `ar` …); CLD2's few other names are mapped (`iw` → `he`, `zh-Hant` → `zh`).
/// Texts CLD2 cannot tell (too short, no letters) give nil, and the caller falls back on hints.
enum LanguageIdentifier {
    /// A detected language with a confidence from 0 to 1.
    struct Guess: Sendable, Hashable {
        var code: String
        var confidence: Double
    }

    /// At most this many bytes of text are looked at (the first paragraphs are enough and keep it fast).
    static let sampleBytes = 16384

    static func identify(_ text: String) -> Guess? {
        var text = text
        var result = ccld2_result()
        let detected = text.withUTF8 { bytes in
            var count = min(bytes.count, sampleBytes)
            // Do not cut a UTF-8 sequence in two (the last multi-byte sequence goes, cut or not).
            while count > 0, bytes[count - 1] & 0xC0 == 0x80 { count -= 1 }
            if count > 0, bytes[count - 1] >= 0xC0 { count -= 1 }
            guard count > 0, let base = bytes.baseAddress else { return false }
            base.withMemoryRebound(to: CChar.self, capacity: count) { ccld2_detect($0, Int32(count), &result) }
            return true
        }
        guard detected else { return nil }
        let raw = withUnsafeBytes(of: result.code) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        guard raw != "un", raw != "xxx", result.text_bytes > 0 else { return nil }
        let code: String
        switch raw {
        case "iw": code = "he"
        case "zh-Hant": code = "zh"
        case "jw": code = "jv"
        case "tl": code = "fil"
        default: code = String(raw.prefix { $0 != "-" })
        }
        var confidence = Double(result.percent) / 100
        if result.reliable == 0 { confidence *= 0.5 }
        if result.text_bytes < 40 { confidence *= 0.7 }
        return Guess(code: code, confidence: (confidence * 100).rounded() / 100)
    }
}
