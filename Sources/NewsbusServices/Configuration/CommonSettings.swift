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

    /// This process's CURVE key pair file (`newsbus keys`); setting it turns CURVE on for every TCP/IPC socket.
    public static func curveKeyFile(_ service: String) -> Setting {
        Setting(
            flag: "curve-key-file", variable: "NEWSBUS_CURVE_KEY_FILE", defaultValue: "",
            help: "CURVE key pair file; when set, every TCP/IPC socket is encrypted and authenticated (empty: off).")
    }

    /// The public key of the servers this process connects to.
    public static func curveServerKey(_ service: String) -> Setting {
        Setting(
            flag: "curve-server-key", variable: "NEWSBUS_CURVE_SERVER_KEY", defaultValue: "",
            help: "Public key of the services this one connects to: Z85 text or a .pub file (empty: its own, for services sharing one pair).")
    }

    /// The client keys allowed to connect.
    public static func curveAllowFile(_ service: String) -> Setting {
        Setting(
            flag: "curve-allow-file", variable: "NEWSBUS_CURVE_ALLOW_FILE", defaultValue: "",
            help: "File of client public keys allowed to connect, besides this process's own (empty: only its own).")
    }
}
