import Foundation
import NewsbusParse
import NewsbusProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// Measures the parse core on a folder of pages or on a corpus of articles: items per second of wall time and per
/// second of CPU time (user + system, from getrusage), one thread or several.
struct ParseBenchmark {
    /// What is parsed: raw page bytes (charset detection included) or articles as clients send them.
    enum Input {
        case pages([[UInt8]])
        case articles([RawArticle])

        /// What the figures count: "pages" or "articles".
        var unit: String {
            switch self {
            case .pages: "pages"
            case .articles: "articles"
            }
        }

        var count: Int {
            switch self {
            case .pages(let pages): pages.count
            case .articles(let articles): articles.count
            }
        }

        /// Bytes of input: the pages, or the UTF-8 of each article's `html` (else its `text`).
        var bytes: Int {
            switch self {
            case .pages(let pages): pages.reduce(0) { $0 + $1.count }
            case .articles(let articles): articles.reduce(0) { $0 + ($1.html ?? $1.text ?? "").utf8.count }
            }
        }

        /// Parses item `index`; false when the parser refused it.
        func parse(_ index: Int, with parser: ArticleParser) -> Bool {
            do {
                switch self {
                case .pages(let pages): _ = try parser.parse(htmlBytes: pages[index])
                case .articles(let articles): _ = try parser.parse(articles[index])
                }
                return true
            } catch {
                return false
            }
        }
    }

    /// One measurement. In JSON the counts are named after the ``unit`` (`pages`, `pages_per_s`,
    /// `pages_per_cpu_s`, or `articles`, `articles_per_s`, `articles_per_cpu_s`).
    struct Result: Encodable {
        var unit: String
        var items: Int
        var megabytes: Double
        var failures: Int
        var threads: Int
        var seconds: Double
        var cpuSeconds: Double
        var itemsPerSecond: Double
        var itemsPerCPUSecond: Double
        var megabytesPerSecond: Double

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.init(stringValue) }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(items, forKey: Key(unit))
            try container.encode(megabytes, forKey: Key("megabytes"))
            try container.encode(failures, forKey: Key("failures"))
            try container.encode(threads, forKey: Key("threads"))
            try container.encode(seconds, forKey: Key("seconds"))
            try container.encode(cpuSeconds, forKey: Key("cpu_seconds"))
            try container.encode(itemsPerSecond, forKey: Key("\(unit)_per_s"))
            try container.encode(itemsPerCPUSecond, forKey: Key("\(unit)_per_cpu_s"))
            try container.encode(megabytesPerSecond, forKey: Key("mb_per_s"))
        }
    }

    /// The pages (decompressed bytes) of every `*.html` and `*.html.gz` file in `directory`, sorted by name.
    static func loadPages(from directory: URL, limit: Int?) throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") || $0.hasSuffix(".htm") }
            .sorted()
        return try names.prefix(limit ?? Int.max).map { try GzipReader.read(directory.appendingPathComponent($0)) }
    }

    /// The articles of a corpus file, read as `newsbus push` reads it (`.jsonl`, `.jsonl.gz`, `.json`, `.txt`,
    /// `.html`).
    static func loadArticles(from path: String, limit: Int?) throws -> [RawArticle] {
        let decoder = JSONDecoder()
        return try ArticleInputs.fromFile(path).prefix(limit ?? Int.max).map { item in
            do {
                return try decoder.decode(RawArticle.self, from: item.message)
            } catch {
                throw ArticleInputs.Failure(description: "\(item.origin): not an article object (\(error))")
            }
        }
    }

    /// Parses every item `rounds` times on `threads` threads.
    static func run(_ input: Input, threads: Int, rounds: Int) -> Result {
        let parser = ArticleParser()
        let failures = FailureCount()
        let count = input.count
        let cpuBefore = cpuSeconds()
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<rounds {
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                var index = worker
                while index < count {
                    if !input.parse(index, with: parser) { failures.add() }
                    index += threads
                }
            }
        }
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let cpu = cpuSeconds() - cpuBefore
        let parsed = count * rounds
        let megabytes = Double(input.bytes * rounds) / 1_048_576
        return Result(
            unit: input.unit, items: parsed, megabytes: megabytes, failures: failures.value, threads: threads,
            seconds: seconds, cpuSeconds: cpu, itemsPerSecond: Double(parsed) / seconds,
            itemsPerCPUSecond: Double(parsed) / cpu, megabytesPerSecond: megabytes / seconds)
    }

    /// User plus system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The results as a table whose columns are named after their unit ("pages", "pages/cpu-s" …).
    static func table(_ results: [Result]) -> String {
        let unit = results.first?.unit ?? "pages"
        func padded(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var lines = [
            "threads \(padded(unit, 8))    MB   seconds  cpu s \(padded(unit + "/s", 11)) \(padded(unit + "/cpu-s", 15))"
                + "   MB/s  failures"
        ]
        for r in results {
            lines.append(
                String(
                    format: "%7d %8d %5.0f %9.2f %6.2f %11.1f %15.1f %6.1f %9d", r.threads, r.items, r.megabytes,
                    r.seconds, r.cpuSeconds, r.itemsPerSecond, r.itemsPerCPUSecond, r.megabytesPerSecond, r.failures))
        }
        return lines.joined(separator: "\n")
    }
}

private final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
