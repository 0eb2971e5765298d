import Foundation
import NewsbusExtract

/// The team's shared data folder (`../shared/data` beside the project), needed only by the tests that say so.
enum SharedData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("articles/seed-maroc-aqmi.txt").path)
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }
}

/// One extractor for all tests: loading the bundled resources is the slow part.
enum Bundled {
    static let extractor: EntityExtractor? = try? EntityExtractor()
}
