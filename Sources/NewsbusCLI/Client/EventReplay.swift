import Foundation
import NewsbusProtocol
import NewsbusTransport

/// Replays the stored `article.enriched` events after a sequence number, then hands over to the live subscription
/// with no gap and no duplicate.
///
/// The live subscription is opened first, so every event published from then on is buffered. History is read from
/// the store page by page; because the store publishes an article only after committing it, anything not yet
/// live is in the store. Until the first live event proves the subscription has reached the publisher, the store is
/// read again every second; once it has, the store is read one last time (covering what was published while the
/// subscription propagated), and from then on live events are passed on unless their sequence number was already
/// shown.
struct EventReplay {
    let requester: any Requester
    let timeout: Duration

    /// Stored enriched events with a sequence number above `after`, oldest first, as wire messages (topic
    /// `article.enriched.<lang>`, envelope with `seq`).
    func history(after: Int64) async throws -> [WireMessage] {
        var messages: [WireMessage] = []
        var cursor = after
        while true {
            let query = ArticleQuery(afterSequence: cursor, limit: 500)
            let reply = try await requester.request(
                try WireCodec.encode(Envelope(id: "replay", payload: query)), timeout: timeout)
            let result = try WireCodec.decode(reply, as: QueryResult.self).payload
            if let error = result.error { throw EventReplayFailure(description: "the store refused the replay: \(error)") }
            for stored in result.articles {
                let event = Envelope(id: stored.id, sequence: stored.sequence, payload: stored.article)
                messages.append(try WireCodec.encode(event, qualifiers: [stored.article.article.lang]))
                cursor = stored.sequence
            }
            if result.articles.count < 500 { return messages }
        }
    }

    /// The sequence number of an enriched event, if it is one.
    static func sequence(of message: WireMessage) -> Int64? {
        guard let topic = message.topic, MessageType.articleEnriched.matches(topic: topic) else { return nil }
        struct Sequence: Decodable { let seq: Int64? }
        return (try? JSONDecoder().decode(Sequence.self, from: message.frames[1]))?.seq
    }
}

struct EventReplayFailure: Error, CustomStringConvertible {
    let description: String
}
