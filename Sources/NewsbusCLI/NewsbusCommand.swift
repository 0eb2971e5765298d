import ArgumentParser

/// `newsbus`: the one command-line tool of the pipeline.
public struct NewsbusCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newsbus",
        abstract: "Newsbus: a streaming news-article enrichment pipeline over ZeroMQ.",
        discussion: """
            Articles pushed into ingest are parsed, enriched with the people, organisations, places and dates \
            they name, stored, and published as events.
            """,
        subcommands: [
            PushCommand.self, SubscribeCommand.self, QueryCommand.self, StatusCommand.self, UpCommand.self,
            DemoCommand.self, BenchCommand.self, ParseCommand.self, ExtractCommand.self, TrainNERCommand.self,
            EvalNERCommand.self, KeysCommand.self, TransportPeerCommand.self,
        ]
    )

    public init() {}
}
