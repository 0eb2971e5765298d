/// Builds one line of text from pieces, as UTF-8 bytes: runs of white space become one space, invisible
/// characters (soft hyphen, zero-width spaces and joiners, BOM) and control characters go, a lone no-break space
/// is kept (French typography puts one before `:`), and the result is trimmed.
struct TextAccumulator {
    private(set) var bytes: [UInt8] = []
    /// Code points written so far.
    private(set) var scalarCount = 0
    /// Code points written while ``inLink`` was set.
    private(set) var linkScalarCount = 0
    /// Set while the text being appended is the label of a link.
    var inLink = false
    /// 0: no pending space; 1: one no-break space pending; 2: an ordinary space pending.
    private var pendingSpace: UInt8 = 0

    var isEmpty: Bool { bytes.isEmpty }

    init() {}

    /// An accumulator with room for `capacity` bytes (the text to come, when its size is known).
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func appendSpace() {
        if !bytes.isEmpty { pendingSpace = 2 }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    mutating func append(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte < 0x80 {
                index += 1
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    if !bytes.isEmpty { pendingSpace = 2 }
                    continue
                }
                if byte < 0x20 || byte == 0x7F { continue }
                // A run of printable ASCII goes in one append, with the single spaces inside it (each between two
                // printable characters, where it would be written as it is).
                var end = index
                while end < count {
                    if Self.isPrintableASCII(buffer[end]) {
                        end += 1
                    } else if buffer[end] == 0x20, end + 1 < count, Self.isPrintableASCII(buffer[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                flushSpace()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(index - 1)..<end]))
                countScalars(end - index + 1)
                index = end
                continue
            }
            // Multi-byte sequences: the input is valid UTF-8 (it came from a Swift String).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let end = min(index + length, count)
            if length == 2, end - index == 2 {
                let second = buffer[index + 1]
                if byte == 0xC2 && second == 0xAD { index = end; continue }  // soft hyphen
                if byte == 0xC2 && second == 0xA0 {  // no-break space
                    if !bytes.isEmpty { pendingSpace = pendingSpace == 0 ? 1 : 2 }
                    index = end
                    continue
                }
                if byte == 0xC2 && second < 0xA0 { index = end; continue }  // C1 controls
            } else if length == 3, end - index == 3 {
                let second = buffer[index + 1], third = buffer[index + 2]
                if byte == 0xE2 && second == 0x80 && (third >= 0x8B && third <= 0x8D) { index = end; continue }
                if byte == 0xE2 && second == 0x81 && third == 0xA0 { index = end; continue }  // word joiner
                if byte == 0xEF && second == 0xBB && third == 0xBF { index = end; continue }  // BOM
                if byte == 0xE2 && second == 0x80 && (third == 0xA8 || third == 0xA9) {  // line/paragraph separator
                    if !bytes.isEmpty { pendingSpace = 2 }
                    index = end
                    continue
                }
                if byte == 0xE3 && second == 0x80 && third == 0x80 {  // ideographic space
                    if !bytes.isEmpty { pendingSpace = 2 }
                    index = end
                    continue
                }
                if byte == 0xE2 && second == 0x80 && (third >= 0x80 && third <= 0x8A) && third != 0x89 && third != 0x8A
                    && third != 0x88
                {  // en/em and other wide spaces (thin and hair spaces are typographic and kept)
                    if !bytes.isEmpty { pendingSpace = 2 }
                    index = end
                    continue
                }
            }
            flushSpace()
            bytes.append(contentsOf: buffer[index..<end])
            countScalar()
            index = end
        }
    }

    /// ASCII other than spaces and control characters.
    @inline(__always)
    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// Writes the pending space, if any, before the next character.
    @inline(__always)
    private mutating func flushSpace() {
        guard pendingSpace != 0 else { return }
        switch pendingSpace {
        case 1:
            bytes.append(0xC2)
            bytes.append(0xA0)
            countScalar()
        case 2:
            bytes.append(0x20)
            countScalar()
        default: break
        }
        pendingSpace = 0
    }

    private mutating func countScalar() {
        countScalars(1)
    }

    private mutating func countScalars(_ count: Int) {
        scalarCount += count
        if inLink { linkScalarCount += count }
    }

    /// The text so far, as a String, and a reset accumulator.
    mutating func finish() -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        scalarCount = 0
        linkScalarCount = 0
        pendingSpace = 0
        return text
    }
}
