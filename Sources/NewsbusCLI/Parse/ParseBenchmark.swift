import Foundation
import NewsbusParse

#if canImport(Glibc)
import Glibc
#endif

/// Measures the parse core on a folder of pages: pages per second of wall time and per second of CPU time
/// (user + system, from getrusage), one thread or several.
struct ParseBenchmark {
    struct Result: Codable {
        var pages: Int
        var megabytes: Double
        var failures: Int
        var threads: Int
        var seconds: Double
        var cpuSeconds: Double
        var pagesPerSecond: Double
        var pagesPerCPUSecond: Double
        var megabytesPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case pages, megabytes, failures, threads, seconds
            case cpuSeconds = "cpu_seconds", pagesPerSecond = "pages_per_s", pagesPerCPUSecond = "pages_per_cpu_s"
            case megabytesPerSecond = "mb_per_s"
        }
    }

    /// The pages (decompressed bytes) of every `*.html` and `*.html.gz` file in `directory`, sorted by name.
    static func loadPages(from directory: URL, limit: Int?) throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") || $0.hasSuffix(".htm") }
            .sorted()
        return try names.prefix(limit ?? Int.max).map { try GzipReader.read(directory.appendingPathComponent($0)) }
    }

    /// Parses every page `rounds` times on `threads` threads.
    static func run(_ pages: [[UInt8]], threads: Int, rounds: Int) -> Result {
        let parser = ArticleParser()
        let failures = FailureCount()
        let cpuBefore = cpuSeconds()
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<rounds {
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                var index = worker
                while index < pages.count {
                    do { _ = try parser.parse(htmlBytes: pages[index]) } catch { failures.add() }
                    index += threads
                }
            }
        }
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let cpu = cpuSeconds() - cpuBefore
        let count = pages.count * rounds
        let megabytes = Double(pages.reduce(0) { $0 + $1.count } * rounds) / 1_048_576
        return Result(
            pages: count, megabytes: megabytes, failures: failures.value, threads: threads, seconds: seconds,
            cpuSeconds: cpu, pagesPerSecond: Double(count) / seconds, pagesPerCPUSecond: Double(count) / cpu,
            megabytesPerSecond: megabytes / seconds)
    }

    /// User plus system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func table(_ results: [Result]) -> String {
        var lines = ["threads   pages    MB   seconds  cpu s   pages/s  pages/cpu-s   MB/s  failures"]
        for r in results {
            lines.append(
                String(
                    format: "%7d %7d %5.0f %9.2f %6.2f %9.1f %12.1f %6.1f %9d", r.threads, r.pages, r.megabytes,
                    r.seconds, r.cpuSeconds, r.pagesPerSecond, r.pagesPerCPUSecond, r.megabytesPerSecond, r.failures))
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
