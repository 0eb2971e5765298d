import ArgumentParser
import Foundation

/// `newsbus bench parse`: pages per second and per CPU-second of the parse core.
struct ParseBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Pages per second and pages per CPU-second of the parse core on a folder of pages.",
        discussion: """
            Reads every *.html and *.html.gz file of --pages into memory, then parses them all (bytes in any \
            encoding → clean article) on one thread, then on --threads threads. CPU time is user + system time \
            from getrusage. Build with -c release before reading the figures.
            """
    )

    @Option(name: .long, help: "Folder of pages (default: ../shared/data/extraction/pages when present).")
    var pages: String?

    @Option(name: .long, help: "Parse at most this many pages.")
    var limit: Int?

    @Option(name: .long, help: "Passes over the pages per measurement.")
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
        let directory = pages ?? Self.defaultPages
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no folder of pages at \(directory): pass --pages DIR")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: pages ?? Self.defaultPages)
        let loaded = try ParseBenchmark.loadPages(from: directory, limit: limit)
        guard !loaded.isEmpty else { throw ValidationError("no *.html or *.html.gz file in \(directory.path)") }
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
}
