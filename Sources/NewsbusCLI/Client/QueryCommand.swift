import ArgumentParser
import Foundation
import NewsbusProtocol
import NewsbusTransport
import NewsbusTransportZMQ

/// `newsbus query`: searches the store.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search stored articles: by id, full text, entity, label, language, time range; paged.")

    @Option(help: "One article by id.") var id: String?
    @Option(help: "Full-text search (words, \"phrases\", OR, prefix*).") var text: String?
    @Option(help: "An entity: canonical key (ORG:daech) or name.") var entity: String?
    @Option(help: "An entity label (PER, ORG, LOC, MISC, DATE, MONEY, PERCENT).") var label: String?
    @Option(help: "Language (ISO 639-1).") var lang: String?
    @Option(help: "Published (or stored) at or after this date or instant.") var since: String?
    @Option(help: "Published (or stored) before this date or instant.") var until: String?
    @Flag(help: "List the dead letters (articles given up on after repeated failures) instead.") var deadLetters = false
    @Option(help: "Results per page (1…500).") var limit: Int = 20
    @Option(help: "Results to skip.") var offset: Int = 0
    @Flag(help: "Print the result as JSON.") var json = false
    @Option(help: "Seconds to wait for the store.") var timeout: Double = 10
    @OptionGroup var endpoints: ClientEndpoints

    func run() async throws {
        let query = ArticleQuery(
            id: id, text: text, entity: entity, label: label.map { EntityLabel(rawValue: $0.uppercased()) }, lang: lang,
            since: since, until: until, deadLetters: deadLetters ? true : nil, limit: limit, offset: offset)
        let transport = try endpoints.makeTransport()
        defer { transport.shutdown() }
        let spec = try endpoints.querySpec()
        let requester = try await transport.requester(at: spec)
        let reply: WireMessage
        do {
            reply = try await requester.request(
                try WireCodec.encode(Envelope(id: "query", payload: query)), timeout: .milliseconds(Int(timeout * 1000)))
        } catch let error as TransportError where error.code == .timedOut {
            throw ValidationError(
                "the store at \(spec.endpoint) did not answer within \(timeout) s: "
                    + endpoints.security.unanswered("is it"))
        }
        await requester.close()
        let result = try WireCodec.decode(reply, as: QueryResult.self).payload
        if let error = result.error { throw ValidationError(error) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        if let parked = result.deadLetters {
            print("\(result.total) dead letter\(result.total == 1 ? "" : "s")")
            for entry in parked {
                let letter = entry.letter
                print("\(entry.parkedAt) \(entry.id) \(letter.stage): \(letter.code) after \(letter.attempts) attempts — \(letter.reason)")
            }
            return
        }
        print("\(result.total) article\(result.total == 1 ? "" : "s") match; showing \(offset + 1)–\(offset + result.articles.count)")
        for stored in result.articles {
            print(EventView.article(stored.article, id: stored.id, sequence: stored.sequence))
        }
    }
}
