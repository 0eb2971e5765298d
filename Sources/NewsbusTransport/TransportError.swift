/// Why a transport operation failed. Compare ``code`` with the static members of ``Code``.
///
/// Retryable codes: ``Code/timedOut``, ``Code/notConnected``. Permanent: every other one.
public struct TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String {
            case closed, timedOut, messageTooLarge, invalidMessage, addressInUse, invalidEndpoint, cancelled,
                notConnected, socketFailure, unauthorized
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The channel (or the transport) was closed.
        public static let closed = Code(.closed)
        /// No answer within the deadline.
        public static let timedOut = Code(.timedOut)
        /// The message is bigger than the channel's `maxMessageSize`.
        public static let messageTooLarge = Code(.messageTooLarge)
        /// The message has no frames.
        public static let invalidMessage = Code(.invalidMessage)
        /// Something is already bound at the endpoint.
        public static let addressInUse = Code(.addressInUse)
        /// The endpoint cannot be used (bad syntax, unknown host or interface, unsupported scheme).
        public static let invalidEndpoint = Code(.invalidEndpoint)
        /// The calling task was cancelled.
        public static let cancelled = Code(.cancelled)
        /// No peer is reachable for the operation.
        public static let notConnected = Code(.notConnected)
        /// The underlying socket library failed.
        public static let socketFailure = Code(.socketFailure)
        /// The peer refused this side's credentials, or the two sides' security does not match (CURVE).
        public static let unauthorized = Code(.unauthorized)

        public var description: String { kind.rawValue }

        /// Lets `catch TransportError.Code.closed` match any transport error with that code.
        public static func ~= (pattern: Code, value: any Error) -> Bool {
            (value as? TransportError)?.code == pattern
        }
    }

    public let code: Code
    /// What failed, where and why.
    public let message: String
    /// The endpoint involved, when there is one.
    public let endpoint: String?

    public init(_ code: Code, _ message: String, endpoint: String? = nil) {
        self.code = code
        self.message = message
        self.endpoint = endpoint
    }

    public var description: String {
        endpoint.map { "\(code) (\($0)): \(message)" } ?? "\(code): \(message)"
    }

    /// Errors are equal when their codes are.
    public static func == (lhs: TransportError, rhs: TransportError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    static func tooLarge(_ size: Int, limit: Int, endpoint: String?) -> TransportError {
        TransportError(
            .messageTooLarge, "message of \(size) bytes exceeds the channel's limit of \(limit) bytes",
            endpoint: endpoint)
    }
}
