/// A map from 64-bit hashes (word hashes, hashes of word sequences) to small values, with open addressing and
/// linear probing. Keys are hashes already, so a lookup multiplies and shifts instead of running the standard
/// library's seeded hasher; the lexicons look up every token of every text.
struct HashTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    /// The value of key 0, which marks empty slots in `keys`.
    private var zeroValue: Value?
    private var shift: UInt64
    /// The number of keys stored.
    private(set) var count = 0

    /// An empty table.
    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Value?](repeating: nil, count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for `key`.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        if key == 0 { return zeroValue }
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var index = slot(key)
            while true {
                let found = keys[index]
                if found == key { return values[index] }
                if found == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    /// Changes the value of `key` in place, starting from `initial` when the key is new.
    mutating func update(_ key: UInt64, initial: Value, _ change: (inout Value) -> Void) {
        if key == 0 {
            if zeroValue == nil { count += 1 }
            var value = zeroValue ?? initial
            change(&value)
            zeroValue = value
            return
        }
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var index = slot(key)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 {
            keys[index] = key
            count += 1
        }
        var value = values[index] ?? initial
        change(&value)
        values[index] = value
    }

    /// Stores `value` for `key`.
    mutating func set(_ key: UInt64, _ value: Value) {
        update(key, initial: value) { $0 = value }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            var index = slot(key)
            while keys[index] != 0 { index = (index + 1) & mask }
            keys[index] = key
            values[index] = value
        }
    }
}
