/// Asks a service how it is (`status.request`): the health check of every Newsbus executable.
public struct StatusRequest: Payload {
    public static let messageType = MessageType.statusRequest
    public init() {}
}

/// A service's health and counters (`status.report`), the reply to ``StatusRequest``.
public struct StatusReport: Payload {
    public static let messageType = MessageType.statusReport

    /// The service (`"ingest"`, `"parse"`, `"extract"`, `"store"`, `"relay"`).
    public var service: String
    /// `"ok"` while the service accepts work, `"draining"` during a graceful shutdown.
    public var state: String
    /// The process id, to tell replicas apart.
    public var pid: Int
    /// Seconds since the service started.
    public var uptimeSeconds: Double
    /// Counters since start: `received`, `emitted`, `rejected`, `duplicates`, `failed` … by name.
    public var counters: [String: Int]
    /// Processing latency percentiles in milliseconds (`p50`, `p90`, `p99`), over recent messages.
    public var latencyMilliseconds: [String: Double]

    public init(
        service: String, state: String, pid: Int, uptimeSeconds: Double, counters: [String: Int],
        latencyMilliseconds: [String: Double]
    ) {
        self.service = service
        self.state = state
        self.pid = pid
        self.uptimeSeconds = uptimeSeconds
        self.counters = counters
        self.latencyMilliseconds = latencyMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case service, state, pid, uptimeSeconds = "uptime_s", counters, latencyMilliseconds = "latency_ms"
    }
}
