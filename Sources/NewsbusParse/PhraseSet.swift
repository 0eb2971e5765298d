/// Lists of phrases as UTF-8 bytes, filed by their first byte, for asking whether one of them starts a text or
/// which lists have a phrase in it, with one pass over the text instead of one per phrase.
struct PhraseSet: Sendable {
    /// The phrases of every list, as given.
    let phrases: [[UInt8]]
    /// The list (0 for the first) of each phrase.
    private let lists: [Int]
    /// Indices of the non-empty phrases, ordered by first byte: those starting with byte `b` are at
    /// `byFirstByte[firstByteStarts[b]..<firstByteStarts[b + 1]]`.
    private let byFirstByte: [Int]
    private let firstByteStarts: [Int]
    /// Bit ``startKey(_:_:_:)`` (of 65,536) of the first three bytes of each phrase (all the keys a shorter phrase
    /// may start, whatever follows it) is set: most places in a text start no phrase, and this tells them at once.
    private let startKeys: [UInt64]
    /// Whether a list holds the empty phrase, which starts every text and occurs in none.
    private let hasEmptyPhrase: Bool

    /// One list of phrases.
    init(_ phrases: [String]) {
        self.init(lists: [phrases])
    }

    /// Several lists (at most 64), told apart by ``listsOccurring(in:)``.
    init(lists: [[String]]) {
        precondition(lists.count <= 64, "at most 64 lists of phrases")
        phrases = lists.flatMap { $0.map { Array($0.utf8) } }
        self.lists = lists.enumerated().flatMap { list, phrases in Array(repeating: list, count: phrases.count) }
        let firstBytes = phrases.map { $0.first.map(Int.init) }
        byFirstByte = firstBytes.indices.filter { firstBytes[$0] != nil }.sorted { firstBytes[$0]! < firstBytes[$1]! }
        firstByteStarts = (0...256).map { byte in firstBytes.count { $0.map { $0 < byte } ?? false } }
        var startKeys = [UInt64](repeating: 0, count: 65536 / 64)
        for phrase in phrases where !phrase.isEmpty {
            func following(_ offset: Int) -> ClosedRange<UInt8> {
                offset < phrase.count ? phrase[offset]...phrase[offset] : 0...255
            }
            for second in following(1) {
                for third in following(2) {
                    let key = Self.startKey(phrase[0], second, third)
                    startKeys[key >> 6] |= 1 << UInt64(key & 63)
                }
            }
        }
        self.startKeys = startKeys
        hasEmptyPhrase = phrases.contains { $0.isEmpty }
    }

    /// Whether `text` starts with one of the phrases.
    func startsAny(_ text: [UInt8]) -> Bool {
        if hasEmptyPhrase { return true }
        guard let first = text.first else { return false }
        return byFirstByte[firstByteStarts[Int(first)]..<firstByteStarts[Int(first) + 1]].contains {
            text.starts(with: phrases[$0])
        }
    }

    /// Whether one of the (non-empty) phrases occurs in `text`.
    func occurs(in text: [UInt8]) -> Bool {
        scan(text, stoppingAtFirst: true) != 0
    }

    /// The lists that have a (non-empty) phrase in `text`: bit `n` for list `n`.
    func listsOccurring(in text: [UInt8]) -> UInt64 {
        scan(text, stoppingAtFirst: false)
    }

    private func scan(_ text: [UInt8], stoppingAtFirst: Bool) -> UInt64 {
        var found: UInt64 = 0
        text.withUnsafeBufferPointer { text in
            for start in text.indices {
                let byte = Int(text[start])
                let key = Self.startKey(
                    text[start], start + 1 < text.count ? text[start + 1] : 0,
                    start + 2 < text.count ? text[start + 2] : 0)
                guard startKeys[key >> 6] & 1 << UInt64(key & 63) != 0 else { continue }
                for slot in firstByteStarts[byte]..<firstByteStarts[byte + 1] {
                    let index = byFirstByte[slot]
                    let bit: UInt64 = 1 << UInt64(lists[index])
                    guard found & bit == 0, Self.matches(phrases[index], text, at: start) else { continue }
                    found |= bit
                    if stoppingAtFirst { return }
                }
            }
        }
        return found
    }

    /// A 16-bit key of three bytes (0 stands for a byte past the end of the text).
    @inline(__always)
    private static func startKey(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        ((Int(first) << 8 | Int(second)) &* 31 &+ Int(third)) & 0xFFFF
    }

    private static func matches(_ phrase: [UInt8], _ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard text.count - start >= phrase.count else { return false }
        var offset = 1
        while offset < phrase.count, text[start + offset] == phrase[offset] { offset += 1 }
        return offset == phrase.count
    }
}
