/// An input was refused (`article.rejected`), with what was wrong, where, and why.
public struct Rejection: Payload {
    public static let messageType = MessageType.articleRejected

    /// The stage that refused it (`"ingest"`, `"parse"` …).
    public var stage: String
    /// A stable machine-readable reason (`"missing_content"`, `"invalid_utf8"`, `"too_large"` …).
    public var code: String
    /// A human-readable explanation: what, where, why.
    public var reason: String
    /// The field at fault, when there is one (`"payload.html"`).
    public var field: String?
    /// The client's reference, when the input carried one.
    public var clientID: String?

    public init(stage: String, code: String, reason: String, field: String? = nil, clientID: String? = nil) {
        self.stage = stage
        self.code = code
        self.reason = reason
        self.field = field
        self.clientID = clientID
    }

    enum CodingKeys: String, CodingKey { case stage, code, reason, field, clientID = "client_id" }
}
