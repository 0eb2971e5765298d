import CZeroMQ
import Foundation

/// Z85, ZeroMQ's printable encoding of binary keys (RFC 32): 4 bytes become 5 characters.
public enum Z85 {
    /// Encodes `data`, whose length must be a multiple of 4 (a CURVE key: 32 bytes → 40 characters).
    public static func encode(_ data: Data) -> String? {
        guard data.count % 4 == 0 else { return nil }
        var text = [CChar](repeating: 0, count: data.count * 5 / 4 + 1)
        let encoded = data.withUnsafeBytes { bytes in
            zmq_z85_encode(&text, bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count) != nil
        }
        guard encoded else { return nil }
        return String(decoding: text.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Decodes Z85 text, whose length must be a multiple of 5; `nil` when it is not Z85.
    public static func decode(_ text: String) -> Data? {
        let count = text.utf8.count
        guard count > 0, count % 5 == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count * 4 / 5)
        guard zmq_z85_decode(&bytes, text) != nil else { return nil }
        return Data(bytes)
    }

    /// Whether `text` is a CURVE key in Z85: 40 characters that decode to 32 bytes.
    public static func isCurveKey(_ text: String) -> Bool {
        text.utf8.count == 40 && decode(text)?.count == 32
    }
}
