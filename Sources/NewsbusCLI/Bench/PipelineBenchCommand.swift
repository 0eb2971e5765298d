import ArgumentParser
import Foundation

/// `newsbus bench [pipeline]`: the full pipeline as separate processes over TCP loopback.
struct PipelineBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Throughput, end-to-end latency, CPU and memory of the whole pipeline (separate processes, TCP).",
        discussion: """
            Pushes --articles articles from --corpus as fast as ingest takes them and times each one until its \
            article.enriched event arrives; with --rate, then pushes other articles at that pace and reports their \
            latency too. CPU seconds and peak RSS are read from each service process: CPU over the whole run \
            (start-up included) and per article while the full-load articles went through.
            """)

    static let sharedCorpus = "../shared/data/articles/fr-news.jsonl.gz"

    @Option(help: "Articles (.jsonl, .jsonl.gz, .json, .txt, .html or a folder); default \(sharedCorpus) when present, else the bundled samples.")
    var corpus: String?

    @Option(help: "Articles pushed at full load.")
    var articles = 1000

    @Option(help: "Also push articles at this many per second and report their latency.")
    var rate: Double?

    @Option(help: "Articles pushed at the paced rate (default: 10 seconds' worth, at most 1,000).")
    var pacedArticles: Int?

    @Option(help: "Parse replicas.") var parse = 1
    @Option(help: "Extract replicas.") var extract = 1

    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard articles > 0 else { throw ValidationError("--articles must be positive") }
        if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
    }

    func run() async throws {
        let source = corpus ?? (FileManager.default.fileExists(atPath: Self.sharedCorpus) ? Self.sharedCorpus : nil)
        let items = try ArticleInputs.read(source.map { [$0] } ?? (try DemoCommand.samplePaths()))
        let full = Array(items.prefix(articles))
        let pacedCount = pacedArticles ?? min(1000, Int((rate ?? 0) * 10))
        let paced = rate == nil ? [] : Array(items.dropFirst(full.count).prefix(pacedCount))
        if !json {
            FileHandle.standardError.write(
                Data("benchmarking \(full.count) articles from \(source ?? "the bundled samples")"
                    .appending(paced.isEmpty ? "" : ", then \(paced.count) at \(rate ?? 0)/s").appending("…\n").utf8))
        }
        let report = try await PipelineBenchmark(
            configuration: .init(articles: full, paced: paced, rate: rate, parseReplicas: parse, extractReplicas: extract)
        ).run()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.table(report))
        }
    }

    static func table(_ report: PipelineBenchmark.Report) -> String {
        var lines = [
            String(
                format: "%d of %d articles in %.2f s: %.0f articles/s, %.0f words/s", report.received, report.articles,
                report.seconds, report.throughputAps, report.wordsPerS),
            String(
                format: "latency at full load: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", report.latencyMs.p50,
                report.latencyMs.p90, report.latencyMs.p99, report.latencyMs.max),
        ]
        if let paced = report.paced {
            lines.append(
                String(
                    format: "latency at %.0f articles/s (%d articles): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms", paced.rate,
                    paced.articles, paced.latencyMs.p50, paced.latencyMs.p90, paced.latencyMs.p99))
        }
        lines.append("service        cpu s   peak RSS MB   cpu ms/article at full load")
        for (name, use) in report.services.sorted(by: { $0.key < $1.key }) {
            lines.append(
                name.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(format: "%8.2f  %12.1f  %14.2f", use.cpuS, use.peakRssMb, use.fullLoadCpuMsPerArticle))
        }
        lines.append(
            String(
                format: "benchmark client: %.2f ms/article at full load",
                report.clientCpuS * 1000 / Double(max(report.received, 1))))
        if report.restarts > 0 { lines.append("warning: services restarted \(report.restarts) time(s) during the run") }
        return lines.joined(separator: "\n")
    }
}
