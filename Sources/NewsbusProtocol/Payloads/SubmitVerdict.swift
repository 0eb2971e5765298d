/// Ingest's answer to one acknowledged submit (`article.verdict`).
public struct SubmitVerdict: Payload {
    public static let messageType = MessageType.articleVerdict

    public enum Verdict: String, Codable, Sendable, Hashable {
        /// Journaled and on its way; the envelope's `id` is the article id.
        case accepted
        /// Already accepted earlier under the same id; nothing new happens.
        case duplicate
        /// Refused; ``SubmitVerdict/rejection`` says why.
        case rejected
    }

    public var verdict: Verdict
    /// Why it was refused, for `rejected`.
    public var rejection: Rejection?
    /// The client's reference, echoed.
    public var clientID: String?

    public init(verdict: Verdict, rejection: Rejection? = nil, clientID: String? = nil) {
        self.verdict = verdict
        self.rejection = rejection
        self.clientID = clientID
    }

    enum CodingKeys: String, CodingKey { case verdict, rejection, clientID = "client_id" }
}
