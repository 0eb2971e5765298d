import Foundation

extension TransportBenchmark {
    /// One JSON object: `{"results": [{"impl", "transport", "size", "msgs_per_s", "mb_per_s", …}], …}`.
    static func json(_ results: [Result]) throws -> String {
        struct Report: Encodable {
            let benchmark = "transport"
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let results: [Result]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(Report(results: results)), as: UTF8.self)
    }

    /// An aligned table, with each seam row's throughput as a share of the raw wrapper's for the same case.
    static func table(_ results: [Result]) -> String {
        let header = ["impl", "transport", "size", "msgs/s", "MB/s", "vs raw"]
        var rows = [header]
        for result in results {
            let raw = results.first {
                $0.impl == .raw && $0.transport == result.transport && $0.size == result.size
            }
            let share = result.impl == .raw ? "" : raw.map { String(format: "%.0f%%", 100 * result.msgsPerS / $0.msgsPerS) } ?? ""
            rows.append([
                result.impl.rawValue, result.transport.rawValue, "\(result.size)",
                String(format: "%.0f", result.msgsPerS), String(format: "%.1f", result.mbPerS), share,
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < 3 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
