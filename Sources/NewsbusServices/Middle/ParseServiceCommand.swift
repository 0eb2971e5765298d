import ArgumentParser
import NewsbusParse

/// `newsbus-parse`: HTML or scraped text to a clean article. Run as many replicas as needed.
public struct ParseServiceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newsbus-parse", abstract: "Turn raw articles (HTML or scraped text) into clean articles.")

    public static var settings: [Setting] { MiddleStageSettings.parse.all }

    @OptionGroup var options: MiddleStageOptions

    public init() {}

    public func run() async throws {
        try await MiddleStageRunner.run(.parse, options: options) { ParseStage() }
    }
}
