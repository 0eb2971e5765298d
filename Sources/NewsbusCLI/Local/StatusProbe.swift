import Foundation
import NewsbusProtocol
import NewsbusTransport

/// Asks one service for its `status.report`.
enum StatusProbe {
    static func ask(_ spec: EndpointSpec, transport: any Transport, timeout: Duration) async -> StatusReport? {
        guard let requester = try? await transport.requester(at: spec) else { return nil }
        defer { Task { await requester.close() } }
        guard let request = try? WireCodec.encode(Envelope(id: "status", payload: StatusRequest())),
            let reply = try? await requester.request(request, timeout: timeout)
        else { return nil }
        return try? WireCodec.decode(reply, as: StatusReport.self).payload
    }

    /// Asks until the service answers or `deadline` passes.
    static func waitUntilReady(_ spec: EndpointSpec, transport: any Transport, within deadline: Duration) async -> StatusReport? {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        guard let requester = try? await transport.requester(at: spec) else { return nil }
        defer { Task { await requester.close() } }
        while clock.now < end {
            if let request = try? WireCodec.encode(Envelope(id: "status", payload: StatusRequest())),
                let reply = try? await requester.request(request, timeout: .milliseconds(250)),
                let report = try? WireCodec.decode(reply, as: StatusReport.self).payload
            {
                return report
            }
        }
        return nil
    }
}
