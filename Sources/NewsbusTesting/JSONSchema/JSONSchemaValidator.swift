import Foundation
import NewsbusProtocol

/// Validates JSON values against the JSON Schemas in one directory (draft 2020-12, the subset the protocol's
/// schemas use): `$ref` (within a file and across files of the directory), `allOf`/`anyOf`/`oneOf`, `type`,
/// `properties`, `required`, `additionalProperties`, `items`, `minItems`, `enum`, `const`, `minimum`,
/// `maximum`, `minLength`, `maxLength` (in code points), `pattern`, and `format: date-time`. Other keywords
/// are annotations and are ignored.
public struct JSONSchemaValidator: Sendable {
    private let documents: [String: JSONValue]

    /// Loads every `*.json` file of `directory`, keyed by file name.
    public init(directory: URL) throws {
        var documents: [String: JSONValue] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".json") {
            documents[name] = try JSONValue(parsing: Data(contentsOf: directory.appendingPathComponent(name)))
        }
        self.documents = documents
    }

    /// The schema files loaded.
    public var schemaNames: [String] { documents.keys.sorted() }

    /// Every way `instance` breaks the schema in file `schemaName`; empty when it is valid.
    public func violations(of instance: JSONValue, against schemaName: String) -> [SchemaViolation] {
        guard let schema = documents[schemaName] else {
            return [SchemaViolation(path: "", message: "no schema named \(schemaName)")]
        }
        var found: [SchemaViolation] = []
        check(instance, schema, document: schemaName, path: "", into: &found)
        return found
    }

    private func check(
        _ instance: JSONValue, _ schema: JSONValue, document: String, path: String, into found: inout [SchemaViolation]
    ) {
        func fail(_ message: String) { found.append(SchemaViolation(path: path, message: message)) }

        if case .bool(let allowed) = schema {
            if !allowed { fail("no value is allowed here") }
            return
        }
        if case .string(let reference)? = schema["$ref"] {
            if let (target, targetDocument) = resolve(reference, from: document) {
                check(instance, target, document: targetDocument, path: path, into: &found)
            } else {
                fail("unresolvable $ref \(reference)")
            }
        }
        if case .array(let schemas)? = schema["allOf"] {
            for sub in schemas { check(instance, sub, document: document, path: path, into: &found) }
        }
        if case .array(let schemas)? = schema["anyOf"] {
            let matching = schemas.filter { isValid(instance, $0, document: document) }
            if matching.isEmpty { fail("matches none of the anyOf alternatives") }
        }
        if case .array(let schemas)? = schema["oneOf"] {
            let matching = schemas.filter { isValid(instance, $0, document: document) }.count
            if matching != 1 { fail("matches \(matching) of the oneOf alternatives instead of exactly one") }
        }
        if let types = schema["type"] {
            let allowed: [String] =
                switch types {
                case .string(let type): [type]
                case .array(let list): list.compactMap { if case .string(let type) = $0 { type } else { nil } }
                default: []
                }
            if !allowed.contains(where: { Self.instance(instance, hasType: $0) }) {
                fail("expected \(allowed.joined(separator: " or ")), found \(Self.typeName(of: instance))")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(instance) {
            fail("\(instance) is not one of \(options)")
        }
        if let constant = schema["const"], constant != instance { fail("expected \(constant), found \(instance)") }
        checkNumber(instance, schema, fail)
        checkString(instance, schema, fail)
        if case .object(let members) = instance {
            checkObject(members, schema, document: document, path: path, into: &found)
        }
        if case .array(let elements) = instance {
            if let minimum = schema["minItems"]?.numericValue, Double(elements.count) < minimum {
                fail("has \(elements.count) items, at least \(Int(minimum)) required")
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    check(element, items, document: document, path: path + "[\(index)]", into: &found)
                }
            }
        }
    }

    private func checkNumber(_ instance: JSONValue, _ schema: JSONValue, _ fail: (String) -> Void) {
        guard let value = instance.numericValue else { return }
        if let minimum = schema["minimum"]?.numericValue, value < minimum { fail("\(value) is below \(minimum)") }
        if let maximum = schema["maximum"]?.numericValue, value > maximum { fail("\(value) is above \(maximum)") }
    }

    private func checkString(_ instance: JSONValue, _ schema: JSONValue, _ fail: (String) -> Void) {
        guard case .string(let text) = instance else { return }
        let length = Double(text.unicodeScalars.count)
        if let minimum = schema["minLength"]?.numericValue, length < minimum {
            fail("is \(Int(length)) characters long, at least \(Int(minimum)) required")
        }
        if let maximum = schema["maxLength"]?.numericValue, length > maximum {
            fail("is \(Int(length)) characters long, at most \(Int(maximum)) allowed")
        }
        if case .string(let pattern)? = schema["pattern"] {
            let matches = (try? NSRegularExpression(pattern: pattern)).map {
                $0.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
            if matches != true { fail("\"\(text.prefix(60))\" does not match \(pattern)") }
        }
        if case .string("date-time")? = schema["format"], Timestamp.parse(text) == nil {
            fail("\"\(text.prefix(60))\" is not an RFC 3339 date-time")
        }
    }

    private func checkObject(
        _ members: [String: JSONValue], _ schema: JSONValue, document: String, path: String,
        into found: inout [SchemaViolation]
    ) {
        if case .array(let required)? = schema["required"] {
            for case .string(let key) in required where members[key] == nil {
                found.append(SchemaViolation(path: path, message: "missing required property `\(key)`"))
            }
        }
        var declared: [String: JSONValue] = [:]
        if case .object(let properties)? = schema["properties"] { declared = properties }
        for (key, value) in members {
            let childPath = path.isEmpty ? key : path + "." + key
            if let propertySchema = declared[key] {
                check(value, propertySchema, document: document, path: childPath, into: &found)
            } else if let additional = schema["additionalProperties"] {
                check(value, additional, document: document, path: childPath, into: &found)
            }
        }
    }

    private func isValid(_ instance: JSONValue, _ schema: JSONValue, document: String) -> Bool {
        var found: [SchemaViolation] = []
        check(instance, schema, document: document, path: "", into: &found)
        return found.isEmpty
    }

    /// Resolves `file.json#/pointer`, `#/pointer` or `file.json` relative to `document`.
    private func resolve(_ reference: String, from document: String) -> (JSONValue, String)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = parts[0].isEmpty ? document : String(parts[0])
        guard var node = documents[file] else { return nil }
        if parts.count == 2 {
            for token in parts[1].split(separator: "/") {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard let next = node[key] else { return nil }
                node = next
            }
        }
        return (node, file)
    }

    private static func instance(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
            ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .number(let number)):
            number.rounded() == number
        default:
            false
        }
    }

    private static func typeName(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// One way an instance breaks a schema: where (a dotted path) and what.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
