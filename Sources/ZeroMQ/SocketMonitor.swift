import CZeroMQ
import Foundation

/// What a socket's monitor reports about security handshakes (`zmq_socket_monitor`).
public struct HandshakeEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The handshake completed: the peer is authenticated.
        case succeeded
        /// The server's authenticator refused this side (`value` is its ZAP status code, such as 400).
        case refused
        /// The handshake broke on a protocol error (`value` is libzmq's `ZMQ_PROTOCOL_ERROR_*` code): mechanisms
        /// that do not match, a server key that does not match, a malformed greeting.
        case protocolError
        /// The handshake failed without a reason given.
        case failed
    }

    public let kind: Kind
    public let value: UInt32
    /// The endpoint the event is about.
    public let endpoint: String

    /// The events a monitor is asked for.
    static let mask = ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
        | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL

    /// Reads one monitor message: a 6-byte frame (event number, value) and the endpoint.
    init?(frames: [Data]) {
        guard frames.count >= 2, frames[0].count >= 6 else { return nil }
        let bytes = [UInt8](frames[0].prefix(6))
        let event = Int32(UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
        value = UInt32(bytes[2]) | UInt32(bytes[3]) << 8 | UInt32(bytes[4]) << 16 | UInt32(bytes[5]) << 24
        endpoint = String(decoding: frames[1], as: UTF8.self)
        switch event {
        case ZMQ_EVENT_HANDSHAKE_SUCCEEDED: kind = .succeeded
        case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH: kind = .refused
        case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL: kind = .protocolError
        case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL: kind = .failed
        default: return nil
        }
    }

    /// What it means, for an error message.
    public var explanation: String {
        switch kind {
        case .succeeded: "authenticated"
        case .refused: "the server refused this client's CURVE key (status \(value)): it is not on the allow-list"
        case .protocolError:
            value == UInt32(ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH)
                ? "the security handshake failed: the server and this client do not use the same security (CURVE on one side only)"
                : "the security handshake failed (protocol error 0x\(String(value, radix: 16))): is the server key right?"
        case .failed: "the security handshake failed: CURVE on one side only, or a wrong server key?"
        }
    }
}

extension Socket {
    /// Starts reporting this socket's handshake events on a PAIR socket that the caller connects to `endpoint`
    /// (an `inproc://` name) and reads with ``HandshakeEvent/init(frames:)``.
    public func monitorHandshakes(at endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_socket_monitor \(endpoint)")
        _ = try retryingInterrupts("zmq_socket_monitor \(endpoint)") {
            zmq_socket_monitor(socket, endpoint, HandshakeEvent.mask)
        }
    }
}

extension HandshakeEvent {
    /// Reads one event from a monitor's PAIR socket, if one is there.
    public static func receive(from monitor: Socket) -> HandshakeEvent? {
        guard let frames = try? monitor.receive(mode: .dontWait) else { return nil }
        return HandshakeEvent(frames: frames)
    }
}
