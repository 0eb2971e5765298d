/// A message a stage gave up on after repeated failures (`article.dead`), parked with the reason so it is
/// neither lost nor retried forever.
public struct DeadLetter: Payload {
    public static let messageType = MessageType.articleDeadLetter

    /// The stage that failed.
    public var stage: String
    /// A stable machine-readable reason.
    public var code: String
    /// What went wrong.
    public var reason: String
    /// How many attempts were made.
    public var attempts: Int
    /// The type of the message that failed.
    public var originalType: MessageType
    /// The failed message's envelope, as JSON text.
    public var original: String?

    public init(
        stage: String, code: String, reason: String, attempts: Int, originalType: MessageType, original: String?
    ) {
        self.stage = stage
        self.code = code
        self.reason = reason
        self.attempts = attempts
        self.originalType = originalType
        self.original = original
    }

    enum CodingKeys: String, CodingKey {
        case stage, code, reason, attempts, originalType = "original_type", original
    }
}
