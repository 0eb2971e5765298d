import ArgumentParser
import Foundation
import NewsbusExtract
import NewsbusIngest
import NewsbusProtocol
import NewsbusSQLite
import NewsbusStore

/// `newsbus bench store`: CPU per article of the SQLite store, writing real enriched articles in batches.
struct StoreBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "CPU per article of the embedded store: writes, indexing (full text, entities), checkpoints.",
        discussion: """
            Enriches the first --articles articles of --corpus with the extract core (not timed), then writes them \
            into a new SQLite store in a temporary folder, --batch articles per transaction as the store service \
            does under load; then catches the search indexes up, then checkpoints the log. Each phase is timed in \
            CPU seconds of the whole process (user + system, so SQLite's writes to the kernel count), which other \
            work on the machine disturbs less than the clock. With --passes N, each pass starts from an empty store \
            and the fastest pass of each phase is reported.
            """
    )

    @Option(name: .long, help: "JSON lines with a `text` field (.gz allowed).")
    var corpus: String = "../shared/data/articles/fr-news.jsonl.gz"

    @Option(name: .long, help: "Articles to write.")
    var articles: Int = 2000

    @Option(name: .long, help: "Articles per transaction.")
    var batch: Int = 32

    @Option(name: .long, help: "Passes, each on an empty store; the fastest is reported.")
    var passes: Int = 3

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        guard articles > 0, batch > 0, passes > 0 else {
            throw ValidationError("--articles, --batch and --passes must be positive")
        }
    }

    func run() throws {
        let enriched = try Self.enrich(corpus: corpus, limit: articles)
        guard !enriched.isEmpty else { throw ValidationError("no articles with a `text` field in \(corpus)") }
        var best = Phases(write: .infinity, index: .infinity, checkpoint: .infinity, megabytes: 0)
        for _ in 0..<passes {
            let pass = try Self.pass(enriched, batch: batch)
            best.write = min(best.write, pass.write)
            best.index = min(best.index, pass.index)
            best.checkpoint = min(best.checkpoint, pass.checkpoint)
            best.megabytes = pass.megabytes
        }
        let count = Double(enriched.count)
        let report: [String: Double] = [
            "articles": count, "batch": Double(batch),
            "write_cpu_us_per_article": (best.write / count * 1e6).rounded(),
            "index_cpu_us_per_article": (best.index / count * 1e6).rounded(),
            "checkpoint_cpu_us_per_article": (best.checkpoint / count * 1e6).rounded(),
            "total_cpu_us_per_article": ((best.write + best.index + best.checkpoint) / count * 1e6).rounded(),
            "database_mb": (best.megabytes * 10).rounded() / 10,
            "peak_rss_mb": ExtractBenchCommand.peakRSSMegabytes(),
        ]
        try CoreBenchReport.print(report, json: json)
    }

    /// CPU seconds of each phase of one pass, and the database's size at the end.
    struct Phases {
        var write: Double
        var index: Double
        var checkpoint: Double
        var megabytes: Double
    }

    /// The corpus's first `limit` articles as the extract core enriches them (French, the corpus's title and date).
    static func enrich(corpus: String, limit: Int) throws -> [(id: ArticleID, article: EnrichedArticle)] {
        let lines = try CompressedText.read(corpus).split(separator: "\n").prefix(limit).compactMap {
            try? JSONDecoder().decode(ExtractBenchCommand.Line.self, from: Data($0.utf8))
        }
        let extractor = try EntityExtractor(resources: try ExtractorResources.bundled())
        return try lines.map { line in
            let parsed = ParsedArticle(
                title: line.title ?? "", body: line.text, blocks: [],
                published: line.published.map { DatedValue(value: $0, origin: .client) }, lang: "fr",
                langConfidence: 1, wordCount: line.text.split(separator: " ").count)
            return (ArticleIdentity.id(ofContent: line.text), try extractor.extract(parsed))
        }
    }

    /// Writes every article into a new store, then indexes and checkpoints it, timing each phase.
    static func pass(_ articles: [(id: ArticleID, article: EnrichedArticle)], batch: Int) throws -> Phases {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-store-bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let store = try SQLiteArticleStore(path: path)
        let checkpointer = try WALCheckpointer(path: path)
        let storedAt = Timestamp.format(Date())

        var start = processCPUSeconds()
        for offset in stride(from: 0, to: articles.count, by: batch) {
            let slice = Array(articles[offset..<min(offset + batch, articles.count)])
            for case .failure(let error) in store.write(batch: slice, storedAt: storedAt) { throw error }
        }
        let write = processCPUSeconds() - start

        start = processCPUSeconds()
        while try store.catchUpIndexes(limit: 64) == 64 {}
        let index = processCPUSeconds() - start

        start = processCPUSeconds()
        try checkpointer.checkpoint()
        let checkpoint = processCPUSeconds() - start

        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return Phases(write: write, index: index, checkpoint: checkpoint, megabytes: Double(bytes) / 1_048_576)
    }

    /// User and system CPU time of the whole process, in seconds (SQLite's own threads and its system calls count).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
