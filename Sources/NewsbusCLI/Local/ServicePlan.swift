import Foundation
import NewsbusServices

/// One service process of a local pipeline: which executable, its flags, and where it answers status.
struct ServicePlan: Sendable {
    let name: String
    let executable: String
    let arguments: [String]
    let statusPort: UInt16

    /// The processes of a pipeline on this machine, in start order (relay and store first, ingest last), with
    /// `parse` and `extract` replicas. Every replica gets its own status port.
    static func local(dataDirectory: String, parseReplicas: Int, extractReplicas: Int, logFormat: String) -> [ServicePlan] {
        let common = ["--log-format", logFormat]
        var plans = [
            ServicePlan(name: "relay", executable: "newsbus-relay", arguments: common, statusPort: Topology.relayStatus),
            ServicePlan(
                name: "store", executable: "newsbus-store",
                arguments: common + ["--database", "\(dataDirectory)/store.sqlite"], statusPort: Topology.storeStatus),
        ]
        for replica in 0..<extractReplicas {
            let port = Topology.extractStatus + UInt16(100 * replica)
            plans.append(
                ServicePlan(
                    name: extractReplicas == 1 ? "extract" : "extract-\(replica + 1)", executable: "newsbus-extract",
                    arguments: common + ["--status", "@tcp://127.0.0.1:\(port)"], statusPort: port))
        }
        for replica in 0..<parseReplicas {
            let port = Topology.parseStatus + UInt16(100 * replica)
            plans.append(
                ServicePlan(
                    name: parseReplicas == 1 ? "parse" : "parse-\(replica + 1)", executable: "newsbus-parse",
                    arguments: common + ["--status", "@tcp://127.0.0.1:\(port)"], statusPort: port))
        }
        plans.append(
            ServicePlan(
                name: "ingest", executable: "newsbus-ingest",
                arguments: common + ["--journal", "\(dataDirectory)/ingest-journal.sqlite"],
                statusPort: Topology.ingestStatus))
        return plans
    }
}
