import Foundation
import NewsbusParse
import NewsbusProtocol

/// Turns input lines of `newsbus parse` into output lines, in order, on several threads.
struct ParseLineRunner: Sendable {
    let parser: ArticleParser

    /// One output line (without its newline) per input line, in input order.
    func run(_ lines: [[UInt8]], jobs: Int) -> [Data] {
        let results = OrderedSlots(count: lines.count)
        if jobs <= 1 || lines.count == 1 {
            for (index, line) in lines.enumerated() { results.set(index, process(line)) }
        } else {
            let next = Counter()
            DispatchQueue.concurrentPerform(iterations: min(jobs, lines.count)) { _ in
                while let index = next.take(below: lines.count) { results.set(index, process(lines[index])) }
            }
        }
        return results.values()
    }

    /// Parses one input line into one output line.
    func process(_ line: [UInt8]) -> Data {
        let object: [String: Any]
        do {
            guard let decoded = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return Self.error(id: nil, code: "bad_input", message: "the line is JSON but not an object")
            }
            object = decoded
        } catch {
            return Self.error(id: nil, code: "bad_json", message: "the line is not JSON (\(line.count) bytes)")
        }
        let id = object["id"]
        func string(_ key: String) -> String? { object[key] as? String }
        do {
            let article: ParsedArticle
            if let encoded = string("html_base64") {
                guard let bytes = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                    return Self.error(id: id, code: "bad_input", message: "\"html_base64\" is not valid base64")
                }
                article = try parser.parse(
                    htmlBytes: [UInt8](bytes), url: string("url"), source: string("source"), lang: string("lang"))
            } else {
                let raw = RawArticle(
                    text: string("text"), html: string("html"), url: string("url"), source: string("source"),
                    title: string("title"), published: string("published"), lang: string("lang"))
                article = try parser.parse(raw)
            }
            return Self.encode(ParsedArticleJSON.object(id: id, article: article))
        } catch {
            return Self.error(id: id, code: error.code.rawValue, message: error.message)
        }
    }

    static func error(id: Any?, code: String, message: String) -> Data {
        var object: [String: Any] = ["error": ["code": code, "message": message]]
        if let id { object["id"] = id }
        return encode(object)
    }

    static func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data(#"{"error":{"code":"internal","message":"the result could not be written as JSON"}}"#.utf8)
    }
}

/// Output slots filled from several threads.
private final class OrderedSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Data]

    init(count: Int) { slots = Array(repeating: Data(), count: count) }

    func set(_ index: Int, _ value: Data) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Data] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Hands out indices 0, 1, 2 … to worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
