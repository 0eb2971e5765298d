import ArgumentParser
import NewsbusExtract

/// `newsbus-extract`: entities, dates and amounts. Run as many replicas as needed.
public struct ExtractServiceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newsbus-extract", abstract: "Find the entities, dates and amounts of parsed articles.")

    public static var settings: [Setting] { MiddleStageSettings.extract.all }

    @OptionGroup var options: MiddleStageOptions

    public init() {}

    public func run() async throws {
        try await MiddleStageRunner.run(.extract, options: options) { ExtractStage(extractor: try EntityExtractor()) }
    }
}
