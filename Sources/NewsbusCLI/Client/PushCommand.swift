import ArgumentParser
import Foundation
import NewsbusProtocol
import NewsbusTransport
import NewsbusTransportZMQ

/// `newsbus push`: sends articles to ingest, fire-and-forget (PUSH) or acknowledged (`--ack`, one verdict each).
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send articles to ingest.",
        discussion: """
            Reads .txt, .html, .json, .jsonl and .jsonl.gz files and folders (recursively), or standard input (-). \
            Without --ack articles are pushed and forgotten; with --ack each gets a verdict (accepted, duplicate, \
            rejected with the reason) and a summary is printed.
            """)

    @Argument(help: "Files, folders, or - for standard input.")
    var paths: [String] = ["-"]

    @Flag(help: "Submit with acknowledgement and print a summary of the verdicts.")
    var ack = false

    @Flag(help: "With --ack, print every verdict as a JSON line.")
    var json = false

    @Option(help: "With --ack, how many submits are in flight at once.")
    var concurrency = 32

    @Option(help: "Give up after this many seconds without progress (ingest unreachable).")
    var timeout: Double = 30

    @OptionGroup var endpoints: ClientEndpoints

    func validate() throws {
        guard (1...1024).contains(concurrency) else { throw ValidationError("--concurrency must be 1…1024") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let items = try ArticleInputs.read(paths)
        guard !items.isEmpty else { throw ValidationError("no articles found in \(paths.joined(separator: " "))") }
        let transport = try endpoints.makeTransport()
        let progress = ProgressBar(total: items.count, label: "articles")
        let watchdog = ProgressWatchdog(timeout: .milliseconds(Int(timeout * 1000)))
        if ack {
            let spec = try endpoints.submitSpec()
            let tally = try await watchdog.run(question: endpoints.security.unanswered("is ingest at \(spec.endpoint)")) { counter in
                try await submit(items, to: spec, transport: transport, progress: progress, counter: counter)
            }
            progress.finish()
            await transport.close()
            print(tally.summary(total: items.count))
            if let refusal = tally.refusal {
                throw Unanswered(description: "ingest at \(spec.endpoint) did not let this client in: \(refusal.message)")
            }
            if !tally.failed.isEmpty {
                throw Unanswered(
                    description: "\(tally.failed.count) article\(tally.failed.count == 1 ? "" : "s") got no verdict within "
                        + "\(timeout) s: " + endpoints.security.unanswered("is ingest at \(spec.endpoint)"))
            }
        } else {
            let spec = try endpoints.pushSpec()
            try await watchdog.run(question: endpoints.security.unanswered("is ingest at \(spec.endpoint)")) { counter in
                let sender = try await transport.sender(.push, at: spec, options: ChannelOptions(closeFlushTimeout: .seconds(10)))
                for (index, item) in items.enumerated() {
                    try await sender.send(WireMessage(frames: [item.message]))
                    counter.advance()
                    progress.update(index + 1)
                }
                await sender.close()
            }
            progress.finish()
            await transport.close()
            print("pushed \(items.count) article\(items.count == 1 ? "" : "s") to \(spec.endpoint)")
        }
    }

    private func submit(
        _ items: [ArticleInputs.Item], to spec: EndpointSpec, transport: ZMQTransport, progress: ProgressBar,
        counter: ProgressWatchdog.Counter
    ) async throws -> VerdictTally {
        let requester = try await transport.requester(at: spec)
        var tally = VerdictTally()
        try await withThrowingTaskGroup(of: (Int, Result<SubmitVerdict, any Error>).self) { group in
            var next = 0
            func start() {
                let index = next
                let message = WireMessage(frames: [items[index].message])
                group.addTask {
                    do {
                        let reply = try await requester.request(message, timeout: .milliseconds(Int(timeout * 1000)))
                        return (index, .success(try WireCodec.decode(reply, as: SubmitVerdict.self).payload))
                    } catch {
                        return (index, .failure(error))
                    }
                }
                next += 1
            }
            for _ in 0..<min(concurrency, items.count) { start() }
            var done = 0
            while let (index, result) = try await group.next() {
                done += 1
                counter.advance()
                progress.update(done)
                tally.record(result, origin: items[index].origin, printJSON: json)
                if next < items.count { start() }
            }
        }
        return tally
    }
}

/// Articles that got no verdict (the command fails with this after printing the summary).
struct Unanswered: Error, CustomStringConvertible {
    let description: String
}

/// Counts verdicts and groups rejection reasons.
struct VerdictTally {
    var accepted = 0
    var duplicate = 0
    var rejected: [String: (count: Int, example: String)] = [:]
    var failed: [String] = []
    /// Why ingest refused this client's security handshake, if it did.
    var refusal: TransportError?

    mutating func record(_ result: Result<SubmitVerdict, any Error>, origin: String, printJSON: Bool) {
        switch result {
        case .success(let verdict):
            if printJSON, let line = try? JSONEncoder().encode(verdict) {
                print(String(decoding: line, as: UTF8.self))
            }
            switch verdict.verdict {
            case .accepted: accepted += 1
            case .duplicate: duplicate += 1
            case .rejected:
                let code = verdict.rejection?.code ?? "rejected"
                let reason = "\(origin): \(verdict.rejection?.reason ?? "no reason given")"
                rejected[code, default: (0, reason)].count += 1
            }
        case .failure(let error):
            failed.append("\(origin): \(error)")
            if let error = error as? TransportError, error.code == .unauthorized { refusal = error }
        }
    }

    func summary(total: Int) -> String {
        var lines = ["\(total) submitted: \(accepted) accepted, \(duplicate) duplicate, "
            + "\(rejected.values.reduce(0) { $0 + $1.count }) rejected, \(failed.count) without answer"]
        for (code, entry) in rejected.sorted(by: { $0.key < $1.key }) {
            lines.append("  rejected \(entry.count) × \(code), e.g. \(entry.example)")
        }
        for failure in failed.prefix(5) { lines.append("  no answer: \(failure)") }
        return lines.joined(separator: "\n")
    }
}
