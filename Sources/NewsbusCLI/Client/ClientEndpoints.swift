import ArgumentParser
import NewsbusServices
import NewsbusTransport
import NewsbusTransportZMQ

/// Where the client commands find a pipeline; the defaults are those of `newsbus up`.
struct ClientEndpoints: ParsableArguments {
    @Option(help: "Ingest's push endpoint. [NEWSBUS_PUSH, default >tcp://127.0.0.1:5550]")
    var push: String?

    @Option(help: "Ingest's submit endpoint. [NEWSBUS_SUBMIT, default >tcp://127.0.0.1:5551]")
    var submit: String?

    @Option(help: "The event endpoint (the relay's output). [NEWSBUS_EVENTS, default >tcp://127.0.0.1:5557]")
    var events: String?

    @Option(help: "The store's query endpoint. [NEWSBUS_QUERY, default >tcp://127.0.0.1:5558]")
    var query: String?

    @OptionGroup var security: ClientSecurity

    static let pushSetting = Setting(
        flag: "push", variable: "NEWSBUS_PUSH", defaultValue: ">tcp://127.0.0.1:\(Topology.ingestPush)",
        help: "Ingest's push endpoint.")
    static let submitSetting = Setting(
        flag: "submit", variable: "NEWSBUS_SUBMIT", defaultValue: ">tcp://127.0.0.1:\(Topology.ingestSubmit)",
        help: "Ingest's submit endpoint.")
    static let eventsSetting = Setting(
        flag: "events", variable: "NEWSBUS_EVENTS", defaultValue: ">tcp://127.0.0.1:\(Topology.relayEventsOutput)",
        help: "The event endpoint.")
    static let querySetting = Setting(
        flag: "query", variable: "NEWSBUS_QUERY", defaultValue: ">tcp://127.0.0.1:\(Topology.storeQuery)",
        help: "The store's query endpoint.")

    private var reader: ConfigurationReader {
        ConfigurationReader.process(flags: ["push": push, "submit": submit, "events": events, "query": query])
    }

    func pushSpec() throws -> EndpointSpec { try reader.endpoint(Self.pushSetting) }
    func submitSpec() throws -> EndpointSpec { try reader.endpoint(Self.submitSetting) }
    func eventsSpec() throws -> EndpointSpec { try reader.endpoint(Self.eventsSetting) }
    func querySpec() throws -> EndpointSpec { try reader.endpoint(Self.querySetting) }

    /// A transport to reach the pipeline with (CURVE when configured).
    func makeTransport() throws -> ZMQTransport { try security.makeTransport() }
}
