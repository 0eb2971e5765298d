import ArgumentParser
import Foundation
import Logging

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

    public init() {}

    var flags: [String: String?] {
        ["log-format": logFormat, "log-level": logLevel, "high-water-mark": highWaterMark, "max-message-bytes": maxMessageBytes]
    }
}

/// What every service resolves from ``CommonOptions``.
struct CommonConfiguration: Sendable {
    var logFormat: String
    var logLevel: String
    var highWaterMark: Int
    var maxMessageBytes: Int

    static func resolve(_ reader: ConfigurationReader, service: String) throws(ConfigurationError) -> CommonConfiguration {
        CommonConfiguration(
            logFormat: try reader.choice(CommonSettings.logFormat(service), among: ["human", "json"]),
            logLevel: try reader.choice(
                CommonSettings.logLevel(service), among: Logger.Level.allCases.map(\.rawValue)),
            highWaterMark: try reader.integer(CommonSettings.highWaterMark(service), in: 1...1_000_000),
            maxMessageBytes: try reader.integer(CommonSettings.maxMessageBytes(service), in: 1024...(1 << 30)))
    }

    static let settings: [Setting] = [
        CommonSettings.logFormat(""), CommonSettings.logLevel(""), CommonSettings.highWaterMark(""),
        CommonSettings.maxMessageBytes(""),
    ]
}
