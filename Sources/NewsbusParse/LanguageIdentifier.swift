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
        var sample = Array(text.utf8.prefix(sampleBytes))
        // Do not cut a UTF-8 sequence in two.
        while let last = sample.last, last & 0xC0 == 0x80 { sample.removeLast() }
        if let last = sample.last, last >= 0xC0 { sample.removeLast() }
        guard !sample.isEmpty else { return nil }
        var result = ccld2_result()
        sample.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                ccld2_detect(pointer, Int32(buffer.count), &result)
            }
        }
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
