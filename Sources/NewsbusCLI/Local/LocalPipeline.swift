import Foundation
import NewsbusServices
import NewsbusTransport

/// The endpoints of a pipeline on this machine: TCP on loopback with the standard ports (what `newsbus up` runs,
/// so that any client can reach it), or Unix sockets in a private folder (what tests and benchmarks run, so that
/// several pipelines never collide).
struct LocalPipeline: Sendable {
    enum Addressing: Sendable {
        /// Loopback TCP on the standard ports plus `portOffset`.
        case tcp(host: String, portOffset: UInt16 = 0)
        case ipc(directory: String)
    }

    let addressing: Addressing

    static let standard = LocalPipeline(addressing: .tcp(host: Topology.host))

    /// Where a socket with this port (TCP) or name (ipc) lives.
    func endpoint(_ port: UInt16, _ name: String) -> Endpoint {
        switch addressing {
        case .tcp(let host, let offset): .tcp(host: host, port: port + offset)
        case .ipc(let directory): .ipc(path: (directory as NSString).appendingPathComponent("\(name).sock"))
        }
    }

    private func bind(_ port: UInt16, _ name: String) -> String { EndpointSpec.bind(endpoint(port, name)).description }
    private func connect(_ port: UInt16, _ name: String) -> String {
        EndpointSpec.connect(endpoint(port, name)).description
    }

    var push: EndpointSpec { .connect(endpoint(Topology.ingestPush, "push")) }
    var submit: EndpointSpec { .connect(endpoint(Topology.ingestSubmit, "submit")) }
    var events: EndpointSpec { .connect(endpoint(Topology.relayEventsOutput, "events")) }
    var query: EndpointSpec { .connect(endpoint(Topology.storeQuery, "query")) }

    /// The status endpoint of a service (replica numbers from 0).
    func status(_ service: String, replica: Int = 0) -> Endpoint {
        let base: UInt16 =
            switch service {
            case "ingest": Topology.ingestStatus
            case "parse": Topology.parseStatus
            case "extract": Topology.extractStatus
            case "store": Topology.storeStatus
            default: Topology.relayStatus
            }
        return endpoint(base + UInt16(100 * replica), replica == 0 ? "\(service)-status" : "\(service)-\(replica)-status")
    }

    /// The processes, in start order (relay and store first, ingest last), with every endpoint given explicitly;
    /// `extraArguments` adds flags to a service by name (`"ingest": ["--max-attempts", "2"]`).
    func plans(
        dataDirectory: String, parseReplicas: Int, extractReplicas: Int, logFormat: String,
        extraArguments: [String: [String]] = [:]
    ) -> [ServicePlan] {
        let common = ["--log-format", logFormat]
        let eventsIn = connect(Topology.relayEventsInput, "events-in")
        func plan(_ service: String, _ executable: String, replica: Int = 0, count: Int = 1, _ arguments: [String])
            -> ServicePlan
        {
            let status = status(service, replica: replica)
            return ServicePlan(
                name: count == 1 ? service : "\(service)-\(replica + 1)", executable: executable,
                arguments: common + arguments + ["--status", EndpointSpec.bind(status).description]
                    + extraArguments[service, default: []],
                status: .connect(status))
        }
        var plans = [
            plan(
                "relay", "newsbus-relay",
                [
                    "--work-input", bind(Topology.relayWorkInput, "work-in"),
                    "--work-output", bind(Topology.relayWorkOutput, "work-out"),
                    "--events-input", bind(Topology.relayEventsInput, "events-in"),
                    "--events-output", bind(Topology.relayEventsOutput, "events"),
                ]),
            plan(
                "store", "newsbus-store",
                [
                    "--input", bind(Topology.storeInput, "store-in"), "--query", bind(Topology.storeQuery, "query"),
                    "--events", eventsIn, "--dead-letters", connect(Topology.relayEventsOutput, "events"),
                    "--database", "\(dataDirectory)/store.sqlite",
                ]),
        ]
        for replica in 0..<extractReplicas {
            plans.append(
                plan(
                    "extract", "newsbus-extract", replica: replica, count: extractReplicas,
                    [
                        "--input", connect(Topology.relayWorkOutput, "work-out"),
                        "--output", connect(Topology.storeInput, "store-in"), "--events", eventsIn,
                    ]))
        }
        for replica in 0..<parseReplicas {
            plans.append(
                plan(
                    "parse", "newsbus-parse", replica: replica, count: parseReplicas,
                    [
                        "--input", connect(Topology.ingestOutput, "ingest-out"),
                        "--output", connect(Topology.relayWorkInput, "work-in"), "--events", eventsIn,
                    ]))
        }
        plans.append(
            plan(
                "ingest", "newsbus-ingest",
                [
                    "--push", bind(Topology.ingestPush, "push"), "--submit", bind(Topology.ingestSubmit, "submit"),
                    "--output", bind(Topology.ingestOutput, "ingest-out"),
                    "--acks", connect(Topology.relayEventsOutput, "events"), "--events", eventsIn,
                    "--journal", "\(dataDirectory)/ingest-journal.sqlite",
                ]))
        return plans
    }
}
