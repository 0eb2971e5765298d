import NewsbusProtocol

/// A span of tokens that a rule recognised, with its label and normalised value.
struct RuleMatch: Sendable, Hashable {
    /// Token indices, end exclusive.
    var tokens: Range<Int>
    var label: EntityLabel
    var value: String
}
