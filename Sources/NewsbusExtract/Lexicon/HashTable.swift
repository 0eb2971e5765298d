/// A map from 64-bit hashes (word hashes, hashes of word sequences) to small values, with open addressing and
/// linear probing. Keys are hashes already, so a lookup multiplies and shifts instead of running the standard
/// library's seeded hasher, and a key sits next to its value, so a lookup touches one cache line; the lexicons
/// look up every token of every text.
struct HashTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        /// 0 for an empty slot.
        var key: UInt64
        var value: Value?
    }

    private var slots: [Slot]
    /// The value of key 0, which marks empty slots.
    private var zeroValue: Value?
    private var shift: UInt64
    /// The number of keys stored.
    private(set) var count = 0

    /// An empty table.
    init() {
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for `key`.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        if key == 0 { return zeroValue }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = slot(key)
            while true {
                let found = slots[index].key
                if found == key { return slots[index].value }
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
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var index = slot(key)
        while slots[index].key != 0 && slots[index].key != key { index = (index + 1) & mask }
        if slots[index].key == 0 {
            slots[index].key = key
            count += 1
        }
        var value = slots[index].value ?? initial
        change(&value)
        slots[index].value = value
    }

    /// Stores `value` for `key`.
    mutating func set(_ key: UInt64, _ value: Value) {
        update(key, initial: value) { $0 = value }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for entry in old where entry.key != 0 {
            var index = slot(entry.key)
            while slots[index].key != 0 { index = (index + 1) & mask }
            slots[index] = entry
        }
    }
}
