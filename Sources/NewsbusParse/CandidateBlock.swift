import NewsbusProtocol

/// One line of rendered text from a page or a scraped article, before it is kept or dropped.
struct CandidateBlock: Sendable {
    /// The text, whitespace already collapsed.
    var text: String
    /// Code points in ``text``.
    var length: Int
    /// Code points of ``text`` that were link labels.
    var linkLength: Int
    /// The innermost block element holding the text (-1 for plain text).
    var element: Int32
    /// What the block is in the article's structure.
    var kind: TextBlock.Kind
    /// What the markup around it says it is, if it says so.
    var hint: RemovalKind?
    /// Every element around the block whose markup hints at boilerplate, innermost last (HTML only).
    var hints: [BlockHint] = []
    /// Whether the block sits inside a `<header>` or `<h1>` region near the top (used for the title).
    var tag: Tag
    /// ``text`` folded for phrase matching, when the step that made the block had it already (plain text).
    var folded: MatchText?

    var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

/// An element whose markup hints at boilerplate.
struct BlockHint: Sendable {
    var node: Int32
    var kind: RemovalKind
    var strength: BoilerplateHints.Strength
}
