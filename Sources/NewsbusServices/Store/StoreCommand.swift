import ArgumentParser
import Foundation
import Logging
import NewsbusProtocol
import NewsbusSQLite
import NewsbusStage
import NewsbusStore
import NewsbusTransport
import NewsbusTransportZMQ
import Synchronization

/// `newsbus-store`: writes enriched articles to SQLite, publishes them once committed, answers queries.
public struct StoreCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newsbus-store",
        abstract: "Store enriched articles (SQLite), publish them after commit, answer queries.")

    /// Every setting of the store, for help, docs and the compose checks.
    public static let settings: [Setting] = [
        StoreSettings.input, StoreSettings.query, StoreSettings.database, StoreSettings.deadLetters,
        StoreSettings.indexBacklog,
        CommonSettings.events("store"),
        CommonSettings.status("store", port: Topology.storeStatus),
    ] + CommonConfiguration.settings

    @Option(help: StoreSettings.input.argumentHelp) var input: String?
    @Option(help: StoreSettings.query.argumentHelp) var query: String?
    @Option(help: StoreSettings.database.argumentHelp) var database: String?
    @Option(help: StoreSettings.deadLetters.argumentHelp) var deadLetters: String?
    @Option(help: StoreSettings.indexBacklog.argumentHelp) var indexBacklog: String?
    @Option(help: CommonSettings.events("store").argumentHelp) var events: String?
    @Option(help: CommonSettings.status("store", port: Topology.storeStatus).argumentHelp) var status: String?
    @OptionGroup var common: CommonOptions

    public init() {}

    public func run() async throws {
        let reader = ConfigurationReader.process(
            flags: [
                "input": input, "query": query, "database": database, "dead-letters": deadLetters, "events": events,
                "status": status, "index-backlog": indexBacklog,
            ]
                .merging(common.flags) { $1 })
        let settings = try CommonConfiguration.resolve(reader, service: "store")
        let inputSpec = try reader.endpoint(StoreSettings.input)
        let querySpec = try reader.endpoint(StoreSettings.query)
        let deadLettersSpec = try reader.endpoint(StoreSettings.deadLetters)
        let eventsSpec = try reader.endpoint(CommonSettings.events("store"))
        let statusSpec = try reader.endpoint(CommonSettings.status("store", port: Topology.storeStatus))
        let path = reader.string(StoreSettings.database)
        let indexBacklog = try reader.integer(StoreSettings.indexBacklog, in: 0...10_000_000)
        LoggingSetup.bootstrap(format: settings.logFormat, level: settings.logLevel)
        let logger = Logger(label: "newsbus.store")

        try ServiceHost.prepareDirectory(forFile: path)
        let store = try SQLiteArticleStore(path: path)
        let options = ChannelOptions(highWaterMark: settings.highWaterMark, maxMessageSize: settings.maxMessageBytes)
        let counters = StageCounters()
        let transport = try settings.makeTransport(counters: counters, logger: logger)
        let stage = StageService(
            stage: StoreStage(store: store),
            input: try await transport.receiver(.pull, at: inputSpec, options: options),
            output: nil,
            events: try await transport.sender(.publish, at: eventsSpec, options: options),
            counters: counters, logger: logger)
        let queries = QueryService(
            store: store, responder: try await transport.responder(at: querySpec, options: options), counters: counters,
            logger: logger)
        let parked = DeadLetterService(
            store: store,
            letters: try await transport.receiver(.subscribe([.articleDeadLetter]), at: deadLettersSpec, options: options),
            counters: counters, logger: logger)
        let checkpointer = try WALCheckpointer(path: path)
        let checkpoints = PeriodicService(description: "store checkpoint", interval: .seconds(2), logger: logger) {
            try checkpointer.checkpoint()
        }
        // New articles go into the search indexes (full text, entities) in batches, away from their commits, once
        // they stop coming or when the backlog grows large (text and entity queries catch them up first, so they never
        // miss an article). Each slice is a short transaction, so an article arriving meanwhile waits for one slice
        // at most (see the schedule).
        let schedule = Mutex(IndexSchedule(maximumBacklog: Int64(indexBacklog)))
        let indexing = PeriodicService(description: "indexing", interval: .milliseconds(250), logger: logger) {
            let progress = try store.indexProgress()
            guard let plan = schedule.withLock({ $0.plan(latest: progress.latest, indexedUpTo: progress.indexedUpTo) })
            else { return }
            try PeriodicService.inSlices(of: plan.slice, upTo: plan.budget, counting: "indexed", in: counters) {
                try store.catchUpIndexes(limit: $0)
            }()
        }
        logger.info("store ready", metadata: ["database": "\(path)", "articles": "\((try? store.count()) ?? 0)"])
        try await ServiceHost.run(
            "store", parts: [stage, queries, parked, checkpoints, indexing], transport: transport, status: statusSpec, options: options,
            counters: counters, logger: logger)
    }
}

/// The store's own settings.
public enum StoreSettings {
    public static let input = Setting(
        flag: "input", variable: "NEWSBUS_STORE_INPUT", defaultValue: Topology.bind(Topology.storeInput),
        help: "Where enriched articles arrive (PULL).")
    public static let query = Setting(
        flag: "query", variable: "NEWSBUS_STORE_QUERY", defaultValue: Topology.bind(Topology.storeQuery),
        help: "Where queries are answered (request/reply).")
    public static let deadLetters = Setting(
        flag: "dead-letters", variable: "NEWSBUS_STORE_DEAD_LETTERS",
        defaultValue: Topology.connect(Topology.relayEventsOutput),
        help: "Where article.dead events are read from, to be kept (SUB).")
    public static let database = Setting(
        flag: "database", variable: "NEWSBUS_STORE_DATABASE", defaultValue: "newsbus-data/store.sqlite",
        help: "The SQLite database file.")
    public static let indexBacklog = Setting(
        flag: "index-backlog", variable: "NEWSBUS_STORE_INDEX_BACKLOG", defaultValue: "2000",
        help: "Articles the search indexes (full text, entities) may fall behind while articles keep arriving (0: index as they come).")
}
