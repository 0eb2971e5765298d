/// Case and diacritic folding of single code points, with tables for the ranges news text uses (Latin, Greek,
/// Cyrillic, punctuation, currency signs), so that folding never allocates: `É` → `e`, `’` → `'`, `Œ` → `œ`.
enum TextFold {
    /// Code points below this are folded and classified by table.
    fileprivate static let tableEnd: UInt32 = 0x2100

    /// The tables, built once. A loop over many code points takes them once (``Tables``) instead of going through
    /// the checks of a static property at each code point.
    static let tables = Tables()

    /// The folded form of one code point.
    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32 { tables.fold(value) }

    /// Whether a code point is a letter (any script) or a combining mark.
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        value < 0x80 ? Tables.isASCIILetter(value) : tables.isLetter(value)
    }

    /// Whether a code point is an upper-case letter.
    @inline(__always)
    static func isUpper(_ value: UInt32) -> Bool {
        value < 0x80 ? Tables.isASCIIUpper(value) : tables.isUpper(value)
    }

    /// Folded forms and letter classes of U+0000…U+20FF, in memory that lives as long as the process (they are made
    /// once), so that the tables are two plain pointers.
    struct Tables: @unchecked Sendable {
        /// Folded forms.
        private let folds: UnsafePointer<UInt32>
        /// Letter (bit 0) and upper-case (bit 1) flags, from the Unicode properties read beyond the tables.
        private let classes: UnsafePointer<UInt8>

        fileprivate init() {
            let folds = UnsafeMutablePointer<UInt32>.allocate(capacity: Int(tableEnd))
            let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: Int(tableEnd))
            for value in 0..<tableEnd {
                folds[Int(value)] = value < 0x250 ? latinFold(value) : slowFold(value)
                let scalar = Unicode.Scalar(value)
                let letter = scalar.map(slowIsLetter) ?? false
                classes[Int(value)] = (letter ? 1 : 0) | (scalar?.properties.isUppercase == true ? 2 : 0)
            }
            self.folds = UnsafePointer(folds)
            self.classes = UnsafePointer(classes)
        }

        /// The folded form of one code point.
        @inline(__always)
        func fold(_ value: UInt32) -> UInt32 {
            value < tableEnd ? folds[Int(value)] : slowFold(value)
        }

        /// Whether a code point is a letter (any script) or a combining mark.
        @inline(__always)
        func isLetter(_ value: UInt32) -> Bool {
            if value < 0x80 { return Self.isASCIILetter(value) }
            if value < tableEnd { return classes[Int(value)] & 1 != 0 }
            guard let scalar = Unicode.Scalar(value) else { return false }
            return slowIsLetter(scalar)
        }

        /// Whether a code point is an upper-case letter.
        @inline(__always)
        func isUpper(_ value: UInt32) -> Bool {
            if value < 0x80 { return Self.isASCIIUpper(value) }
            if value < tableEnd { return classes[Int(value)] & 2 != 0 }
            guard let scalar = Unicode.Scalar(value) else { return false }
            return scalar.properties.isUppercase
        }

        /// Whether an ASCII code point is a letter.
        @inline(__always)
        static func isASCIILetter(_ value: UInt32) -> Bool { (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }

        /// Whether an ASCII code point is an upper-case letter.
        @inline(__always)
        static func isASCIIUpper(_ value: UInt32) -> Bool { value >= 0x41 && value <= 0x5A }
    }

    /// The folded form of a code point of U+0000…U+024F: lower case, without its diacritics where the letter
    /// without them is in that range too.
    fileprivate static func latinFold(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value) else { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        let base = String(lower).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? lower
        return base.value < 0x250 ? base.value : lower.value
    }

    /// The folded form of a code point from U+0250 on: apostrophes and hyphens unified, else lower case.
    fileprivate static func slowFold(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x2019, 0x2018, 0x02BC, 0x2032: return 0x27  // apostrophes
        case 0x2010, 0x2011, 0x2013: return 0x2D  // hyphens
        default:
            guard let scalar = Unicode.Scalar(value) else { return value }
            return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
        }
    }

    /// Whether a code point is a letter or a combining mark, from its Unicode properties.
    fileprivate static func slowIsLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    /// The folded form of a string.
    static func fold(_ text: String) -> String {
        let utf8 = text.utf8
        var ascii = true
        var changes = false
        for byte in utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { changes = true }
        }
        if ascii {
            // Only A…Z fold among ASCII characters.
            guard changes else { return text }
            return String(unsafeUninitializedCapacity: utf8.count) { buffer in
                var j = 0
                for byte in utf8 {
                    buffer[j] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    j += 1
                }
                return j
            }
        }
        var length = 0
        for scalar in text.unicodeScalars { length += ScalarText.utf8Length(fold(scalar.value)) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var j = 0
            for scalar in text.unicodeScalars { j = ScalarText.encode(fold(scalar.value), into: buffer, at: j) }
            return j
        }
    }

    /// Whether a code point is an ASCII digit.
    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// Whether a code point is white space (including no-break spaces).
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x202F, 0x2009, 0x200B, 0x3000, 0x2028, 0x2029, 0x85: true
        case 0x2000...0x200A: true
        default: false
        }
    }

    /// Whether a code point is an apostrophe.
    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 || value == 0x02BC }

    /// Whether a code point is a hyphen between word parts.
    @inline(__always)
    static func isHyphen(_ value: UInt32) -> Bool { value == 0x2D || value == 0x2010 || value == 0x2011 }
}
