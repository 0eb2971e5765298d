import ArgumentParser
import Foundation
@testable import NewsbusCLI
import NewsbusTesting
import Testing

@Suite struct TransportBenchCommandTests {
    @Test func parsesItsOptions() throws {
        let command = try NewsbusCommand.parseAsRoot([
            "bench", "transport", "--seconds", "0.5", "--sizes", "1024", "4096", "--impls", "raw", "zeromq",
            "--transports", "ipc", "--json",
        ])
        let bench = try #require(command as? TransportBenchCommand)
        #expect(bench.seconds == 0.5)
        #expect(bench.sizes == [1024, 4096])
        #expect(bench.impls == [.raw, .zeromq])
        #expect(bench.transports == [.ipc])
        #expect(bench.json)
    }

    @Test func refusesNonsense() {
        #expect(throws: (any Error).self) { try NewsbusCommand.parseAsRoot(["bench", "transport", "--seconds", "0"]) }
        #expect(throws: (any Error).self) { try NewsbusCommand.parseAsRoot(["bench", "transport", "--impls", "udp"]) }
        #expect(throws: (any Error).self) { try NewsbusCommand.parseAsRoot(["bench", "transport", "--sizes", "0"]) }
    }

    @Test func builtBinaryPrintsOneJSONObjectWithEveryCase() async throws {
        // Given the built executable, a very short run of every implementation over inproc
        let child = try OutputCollectingProcess.start(
            BuiltProducts.newsbus,
            ["bench", "transport", "--seconds", "0.05", "--sizes", "1024", "--transports", "inproc", "--json"])
        let output = try await child.lines().joined(separator: "\n")
        // Then it prints one JSON object whose results hold each implementation with positive rates
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(Set(results.compactMap { $0["impl"] as? String }) == ["raw", "zeromq", "inprocess"])
        for result in results {
            #expect(result["transport"] as? String == "inproc")
            #expect(result["size"] as? Int == 1024)
            #expect((result["msgs_per_s"] as? Double ?? 0) > 0)
            #expect((result["mb_per_s"] as? Double ?? 0) > 0)
        }
    }

    @Test func tableShowsTheSeamAsAShareOfRaw() {
        let results = [
            TransportBenchmark.Result(impl: .raw, transport: .tcp, size: 4096, messages: 1000, seconds: 1),
            TransportBenchmark.Result(impl: .zeromq, transport: .tcp, size: 4096, messages: 600, seconds: 1),
        ]
        let table = TransportBenchmark.table(results)
        #expect(table.contains("60%"))
        #expect(table.split(separator: "\n").count == 3)
    }
}
