import Foundation
import Logging
import NewsbusStage
import NewsbusTransport
import NewsbusTransportZMQ
import ServiceLifecycle

/// Runs a service's parts, plus its status responder, as one `ServiceGroup` that shuts down gracefully on SIGTERM or
/// SIGINT (and as a whole when any part ends); then closes the transport so that what was flushed reaches its peers.
enum ServiceHost {
    static func run(
        _ name: String, parts: [any Service], transport: ZMQTransport, status: EndpointSpec, options: ChannelOptions,
        counters: StageCounters, logger: Logger
    ) async throws {
        let statusService = StatusService(
            name: name, responder: try await transport.responder(at: status, options: options), counters: counters,
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                // The status service comes first, so that it stops last and reports `draining` meanwhile.
                services: ([statusService] + parts).map {
                    ServiceGroupConfiguration.ServiceConfiguration(
                        service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup)
                },
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [],
                logger: logger))
        try await group.run()
        await transport.close()
    }

    /// Creates the folder a database file goes in.
    static func prepareDirectory(forFile path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
    }
}
