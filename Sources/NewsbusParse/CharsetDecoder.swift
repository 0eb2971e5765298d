#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a page into a String, never failing.
///
/// Order of evidence: a byte-order mark; then the page's own declarations (`<meta charset>`, `<meta http-equiv
/// content-type>`, the XML declaration) in the first 64 KiB; then detection. Bytes that are valid UTF-8 (or nearly:
/// a stray Latin-1 byte among many UTF-8 sequences) are read as UTF-8 whatever a declaration says, because archive
/// copies often declare one charset for their toolbar and another for the page. Invalid bytes become U+FFFD.
public enum CharsetDecoder {
    /// How the bytes were read.
    public struct Decoded: Sendable, Hashable {
        /// The text.
        public var text: String
        /// The charset used, lower case (`"utf-8"`, `"windows-1252"`, `"gb2312"` …).
        public var charset: String
        /// Where the charset came from: `"bom"`, `"declared"` or `"detected"`.
        public var evidence: String
    }

    /// The page as UTF-8 bytes: the input itself when it is valid UTF-8 without a BOM (no copy), else the bytes
    /// of ``decode(_:)``'s text.
    static func utf8Bytes(_ bytes: [UInt8]) -> [UInt8] {
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) {
            let validity = utf8Validity(bytes)
            if validity.invalid == 0 && validity.multibyte > 0 { return bytes }
        }
        return Array(decode(bytes).text.utf8)
    }

    /// Decodes `bytes`.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes[3...], as: UTF8.self), charset: "utf-8", evidence: "bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: utf16(bytes.dropFirst(2), bigEndian: false), charset: "utf-16le", evidence: "bom")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: utf16(bytes.dropFirst(2), bigEndian: true), charset: "utf-16be", evidence: "bom")
        }
        let validity = utf8Validity(bytes)
        if validity.invalid == 0 && validity.multibyte > 0 {
            // Valid UTF-8 with non-ASCII text: whatever a declaration says, this is UTF-8.
            return Decoded(text: String(decoding: bytes, as: UTF8.self), charset: "utf-8", evidence: "detected")
        }
        let declared = declaredCharsets(in: bytes)
        let plausiblyUTF8 = validity.invalid == 0 || validity.multibyte >= 20 * validity.invalid
        let declaredOther = declared.first { !isUTF8($0) }
        if plausiblyUTF8 && (declaredOther == nil || validity.multibyte > 0 || declared.first.map(isUTF8) == true) {
            let evidence = declared.contains(where: isUTF8) ? "declared" : "detected"
            return Decoded(text: String(decoding: bytes, as: UTF8.self), charset: "utf-8", evidence: evidence)
        }
        if let declaredOther {
            if let text = decodeSingleByte(bytes, charset: declaredOther) {
                return Decoded(text: text, charset: canonicalName(declaredOther), evidence: "declared")
            }
            if let text = iconvDecode(bytes, from: declaredOther) {
                return Decoded(text: text, charset: declaredOther, evidence: "declared")
            }
        }
        return Decoded(text: windows1252(bytes), charset: "windows-1252", evidence: "detected")
    }

    // MARK: Declarations

    /// The charsets the page declares, in order (meta charset, http-equiv content type, XML declaration).
    static func declaredCharsets(in bytes: [UInt8]) -> [String] {
        let limit = min(bytes.count, 65536)
        var found: [String] = []
        // Lower-case ASCII copy of the prefix for searching.
        let prefix = bytes[0..<limit].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let needle = Array("charset".utf8)
        var index = 0
        while index + needle.count < prefix.count {
            guard prefix[index] == needle[0], prefix[index..<index + needle.count].elementsEqual(needle) else {
                index += 1
                continue
            }
            var cursor = index + needle.count
            while cursor < prefix.count, prefix[cursor] == 0x20 { cursor += 1 }
            guard cursor < prefix.count, prefix[cursor] == UInt8(ascii: "=") else { index = cursor; continue }
            cursor += 1
            while cursor < prefix.count, prefix[cursor] == 0x20 || prefix[cursor] == 0x22 || prefix[cursor] == 0x27 {
                cursor += 1
            }
            var name: [UInt8] = []
            while cursor < prefix.count, name.count < 40 {
                let byte = prefix[cursor]
                let isNameByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
                    || byte == 0x5F || byte == 0x2E || byte == 0x3A
                guard isNameByte else { break }
                name.append(byte)
                cursor += 1
            }
            if !name.isEmpty { found.append(String(decoding: name, as: UTF8.self)) }
            index = cursor
        }
        // <?xml version="1.0" encoding="…"?>
        if prefix.starts(with: Array("<?xml".utf8)), let end = prefix.firstIndex(of: UInt8(ascii: ">")) {
            let declaration = String(decoding: prefix[0..<end], as: UTF8.self)
            if let range = declaration.range(of: "encoding=") {
                let rest = declaration[range.upperBound...].drop { $0 == "\"" || $0 == "'" }
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                if !name.isEmpty { found.insert(String(name), at: 0) }
            }
        }
        return found
    }

    static func isUTF8(_ name: String) -> Bool { name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8" }

    private static func canonicalName(_ name: String) -> String {
        switch name {
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso_8859-1", "us-ascii", "ascii", "windows-1252",
            "cp1252", "x-cp1252":
            return "windows-1252"
        default: return name
        }
    }

    // MARK: Decoding

    /// Counts valid multi-byte sequences and invalid sequences.
    static func utf8Validity(_ bytes: [UInt8]) -> (multibyte: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var multibyte = 0, invalid = 0, index = 0
            let count = buffer.count
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // Skip ASCII eight bytes at a time.
                if index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                if byte < 0x80 { index += 1; continue }
                let length: Int
                if byte >= 0xC2 && byte <= 0xDF {
                    length = 2
                } else if byte >= 0xE0 && byte <= 0xEF {
                    length = 3
                } else if byte >= 0xF0 && byte <= 0xF4 {
                    length = 4
                } else {
                    invalid += 1
                    index += 1
                    continue
                }
                var ok = index + length <= count
                if ok {
                    for offset in 1..<length where buffer[index + offset] & 0xC0 != 0x80 {
                        ok = false
                        break
                    }
                }
                if ok { multibyte += 1; index += length } else { invalid += 1; index += 1 }
            }
            return (multibyte, invalid)
        }
    }

    private static func decodeSingleByte(_ bytes: [UInt8], charset: String) -> String? {
        switch canonicalName(charset) {
        case "windows-1252": return windows1252(bytes)
        default: return nil
        }
    }

    /// windows-1252, the WHATWG reading of every "iso-8859-1" and "us-ascii" label.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F {
                scalars.append(Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Any other charset through the C library's iconv; undecodable bytes become U+FFFD.
    private static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var scratch = [CChar](repeating: 0, count: 16384)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { source in
            var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress
            var inLeft = source.count
            while inLeft > 0 {
                let status = scratch.withUnsafeMutableBufferPointer { target -> Int in
                    var outPointer: UnsafeMutablePointer<CChar>? = target.baseAddress
                    var outLeft = target.count
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let written = target.count - outLeft
                    output.append(contentsOf: UnsafeRawBufferPointer(start: target.baseAddress, count: written))
                    return status
                }
                if status == -1 {
                    if errno == E2BIG { continue }
                    // Invalid or incomplete sequence: replace one byte and go on.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
