import ArgumentParser
import Foundation
import NewsbusParse

/// `newsbus parse`: JSON lines of raw articles on standard input, JSON lines of parsed articles on standard output.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse articles: JSON lines in ({\"id\", \"html\"|\"text\", \"url\"?}), JSON lines out.",
        discussion: """
            Each input line is an object with an "id" (echoed as given), and "html" (a page as a string), \
            "html_base64" (a page's raw bytes in any encoding, base64) or "text" (scraped plain text), plus \
            optional "url", "title", "source", "lang" and "published". Each output line is the parsed article: \
            "id", "title", "lede", "body", "paragraphs" (the block texts; "body" is them joined by a blank line), \
            "blocks", "lang", "lang_confidence", "published", "updated", "authors", "canonical_url", "site_name", \
            "word_count", "removed", "simhash". A line that cannot be parsed gives {"id"?, "error": {"code", \
            "message"}} on its own output line, and the next lines go on. Output keeps input order; lines that \
            arrive together are parsed on --jobs threads.
            """
    )

    @Option(name: .long, help: "Threads that parse lines arriving together (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: ArgumentHelp("Print what became of each text block of this page file.", visibility: .hidden))
    var explain: String?

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 64, got \(jobs)") }
    }

    func run() throws {
        if let explain {
            let bytes = try GzipReader.read(URL(fileURLWithPath: explain))
            print(ArticleParser().explain(htmlBytes: bytes).joined(separator: "\n"))
            return
        }
        let reader = LineReader(fileDescriptor: 0)
        let runner = ParseLineRunner(parser: ArticleParser())
        let batchLimit = jobs * 8
        while let first = reader.nextLine(blocking: true) {
            var batch = [first]
            while batch.count < batchLimit, let line = reader.nextLine(blocking: false) { batch.append(line) }
            let outputs = runner.run(batch, jobs: jobs)
            var data = Data()
            for output in outputs {
                data.append(output)
                data.append(0x0A)
            }
            FileHandle.standardOutput.write(data)
        }
    }
}
