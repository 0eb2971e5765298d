import CZeroMQ

/// A CURVE key pair, both keys as 40-character Z85 text.
///
/// Servers publish ``publicKey`` to their clients and keep ``secretKey`` private; clients do the same with
/// their own pair, and a server's allow-list holds client public keys.
public struct CurveKeyPair: Sendable, Hashable {
    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Generates a fresh key pair with libsodium's random source.
    /// - Throws: a ``ZMQError`` when libzmq was built without CURVE support (`ENOTSUP`).
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: 41)
        var secretKey = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(publicKey: Self.text(publicKey), secretKey: Self.text(secretKey))
    }

    /// Derives the public key that belongs to a Z85 secret key.
    /// - Throws: ``ZMQError/invalidArgument`` when `secretKey` is not 40 characters of Z85.
    public static func publicKey(forSecretKey secretKey: String) throws(ZMQError) -> String {
        var publicKey = [CChar](repeating: 0, count: 41)
        guard secretKey.utf8.count == 40, zmq_curve_public(&publicKey, secretKey) == 0 else {
            throw ZMQError(code: ZMQError.invalidArgument.code, operation: "zmq_curve_public")
        }
        return text(publicKey)
    }

    private static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
