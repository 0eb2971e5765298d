/// Why the extract core could not start or read its data. The ``code`` tells what kind of problem it is; the
/// ``message`` says what, where and why.
public struct ExtractFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A kind of extract failure. Compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String { case missingResource, invalidModel, invalidData, invalidInput }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// A bundled model or gazetteer is not where the module's resources should be.
        public static let missingResource = Code(.missingResource)
        /// A model file is truncated, has the wrong magic number or an unsupported version.
        public static let invalidModel = Code(.invalidModel)
        /// Training or evaluation data (CoNLL) is malformed.
        public static let invalidData = Code(.invalidData)
        /// An input line or argument is not what the extractor accepts.
        public static let invalidInput = Code(.invalidInput)

        /// The code's name as written in error objects (`"invalid_model"` …).
        public var description: String {
            kind.rawValue.reduce(into: "") { text, character in
                if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
            }
        }
    }

    /// What kind of failure it is.
    public let code: Code
    /// What went wrong, where, and why.
    public let message: String

    /// A failure of a kind, with what went wrong, where and why.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
