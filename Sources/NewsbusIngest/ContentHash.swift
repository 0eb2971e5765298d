/// MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm): a fast, stable hash for content ids.
/// Not a cryptographic hash: it identifies content, it does not authenticate it.
enum ContentHash {
    static func murmur3x64_128<Bytes: Collection<UInt8>>(_ bytes: Bytes, seed: UInt64 = 0x6E65_7773) -> (UInt64, UInt64) {
        let c1: UInt64 = 0x87c3_7b91_1142_53d5
        let c2: UInt64 = 0x4cf5_ad43_2745_937f
        var h1 = seed
        var h2 = seed
        let data = Array(bytes)
        let blocks = data.count / 16

        func load(_ offset: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in (0..<8).reversed() { value = (value << 8) | UInt64(data[offset + index]) }
            return value
        }

        for block in 0..<blocks {
            var k1 = load(block * 16)
            var k2 = load(block * 16 + 8)
            k1 &*= c1; k1 = rotate(k1, 31); k1 &*= c2; h1 ^= k1
            h1 = rotate(h1, 27); h1 &+= h2; h1 = h1 &* 5 &+ 0x52dc_e729
            k2 &*= c2; k2 = rotate(k2, 33); k2 &*= c1; h2 ^= k2
            h2 = rotate(h2, 31); h2 &+= h1; h2 = h2 &* 5 &+ 0x3849_5ab5
        }

        let tail = blocks * 16
        var k1: UInt64 = 0
        var k2: UInt64 = 0
        let remaining = data.count & 15
        if remaining > 8 {
            for index in (8..<remaining).reversed() { k2 = (k2 << 8) | UInt64(data[tail + index]) }
            k2 &*= c2; k2 = rotate(k2, 33); k2 &*= c1; h2 ^= k2
        }
        if remaining > 0 {
            for index in (0..<min(remaining, 8)).reversed() { k1 = (k1 << 8) | UInt64(data[tail + index]) }
            k1 &*= c1; k1 = rotate(k1, 31); k1 &*= c2; h1 ^= k1
        }

        h1 ^= UInt64(data.count); h2 ^= UInt64(data.count)
        h1 &+= h2; h2 &+= h1
        h1 = finalMix(h1); h2 = finalMix(h2)
        h1 &+= h2; h2 &+= h1
        return (h1, h2)
    }

    private static func rotate(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }

    private static func finalMix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33; k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33; k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}
