/// The fields of a type that are optional strings, each named once for both writing and reading its JSON: written
/// when set, read from a string or `null`.
struct OptionalStringFields<Root>: Sendable {
    private let fields: [(key: StaticString, path: any WritableKeyPath<Root, String?> & Sendable)]

    init(_ fields: [(key: StaticString, path: any WritableKeyPath<Root, String?> & Sendable)]) {
        self.fields = fields
    }

    /// Writes the fields of `value` that are set.
    func write(_ value: Root, to writer: inout JSONWriter) {
        for field in fields { writer.field(field.key, value[keyPath: field.path]) }
    }

    /// Reads the field `key` into `value` when it is one of these fields.
    /// - Returns: false when `key` is not one of them (its value is left unread).
    func read(_ key: JSONKey, into value: inout Root, from reader: inout JSONReader) throws -> Bool {
        guard let field = fields.first(where: { $0.key ~= key }) else { return false }
        value[keyPath: field.path] = try reader.optionalString()
        return true
    }
}
