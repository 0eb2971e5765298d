/// The BIO tags the tagger predicts: `O`, then `B-X` and `I-X` for each of PER, ORG, LOC, MISC.
enum TagSet {
    /// The entity labels, in tag order.
    static let labels = ["PER", "ORG", "LOC", "MISC"]
    /// Number of tags: `O` plus a `B` and an `I` per label.
    static let count = 1 + 2 * labels.count

    /// The tag's name (`"B-PER"`).
    static func name(_ tag: Int) -> String {
        tag == 0 ? "O" : (tag % 2 == 1 ? "B-" : "I-") + labels[(tag - 1) / 2]
    }

    /// The tag of a name, or `nil` for an unknown one.
    static func tag(_ name: String) -> Int? {
        if name == "O" { return 0 }
        guard name.count > 2, let label = labels.firstIndex(of: String(name.dropFirst(2))) else { return nil }
        if name.hasPrefix("B-") { return 1 + 2 * label }
        if name.hasPrefix("I-") { return 2 + 2 * label }
        return nil
    }

    /// The label index of a non-`O` tag.
    @inline(__always) static func label(_ tag: Int) -> Int { (tag - 1) / 2 }
    /// Whether the tag begins an entity.
    @inline(__always) static func isBegin(_ tag: Int) -> Bool { tag != 0 && tag % 2 == 1 }

    /// Whether `next` may follow `previous` (strict IOB2: `I-X` only continues `X`); `previous` −1 is the start.
    @inline(__always) static func allowed(_ previous: Int, _ next: Int) -> Bool {
        if next == 0 || next % 2 == 1 { return true }
        return previous > 0 && label(previous) == label(next)
    }

    /// Entity spans `(start, end, label)` of a tag sequence, end exclusive.
    static func spans(_ tags: [Int]) -> [(start: Int, end: Int, label: Int)] {
        var spans: [(start: Int, end: Int, label: Int)] = []
        var index = 0
        while index < tags.count {
            let tag = tags[index]
            if tag == 0 {
                index += 1
                continue
            }
            let label = label(tag)
            var end = index + 1
            while end < tags.count, tags[end] != 0, !isBegin(tags[end]), Self.label(tags[end]) == label { end += 1 }
            spans.append((index, end, label))
            index = end
        }
        return spans
    }
}
