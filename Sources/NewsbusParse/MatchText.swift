/// A block's text as the boilerplate rules compare it (usually folded by ``TextNormalizer/foldedUTF8(_:)``): its
/// UTF-8 bytes, compared and hashed as bytes when that gives the answers String comparisons would.
///
/// Swift compares Strings by canonical equivalence, Character by Character. When every code point of both texts
/// stands alone (``UTF8Text/standsAlone(_:)``: nearly all news text), both are NFC with one Character per code
/// point, and equal bytes, byte prefixes and byte suffixes are equal Strings, prefixes and suffixes. Other texts
/// (combining marks, emoji sequences, Hangul jamo …) are compared as Strings.
struct MatchText {
    /// The text, as valid UTF-8.
    let bytes: [UInt8]
    /// Whether every code point stands alone, so that byte comparisons are String comparisons.
    let isPlain: Bool

    init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        isPlain = UTF8Text.isPlain(bytes)
    }

    /// `text` folded for phrase matching (``TextNormalizer/folded(_:)``).
    init(folding text: String) {
        self.init(utf8: TextNormalizer.foldedUTF8(text))
    }

    /// `text` as it is.
    init(verbatim text: String) {
        self.init(utf8: Array(text.utf8))
    }

    /// The text as a String.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    var isEmpty: Bool { bytes.isEmpty }

    /// Whether the texts are equal as Strings are (canonical equivalence).
    func matches(_ other: MatchText) -> Bool {
        if isPlain && other.isPlain { return bytes == other.bytes }
        return string == other.string
    }

    /// Whether the text starts with `prefix`, Character by Character as `String.hasPrefix`.
    func hasPrefix(_ prefix: MatchText) -> Bool {
        if isPlain && prefix.isPlain { return bytes.starts(with: prefix.bytes) }
        return string.hasPrefix(prefix.string)
    }

    /// The text without the full stops, ellipses ("…") and spaces that end it, as
    /// ``BoilerplateClassifier/truncationStripped(_:)``.
    func truncationStripped() -> MatchText {
        guard isPlain else { return MatchText(utf8: Array(BoilerplateClassifier.truncationStripped(string).utf8)) }
        var end = bytes.count
        while end > 0 {
            if bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: " ") {
                end -= 1
            } else if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xA6 {
                end -= 3
            } else {
                break
            }
        }
        return end == bytes.count ? self : MatchText(plainBytes: Array(bytes[..<end]))
    }

    /// The text without the leading Characters that are in `set`, as `String.drop(while:)`.
    func droppingLeading(_ set: SingleScalarCharacters) -> MatchText {
        guard isPlain else { return MatchText(utf8: Array(String(string.drop { set.characters.contains($0) }).utf8)) }
        let start = bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let length = UTF8Text.sequenceLength(buffer[start])
                guard set.scalars.contains(UTF8Text.decode(buffer, at: start, length: length)) else { break }
                start += length
            }
            return start
        }
        return start == 0 ? self : MatchText(plainBytes: Array(bytes[start...]))
    }

    /// The words of a plain text: the runs of code points for which `isWordCharacter` holds (ASCII letters are
    /// told without calling it), as pieces of ``bytes``. Of a plain text, these are the Character runs.
    func plainWords(_ isWordCharacter: (UInt32) -> Bool) -> [ArraySlice<UInt8>] {
        precondition(isPlain, "the words of a text that is not plain are runs of Characters, not of code points")
        var words: [ArraySlice<UInt8>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start: Int?
            var index = 0
            while index < buffer.count {
                let lead = buffer[index]
                let length = UTF8Text.sequenceLength(lead)
                let inWord =
                    lead < 0x80 && (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A
                    || isWordCharacter(UTF8Text.decode(buffer, at: index, length: length))
                if inWord, start == nil { start = index }
                if !inWord, let first = start {
                    words.append(bytes[first..<index])
                    start = nil
                }
                index += length
            }
            if let first = start { words.append(bytes[first..<buffer.count]) }
        }
        return words
    }

    /// Bytes known to be plain (a piece of a plain text cut between code points).
    private init(plainBytes: [UInt8]) {
        bytes = plainBytes
        isPlain = true
    }
}

/// The texts seen so far, for finding repeated blocks: plain texts are hashed as bytes; the few others are
/// compared as Strings with every text seen.
struct SeenTexts {
    private var plain: Set<Bytes> = []
    private var others: [MatchText] = []

    /// Bytes hashed in one call rather than byte by byte.
    private struct Bytes: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// Adds `text`; false when an equal text (as Strings are equal) was already there.
    mutating func insert(_ text: MatchText) -> Bool {
        if text.isPlain {
            guard !others.contains(where: { $0.matches(text) }) else { return false }
            return plain.insert(Bytes(bytes: text.bytes)).inserted
        }
        guard !others.contains(where: { $0.matches(text) }),
            !plain.contains(where: { MatchText(utf8: $0.bytes).matches(text) })
        else { return false }
        others.append(text)
        return true
    }
}

/// A set of Characters of one code point each, as Characters (for Strings) and as code points (for the bytes of
/// plain texts, whose Characters are their code points).
struct SingleScalarCharacters: Sendable {
    let characters: Set<Character>
    let scalars: Set<UInt32>

    init(_ members: String) {
        characters = Set(members)
        scalars = Set(members.unicodeScalars.map(\.value))
        precondition(members.count == members.unicodeScalars.count, "\(members) has a Character of several code points")
    }
}
