import Logging
import NewsbusStage
import NewsbusTransport
import ServiceLifecycle

/// Runs a service's parts as one `ServiceGroup` that shuts down gracefully on SIGTERM or SIGINT, and as a whole
/// when any part ends.
enum ServiceHost {
    static func run(_ services: [any Service], logger: Logger) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map {
                    ServiceGroupConfiguration.ServiceConfiguration(
                        service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup)
                },
                gracefulShutdownSignals: [.sigterm, .sigint],
                cancellationSignals: [],
                logger: logger))
        try await group.run()
    }
}
