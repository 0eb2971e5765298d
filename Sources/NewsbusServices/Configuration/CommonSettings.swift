/// Settings every service has.
public enum CommonSettings {
    /// `human` (one readable line per event) or `json` (one JSON object per line).
    public static func logFormat(_ service: String) -> Setting {
        Setting(
            flag: "log-format", variable: "NEWSBUS_LOG_FORMAT", defaultValue: "human",
            help: "Log lines: human or json.")
    }

    /// The lowest level logged.
    public static func logLevel(_ service: String) -> Setting {
        Setting(
            flag: "log-level", variable: "NEWSBUS_LOG_LEVEL", defaultValue: "info",
            help: "trace, debug, info, notice, warning, error or critical.")
    }

    /// Where the service answers `status.request`.
    public static func status(_ service: String, port: UInt16) -> Setting {
        Setting(
            flag: "status", variable: "NEWSBUS_\(service.uppercased())_STATUS", defaultValue: Topology.bind(port),
            help: "Health/status endpoint (request/reply).")
    }

    /// Where the service publishes its events (rejections …).
    public static func events(_ service: String) -> Setting {
        Setting(
            flag: "events", variable: "NEWSBUS_\(service.uppercased())_EVENTS",
            defaultValue: Topology.connect(Topology.relayEventsInput), help: "Where events are published.")
    }

    /// The ZeroMQ high-water mark of every socket.
    public static func highWaterMark(_ service: String) -> Setting {
        Setting(
            flag: "high-water-mark", variable: "NEWSBUS_HWM", defaultValue: "1000",
            help: "Messages queued per socket before senders wait (or, for events, drop).")
    }

    /// The largest message accepted.
    public static func maxMessageBytes(_ service: String) -> Setting {
        Setting(
            flag: "max-message-bytes", variable: "NEWSBUS_MAX_MESSAGE_BYTES", defaultValue: "\(16 << 20)",
            help: "Largest message accepted, in bytes.")
    }
}
