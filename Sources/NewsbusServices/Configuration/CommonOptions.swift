import ArgumentParser
import Foundation
import Logging
import NewsbusStage
import NewsbusTransportZMQ

/// Flags every service executable has.
public struct CommonOptions: ParsableArguments {
    @Option(help: "Log lines: human or json. [NEWSBUS_LOG_FORMAT, default human]")
    var logFormat: String?

    @Option(help: "Lowest level logged. [NEWSBUS_LOG_LEVEL, default info]")
    var logLevel: String?

    @Option(help: "Messages queued per socket. [NEWSBUS_HWM, default 1000]")
    var highWaterMark: String?

    @Option(help: "Largest message accepted, in bytes. [NEWSBUS_MAX_MESSAGE_BYTES, default 16 MiB]")
    var maxMessageBytes: String?

    @Option(help: "CURVE key pair file; turns encryption on. [NEWSBUS_CURVE_KEY_FILE, default off]")
    var curveKeyFile: String?

    @Option(help: "Public key (Z85 or .pub file) of the services connected to. [NEWSBUS_CURVE_SERVER_KEY, default: own key]")
    var curveServerKey: String?

    @Option(help: "File of allowed client public keys. [NEWSBUS_CURVE_ALLOW_FILE, default: own key only]")
    var curveAllowFile: String?

    public init() {}

    var flags: [String: String?] {
        [
            "log-format": logFormat, "log-level": logLevel, "high-water-mark": highWaterMark,
            "max-message-bytes": maxMessageBytes, "curve-key-file": curveKeyFile, "curve-server-key": curveServerKey,
            "curve-allow-file": curveAllowFile,
        ]
    }
}

/// What every service resolves from ``CommonOptions``.
struct CommonConfiguration: Sendable {
    var logFormat: String
    var logLevel: String
    var highWaterMark: Int
    var maxMessageBytes: Int
    /// CURVE, when turned on.
    var curve: CurveConfiguration?

    static func resolve(_ reader: ConfigurationReader, service: String) throws(ConfigurationError) -> CommonConfiguration {
        CommonConfiguration(
            logFormat: try reader.choice(CommonSettings.logFormat(service), among: ["human", "json"]),
            logLevel: try reader.choice(
                CommonSettings.logLevel(service), among: Logger.Level.allCases.map(\.rawValue)),
            highWaterMark: try reader.integer(CommonSettings.highWaterMark(service), in: 1...1_000_000),
            maxMessageBytes: try reader.integer(CommonSettings.maxMessageBytes(service), in: 1024...(1 << 30)),
            curve: try CurveConfiguration.resolve(reader, service: service))
    }

    static let settings: [Setting] = [
        CommonSettings.logFormat(""), CommonSettings.logLevel(""), CommonSettings.highWaterMark(""),
        CommonSettings.maxMessageBytes(""), CommonSettings.curveKeyFile(""), CommonSettings.curveServerKey(""),
        CommonSettings.curveAllowFile(""),
    ]

    /// The service's transport, CURVE-secured when configured; refused clients are logged and counted
    /// (`refused_clients`).
    func makeTransport(counters: StageCounters, logger: Logger) throws -> ZMQTransport {
        try ZMQTransport(security: curve?.security(counters: counters, logger: logger))
    }
}
