import NewsbusProtocol

/// One entity, date or amount found in a text: a code-point range (end exclusive), its label, the text found
/// there and, for DATE, MONEY and PERCENT, the normalised value.
public struct ExtractedMention: Sendable, Hashable {
    /// First code point of the mention in the text.
    public var start: Int
    /// One past the last code point of the mention.
    public var end: Int
    /// PER, ORG, LOC, MISC, DATE, MONEY or PERCENT.
    public var label: EntityLabel
    /// The text of the mention, as written.
    public var text: String
    /// ISO 8601 for DATE (`2021-06`, `2020/2023`), `"1500000 EUR"` for MONEY, `"12.5"` for PERCENT.
    public var value: String?

    /// A mention of `text` at `start..<end` (code points).
    public init(start: Int, end: Int, label: EntityLabel, text: String, value: String? = nil) {
        self.start = start
        self.end = end
        self.label = label
        self.text = text
        self.value = value
    }
}
