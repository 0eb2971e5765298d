import Foundation
import NewsbusParse
import NewsbusProtocol

/// The fixtures of this test target (pages and texts written for these tests).
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func parseHTML(_ name: String, parser: ArticleParser = ArticleParser()) throws -> ParsedArticle {
        try parser.parse(RawArticle(html: try text(name)))
    }
}

/// The team's shared data (`../shared/data` beside the package), which a user with only the project lacks:
/// tests that need it say so and are skipped, visibly, when it is absent.
enum SharedData {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["NEWSBUS_SHARED_DATA"] {
            return URL(fileURLWithPath: override)
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("articles").path) }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}

extension ParsedArticle {
    /// The text of each block, cut from the body by its code-point offsets.
    var blockTexts: [String] {
        let scalars = Array(body.unicodeScalars)
        return blocks.map { block in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[block.start..<block.end])
            return text
        }
    }
}
