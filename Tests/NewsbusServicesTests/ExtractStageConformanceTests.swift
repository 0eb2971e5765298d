import Foundation
import NewsbusExtract
import NewsbusProtocol
import NewsbusServices
import NewsbusTesting
import Testing

/// The extract stage keeps the stage contract both as a core in its shell and as the real `newsbus-extract` process.
@Suite struct ExtractStageConformanceTests {
    static func golden() throws -> [WireMessage] { [try Repository.golden("article.parsed")] }

    @Test(arguments: StageConformance.all)
    func coreConforms(_ check: StageConformance.Check) async throws {
        let host = try await InProcessStageHost(
            stage: ExtractStage(extractor: try EntityExtractor()), goldenInputs: try Self.golden(),
            outputType: .articleEnriched)
        try await check.run(on: host)
        await host.stopGracefully()
    }

    @Test(arguments: StageConformance.all)
    func executableConforms(_ check: StageConformance.Check) async throws {
        let host = try await ProcessStageHost(
            executable: "newsbus-extract", stageName: "extract", outputFlag: "--output", goldenInputs: try Self.golden(),
            outputType: .articleEnriched)
        try await check.run(on: host)
        await host.stopGracefully()
    }
}
