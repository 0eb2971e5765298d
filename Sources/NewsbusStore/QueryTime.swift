import Foundation
import NewsbusProtocol

/// Reads the instants of queries and publication dates: RFC 3339, or an ISO date (`2021-06-05`, `2021-06`,
/// `2021`) taken as its first instant in UTC.
enum QueryTime {
    static func parse(_ text: String) -> Date? {
        if let date = Timestamp.parse(text) { return date }
        let parts = text.split(separator: "-")
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2].prefix(2)) : 1
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        let padded = String(format: "%04d-%02d-%02dT00:00:00Z", year, month, day)
        return Timestamp.parse(padded)
    }
}
