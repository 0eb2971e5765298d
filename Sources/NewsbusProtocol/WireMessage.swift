import Foundation

/// One message as the transport carries it: a list of frames (bytes), the first of which is the topic.
///
/// Transports move `WireMessage`s without looking inside; ``WireCodec`` turns them into typed envelopes.
public struct WireMessage: Hashable, Sendable {
    /// The frames, in order. Protocol messages have two: the topic and the JSON envelope.
    public var frames: [Data]

    public init(frames: [Data]) { self.frames = frames }

    /// A protocol-shaped message: a topic frame and a body frame.
    public init(topic: String, body: Data) { self.frames = [Data(topic.utf8), body] }

    /// The first frame as UTF-8 text, if there is one and it is valid UTF-8.
    public var topic: String? {
        guard let first = frames.first else { return nil }
        return String(data: first, encoding: .utf8)
    }

    /// The total size of all frames in bytes.
    public var byteCount: Int { frames.reduce(0) { $0 + $1.count } }
}
