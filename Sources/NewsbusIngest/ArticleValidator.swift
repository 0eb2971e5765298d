import Foundation
import NewsbusProtocol

/// Checks what a client sent and turns it into a ``RawArticle``, or says precisely why not.
///
/// Two shapes are accepted on the ingest sockets:
/// - **a bare article**: one frame holding a JSON object `{"text" | "html", "url"?, "source"?, "title"?,
///   "published"?, "lang"?, "client_id"?}` — what a client in any language can send;
/// - **a protocol message**: the two frames `article.raw` + envelope of the wire protocol.
public struct ArticleValidator: Sendable {
    /// Limits on what is accepted.
    public struct Limits: Sendable, Hashable {
        /// The largest message, in bytes over all frames.
        public var maxMessageBytes: Int
        /// The largest `text` or `html`, in bytes.
        public var maxContentBytes: Int
        /// The largest metadata field (url, title, source, …), in characters.
        public var maxFieldCharacters: Int

        public init(maxMessageBytes: Int = 8 << 20, maxContentBytes: Int = 8 << 20, maxFieldCharacters: Int = 2048) {
            self.maxMessageBytes = maxMessageBytes
            self.maxContentBytes = maxContentBytes
            self.maxFieldCharacters = maxFieldCharacters
        }
    }

    public let limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Validates one received message.
    public func validate(_ message: WireMessage) -> Result<RawArticle, IngestRejection> {
        let size = message.byteCount
        if size > limits.maxMessageBytes {
            return .failure(
                IngestRejection(
                    code: "too_large", reason: "message of \(size) bytes exceeds the limit of \(limits.maxMessageBytes)"))
        }
        switch message.frames.count {
        case 1:
            return validateJSON(message.frames[0])
        case 2:
            return validateEnvelope(message)
        default:
            return .failure(
                IngestRejection(
                    code: "bad_frames",
                    reason: "expected 1 frame (a JSON article) or 2 (article.raw + envelope), got \(message.frames.count)"))
        }
    }

    private func validateEnvelope(_ message: WireMessage) -> Result<RawArticle, IngestRejection> {
        if let failure = utf8Failure(message.frames[1], what: "envelope") { return .failure(failure) }
        do {
            return check(try WireCodec.decode(message, as: RawArticle.self).payload, prefix: "payload.")
        } catch {
            return .failure(IngestRejection(code: error.code.description, reason: error.message))
        }
    }

    private func validateJSON(_ frame: Data) -> Result<RawArticle, IngestRejection> {
        if let failure = utf8Failure(frame, what: "article") { return .failure(failure) }
        let trimmed = frame.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard let first = trimmed.first else {
            return .failure(IngestRejection(code: "malformed_json", reason: "the message is empty"))
        }
        if first != UInt8(ascii: "{") {
            return .failure(
                IngestRejection(
                    code: first == UInt8(ascii: "[") ? "not_an_object" : "malformed_json",
                    reason: first == UInt8(ascii: "[")
                        ? "expected one JSON object per message, got an array (send one article per message)"
                        : "expected a JSON object, got text starting with \(Self.describe(first))"))
        }
        // The one-pass reader takes what is valid; anything else is decoded again to say what is wrong with it.
        if let article = try? JSONReader.read(frame, { try RawArticle(from: &$0) }) {
            return check(article, prefix: "")
        }
        do {
            return check(try JSONDecoder().decode(RawArticle.self, from: frame), prefix: "")
        } catch let DecodingError.typeMismatch(type, context) {
            let field = Self.path(context)
            return .failure(
                IngestRejection(code: "wrong_type", reason: "field `\(field)` must be \(Self.jsonName(type))", field: field))
        } catch let DecodingError.dataCorrupted(context) {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return .failure(
                IngestRejection(
                    code: "malformed_json",
                    reason: "not valid JSON: \(underlying ?? context.debugDescription)"))
        } catch {
            return .failure(IngestRejection(code: "malformed_json", reason: "not valid JSON: \(error)"))
        }
    }

    /// Field-level rules once the JSON is well-formed.
    private func check(_ article: RawArticle, prefix: String) -> Result<RawArticle, IngestRejection> {
        guard article.text != nil || article.html != nil else {
            return .failure(
                IngestRejection(
                    code: "missing_content", reason: "an article needs `text` or `html`", field: prefix + "text"))
        }
        for (name, value) in [("text", article.text), ("html", article.html)] {
            guard let value else { continue }
            if value.utf8.count > limits.maxContentBytes {
                return .failure(
                    IngestRejection(
                        code: "too_large",
                        reason: "`\(name)` has \(value.utf8.count) bytes, more than \(limits.maxContentBytes)",
                        field: prefix + name))
            }
        }
        let content = (article.html ?? "") + (article.text ?? "")
        if content.allSatisfy(\.isWhitespace) {
            return .failure(
                IngestRejection(
                    code: "empty_content", reason: "`text`/`html` holds only whitespace",
                    field: prefix + (article.html != nil ? "html" : "text")))
        }
        let fields = [
            ("url", article.url), ("source", article.source), ("title", article.title),
            ("published", article.published), ("client_id", article.clientID),
        ]
        for (name, value) in fields {
            if let value, value.count > limits.maxFieldCharacters {
                return .failure(
                    IngestRejection(
                        code: "field_too_long",
                        reason: "`\(name)` has \(value.count) characters, more than \(limits.maxFieldCharacters)",
                        field: prefix + name))
            }
        }
        if let lang = article.lang, !Self.isLanguageCode(lang) {
            return .failure(
                IngestRejection(
                    code: "invalid_field", reason: "`lang` must be an ISO 639-1 code such as \"fr\", got \"\(lang.prefix(20))\"",
                    field: prefix + "lang"))
        }
        return .success(article)
    }

    private func utf8Failure(_ data: Data, what: String) -> IngestRejection? {
        let valid = data.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) != nil }
        if valid { return nil }
        // Only invalid input is walked scalar by scalar, to say where it goes wrong.
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var lastGood = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                lastGood = offset
            case .emptyInput:
                return nil
            case .error:
                return IngestRejection(
                    code: "invalid_utf8", reason: "the \(what) is not valid UTF-8 (bad byte sequence at byte \(lastGood))")
            }
        }
    }

    private static func isLanguageCode(_ text: String) -> Bool {
        let letters = text.split(separator: "-", maxSplits: 1)
        guard let primary = letters.first, (2...3).contains(primary.count) else { return false }
        return primary.allSatisfy { $0.isASCII && $0.isLetter }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    private static func jsonName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
