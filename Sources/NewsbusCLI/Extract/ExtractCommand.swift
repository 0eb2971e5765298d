import ArgumentParser
import Foundation
import NewsbusExtract

/// `newsbus extract`: JSON lines in (`{"id", "text", "lang"?, "published"?}`), JSON lines out
/// (`{"id", "entities": […], "dates": […]}`); a bad line gets `{"id"?, "error": {"code", "message"}}`.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find entities, dates, money and percentages in JSON lines read from standard input.",
        discussion: """
            Each input line is {"id": …, "text": "…", "lang": "fr"|"en" (optional), "published": "YYYY-MM-DD" \
            (optional)}. Each output line is {"id", "entities": [{"start", "end", "label", "text", "canonical", \
            "value"?}], "dates": [{"start", "end", "text", "value"}]}; offsets count code points, end exclusive.
            """
    )

    @Option(name: .long, help: "fr, en, or auto (guess from the text; a line's own lang wins).")
    var lang: String = "auto"

    func validate() throws {
        guard ["fr", "en", "auto"].contains(lang) else { throw ValidationError("--lang must be fr, en or auto") }
    }

    func run() throws {
        let extractor = try EntityExtractor()
        let processor = ExtractLineProcessor(extractor: extractor, defaultLanguage: lang == "auto" ? nil : lang)
        var output = Data()
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy(\.isWhitespace) { continue }
            output.append(processor.process(line))
            output.append(0x0A)
            if output.count > 1 << 16 {
                FileHandle.standardOutput.write(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(output)
    }
}

/// Turns one input line into one output line.
struct ExtractLineProcessor {
    let extractor: EntityExtractor
    let defaultLanguage: String?

    struct Input: Decodable {
        var id: JSONScalar?
        var text: String
        var lang: String?
        var published: String?
    }

    /// A string or number id, echoed as given.
    enum JSONScalar: Codable {
        case string(String)
        case number(Double)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .string(text)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .number(let value):
                if value == value.rounded(), abs(value) < 1e15 {
                    try container.encode(Int64(value))
                } else {
                    try container.encode(value)
                }
            }
        }
    }

    struct OutputEntity: Encodable {
        var start: Int, end: Int, label: String, text: String, canonical: String, value: String?
    }
    struct OutputDate: Encodable { var start: Int, end: Int, text: String, value: String }
    struct Output: Encodable {
        var id: JSONScalar?
        var lang: String
        var entities: [OutputEntity]
        var dates: [OutputDate]
    }
    struct ErrorBody: Encodable { var code: String, message: String }
    struct ErrorLine: Encodable {
        var id: JSONScalar?
        var error: ErrorBody
    }

    func process(_ line: String) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let input: Input
        do {
            input = try JSONDecoder().decode(Input.self, from: Data(line.utf8))
        } catch {
            struct IdOnly: Decodable { var id: JSONScalar? }
            let id = (try? JSONDecoder().decode(IdOnly.self, from: Data(line.utf8)))?.id
            let why =
                line.utf8.first == UInt8(ascii: "{")
                ? "expected {\"id\", \"text\", \"lang\"?}: \(Self.describe(error))" : "the line is not a JSON object"
            return (try? encoder.encode(ErrorLine(id: id, error: ErrorBody(code: "invalid_input", message: why))))
                ?? Data()
        }
        if let lang = input.lang, !["fr", "en", "auto"].contains(lang) {
            let body = ErrorBody(code: "invalid_input", message: "unsupported lang `\(lang)`: expected fr, en or auto")
            return (try? encoder.encode(ErrorLine(id: input.id, error: body))) ?? Data()
        }
        let requested = input.lang == "auto" ? nil : (input.lang ?? defaultLanguage)
        let language = requested ?? LanguageGuesser().guess(input.text) ?? "fr"
        let mentions = extractor.mentions(in: input.text, lang: language, publishedAt: input.published)
        var groups: [Int: EntityCanonicalizer.Group] = [:]
        for group in extractor.canonicalGroups(mentions) {
            for mention in group.mentions { groups[mention.start] = group }
        }
        let entities = mentions.map {
            OutputEntity(
                start: $0.start, end: $0.end, label: (groups[$0.start]?.label ?? $0.label).rawValue,
                text: $0.text, canonical: groups[$0.start]?.key ?? "", value: $0.value)
        }
        let dates = mentions.filter { $0.label == .date }.map {
            OutputDate(start: $0.start, end: $0.end, text: $0.text, value: $0.value ?? "")
        }
        return (try? encoder.encode(Output(id: input.id, lang: language, entities: entities, dates: dates))) ?? Data()
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
        case DecodingError.dataCorrupted: "invalid JSON"
        default: "\(error)"
        }
    }
}
