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

    @OptionGroup var endpoints: ClientEndpoints

    func run() async throws {
        var prefixes = topics.isEmpty ? [MessageType.articleEnriched.rawValue] : topics
        if let lang {
            prefixes = prefixes.map { $0 == MessageType.articleEnriched.rawValue ? "\($0).\(lang)" : $0 }
        }
        let filter = EntityFilter(entity)
        let transport = try ZMQTransport()
        defer { transport.shutdown() }
        let receiver = try await transport.receiver(.subscribe(prefixes: prefixes), at: try endpoints.eventsSpec())
        FileHandle.standardError.write(Data("subscribed to \(prefixes) at \(receiver.endpoint)\n".utf8))
        var shown = 0
        for await message in receiver.messages() {
            guard filter.accepts(message) else { continue }
            if json {
                Output.line(String(decoding: message.frames.last ?? Data(), as: UTF8.self))
            } else if let text = EventView.render(message) {
                Output.line(text)
            }
            shown += 1
            if let count, shown >= count { break }
        }
        await receiver.close()
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
