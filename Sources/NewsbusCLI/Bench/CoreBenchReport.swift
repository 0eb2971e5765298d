import Foundation

/// How the benchmarks of one core (`bench extract`, `bench store`) print their flat report.
enum CoreBenchReport {
    /// One JSON object with sorted keys, or one `key value` line per measure, sorted by key.
    static func print(_ report: [String: Double], json: Bool) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Swift.print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            for key in report.keys.sorted() {
                Swift.print(key.padding(toLength: 32, withPad: " ", startingAt: 0), report[key]!)
            }
        }
    }
}
