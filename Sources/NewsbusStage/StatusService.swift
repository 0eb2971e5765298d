import Foundation
import Logging
import NewsbusProtocol
import NewsbusTransport
import ServiceLifecycle

/// Answers `status.request` on a responder with the service's ``StatusReport``: the health check of every
/// executable. Any other request gets a `status.report` too (so a bare probe works). The state says `ok` while the
/// service takes work and `draining` once its graceful shutdown began; list the status service first in its
/// group, so that it is the last to stop and answers while the others drain. Replies keep the request's trace.
public struct StatusService: Service {
    private let name: String
    private let responder: any Responder
    private let counters: StageCounters
    private let started = Date()
    private let logger: Logger

    public init(name: String, responder: any Responder, counters: StageCounters, logger: Logger) {
        self.name = name
        self.responder = responder
        self.counters = counters
        self.logger = logger
    }

    public func run() async throws {
        let responder = self.responder
        await withGracefulShutdownHandler {
            for await request in responder.requests() {
                let header = try? WireCodec.header(of: request.message)
                let report = StatusReport(
                    service: name, state: counters.serviceState, pid: Int(getpid()), uptimeSeconds: Date().timeIntervalSince(started),
                    counters: counters.counts, latencyMilliseconds: counters.latencyPercentiles)
                let envelope = Envelope(
                    id: header?.id ?? "status", trace: header?.trace ?? .random(), payload: report)
                if let reply = try? WireCodec.encode(envelope) {
                    try? await request.reply(reply)
                }
            }
        } onGracefulShutdown: {
            responder.drain()
        }
        await responder.close()
    }
}

extension StatusService: CustomStringConvertible {
    public var description: String { "StatusService(\(name))" }
}
