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
