import NewsbusProtocol

/// Why ingest refuses an input: a stable code, the field at fault and what, where and why — never the payload.
public struct IngestRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// Machine-readable reason: `too_large`, `invalid_utf8`, `malformed_json`, `not_an_object`, `wrong_type`,
    /// `missing_content`, `empty_content`, `field_too_long`, `invalid_field`, `bad_frames`,
    /// `unsupported_version`, `type_mismatch`.
    public let code: String
    public let reason: String
    public let field: String?

    public init(code: String, reason: String, field: String? = nil) {
        self.code = code
        self.reason = reason
        self.field = field
    }

    public var description: String { field.map { "\(code) (\($0)): \(reason)" } ?? "\(code): \(reason)" }

    /// The `article.rejected` payload for this refusal.
    public func rejection(clientID: String? = nil) -> Rejection {
        Rejection(stage: "ingest", code: code, reason: reason, field: field, clientID: clientID)
    }
}
