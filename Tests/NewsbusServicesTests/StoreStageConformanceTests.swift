import Foundation
import NewsbusProtocol
import NewsbusServices
import NewsbusStore
import NewsbusTesting
import Testing

/// The store stage keeps the stage contract both as a core in its shell and as the real `newsbus-store` process.
@Suite struct StoreStageConformanceTests {
    static func golden() throws -> [WireMessage] { [try Repository.golden("article.enriched")] }

    @Test(arguments: StageConformance.all)
    func coreConforms(_ check: StageConformance.Check) async throws {
        let host = try await InProcessStageHost(
            stage: StoreStage(store: try SQLiteArticleStore(path: nil)), goldenInputs: try Self.golden(),
            outputType: .articleEnriched, outputIsPublished: true, isIdempotentStore: true)
        try await check.run(on: host)
        await host.stopGracefully()
    }

    @Test(arguments: StageConformance.all)
    func executableConforms(_ check: StageConformance.Check) async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: database) }
        let host = try await ProcessStageHost(
            executable: "newsbus-store", stageName: "store", outputFlag: nil,
            extraArguments: ["--database", database, "--query", "@ipc:///tmp/nbq-\(UInt32.random(in: 0...UInt32.max))"],
            goldenInputs: try Self.golden(), outputType: .articleEnriched, outputIsPublished: true,
            isIdempotentStore: true)
        try await check.run(on: host)
        await host.stopGracefully()
    }
}
