/// One token of a text: its characters and where they are, in Unicode code points, end exclusive.
public struct Token: Sendable, Hashable {
    /// The token as written.
    public var text: String
    /// First code point of the token in the text.
    public var start: Int
    /// One past the last code point of the token in the text.
    public var end: Int
    /// Whether a line break separates this token from the previous one.
    public var newlineBefore: Bool

    /// A token of `text` at `start..<end` (code points).
    public init(text: String, start: Int, end: Int, newlineBefore: Bool = false) {
        self.text = text
        self.start = start
        self.end = end
        self.newlineBefore = newlineBefore
    }
}

extension [Token] {
    /// Whether token `k` stands alone in brackets, after a token before them (`judiciaires (BCIJ)`).
    func isBracketed(_ k: Int) -> Bool {
        k >= 2 && k + 1 < count && self[k - 1].isSign(0x28) && self[k + 1].isSign(0x29)
    }
}

extension Token {
    /// Whether the token is the one ASCII character `byte` (cheaper than comparing strings).
    @inline(__always)
    func isSign(_ byte: UInt8) -> Bool {
        text.utf8.count == 1 && text.utf8.first == byte
    }
}
