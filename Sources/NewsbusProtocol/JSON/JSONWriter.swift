/// Writes compact JSON straight into a byte buffer, in the order values are given.
///
/// The wire types write themselves with it (``JSONWireCodable``): one pass, no intermediate tree, no key
/// sorting, strings escaped as RFC 8259 requires (`"`, `\` and control characters; `/` and non-ASCII text are
/// written as they are). Commas are placed by the writer.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.object { writer in
///     writer.field("title", "Le Maroc")
///     writer.field("word_count", 612)
/// }
/// let bytes = writer.bytes  // {"title":"Le Maroc","word_count":612}
/// ```
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8]
    /// Why the JSON written is not what was asked for (a NaN or infinite number, a value that failed to encode),
    /// if something went wrong; the first reason is kept.
    public private(set) var failure: String?
    /// Whether the next value in the current object or array needs a comma before it.
    private var needsComma = false

    /// A writer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    /// Writes an object whose fields `body` writes.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes an array of `elements`, each written by `element`.
    public mutating func array<Elements: Sequence>(
        _ elements: Elements, _ element: (inout JSONWriter, Elements.Element) -> Void
    ) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for value in elements { element(&self, value) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes bytes that already hold one complete JSON value (a payload encoded earlier, for instance).
    public mutating func verbatim<Bytes: Sequence<UInt8>>(_ json: Bytes) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    // MARK: Fields of an object

    /// Writes the key of the next field; the value follows.
    public mutating func key(_ key: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    /// Writes a string field.
    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes a string field, or nothing when `value` is `nil`.
    public mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    /// Writes an integer field.
    public mutating func field<Integer: BinaryInteger>(_ name: StaticString, _ value: Integer) {
        key(name)
        integer(value)
    }

    /// Writes an integer field, or nothing when `value` is `nil`.
    public mutating func field<Integer: BinaryInteger>(_ name: StaticString, _ value: Integer?) {
        if let value { field(name, value) }
    }

    /// Writes a number field.
    public mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        number(value)
    }

    /// Writes a boolean field.
    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        boolean(value)
    }

    /// Writes a field whose value writes itself, or nothing when `value` is `nil`.
    public mutating func field<Value: JSONWireCodable>(_ name: StaticString, _ value: Value?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    /// Writes an array field whose elements write themselves.
    public mutating func field<Value: JSONWireCodable>(_ name: StaticString, _ values: [Value]) {
        key(name)
        array(values) { writer, value in value.write(to: &writer) }
    }

    /// Writes an array-of-strings field.
    public mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        array(values) { writer, value in writer.string(value) }
    }

    /// Writes an object field mapping strings to integers.
    public mutating func field(_ name: StaticString, _ values: [String: Int]) {
        key(name)
        object { writer in
            for (key, value) in values {
                writer.string(key)
                writer.bytes.append(UInt8(ascii: ":"))
                writer.needsComma = false
                writer.integer(value)
            }
        }
    }

    // MARK: Values

    /// Writes a string, escaped.
    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes an integer.
    public mutating func integer<Integer: BinaryInteger>(_ value: Integer) {
        separate()
        if let small = Int64(exactly: value) {
            appendDecimal(small)
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
        needsComma = true
    }

    /// Writes a number in its shortest form that reads back as the same `Double` (`0.5`, `1e-05`). JSON has no
    /// NaN or infinity: such a value is written as `0` and recorded as the ``failure``.
    public mutating func number(_ value: Double) {
        separate()
        if !value.isFinite {
            fail("\(value) is not a JSON number")
            bytes.append(UInt8(ascii: "0"))
        } else if value == value.rounded(.towardZero), abs(value) < 1e15 {
            appendDecimal(Int64(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        needsComma = true
    }

    /// Writes `true` or `false`.
    public mutating func boolean(_ value: Bool) {
        separate()
        let literal: StaticString = value ? "true" : "false"
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    /// Records why the JSON being written is wrong; the first reason is kept.
    public mutating func fail(_ reason: String) {
        failure = failure ?? reason
    }

    // MARK: Internals

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: magnitude % 10) + UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends UTF-8 text with `"`, `\` and control characters escaped; runs that need nothing are copied whole.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        while index < text.count {
            if JSONBytes.eightPlain(text, at: index, nonASCIIPlain: true) {
                index += 8
                continue
            }
            let byte = text[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index - 1 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index - 1]))
            }
            runStart = index
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { hex in
                    bytes.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                    ])
                }
            }
        }
        if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
    }
}
