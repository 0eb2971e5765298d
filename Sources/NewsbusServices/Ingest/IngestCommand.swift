import ArgumentParser
import Foundation
import Logging
import NewsbusIngest
import NewsbusProtocol
import NewsbusSQLite
import NewsbusStage
import NewsbusTransport
import NewsbusTransportZMQ

/// `newsbus-ingest`: accepts articles (pushes and acknowledged submits), journals them, hands them to parse.
public struct IngestCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newsbus-ingest",
        abstract: "Accept articles, validate and journal them, hand them to parse.")

    public static let settings: [Setting] = [
        IngestSettings.push, IngestSettings.submit, IngestSettings.output, IngestSettings.acks, IngestSettings.journal,
        IngestSettings.maxArticleBytes, IngestSettings.redeliverySeconds, IngestSettings.maxAttempts,
        IngestSettings.journalRetentionHours, CommonSettings.events("ingest"),
        CommonSettings.status("ingest", port: Topology.ingestStatus),
    ] + CommonConfiguration.settings

    @Option(help: IngestSettings.push.argumentHelp) var push: String?
    @Option(help: IngestSettings.submit.argumentHelp) var submit: String?
    @Option(help: IngestSettings.output.argumentHelp) var output: String?
    @Option(help: IngestSettings.acks.argumentHelp) var acks: String?
    @Option(help: IngestSettings.journal.argumentHelp) var journal: String?
    @Option(help: IngestSettings.maxArticleBytes.argumentHelp) var maxArticleBytes: String?
    @Option(help: IngestSettings.redeliverySeconds.argumentHelp) var redeliverySeconds: String?
    @Option(help: IngestSettings.maxAttempts.argumentHelp) var maxAttempts: String?
    @Option(help: IngestSettings.journalRetentionHours.argumentHelp) var journalRetentionHours: String?
    @Option(help: CommonSettings.events("ingest").argumentHelp) var events: String?
    @Option(help: CommonSettings.status("ingest", port: Topology.ingestStatus).argumentHelp) var status: String?
    @OptionGroup var common: CommonOptions

    public init() {}

    public func run() async throws {
        let reader = ConfigurationReader.process(
            flags: [
                "push": push, "submit": submit, "output": output, "acks": acks, "journal": journal,
                "max-article-bytes": maxArticleBytes, "redelivery-seconds": redeliverySeconds,
                "max-attempts": maxAttempts, "journal-retention-hours": journalRetentionHours, "events": events,
                "status": status,
            ].merging(common.flags) { $1 })
        let settings = try CommonConfiguration.resolve(reader, service: "ingest")
        let pushSpec = try reader.endpoint(IngestSettings.push)
        let submitSpec = try reader.endpoint(IngestSettings.submit)
        let outputSpec = try reader.endpoint(IngestSettings.output)
        let acksSpec = try reader.endpoint(IngestSettings.acks)
        let eventsSpec = try reader.endpoint(CommonSettings.events("ingest"))
        let statusSpec = try reader.endpoint(CommonSettings.status("ingest", port: Topology.ingestStatus))
        let maxArticle = try reader.integer(IngestSettings.maxArticleBytes, in: 1024...(1 << 30))
        let redelivery = RedeliveryPolicy(
            deadline: .seconds(try reader.integer(IngestSettings.redeliverySeconds, in: 1...86_400)),
            maxAttempts: try reader.integer(IngestSettings.maxAttempts, in: 1...100))
        let retentionHours = try reader.integer(IngestSettings.journalRetentionHours, in: 0...87_600)
        let path = reader.string(IngestSettings.journal)
        LoggingSetup.bootstrap(format: settings.logFormat, level: settings.logLevel)
        let logger = Logger(label: "newsbus.ingest")

        try ServiceHost.prepareDirectory(forFile: path)
        let intake = ArticleIntake(
            validator: ArticleValidator(
                limits: .init(maxMessageBytes: maxArticle + 64 * 1024, maxContentBytes: maxArticle)),
            journal: try ArticleJournal(path: path), redelivery: redelivery)
        // Oversize messages must reach the validator to be answered, so the socket limit sits above its limit.
        let inputOptions = ChannelOptions(
            highWaterMark: settings.highWaterMark, maxMessageSize: max(settings.maxMessageBytes, maxArticle + 1 << 20))
        let options = ChannelOptions(highWaterMark: settings.highWaterMark, maxMessageSize: settings.maxMessageBytes)
        let counters = StageCounters()
        let transport = try settings.makeTransport(counters: counters, logger: logger)
        let service = IngestService(
            intake: intake,
            pushes: try await transport.receiver(.pull, at: pushSpec, options: inputOptions),
            submits: try await transport.responder(at: submitSpec, options: inputOptions),
            output: try await transport.sender(.push, at: outputSpec, options: options),
            events: try await transport.sender(.publish, at: eventsSpec, options: options),
            storedAcks: try await transport.receiver(
                .subscribe([.articleStored, .articleRejected]), at: acksSpec, options: options),
            counters: counters, logger: logger)
        let checkpointer = try WALCheckpointer(path: path)
        let checkpoints = PeriodicService(description: "journal checkpoint", interval: .seconds(2), logger: logger) {
            try checkpointer.checkpoint()
        }
        // Stored entries past the retention are deleted; within it, an exact duplicate is recognised by ingest, and
        // after it by the store (idempotent by id).
        let journal = intake.journal
        let compaction = PeriodicService(
            description: "journal compaction", interval: .seconds(60), logger: logger,
            work: PeriodicService.inSlices(of: 10_000, counting: "compacted", in: counters) { limit in
                try journal.compact(
                    settledBefore: Date().addingTimeInterval(-Double(retentionHours * 3600)), limit: limit)
            })
        try await ServiceHost.run(
            "ingest", parts: [service, checkpoints, compaction], transport: transport, status: statusSpec, options: options,
            counters: counters,
            logger: logger)
    }
}

/// Ingest's own settings.
public enum IngestSettings {
    public static let push = Setting(
        flag: "push", variable: "NEWSBUS_INGEST_PUSH", defaultValue: Topology.bind(Topology.ingestPush),
        help: "Where clients push articles (PULL).")
    public static let submit = Setting(
        flag: "submit", variable: "NEWSBUS_INGEST_SUBMIT", defaultValue: Topology.bind(Topology.ingestSubmit),
        help: "Where clients submit articles for a verdict (request/reply).")
    public static let output = Setting(
        flag: "output", variable: "NEWSBUS_INGEST_OUTPUT", defaultValue: Topology.bind(Topology.ingestOutput),
        help: "Where accepted articles go to parse (PUSH).")
    public static let acks = Setting(
        flag: "acks", variable: "NEWSBUS_INGEST_ACKS", defaultValue: Topology.connect(Topology.relayEventsOutput),
        help: "Where article.stored and article.rejected events are read from (SUB).")
    public static let journal = Setting(
        flag: "journal", variable: "NEWSBUS_INGEST_JOURNAL", defaultValue: "newsbus-data/ingest-journal.sqlite",
        help: "The journal database file.")
    public static let redeliverySeconds = Setting(
        flag: "redelivery-seconds", variable: "NEWSBUS_INGEST_REDELIVERY_SECONDS", defaultValue: "30",
        help: "Seconds the store has to confirm an article before it is sent again (doubling each time).")
    public static let maxAttempts = Setting(
        flag: "max-attempts", variable: "NEWSBUS_INGEST_MAX_ATTEMPTS", defaultValue: "5",
        help: "Times an article is sent in all before it is parked as dead.")
    public static let journalRetentionHours = Setting(
        flag: "journal-retention-hours", variable: "NEWSBUS_INGEST_JOURNAL_RETENTION_HOURS", defaultValue: "168",
        help: "Hours a stored article's id stays in the journal (exact duplicates recognised by ingest) before it is deleted.")
    public static let maxArticleBytes = Setting(
        flag: "max-article-bytes", variable: "NEWSBUS_INGEST_MAX_ARTICLE_BYTES", defaultValue: "\(8 << 20)",
        help: "Largest text or html accepted, in bytes.")
}
