import Foundation

/// Reads JSON in one pass over its bytes, value by value, as the wire types ask for them (``JSONWireCodable``).
///
/// A reader is strict and brief: it accepts RFC 8259 JSON in valid UTF-8 and nothing else, and on anything
/// unexpected it throws a ``JSONReadError`` saying only where it stopped. ``WireCodec`` then decodes the same
/// bytes again with `JSONDecoder`, whose error names the field and the reason — so a reader never has to
/// explain, only to be right about what it accepts.
///
/// ```swift
/// let title = try JSONReader.read(data) { reader in
///     var title: String?
///     try reader.object { reader, key in
///         switch key {
///         case "title": title = try reader.string()
///         default: try reader.skipValue()
///         }
///     }
///     return title
/// }
/// ```
public struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads one JSON value from `data` with `body`, then checks that only white space follows it.
    public static func read<Value>(_ data: Data, _ body: (inout JSONReader) throws -> Value) throws -> Value {
        try data.withUnsafeBytes { raw in
            var reader = JSONReader(raw.bindMemory(to: UInt8.self))
            let value = try body(&reader)
            reader.skipWhitespace()
            guard reader.position == reader.bytes.count else { throw reader.failure("text after the JSON value") }
            return value
        }
    }

    // MARK: Containers

    /// Reads an object, calling `field` with each key; `field` must read or skip the value.
    public mutating func object(_ field: (inout JSONReader, JSONKey) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try consume(UInt8(ascii: "}")) { return }
        repeat {
            skipWhitespace()
            let key = try rawKey()
            try expect(UInt8(ascii: ":"))
            try field(&self, key)
        } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Reads an array, calling `element` for each element.
    public mutating func array(_ element: (inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try consume(UInt8(ascii: "]")) { return }
        repeat { try element(&self) } while try consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Reads an array whose elements read themselves.
    public mutating func array<Element: JSONWireCodable>(of _: Element.Type = Element.self) throws -> [Element] {
        var elements: [Element] = []
        try array { reader in elements.append(try Element(from: &reader)) }
        return elements
    }

    /// Reads an array of strings.
    public mutating func strings() throws -> [String] {
        var strings: [String] = []
        try array { reader in strings.append(try reader.string()) }
        return strings
    }

    /// Reads an object mapping strings to integers.
    public mutating func integersByKey() throws -> [String: Int] {
        var result: [String: Int] = [:]
        try object { reader, key in result[key.string] = try reader.integer() }
        return result
    }

    // MARK: Values

    /// Whether the next value is `null`, which is then consumed.
    public mutating func readNull() throws -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Reads a string, or `nil` for `null`.
    public mutating func optionalString() throws -> String? {
        try readNull() ? nil : string()
    }

    /// Reads a string.
    public mutating func string() throws -> String {
        skipWhitespace()
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count {
            if skipPlainASCII() { continue }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                // Checked above: the bytes are valid UTF-8, so nothing is repaired.
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                position = start
                return try escapedString()
            }
            try skipCharacter()
        }
        throw failure("unterminated string")
    }

    /// Reads an integer written without fraction or exponent.
    public mutating func integer() throws -> Int {
        Int(try integer64())
    }

    /// Reads a 64-bit integer written without fraction or exponent.
    public mutating func integer64() throws -> Int64 {
        skipWhitespace()
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        let start = position
        var value: Int64 = 0
        while position < bytes.count, let digit = Self.digit(bytes[position]) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(negative ? -Int64(digit) : Int64(digit))
            guard !overflow1, !overflow2 else { throw failure("integer out of range") }
            value = sum
            position += 1
        }
        guard position > start, bytes[start] != UInt8(ascii: "0") || position == start + 1 else {
            throw failure("expected an integer")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] | 0x20 == UInt8(ascii: "e") {
            throw failure("expected an integer without fraction or exponent")
        }
        return value
    }

    /// Reads a number.
    public mutating func number() throws -> Double {
        skipWhitespace()
        let start = position
        try scanNumber()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("number out of range") }
        return value
    }

    /// Reads `true` or `false`.
    public mutating func boolean() throws -> Bool {
        skipWhitespace()
        guard position < bytes.count else { throw failure("expected true or false") }
        if bytes[position] == UInt8(ascii: "t") {
            try literal("true")
            return true
        }
        try literal("false")
        return false
    }

    /// Skips one value of any kind, checking that it is well formed.
    public mutating func skipValue() throws {
        skipWhitespace()
        guard position < bytes.count else { throw failure("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): try array { reader in try reader.skipValue() }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try boolean()
        case UInt8(ascii: "n"): try literal("null")
        default: try scanNumber()
        }
    }

    /// Reads one value and returns its JSON text, unchanged.
    public mutating func rawValue() throws -> Data {
        skipWhitespace()
        let start = position
        try skipValue()
        return Data(UnsafeBufferPointer(rebasing: bytes[start..<position]))
    }

    // MARK: Internals

    /// Moves over a string, checking it exactly as ``string()`` does (escapes, control characters, UTF-8), without
    /// making it: skipped values cost no allocation.
    private mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        var escaped: [UInt8] = []
        while position < bytes.count {
            if skipPlainASCII() { continue }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                position += 1
                escaped.removeAll(keepingCapacity: true)
                try appendEscape(to: &escaped)
            default:
                try skipCharacter()
            }
        }
        throw failure("unterminated string")
    }

    /// Moves over the next eight bytes if none of them ends a plain run of string text (a quote, a backslash, a
    /// control character or a byte of a multi-byte character); returns whether it did.
    @inline(__always)
    private mutating func skipPlainASCII() -> Bool {
        guard JSONBytes.eightPlain(bytes, at: position, nonASCIIPlain: false) else { return false }
        position += 8
        return true
    }

    /// Moves over one character of string text that is neither a quote nor a backslash: an ASCII character other
    /// than a control character, or a well-formed UTF-8 sequence.
    @inline(__always)
    private mutating func skipCharacter() throws {
        let byte = bytes[position]
        if byte < 0x20 { throw failure("control character in a string") }
        if byte < 0x80 {
            position += 1
            return
        }
        guard let width = Self.validSequenceWidth(bytes, at: position) else { throw failure("invalid UTF-8") }
        position += width
    }

    /// The length of the well-formed UTF-8 sequence that starts at `index` with a byte of 0x80 or more (Unicode
    /// table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or nil.
    @inline(__always)
    private static func validSequenceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let width: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: width = 2
        case 0xE0: width = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: width = 3
        case 0xED: width = 3; secondRange = 0x80...0x9F
        case 0xF0: width = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: width = 4
        case 0xF4: width = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + width <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<width where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return width
    }

    private mutating func rawKey() throws -> JSONKey {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            guard bytes[position] != UInt8(ascii: "\\") else {
                position = start
                return JSONKey(decoded: try escapedString())
            }
            guard bytes[position] >= 0x20 else { throw failure("control character in a key") }
            position += 1
        }
        guard position < bytes.count else { throw failure("unterminated key") }
        let key = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        if key.contains(where: { $0 >= 0x80 }), String(validating: key, as: UTF8.self) == nil {
            throw failure("invalid UTF-8 in a key")
        }
        return JSONKey(bytes: key)
    }

    private mutating func escapedString() throws -> String {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(256)
        var runStart = position
        while position < bytes.count {
            if skipPlainASCII() { continue }
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                try skipCharacter()
                continue
            }
            decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            position += 1
            if byte == UInt8(ascii: "\"") {
                // The runs were checked and the escapes decode to whole characters: valid UTF-8, nothing repaired.
                return String(decoding: decoded, as: UTF8.self)
            }
            try appendEscape(to: &decoded)
            runStart = position
        }
        throw failure("unterminated string")
    }

    private mutating func appendEscape(to decoded: inout [UInt8]) throws {
        guard position < bytes.count else { throw failure("unterminated escape") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(byte)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800..<0xDC00).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw failure("unpaired surrogate") }
                position += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let value = Unicode.Scalar(scalar) else { throw failure("unpaired surrogate") }
            decoded.append(contentsOf: UTF8.encode(value)!)
        default:
            throw failure("invalid escape")
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Moves over a number as RFC 8259 writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func scanNumber() throws {
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, bytes[integerStart] != UInt8(ascii: "0") || integerDigits == 1 else {
            throw failure("expected a value")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw failure("expected digits after the decimal point") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw failure("expected exponent digits") }
        }
    }

    private mutating func digits() -> Int {
        let start = position
        while position < bytes.count, Self.digit(bytes[position]) != nil { position += 1 }
        return position - start
    }

    private static func digit(_ byte: UInt8) -> UInt8? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : nil
    }

    private mutating func literal(_ word: StaticString) throws {
        let end = position + word.utf8CodeUnitCount
        let matches =
            end <= bytes.count
            && word.withUTF8Buffer { UnsafeBufferPointer(rebasing: bytes[position..<end]).elementsEqual($0) }
        guard matches else { throw failure("expected a value") }
        position = end
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else {
            throw failure("expected \"\(Character(Unicode.Scalar(byte)))\"")
        }
        position += 1
    }

    private mutating func consume(_ byte: UInt8) throws -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private func failure(_ what: String) -> JSONReadError {
        JSONReadError(offset: position, reason: what)
    }
}

/// The key of an object field, valid only while its field is being read.
public struct JSONKey {
    /// The key as written, when it has no escape.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The key with its escapes decoded, when it has some.
    private let decoded: String?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        decoded = nil
    }

    init(decoded: String) {
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        self.decoded = decoded
    }

    /// The key as a string.
    public var string: String { decoded ?? String(decoding: bytes, as: UTF8.self) }

    /// Whether the key is `pattern`, so that a `switch` over keys reads `case "title":`.
    public static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        pattern.withUTF8Buffer { pattern in
            if let decoded = key.decoded { return decoded.utf8.elementsEqual(pattern) }
            guard pattern.count == key.bytes.count else { return false }
            guard let keyStart = key.bytes.baseAddress, let patternStart = pattern.baseAddress else { return true }
            return memcmp(keyStart, patternStart, pattern.count) == 0
        }
    }
}

/// Where a ``JSONReader`` stopped, and why.
public struct JSONReadError: Error, CustomStringConvertible {
    /// Byte offset in the input.
    public var offset: Int
    public var reason: String

    public var description: String { "\(reason) at byte \(offset)" }
}

/// Eight bytes of JSON text tested at once, as one 64-bit word.
enum JSONBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether `buffer` has eight bytes from `index` on and none of them is a quote, a backslash or a control
    /// character (below 0x20) — nor, unless `nonASCIIPlain`, a byte of 0x80 or more: eight bytes a string's text
    /// can be read or written through as they are.
    @inline(__always)
    static func eightPlain(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, nonASCIIPlain: Bool) -> Bool {
        guard index + 8 <= buffer.count, let base = buffer.baseAddress else { return false }
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        // Each test sets a byte's high bit only at or above a byte that matches, so together they are exact.
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let special = (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
        return special | (nonASCIIPlain ? 0 : word & highs) == 0
    }
}
