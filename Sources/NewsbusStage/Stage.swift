import NewsbusProtocol

/// One step of the pipeline: a pure core seen through the protocol. The conformance is the only place where a
/// core and the wire meet; everything else (sockets, decoding, counters, rejections, shutdown) is done once, by
/// ``StageService``.
public protocol Stage: Sendable {
    /// The payload the stage consumes.
    associatedtype Input: Payload
    /// The stage's name in logs, counters and rejections (`"parse"`).
    var name: String { get }
    /// Turns one input into what to send on.
    /// - Throws: ``StageFailure`` when the input cannot be processed; it is published as `article.rejected`.
    func process(_ input: Envelope<Input>) throws(StageFailure) -> [Emission]

    /// Turns several inputs into what to send on, one result per input, in order. The default processes them one
    /// by one; a stage that gains from working on a batch at once (the store: one transaction) provides its own.
    func process(batch: [Envelope<Input>]) -> [Result<[Emission], StageFailure>]
}

extension Stage {
    public func process(batch: [Envelope<Input>]) -> [Result<[Emission], StageFailure>] {
        batch.map { input in Result { () throws(StageFailure) in try process(input) } }
    }
}

/// A message a stage sends, and where.
public struct Emission: Sendable, Equatable {
    public enum Destination: Sendable, Equatable {
        /// To the next stage (push).
        case next
        /// To subscribers (publish).
        case events
    }

    public var destination: Destination
    public var message: WireMessage

    public init(_ destination: Destination, _ message: WireMessage) {
        self.destination = destination
        self.message = message
    }

    /// An envelope for the next stage.
    public static func forward<P: Payload>(_ envelope: Envelope<P>, qualifiers: [String] = []) throws(StageFailure)
        -> Emission
    {
        Emission(.next, try encode(envelope, qualifiers))
    }

    /// An envelope for subscribers.
    public static func publish<P: Payload>(_ envelope: Envelope<P>, qualifiers: [String] = []) throws(StageFailure)
        -> Emission
    {
        Emission(.events, try encode(envelope, qualifiers))
    }

    private static func encode<P: Payload>(_ envelope: Envelope<P>, _ qualifiers: [String]) throws(StageFailure)
        -> WireMessage
    {
        do {
            return try WireCodec.encode(envelope, qualifiers: qualifiers)
        } catch {
            throw StageFailure(code: error.code.description, reason: error.message)
        }
    }
}

/// Why a stage could not process an input: a stable code and a reason saying what, where and why.
public struct StageFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Machine-readable (`"no_content"`, `"invalid_utf8"`, `"storage_failed"` …).
    public var code: String
    public var reason: String
    /// The field at fault, when there is one.
    public var field: String?
    /// Whether the input itself is fine and the failure should pass (a database that cannot write right now): the
    /// input is then not refused but left to be sent again, instead of being published as `article.rejected`.
    public var transient: Bool

    public init(code: String, reason: String, field: String? = nil, transient: Bool = false) {
        self.code = code
        self.reason = reason
        self.field = field
        self.transient = transient
    }

    public var description: String { "\(code): \(reason)" }
}
