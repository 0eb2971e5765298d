import Foundation
@testable import NewsbusCLI
import NewsbusProtocol
import NewsbusTesting
import NewsbusTransport
import NewsbusTransportZMQ
import Testing
import ZeroMQ

/// The real executables with CURVE on every socket: an allow-listed client pushes and subscribes; a client with
/// another key, or without CURVE, is refused (and the refusal logged and counted by the service).
@Suite(.serialized) struct CurveSystemTests {
    @Test func allowedClientIsServedAndOthersAreRefused() async throws {
        // Given keys made like `newsbus keys bus alice mallory`, and alice on the services' allow-list
        let keyDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("nbcurve-\(UUID())")
        defer { try? FileManager.default.removeItem(at: keyDirectory) }
        let (bus, alice, mallory) = (try CurveKeyPair.generate(), try CurveKeyPair.generate(), try CurveKeyPair.generate())
        let busFiles = try CurveKeyFiles.write(bus, name: "bus", in: keyDirectory, overwrite: false)
        let aliceFiles = try CurveKeyFiles.write(alice, name: "alice", in: keyDirectory, overwrite: false)
        let malloryFiles = try CurveKeyFiles.write(mallory, name: "mallory", in: keyDirectory, overwrite: false)
        let curveFlags = ["--curve-key-file", busFiles.keyPair.path, "--curve-allow-file", aliceFiles.publicKey.path]
        // And the pipeline running with them, the test's own client being alice
        let pipeline = try await PipelineSystemTests.Pipeline(
            extraArguments: Dictionary(uniqueKeysWithValues: ["ingest", "parse", "extract", "store", "relay"].map { ($0, curveFlags) }),
            security: CurveSecurity(keys: alice, serverKey: bus.publicKey))
        // When alice submits an article
        let article = Data(#"{"title": "Rabat accueille un sommet", "text": "Le sommet régional s'ouvre lundi à Rabat en présence de délégations venues de Tunis et d'Alger."}"#.utf8)
        let verdict = try await pipeline.submit(article)
        // Then it is accepted, and alice receives it enriched
        #expect(verdict.payload.verdict == .accepted)
        let events = try await pipeline.enrichedEvents(for: [verdict.id], within: .seconds(30))
        #expect(events[verdict.id]?.article.lang == "fr")

        // When mallory and a client without CURVE try to push with acknowledgement
        let submit = pipeline.local.submit.description
        let file = keyDirectory.appendingPathComponent("article.json")
        try article.write(to: file)
        for (name, keyArguments, hint) in [
            (
                "mallory", ["--curve-key-file", malloryFiles.keyPair.path, "--curve-server-key", busFiles.publicKey.path],
                "allow-list"
            ),
            ("plain", [], "CURVE on one side only"),
        ] {
            let log = keyDirectory.appendingPathComponent("\(name).log")
            let client = try ChildProcess.start(
                BuiltProducts.newsbus, ["push", "--ack", "--timeout", "2", "--submit", submit, file.path] + keyArguments,
                log: log)
            // Then the command fails, saying what to check
            #expect(await client.waitForExit() != 0)
            let message = try String(contentsOf: log, encoding: .utf8)
            #expect(message.contains(hint), "\(name): \(message)")
        }
        // And ingest logged mallory's refusal with its key, and counts refused clients
        let ingestLog = URL(fileURLWithPath: pipeline.directory).appendingPathComponent("logs/ingest.log")
        #expect(try String(contentsOf: ingestLog, encoding: .utf8).contains(mallory.publicKey))
        let report = try #require(
            await StatusProbe.ask(.connect(pipeline.local.status("ingest")), transport: pipeline.transport, timeout: eventPatience))
        #expect(report.counters["refused_clients", default: 0] >= 1)
        // And nothing but alice's article was stored
        #expect(try await pipeline.query(ArticleQuery(limit: 1)).total == 1)
        _ = await pipeline.stop()
    }
}
