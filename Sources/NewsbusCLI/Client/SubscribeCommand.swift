import ArgumentParser
import Foundation
import NewsbusProtocol
import NewsbusTransport
import NewsbusTransportZMQ

/// `newsbus subscribe`: prints events as they are published.
struct SubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Print events as they are published (enriched articles by default).",
        discussion: """
            Topics are prefixes: article.enriched (all languages), article.enriched.fr, article.rejected, \
            article.stored, or "" for everything.
            """)

    @Argument(help: "Topic prefixes (default: article.enriched).")
    var topics: [String] = []

    @Option(help: "Only articles in this language (ISO 639-1).")
    var lang: String?

    @Option(help: "Only articles naming this entity (a canonical key such as ORG:daech, or a name). Repeatable.")
    var entity: [String] = []

    @Flag(help: "Print each event as one JSON line (its envelope).")
    var json = false

    @Option(help: "Stop after this many events.")
    var count: Int?

    @Option(help: "First replay the stored enriched articles after this sequence number (0: all), then go on live.")
    var since: Int64?

    @OptionGroup var endpoints: ClientEndpoints

    func run() async throws {
        var prefixes = topics.isEmpty ? [MessageType.articleEnriched.rawValue] : topics
        if let lang {
            prefixes = prefixes.map { $0 == MessageType.articleEnriched.rawValue ? "\($0).\(lang)" : $0 }
        }
        // Enriched articles of every language are received, so that a missing sequence number shows; the language is
        // filtered here.
        let enriched = MessageType.articleEnriched.rawValue
        var socketPrefixes: [String] = []
        for prefix in prefixes.map({ $0.hasPrefix(enriched) ? enriched : $0 }) where !socketPrefixes.contains(prefix) {
            socketPrefixes.append(prefix)
        }
        let transport = try endpoints.makeTransport()
        defer { transport.shutdown() }
        let receiver = try await transport.receiver(
            .subscribe(prefixes: socketPrefixes), at: try endpoints.eventsSpec(),
            options: ChannelOptions(highWaterMark: 100_000))
        FileHandle.standardError.write(Data("subscribed to \(prefixes) at \(receiver.endpoint)\n".utf8))
        let requester = try await transport.requester(at: try endpoints.querySpec())
        let replay = EventReplay(requester: requester, timeout: .seconds(5))
        var printer = EventPrinter(
            json: json, filter: EntityFilter(entity), prefixes: prefixes, count: count, since: since)
        var iterator = receiver.messages().makeAsyncIterator()
        if since != nil {
            // The history first (a store that does not answer now is an error worth stopping for).
            guard try await printer.showStored(from: replay) else { return }
            // Until a live event shows the subscription is in place, keep reading the store every second.
            while true {
                if let live = await DemoCommand.next(&iterator, before: ContinuousClock.now.advanced(by: .seconds(1))) {
                    // The subscription is in place: what it missed is stored by now; repeats are skipped.
                    guard await Self.showStored(&printer, replay), printer.show(live) else { return }
                    break
                }
                guard await Self.showStored(&printer, replay) else { return }
            }
        }
        var nextFill = ContinuousClock.now
        while let message = await iterator.next() {
            guard printer.show(message) else { break }
            // An event was lost on the way (a relay restart, a full queue): the store has it. A store that did not
            // answer is asked again after a pause, not on every event.
            guard printer.hasMissed, socketPrefixes.contains(enriched), ContinuousClock.now >= nextFill else { continue }
            guard await Self.showStored(&printer, replay) else { break }
            if printer.hasMissed { nextFill = ContinuousClock.now.advanced(by: .seconds(2)) }
        }
        await requester.close()
        await receiver.close()
    }

    /// Shows what the store has that was not shown; a store that does not answer is reported and asked again later
    /// (the subscription goes on meanwhile). `false` once `--count` events have been shown.
    private static func showStored(_ printer: inout EventPrinter, _ replay: EventReplay) async -> Bool {
        do {
            return try await printer.showStored(from: replay)
        } catch {
            FileHandle.standardError.write(
                Data("could not fetch missed articles from the store (will try again): \(error)\n".utf8))
            return true
        }
    }
}

/// Prints events once each (enriched articles are recognised by sequence number, as they may be published again), and
/// counts them.
struct EventPrinter {
    let json: Bool
    let filter: EntityFilter
    let prefixes: [String]
    let count: Int?
    private var sequences: SequenceTracker
    private var shown = 0

    init(json: Bool, filter: EntityFilter, prefixes: [String], count: Int?, since: Int64? = nil) {
        self.json = json
        self.filter = filter
        self.prefixes = prefixes
        self.count = count
        self.sequences = SequenceTracker(after: since)
    }

    /// Whether an enriched article numbered below the highest one seen never came.
    var hasMissed: Bool { sequences.hasHole }

    /// Prints `message` unless filtered out or already shown; `false` once `count` events have been shown.
    mutating func show(_ message: WireMessage) -> Bool {
        if let sequence = EventReplay.sequence(of: message), !sequences.insert(sequence) { return true }
        let topic = message.topic ?? ""
        guard prefixes.contains(where: { topic.hasPrefix($0) }), filter.accepts(message) else { return true }
        if json {
            Output.line(String(decoding: message.frames.last ?? Data(), as: UTF8.self))
        } else if let text = EventView.render(message) {
            Output.line(text)
        }
        shown += 1
        if let count, shown >= count { return false }
        return true
    }

    /// Prints the stored articles not shown yet, after the highest number up to which everything was shown;
    /// `false` once `count` events have been shown.
    mutating func showStored(from replay: EventReplay) async throws -> Bool {
        for message in try await replay.history(after: sequences.floor ?? 0) where !show(message) { return false }
        sequences.settle(upTo: sequences.highest)
        return true
    }
}

/// Keeps enriched articles that name one of the wanted entities (by canonical key or folded name); every other
/// event passes when no entity is asked for.
struct EntityFilter {
    let wanted: [String]

    init(_ wanted: [String]) { self.wanted = wanted.map(Self.fold) }

    func accepts(_ message: WireMessage) -> Bool {
        guard !wanted.isEmpty else { return true }
        guard let event = try? WireCodec.decode(message, as: EnrichedArticle.self) else { return false }
        return event.payload.entities.contains { entity in
            wanted.contains(Self.fold(entity.key)) || wanted.contains(Self.fold(entity.name))
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "-", with: " ")
    }
}
