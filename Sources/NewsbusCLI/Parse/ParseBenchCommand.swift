import ArgumentParser
import Foundation

/// `newsbus bench parse`: pages (or articles) per second and per CPU-second of the parse core.
struct ParseBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Pages (or articles) per second and per CPU-second of the parse core.",
        discussion: """
            Reads every *.html and *.html.gz file of --pages into memory, then parses them all (bytes in any \
            encoding → clean article) on one thread, then on --threads threads. With --corpus FILE it parses \
            the articles of a .jsonl, .jsonl.gz or .json file instead (objects with "text" or "html", and \
            "title", "url", "lang" … as newsbus push sends them), and counts articles: plain-text articles go \
            through the text path of the core. CPU time is user + system time from getrusage. Build with \
            -c release before reading the figures.
            """
    )

    @Option(name: .long, help: "Folder of pages (default: ../shared/data/extraction/pages when present).")
    var pages: String?

    @Option(name: .long, help: "Articles to parse instead of pages (.jsonl, .jsonl.gz, .json, .txt or .html file).")
    var corpus: String?

    @Option(name: .long, help: "Parse at most this many pages or articles.")
    var limit: Int?

    @Option(name: .long, help: "Passes over the pages or articles per measurement.")
    var rounds: Int = 1

    @Option(name: .long, help: "Threads of the second measurement (1 to skip it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    static let defaultPages = "../shared/data/extraction/pages"

    func validate() throws {
        guard rounds >= 1, rounds <= 100 else { throw ValidationError("--rounds must be between 1 and 100") }
        guard threads >= 1, threads <= 64 else { throw ValidationError("--threads must be between 1 and 64") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let corpus {
            guard pages == nil else { throw ValidationError("pass --pages or --corpus, not both") }
            guard FileManager.default.isReadableFile(atPath: corpus) else {
                throw ValidationError("no corpus file at \(corpus)")
            }
            return
        }
        let directory = pages ?? Self.defaultPages
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no folder of pages at \(directory): pass --pages DIR")
        }
    }

    func run() throws {
        let loaded = try input()
        var results = [ParseBenchmark.run(loaded, threads: 1, rounds: rounds)]
        if threads > 1 { results.append(ParseBenchmark.run(loaded, threads: threads, rounds: rounds)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(["results": results])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(ParseBenchmark.table(results))
        }
    }

    /// The articles of --corpus, or else the pages of --pages.
    private func input() throws -> ParseBenchmark.Input {
        if let corpus {
            let articles = try ParseBenchmark.loadArticles(from: corpus, limit: limit)
            guard !articles.isEmpty else { throw ValidationError("no article in \(corpus)") }
            return .articles(articles)
        }
        let directory = URL(fileURLWithPath: pages ?? Self.defaultPages)
        let pages = try ParseBenchmark.loadPages(from: directory, limit: limit)
        guard !pages.isEmpty else { throw ValidationError("no *.html or *.html.gz file in \(directory.path)") }
        return .pages(pages)
    }
}
