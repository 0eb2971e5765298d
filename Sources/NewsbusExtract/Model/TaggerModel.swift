import Foundation

/// The weights of one language's tagger and their compact binary file format.
///
/// File layout (little-endian): magic `NBNER001`, then UInt32 tag count, UInt32 bucket bits, UInt32 features per
/// token, UInt32 language length and its UTF-8 bytes, Float32 scale, `(T+1)·T` Float32 transitions, and one
/// Int8 code per weight (`rows · T`). Codes are square-companded: a weight is `scale · (code / 127)²` with the
/// code's sign, which keeps resolution near zero where most weights are. In memory weights are Int16 units of
/// `scale / 8000` and tagging sums them in integers. Most hash buckets are never hit by a training feature (85–95 %
/// of rows are all zero) and many of the others share their weights, so each distinct row is kept once, behind a
/// ``RowIndex``: a seventh of the memory, and tables small enough to stay mostly in cache.
public struct TaggerModel: Sendable {
    static let magic = Array("NBNER001".utf8)
    static let units: Float = 8000

    /// The language the model was trained for (`"fr"`, `"en"`).
    public let language: String
    /// log2 of the number of weight rows.
    let bucketBits: Int
    /// For each hash bucket, the row of ``rows`` holding its weights; row 0 is all zeros (most buckets).
    let rowIndex: RowIndex
    /// `rows[row * T + tag]`, Int16 units, each distinct row once.
    let rows: [Int16]
    /// `transitions[(previous + 1) * T + tag]`, in the same units; row 0 is the sentence start.
    let transitions: [Int32]

    init(language: String, bucketBits: Int, rowIndex: RowIndex, rows: [Int16], transitions: [Int32]) {
        self.language = language
        self.bucketBits = bucketBits
        self.rowIndex = rowIndex
        self.rows = rows
        self.transitions = transitions
    }

    /// Quantises float weights (as the trainer holds them) into a model, and returns it with its file bytes.
    static func encode(language: String, bucketBits: Int, weights: [Float], transitions: [Float]) -> Data {
        let scale = max(weights.lazy.map(abs).max() ?? 1, 1e-6)
        var data = Data(magic)
        func put(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func putFloat(_ value: Float) { put(value.bitPattern) }
        put(UInt32(TagSet.count))
        put(UInt32(bucketBits))
        put(UInt32(FeatureExtractor.count))
        let lang = Array(language.utf8)
        put(UInt32(lang.count))
        data.append(contentsOf: lang)
        putFloat(scale)
        for value in transitions { putFloat(value) }
        var codes = [UInt8](repeating: 0, count: weights.count)
        for (index, weight) in weights.enumerated() {
            let code = Int((127 * (abs(weight) / scale).squareRoot()).rounded())
            codes[index] = UInt8(bitPattern: Int8(weight < 0 ? -code : code))
        }
        data.append(contentsOf: codes)
        return data
    }

    /// Reads a model file's bytes; `source` names the file in errors.
    static func decode(_ data: Data, source: String) throws(ExtractFailure) -> TaggerModel {
        func fail(_ why: String) -> ExtractFailure {
            ExtractFailure(code: .invalidModel, message: "model \(source): \(why)")
        }
        let bytes = [UInt8](data)
        var offset = 0
        func take(_ count: Int) throws(ExtractFailure) -> ArraySlice<UInt8> {
            guard offset + count <= bytes.count else { throw fail("truncated at byte \(offset) of \(bytes.count)") }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
        func uint() throws(ExtractFailure) -> UInt32 {
            let slice = try take(4)
            return slice.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        guard Array(try take(8)) == magic else { throw fail("not a Newsbus tagger model (bad magic number)") }
        let tags = Int(try uint())
        let bits = Int(try uint())
        let features = Int(try uint())
        guard tags == TagSet.count, (10...24).contains(bits), features == FeatureExtractor.count else {
            throw fail(
                "made for \(tags) tags, \(bits) bucket bits, \(features) features per token; this build "
                    + "reads \(TagSet.count) tags and \(FeatureExtractor.count) features")
        }
        let language = String(decoding: try take(Int(try uint())), as: UTF8.self)
        let scale = Float(bitPattern: try uint())
        guard scale.isFinite, scale > 0 else { throw fail("invalid scale \(scale)") }
        var transitions: [Int32] = []
        for _ in 0..<((tags + 1) * tags) {
            let value = Float(bitPattern: try uint()) / scale * units
            transitions.append(Int32(max(-1e9, min(1e9, value)).rounded()))
        }
        let count = (1 << bits) * tags
        let codes = try take(count)
        guard offset == bytes.count else { throw fail("\(bytes.count - offset) unexpected bytes after the weights") }
        let table: [Int16] = (0..<256).map { raw in
            let code = Float(Int8(truncatingIfNeeded: raw))
            let magnitude = (code / 127) * (code / 127) * units
            return Int16((code < 0 ? -magnitude : magnitude).rounded())
        }
        var rows = [Int16](repeating: 0, count: tags)
        var rowOfBucket = [UInt32](repeating: 0, count: 1 << bits)
        var known: [RowCodes: UInt32] = [:]
        codes.withUnsafeBufferPointer { codes in
            for bucket in 0..<(1 << bits) {
                let row = codes[(bucket * tags)..<((bucket + 1) * tags)]
                guard row.contains(where: { $0 != 0 }) else { continue }
                let key = RowCodes(row)
                if let number = known[key] {
                    rowOfBucket[bucket] = number
                    continue
                }
                let number = UInt32(rows.count / tags)
                known[key] = number
                rowOfBucket[bucket] = number
                rows.append(contentsOf: row.lazy.map { table[Int($0)] })
            }
        }
        let rowIndex = RowIndex(rows: rowOfBucket)
        return TaggerModel(
            language: language, bucketBits: bits, rowIndex: rowIndex, rows: rows, transitions: transitions)
    }
}

/// The codes of one weight row (up to 16), as a dictionary key.
private struct RowCodes: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init(_ codes: Slice<UnsafeBufferPointer<UInt8>>) {
        precondition(codes.count <= 16, "a row key holds up to 16 codes")
        for (k, code) in codes.enumerated() {
            if k < 8 { low |= UInt64(code) << (8 * k) } else { high |= UInt64(code) << (8 * (k - 8)) }
        }
    }
}
