import NewsbusTransport

/// What an implementation can do beyond the common contract; checks that need more are skipped for it.
public struct TransportCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Channels can talk to another process.
    public static let crossProcess = TransportCapabilities(rawValue: 1 << 0)
    /// A channel keeps working after its peer process is killed and restarted.
    public static let survivesPeerRestart = TransportCapabilities(rawValue: 1 << 1)
}

/// A peer process for the cross-process checks.
public enum PeerRole: Sendable, Hashable {
    /// Pushes `"<tag>:<n>"` for n = 0, 1, … (`count` messages, or until killed when `count` is 0).
    case pusher(tag: String, count: Int)
}

/// A running peer process.
public protocol PeerProcess: Sendable {
    /// Kills the process at once (SIGKILL) and waits for it to be gone.
    func kill() async
    /// Waits for the process to exit by itself and returns its exit status.
    func waitForExit() async -> Int32
}

/// Everything a conformance check needs from the implementation under test.
public protocol TransportFixture: Sendable {
    /// The implementation under test.
    var transport: any Transport { get }
    /// What it can do beyond the common contract.
    var capabilities: TransportCapabilities { get }
    /// A fresh endpoint to bind, unique for each call (a `tcp` one may use port 0).
    func makeEndpoint() -> Endpoint
    /// A fresh endpoint with a concrete address, so something can connect to it before anything binds it.
    func makeFixedEndpoint() -> Endpoint
    /// Starts a peer process that binds or connects `spec` (``TransportCapabilities/crossProcess`` only).
    func startPeer(_ role: PeerRole, at spec: EndpointSpec) async throws -> any PeerProcess
}

extension TransportFixture {
    public func startPeer(_ role: PeerRole, at spec: EndpointSpec) async throws -> any PeerProcess {
        throw ConformanceFailure(check: "fixture", "this fixture cannot start peer processes")
    }
}
