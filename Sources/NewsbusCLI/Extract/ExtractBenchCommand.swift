import ArgumentParser
import Foundation
import NewsbusExtract
import NewsbusProtocol

/// `newsbus bench extract`: tokens per second per core for tagging and for the whole extraction, and peak RSS.
struct ExtractBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Tokens per second per core of the extract core on the French news corpus, and peak RSS.",
        discussion: """
            Runs on one thread (so the rate is per core) over the first --articles articles of --corpus: \
            `tagging` is tokenizing, splitting and tagging; `extract` adds dates, amounts and canonical entities; \
            `extract_cpu_us_per_article` is the thread's CPU time for the whole extraction, per article, which other \
            work on the machine disturbs less than the clock.
            """
    )

    @Option(name: .long, help: "JSON lines with a `text` field (.gz allowed).")
    var corpus: String = "../shared/data/articles/fr-news.jsonl.gz"

    @Option(name: .long, help: "Articles to use.")
    var articles: Int = 1000

    @Option(name: .long, help: "Passes over the articles; the fastest is reported (less disturbed by other work).")
    var passes: Int = 1

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write each article's enriched JSON to this file, one line per article (French, the corpus's "
                + "title and published date), to check that a change to the core keeps its output.",
            valueName: "file"))
    var dump: String?

    /// The fields of a corpus line the benchmark reads.
    struct Line: Decodable {
        var text: String
        var title: String?
        var published: String?
    }

    func run() throws {
        let lines = try CompressedText.read(corpus).split(separator: "\n").prefix(articles).compactMap {
            try? JSONDecoder().decode(Line.self, from: Data($0.utf8))
        }
        let texts = lines.map(\.text)
        guard !texts.isEmpty else { throw ValidationError("no articles with a `text` field in \(corpus)") }
        let loadStart = Date()
        let resources = try ExtractorResources.bundled()
        let extractor = try EntityExtractor(resources: resources)
        let loadSeconds = Date().timeIntervalSince(loadStart)
        if let dump { try Self.write(lines, extractedBy: extractor, to: dump) }
        var extraction = Timing(wallSeconds: .infinity, cpuSeconds: .infinity)
        var tagSeconds = Double.infinity
        var tokenCount = 0
        var found = 0
        for _ in 0..<max(passes, 1) {
            let pass = Self.timeExtraction(texts, extractor, found: &found)
            extraction.wallSeconds = min(extraction.wallSeconds, pass.wallSeconds)
            extraction.cpuSeconds = min(extraction.cpuSeconds, pass.cpuSeconds)
            tagSeconds = min(tagSeconds, Self.timeTagging(texts, resources, tokens: &tokenCount))
        }
        let report: [String: Double] = [
            "articles": Double(texts.count), "tokens": Double(tokenCount),
            "tagging_tokens_per_s_per_core": (Double(tokenCount) / tagSeconds).rounded(),
            "extract_tokens_per_s_per_core": (Double(tokenCount) / extraction.wallSeconds).rounded(),
            "extract_cpu_us_per_article": (extraction.cpuSeconds / Double(texts.count) * 1e6).rounded(),
            "load_s": (loadSeconds * 1000).rounded() / 1000, "peak_rss_mb": Self.peakRSSMegabytes(),
            "entities": Double(found),
        ]
        try CoreBenchReport.print(report, json: json)
    }

    /// The clock and CPU time of one pass.
    struct Timing {
        var wallSeconds: Double
        var cpuSeconds: Double
    }

    /// One pass of the whole extraction (tokenize, split, tag, rules, canonical entities) over `texts`; `found`
    /// becomes the number of entities.
    static func timeExtraction(_ texts: [String], _ extractor: EntityExtractor, found: inout Int) -> Timing {
        let start = Date()
        let cpuStart = threadCPUSeconds()
        found = 0
        for text in texts {
            let mentions = extractor.mentions(in: text, lang: "fr", publishedAt: nil)
            found += extractor.entities(from: mentions, title: "").0.count
        }
        return Timing(wallSeconds: Date().timeIntervalSince(start), cpuSeconds: threadCPUSeconds() - cpuStart)
    }

    /// The seconds one pass of tagging alone takes, on sentences tokenized beforehand (outside the timed part);
    /// `tokens` becomes the number of tokens.
    static func timeTagging(_ texts: [String], _ resources: ExtractorResources, tokens: inout Int) -> Double {
        let evaluation = TaggerEvaluation(model: resources.models["fr"]!, resources: resources)
        let tokenizer = Tokenizer()
        let splitter = SentenceSplitter()
        var seconds = 0.0
        tokens = 0
        for text in texts {
            let textTokens = tokenizer.tokenize(text)
            tokens += textTokens.count
            let sentences = splitter.split(textTokens).map { Array(textTokens[$0]) }
            let start = Date()
            _ = evaluation.tagAll(sentences)
            seconds += Date().timeIntervalSince(start)
        }
        return seconds
    }

    /// Writes the enriched article of each corpus line as sorted-key JSON, one line each.
    static func write(_ lines: [Line], extractedBy extractor: EntityExtractor, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = Data()
        for line in lines {
            let article = ParsedArticle(
                title: line.title ?? "", body: line.text, blocks: [],
                published: line.published.map { DatedValue(value: $0, origin: .client) }, lang: "fr",
                langConfidence: 1, wordCount: 0)
            output.append(try encoder.encode(extractor.extract(article)))
            output.append(0x0A)
        }
        try output.write(to: URL(fileURLWithPath: path))
    }

    /// The CPU time this thread has used, in seconds: unlike the clock, it does not count time the thread waited
    /// for a core that other work on the machine held.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// VmHWM from /proc/self/status, in MB (0 where /proc is absent).
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return (kb / 1024 * 10).rounded() / 10
    }
}
