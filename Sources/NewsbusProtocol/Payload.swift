/// The body of a wire message. Each payload type has exactly one ``MessageType``, so the topic of a message
/// always comes from the type of its payload, never from a literal at the call site.
public protocol Payload: Codable, Sendable, Equatable, JSONWireCodable {
    /// The message type (first frame) of envelopes carrying this payload.
    static var messageType: MessageType { get }
}
