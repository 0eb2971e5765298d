/// The integer hashing behind features: FNV-1a over folded code points for words, a SplitMix64 finaliser to
/// combine a feature template with its value. Nothing here builds strings.
enum FeatureHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Two values combined into one.
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a &* 31 &+ b) }

    /// The hash of a word's folded form (case and diacritics removed, `’` as `'`).
    static func word(_ text: String) -> UInt64 {
        var hash = seed
        for scalar in text.unicodeScalars { hash = add(hash, TextFold.fold(scalar.value)) }
        return hash
    }
}
