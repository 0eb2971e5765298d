import Foundation

/// A value that writes and reads its own JSON, in one pass and without `Codable`'s containers: what every hop of
/// the pipeline does for every article.
///
/// Its JSON is the same as its `Codable` form (the same keys, optional fields left out when `nil`), so the two
/// read each other; the protocol tests check it on every fixture. Every ``Payload`` is one: types on the hot
/// path write their fields by hand, the others go through `Codable`.
public protocol JSONWireCodable {
    /// Writes the value as one JSON value.
    func write(to writer: inout JSONWriter)
    /// Reads the value from the reader's next JSON value.
    init(from reader: inout JSONReader) throws
}

extension Payload {
    /// Writes the payload through its `Codable` form.
    public func write(to writer: inout JSONWriter) {
        do {
            writer.verbatim(try JSONEncoder.protocolEncoder.encode(self))
        } catch {
            writer.fail("\(Self.messageType) payload: \(error)")
            writer.verbatim(Array("null".utf8))
        }
    }

    /// Reads the payload through its `Codable` form.
    public init(from reader: inout JSONReader) throws {
        self = try JSONDecoder().decode(Self.self, from: reader.rawValue())
    }
}

extension JSONWriter {
    /// The JSON of one value, or the reason it cannot be written.
    static func encode(_ value: some JSONWireCodable, capacity: Int = 4096) -> Result<Data, ProtocolError> {
        var writer = JSONWriter(capacity: capacity)
        value.write(to: &writer)
        if let failure = writer.failure { return .failure(ProtocolError(code: .encodingFailed, message: failure)) }
        return .success(Data(writer.bytes))
    }
}
