/// Why an article could not be parsed: a ``Code`` callers can switch on, and a message that says what, where and why.
///
/// Equality compares only the code, so tests and callers can write `catch let failure where failure.code == .tooLarge`.
public struct ParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure. The raw value is the stable, language-neutral name used on the wire and in the CLI.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Neither `html` nor `text` holds anything but whitespace.
        public static let emptyInput = Code(rawValue: "empty_input")
        /// The input was read, but no article text survived boilerplate removal.
        public static let noContent = Code(rawValue: "no_content")
        /// The input is larger than ``ArticleParser/Options/maximumInputBytes``.
        public static let tooLarge = Code(rawValue: "too_large")
        /// The HTML parser could not build a document at all.
        public static let unparsable = Code(rawValue: "unparsable")
    }

    /// What went wrong.
    public let code: Code
    /// What, where and why, for a person reading a log or a dead letter. Never holds payload bytes.
    public let message: String

    /// Makes a failure with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    public static func == (lhs: ParseFailure, rhs: ParseFailure) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
