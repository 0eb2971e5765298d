import ArgumentParser
import Foundation
import Logging
import NewsbusProtocol
import NewsbusStage
import NewsbusTransport
import NewsbusTransportZMQ
import ServiceLifecycle

/// `newsbus-relay`: the stable middle of the topology. A work streamer between parse and extract replicas, and an
/// event forwarder between every publisher and every subscriber.
public struct RelayCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newsbus-relay",
        abstract: "Relay work between parse and extract replicas, and events between publishers and subscribers.")

    public static let settings: [Setting] = [
        RelaySettings.workInput, RelaySettings.workOutput, RelaySettings.eventsInput, RelaySettings.eventsOutput,
        CommonSettings.status("relay", port: Topology.relayStatus),
    ] + CommonConfiguration.settings

    @Option(help: RelaySettings.workInput.argumentHelp) var workInput: String?
    @Option(help: RelaySettings.workOutput.argumentHelp) var workOutput: String?
    @Option(help: RelaySettings.eventsInput.argumentHelp) var eventsInput: String?
    @Option(help: RelaySettings.eventsOutput.argumentHelp) var eventsOutput: String?
    @Option(help: CommonSettings.status("relay", port: Topology.relayStatus).argumentHelp) var status: String?
    @OptionGroup var common: CommonOptions

    public init() {}

    public func run() async throws {
        let reader = ConfigurationReader.process(
            flags: [
                "work-input": workInput, "work-output": workOutput, "events-input": eventsInput,
                "events-output": eventsOutput, "status": status,
            ].merging(common.flags) { $1 })
        let settings = try CommonConfiguration.resolve(reader, service: "relay")
        let specs = (
            try reader.endpoint(RelaySettings.workInput), try reader.endpoint(RelaySettings.workOutput),
            try reader.endpoint(RelaySettings.eventsInput), try reader.endpoint(RelaySettings.eventsOutput)
        )
        let statusSpec = try reader.endpoint(CommonSettings.status("relay", port: Topology.relayStatus))
        LoggingSetup.bootstrap(format: settings.logFormat, level: settings.logLevel)
        let logger = Logger(label: "newsbus.relay")

        let counters = StageCounters()
        let security = settings.curve?.security(counters: counters, logger: logger)
        let work = try await ZMQRelay.start(
            kind: .work, frontend: specs.0, backend: specs.1, highWaterMark: settings.highWaterMark,
            security: security)
        let events = try await ZMQRelay.start(
            kind: .events, frontend: specs.2, backend: specs.3, highWaterMark: settings.highWaterMark,
            security: security)
        logger.info(
            "relay started",
            metadata: ["work": "\(work.frontend) → \(work.backend)", "events": "\(events.frontend) → \(events.backend)"])
        try await ServiceHost.run(
            "relay", parts: [], transport: try settings.makeTransport(counters: counters, logger: logger),
            status: statusSpec, options: ChannelOptions(highWaterMark: settings.highWaterMark), counters: counters,
            logger: logger)
        await work.stop()
        await events.stop()
        logger.info("relay stopped")
    }
}

/// The relay's own settings.
public enum RelaySettings {
    public static let workInput = Setting(
        flag: "work-input", variable: "NEWSBUS_RELAY_WORK_INPUT", defaultValue: Topology.bind(Topology.relayWorkInput),
        help: "Where parse replicas push parsed articles (PULL).")
    public static let workOutput = Setting(
        flag: "work-output", variable: "NEWSBUS_RELAY_WORK_OUTPUT",
        defaultValue: Topology.bind(Topology.relayWorkOutput), help: "Where extract replicas pull them (PUSH).")
    public static let eventsInput = Setting(
        flag: "events-input", variable: "NEWSBUS_RELAY_EVENTS_INPUT",
        defaultValue: Topology.bind(Topology.relayEventsInput), help: "Where every service publishes events (XSUB).")
    public static let eventsOutput = Setting(
        flag: "events-output", variable: "NEWSBUS_RELAY_EVENTS_OUTPUT",
        defaultValue: Topology.bind(Topology.relayEventsOutput), help: "Where subscribers receive events (XPUB).")
}
