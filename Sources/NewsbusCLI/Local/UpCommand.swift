import ArgumentParser
import Foundation
import NewsbusServices

/// `newsbus up`: the whole pipeline on this machine, as separate processes over loopback, until Ctrl-C.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run every service locally (separate processes, SQLite in a data folder) until Ctrl-C.")

    @Option(help: "Folder for the store, the journal and the logs.")
    var dataDir = "newsbus-data"

    @Option(help: "Parse replicas.")
    var parse = 1

    @Option(help: "Extract replicas.")
    var extract = 1

    @Option(help: "Service log lines: human or json.")
    var logFormat = "human"

    func validate() throws {
        guard (1...16).contains(parse), (1...16).contains(extract) else {
            throw ValidationError("--parse and --extract must be 1…16")
        }
        guard ["human", "json"].contains(logFormat) else { throw ValidationError("--log-format must be human or json") }
    }

    func run() async throws {
        let supervisor = try ServiceSupervisor(
            plans: LocalPipeline.standard.plans(
                dataDirectory: dataDir, parseReplicas: parse, extractReplicas: extract, logFormat: logFormat),
            dataDirectory: dataDir, security: try ClientSecurity.security())
        try await supervisor.start()
        Output.line(
            """
            Newsbus is up (data and logs in \(dataDir)/).
              push:      newsbus push FILE…            (>tcp://127.0.0.1:\(Topology.ingestPush), acknowledged: \(Topology.ingestSubmit))
              subscribe: newsbus subscribe             (>tcp://127.0.0.1:\(Topology.relayEventsOutput))
              query:     newsbus query --text WORDS    (>tcp://127.0.0.1:\(Topology.storeQuery))
              status:    newsbus status
            Press Ctrl-C to stop.
            """)
        _ = await SignalWaiter.wait()
        print("stopping…")
        await supervisor.stop()
        print("stopped")
    }
}
