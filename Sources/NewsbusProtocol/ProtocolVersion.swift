/// The protocol version an envelope was written with, `"MAJOR.MINOR"` on the wire.
///
/// A reader accepts every minor version of its major version (new minor versions only add optional
/// fields, and unknown fields are ignored) and rejects any other major version with a reason.
public struct ProtocolVersion: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// The version this library writes: 1.0.
    public static let current = ProtocolVersion(major: 1, minor: 0)

    /// Parses `"1.0"` (a bare `"1"` means minor 0).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let major = Int(parts[0]), major >= 0 else { return nil }
        let minor = parts.count == 2 ? Int(parts[1]) : 0
        guard let minor, minor >= 0 else { return nil }
        self.init(major: major, minor: minor)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: ProtocolVersion, rhs: ProtocolVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = ProtocolVersion(text) else {
            throw ProtocolError.malformedEnvelope("field `v`: \"\(text)\" is not a MAJOR.MINOR version")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
