/// A set of 64-bit hashes that never answers no for a hash it holds, and answers yes for one it does not hold only
/// as often as bits are set (a Bloom filter with one bit per hash). A few hundred kilobytes stay in the processor's
/// cache where the table it stands before takes megabytes, so that most lookups of words a table lacks end here.
struct HashFilter: Sendable {
    private var bits: [UInt64]
    private let shift: UInt64

    /// An empty filter of 2^`log2Bits` bits (6…32).
    init(log2Bits: Int) {
        precondition((6...32).contains(log2Bits), "a filter has 2^6 to 2^32 bits")
        bits = [UInt64](repeating: 0, count: 1 << (log2Bits - 6))
        shift = UInt64(64 - log2Bits)
    }

    /// Adds `hash`.
    mutating func insert(_ hash: UInt64) {
        let bit = index(hash)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether `hash` may have been added: `false` only for a hash that was not.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = index(hash)
        return bits.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    }

    /// The bit of `hash`: its top bits after a multiplication that spreads every bit of the hash into them.
    @inline(__always)
    private func index(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0xD6E8_FEB8_6659_FD93) >> shift)
    }
}
