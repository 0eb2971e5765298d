/// Why a wire message could not be read or written. The ``code`` tells what kind of problem it is; the
/// ``message`` says what, where and why, without repeating payload bytes.
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A kind of protocol error. Compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String { case unsupportedVersion, malformedEnvelope, typeMismatch, missingFrames,
            invalidField, encodingFailed }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The envelope's major version is not one this reader speaks.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// The envelope is not valid JSON or lacks required fields.
        public static let malformedEnvelope = Code(.malformedEnvelope)
        /// The topic frame or the envelope's `type` is not the one expected.
        public static let typeMismatch = Code(.typeMismatch)
        /// The message does not have a topic frame and an envelope frame.
        public static let missingFrames = Code(.missingFrames)
        /// A field has a value outside what the protocol allows.
        public static let invalidField = Code(.invalidField)
        /// A value could not be encoded (a non-finite number, for example).
        public static let encodingFailed = Code(.encodingFailed)

        /// The code's name, as used in `article.rejected` events and logs (`"unsupported_version"` …).
        public var description: String {
            kind.rawValue.reduce(into: "") { text, character in
                if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
            }
        }
    }

    public let code: Code
    /// What went wrong, where, and why.
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func unsupportedVersion(_ version: ProtocolVersion) -> ProtocolError {
        ProtocolError(
            code: .unsupportedVersion,
            message: "protocol version \(version) is not supported: this reader speaks major version "
                + "\(ProtocolVersion.current.major) (\(ProtocolVersion.current.major).x)")
    }

    static func malformedEnvelope(_ message: String) -> ProtocolError {
        ProtocolError(code: .malformedEnvelope, message: message)
    }

    static func invalidField(_ field: String, _ why: String) -> ProtocolError {
        ProtocolError(code: .invalidField, message: "field `\(field)` \(why)")
    }
}
