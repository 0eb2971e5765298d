/// Where a channel lives: a TCP address, a Unix-domain socket path, or an in-process name.
///
/// Text form as ZeroMQ writes it: `tcp://127.0.0.1:5555`, `tcp://*:5555` (all interfaces, bind only),
/// `tcp://127.0.0.1:*` (any free port, bind only; read the chosen one back from the channel),
/// `ipc:///run/newsbus/ingest.sock`, `inproc://ingest`.
public enum Endpoint: Hashable, Sendable, LosslessStringConvertible {
    /// A TCP address; port 0 means "any free port" when binding.
    case tcp(host: String, port: UInt16)
    /// A Unix-domain socket at `path`.
    case ipc(path: String)
    /// A name inside one process.
    case inproc(name: String)

    public init?(_ description: String) {
        if let rest = description.dropPrefix("tcp://") {
            guard let colon = rest.lastIndex(of: ":") else { return nil }
            var host = String(rest[..<colon])
            let portText = rest[rest.index(after: colon)...]
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty else { return nil }
            if portText == "*" {
                self = .tcp(host: host, port: 0)
            } else if let port = UInt16(portText), port > 0 {
                self = .tcp(host: host, port: port)
            } else {
                return nil
            }
        } else if let path = description.dropPrefix("ipc://"), !path.isEmpty {
            self = .ipc(path: String(path))
        } else if let name = description.dropPrefix("inproc://"), !name.isEmpty {
            self = .inproc(name: String(name))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "tcp://\(shownHost):\(port == 0 ? "*" : String(port))"
        case .ipc(let path): return "ipc://\(path)"
        case .inproc(let name): return "inproc://\(name)"
        }
    }
}

/// An endpoint and whether the channel binds it (listens; the stable side of a topology) or connects to it.
///
/// Text form: `@tcp://*:5555` binds, `>tcp://ingest:5555` connects; a bare endpoint connects.
public struct EndpointSpec: Hashable, Sendable, LosslessStringConvertible {
    public enum Role: Hashable, Sendable { case bind, connect }

    public var role: Role
    public var endpoint: Endpoint

    public init(_ role: Role, _ endpoint: Endpoint) {
        self.role = role
        self.endpoint = endpoint
    }

    /// Binds `endpoint`.
    public static func bind(_ endpoint: Endpoint) -> EndpointSpec { EndpointSpec(.bind, endpoint) }
    /// Connects to `endpoint`.
    public static func connect(_ endpoint: Endpoint) -> EndpointSpec { EndpointSpec(.connect, endpoint) }

    public init?(_ description: String) {
        var text = Substring(description)
        var role = Role.connect
        if text.first == "@" {
            role = .bind
            text = text.dropFirst()
        } else if text.first == ">" {
            text = text.dropFirst()
        }
        guard let endpoint = Endpoint(String(text)) else { return nil }
        self.init(role, endpoint)
    }

    public var description: String { (role == .bind ? "@" : ">") + endpoint.description }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
