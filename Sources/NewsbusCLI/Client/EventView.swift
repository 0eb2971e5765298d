import Foundation
import NewsbusProtocol

/// Readable one-to-three-line renderings of events and stored articles.
enum EventView {
    /// A rendering of any event message, or `nil` for types it does not show.
    static func render(_ message: WireMessage) -> String? {
        guard let header = try? WireCodec.header(of: message) else { return "(unreadable message on \(message.topic ?? "?"))" }
        switch header.type {
        case .articleEnriched:
            guard let event = try? WireCodec.decode(message, as: EnrichedArticle.self) else { return nil }
            return article(event.payload, id: event.id, sequence: event.sequence)
        case .articleRejected:
            guard let event = try? WireCodec.decode(message, as: Rejection.self) else { return nil }
            let payload = event.payload
            return "✗ rejected by \(payload.stage): \(payload.code): \(payload.reason)"
                + (payload.clientID.map { " [\($0)]" } ?? "")
        case .articleDeadLetter:
            guard let event = try? WireCodec.decode(message, as: DeadLetter.self) else { return nil }
            return "† given up by \(event.payload.stage) on \(event.id): \(event.payload.code): \(event.payload.reason)"
        case .articleStored:
            guard let event = try? WireCodec.decode(message, as: StoredAck.self) else { return nil }
            return "✓ stored \(event.id) seq \(event.payload.sequence)\(event.payload.duplicate ? " (duplicate)" : "")"
        default:
            return "\(header.type) \(header.id?.rawValue ?? "")"
        }
    }

    /// Title line, then entities grouped by label, then dates.
    static func article(_ article: EnrichedArticle, id: ArticleID, sequence: Int64?) -> String {
        let parsed = article.article
        var lines = [
            "[\(sequence.map { "seq \($0)" } ?? "-")] \(parsed.lang) · \(parsed.title.isEmpty ? "(no title)" : parsed.title)"
                + "  (\(parsed.wordCount) words, id \(id.rawValue.prefix(12)))"
        ]
        let grouped = Dictionary(grouping: article.entities, by: \.label)
        let labels = ["PER", "ORG", "LOC", "MISC", "MONEY", "PERCENT"]
        let parts = labels.compactMap { label -> String? in
            guard let entities = grouped[EntityLabel(rawValue: label)], !entities.isEmpty else { return nil }
            return "\(label) " + entities.prefix(8).map(\.name).joined(separator: ", ")
        }
        if !parts.isEmpty { lines.append("  " + parts.joined(separator: " · ")) }
        if !article.dates.isEmpty {
            lines.append("  DATE " + article.dates.prefix(8).map { "\($0.text) → \($0.value)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
