import Foundation
import Logging
import NewsbusProtocol
import NewsbusTransport
import ServiceLifecycle

/// Answers `status.request` on a responder with the service's ``StatusReport``: the health check of every
/// executable. Any other request gets a `status.report` too (so a bare probe works) — its state says `ok` while the
/// service runs and `draining` once shutdown began.
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
                let id = (try? WireCodec.header(of: request.message))?.id ?? "status"
                let report = StatusReport(
                    service: name, state: "ok", pid: Int(getpid()), uptimeSeconds: Date().timeIntervalSince(started),
                    counters: counters.counts, latencyMilliseconds: counters.latencyPercentiles)
                if let reply = try? WireCodec.encode(Envelope(id: id, payload: report)) {
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
