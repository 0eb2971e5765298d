/// Strings built straight from code points as UTF-8, for the tokens and mention texts of a text: one buffer
/// written in place instead of a `String.UnicodeScalarView` grown one scalar at a time, and of the exact length, so
/// that a string of up to 15 bytes (most tokens) is stored inline instead of on the heap.
enum ScalarText {
    /// The string of the code points `range` of `scalars`, folded by ``TextFold`` when `folding` is set.
    /// Values that are not Unicode scalars are left out.
    static func string(_ scalars: [UInt32], _ range: Range<Int>, folding: Bool = false) -> String {
        scalars.withUnsafeBufferPointer { string($0, range, folding: folding) }
    }

    /// The string of the code points `range` of `scalars`, folded by ``TextFold`` when `folding` is set.
    static func string(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, folding: Bool) -> String {
        guard !range.isEmpty else { return "" }
        let tables = TextFold.tables
        var length = 0
        for k in range { length += utf8Length(folding ? tables.fold(scalars[k]) : scalars[k]) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var j = 0
            for k in range {
                let value = folding ? tables.fold(scalars[k]) : scalars[k]
                j = encode(value, into: buffer, at: j)
            }
            return j
        }
    }

    /// The folded string of the code points `range` of `scalars`, given `unfolded`, the string of those code
    /// points as they are: that same string when folding changes none of them (most words), without building
    /// another.
    static func folded(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, unfolded: String) -> String {
        let tables = TextFold.tables
        for k in range where tables.fold(scalars[k]) != scalars[k] {
            return string(scalars, range, folding: true)
        }
        return unfolded
    }

    /// The code points of `text`, decoded from its UTF-8 bytes in place.
    static func codePoints(of text: String) -> [UInt32] {
        var text = text
        return text.withUTF8 { bytes in
            [UInt32](unsafeUninitializedCapacity: bytes.count) { values, count in
                var i = 0
                var k = 0
                while i < bytes.count {
                    let lead = UInt32(bytes[i])
                    // The bytes of a String are valid UTF-8: the lead byte tells the length.
                    if lead < 0x80 {
                        values[k] = lead
                        i += 1
                    } else if lead < 0xE0 {
                        values[k] = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if lead < 0xF0 {
                        values[k] =
                            (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        values[k] =
                            (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    k += 1
                }
                count = k
            }
        }
    }

    /// The number of UTF-8 bytes of `value` (0 if it is no Unicode scalar), as ``encode(_:into:at:)`` writes it.
    @inline(__always)
    static func utf8Length(_ value: UInt32) -> Int {
        if value < 0x80 { return 1 }
        if value < 0x800 { return 2 }
        if value < 0x10000 { return (0xD800...0xDFFF).contains(value) ? 0 : 3 }
        return value <= 0x10FFFF ? 4 : 0
    }

    /// Writes the UTF-8 form of `value` at `j` and returns the index after it (`j` if it is no scalar).
    @inline(__always)
    static func encode(_ value: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at j: Int) -> Int {
        if value < 0x80 {
            buffer[j] = UInt8(truncatingIfNeeded: value)
            return j + 1
        }
        if value < 0x800 {
            buffer[j] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            buffer[j + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return j + 2
        }
        if value < 0x10000 {
            guard !(0xD800...0xDFFF).contains(value) else { return j }
            buffer[j] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            buffer[j + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
            buffer[j + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return j + 3
        }
        guard value <= 0x10FFFF else { return j }
        buffer[j] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
        buffer[j + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F)
        buffer[j + 2] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
        buffer[j + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
        return j + 4
    }
}
