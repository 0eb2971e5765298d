import ArgumentParser
import Foundation
import NewsbusProtocol
import NewsbusServices
import NewsbusTransport
import NewsbusTransportZMQ

/// `newsbus status`: asks services for their health and counters.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each service's health and counters (the local pipeline's by default).")

    @Argument(help: "Status endpoints to ask (default: those of `newsbus up`).")
    var endpoints: [String] = []

    @OptionGroup var security: ClientSecurity

    @Flag(help: "Print the reports as JSON lines.")
    var json = false

    func run() async throws {
        let targets: [(String, EndpointSpec)] =
            endpoints.isEmpty
            ? [
                ("ingest", Topology.ingestStatus), ("parse", Topology.parseStatus), ("extract", Topology.extractStatus),
                ("store", Topology.storeStatus), ("relay", Topology.relayStatus),
            ].map { ($0.0, EndpointSpec.connect(.tcp(host: "127.0.0.1", port: $0.1))) }
            : try endpoints.map { text in
                guard let spec = EndpointSpec(text) else { throw ValidationError("not an endpoint: \(text)") }
                return (text, spec)
            }
        let transport = try security.makeTransport()
        defer { transport.shutdown() }
        var missing = 0
        for (name, spec) in targets {
            guard let report = await StatusProbe.ask(spec, transport: transport, timeout: .seconds(1)) else {
                print("\(name): no answer at \(spec.endpoint)")
                missing += 1
                continue
            }
            if json {
                print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
            } else {
                let counters = report.counters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                let latency = report.latencyMilliseconds["p99"].map { String(format: " p99=%.2fms", $0) } ?? ""
                print(
                    "\(report.service) (pid \(report.pid)): \(report.state), up \(Int(report.uptimeSeconds)) s; "
                        + counters.joined(separator: " ") + latency)
            }
        }
        if missing > 0 { throw ExitCode(1) }
    }
}
