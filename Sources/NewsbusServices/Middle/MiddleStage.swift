import ArgumentParser
import Foundation
import Logging
import NewsbusProtocol
import NewsbusStage
import NewsbusTransport
import NewsbusTransportZMQ

/// The settings of a middle stage (parse or extract): input, output, events, status, concurrency.
public struct MiddleStageSettings: Sendable {
    public let service: String
    public let input: Setting
    public let output: Setting
    public let events: Setting
    public let status: Setting
    public let concurrency: Setting

    init(
        service: String, inputPort: UInt16, outputPort: UInt16, statusPort: UInt16, inputHelp: String, outputHelp: String,
        concurrency: String, concurrencyHelp: String
    ) {
        self.service = service
        let prefix = "NEWSBUS_\(service.uppercased())_"
        input = Setting(flag: "input", variable: prefix + "INPUT", defaultValue: Topology.connect(inputPort), help: inputHelp)
        output = Setting(flag: "output", variable: prefix + "OUTPUT", defaultValue: Topology.connect(outputPort), help: outputHelp)
        events = CommonSettings.events(service)
        status = CommonSettings.status(service, port: statusPort)
        self.concurrency = Setting(
            flag: "concurrency", variable: prefix + "CONCURRENCY", defaultValue: concurrency, help: concurrencyHelp)
    }

    /// Every setting, common ones included.
    public var all: [Setting] { [input, output, events, status, concurrency] + CommonConfiguration.settings }

    public static let parse = MiddleStageSettings(
        service: "parse", inputPort: Topology.ingestOutput, outputPort: Topology.relayWorkInput,
        statusPort: Topology.parseStatus, inputHelp: "Where raw articles come from (PULL; ingest's output).",
        outputHelp: "Where parsed articles go (PUSH; the relay's work input).", concurrency: "1",
        concurrencyHelp: "Articles parsed at once: a number, or cores (for a bigger machine).")
    public static let extract = MiddleStageSettings(
        service: "extract", inputPort: Topology.relayWorkOutput, outputPort: Topology.storeInput,
        statusPort: Topology.extractStatus, inputHelp: "Where parsed articles come from (PULL; the relay's work output).",
        outputHelp: "Where enriched articles go (PUSH; the store's input).", concurrency: "cores",
        concurrencyHelp: "Articles processed at once: a number, or cores (one per processor).")
}

/// The flags of a middle stage.
public struct MiddleStageOptions: ParsableArguments {
    @Option(help: "Where articles come from (PULL). [NEWSBUS_<STAGE>_INPUT]") var input: String?
    @Option(help: "Where results go (PUSH). [NEWSBUS_<STAGE>_OUTPUT]") var output: String?
    @Option(help: "Where events are published. [NEWSBUS_<STAGE>_EVENTS]") var events: String?
    @Option(help: "Health/status endpoint. [NEWSBUS_<STAGE>_STATUS]") var status: String?
    @Option(
        help: "Articles processed at once: a number, or cores. [NEWSBUS_<STAGE>_CONCURRENCY, default 1 for parse, cores for extract]"
    )
    var concurrency: String?
    @OptionGroup var common: CommonOptions

    public init() {}
}

/// Runs a middle stage between its sockets until SIGTERM/SIGINT.
enum MiddleStageRunner {
    static func run<S: Stage>(_ settings: MiddleStageSettings, options: MiddleStageOptions, makeStage: () throws -> S)
        async throws
    {
        let reader = ConfigurationReader.process(
            flags: [
                "input": options.input, "output": options.output, "events": options.events, "status": options.status,
                "concurrency": options.concurrency,
            ].merging(options.common.flags) { $1 })
        let common = try CommonConfiguration.resolve(reader, service: settings.service)
        let input = try reader.endpoint(settings.input)
        let output = try reader.endpoint(settings.output)
        let events = try reader.endpoint(settings.events)
        let status = try reader.endpoint(settings.status)
        let concurrency = try reader.concurrency(settings.concurrency)
        LoggingSetup.bootstrap(format: common.logFormat, level: common.logLevel)
        let logger = Logger(label: "newsbus.\(settings.service)")
        let stage = try makeStage()
        let channel = ChannelOptions(highWaterMark: common.highWaterMark, maxMessageSize: common.maxMessageBytes)
        let counters = StageCounters()
        let transport = try common.makeTransport(counters: counters, logger: logger)
        let service = StageService(
            stage: stage, input: try await transport.receiver(.pull, at: input, options: channel),
            output: try await transport.sender(.push, at: output, options: channel),
            events: try await transport.sender(.publish, at: events, options: channel), counters: counters,
            concurrency: concurrency, logger: logger)
        try await ServiceHost.run(
            settings.service, parts: [service], transport: transport, status: status, options: channel,
            counters: counters, logger: logger)
    }
}
