import NewsbusTransport
import ZeroMQ

/// CURVE encryption and authentication for every TCP and IPC socket of a transport (in-process sockets never
/// leave the process and stay plain).
///
/// A socket that binds is a CURVE server with ``keys``; a socket that connects is a CURVE client with ``keys``,
/// expecting the server to hold ``serverKey``. Clients are let in by a ZAP handler only when their public key is
/// ``keys``' own (processes of one deployment share a key pair) or in ``allowedClients``; anything else — a wrong
/// key, or a peer without CURVE — cannot complete the handshake, so it can neither push nor subscribe.
public struct CurveSecurity: Sendable {
    /// This process's long-term key pair.
    public var keys: CurveKeyPair
    /// The public key of the servers this process connects to.
    public var serverKey: String
    /// Client public keys (Z85) allowed to connect to what this process binds, besides its own.
    public var allowedClients: Set<String>
    /// Called, on the handler's thread, for each client refused: its public key (when it sent one), its address,
    /// and why.
    public var onRefusal: (@Sendable (_ clientKey: String?, _ address: String, _ reason: String) -> Void)?

    /// The ZAP domain the server sockets declare.
    public static let domain = "newsbus"

    /// - Parameter serverKey: the servers' public key; `nil` means this process's own (a deployment sharing one
    ///   pair).
    public init(
        keys: CurveKeyPair, serverKey: String? = nil, allowedClients: Set<String> = [],
        onRefusal: (@Sendable (String?, String, String) -> Void)? = nil
    ) {
        self.keys = keys
        self.serverKey = serverKey ?? keys.publicKey
        self.allowedClients = allowedClients
        self.onRefusal = onRefusal
    }

    /// The socket options for a socket that binds or connects `spec`.
    func options(for spec: EndpointSpec) -> [SocketOption] {
        guard spec.endpoint.isSecurable else { return [] }
        switch spec.role {
        case .bind:
            return [
                .zapDomain(Self.domain), .curveServer(true), .curvePublicKey(keys.publicKey),
                .curveSecretKey(keys.secretKey),
            ]
        case .connect:
            return [.curveServerKey(serverKey), .curvePublicKey(keys.publicKey), .curveSecretKey(keys.secretKey)]
        }
    }

    /// Answers one ZAP request.
    func decide(_ request: ZAPHandler.Request) -> ZAPHandler.Decision {
        guard let key = request.curvePublicKey else {
            let reason = "the \(request.mechanism) mechanism is not accepted: CURVE is required"
            onRefusal?(nil, request.address, reason)
            return .deny(reason: reason)
        }
        guard key == keys.publicKey || allowedClients.contains(key) else {
            let reason = "client key not on the allow-list"
            onRefusal?(key, request.address, reason)
            return .deny(reason: reason)
        }
        return .allow(userID: key)
    }

    /// Starts the ZAP handler of `context`.
    func startAuthenticator(in context: Context) throws(TransportError) -> ZAPHandler {
        let security = self
        do {
            return try ZAPHandler.start(in: context) { security.decide($0) }
        } catch {
            throw TransportError(.socketFailure, "cannot start the CURVE authenticator: \(error)")
        }
    }
}

extension Endpoint {
    /// Whether a socket at this endpoint goes through a security handshake (TCP and IPC; in-process sockets do not).
    var isSecurable: Bool {
        if case .inproc = self { return false }
        return true
    }
}
