import ArgumentParser
import NewsbusServices
import NewsbusTransportZMQ

/// How a client command authenticates to a pipeline whose sockets are CURVE-secured.
struct ClientSecurity: ParsableArguments {
    @Option(help: "This client's CURVE key pair file (newsbus keys); needed when the pipeline uses CURVE. [NEWSBUS_CURVE_KEY_FILE]")
    var curveKeyFile: String?

    @Option(help: "The pipeline's public key: Z85 text or a .pub file. [NEWSBUS_CURVE_SERVER_KEY]")
    var curveServerKey: String?

    /// What to check when a service does not answer, CURVE included when it is on.
    func unanswered(_ what: String) -> String {
        let curveOn = (try? Self.security(keyFile: curveKeyFile, serverKey: curveServerKey)) != nil
        return curveOn
            ? "\(what) running, and does it allow this client's public key (its --curve-allow-file) under the server key given?"
            : "\(what) running?"
    }

    /// A transport for this client: CURVE when a key file is given.
    func makeTransport() throws -> ZMQTransport {
        try ZMQTransport(security: try Self.security(keyFile: curveKeyFile, serverKey: curveServerKey))
    }

    /// The client side of CURVE from flags, else from `NEWSBUS_CURVE_KEY_FILE` and `NEWSBUS_CURVE_SERVER_KEY`;
    /// `nil` when no key file is set. Commands that start services themselves (`up`, `demo`, `bench`) use the
    /// environment their services inherit, so they can talk to them.
    static func security(keyFile: String? = nil, serverKey: String? = nil) throws -> CurveSecurity? {
        let reader = ConfigurationReader.process(flags: ["curve-key-file": keyFile, "curve-server-key": serverKey])
        return try CurveConfiguration.resolve(reader, service: "client").map {
            CurveSecurity(keys: $0.keys, serverKey: $0.serverKey)
        }
    }
}
