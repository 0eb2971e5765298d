import CZeroMQ
import Foundation

/// A socket option with its value. Set with ``Socket/setOption(_:)`` before `bind`/`connect`.
public enum SocketOption: Sendable, Hashable {
    /// Outgoing queue limit in messages (`ZMQ_SNDHWM`); 0 means no limit.
    case sendHighWaterMark(Int)
    /// Incoming queue limit in messages (`ZMQ_RCVHWM`); 0 means no limit.
    case receiveHighWaterMark(Int)
    /// How long `close` keeps flushing pending messages (`ZMQ_LINGER`); -1 waits forever (the libzmq default).
    case linger(milliseconds: Int)
    /// Receive timeout (`ZMQ_RCVTIMEO`); -1 blocks forever.
    case receiveTimeout(milliseconds: Int)
    /// Send timeout (`ZMQ_SNDTIMEO`); -1 blocks forever.
    case sendTimeout(milliseconds: Int)
    /// Largest inbound frame accepted (`ZMQ_MAXMSGSIZE`); a peer that sends more is disconnected. -1: no limit.
    case maxMessageSize(Int)
    /// Act as CURVE server (`ZMQ_CURVE_SERVER`).
    case curveServer(Bool)
    /// This socket's long-term CURVE public key, Z85 (`ZMQ_CURVE_PUBLICKEY`).
    case curvePublicKey(String)
    /// This socket's long-term CURVE secret key, Z85 (`ZMQ_CURVE_SECRETKEY`).
    case curveSecretKey(String)
    /// The server's CURVE public key, Z85, set on a client (`ZMQ_CURVE_SERVERKEY`).
    case curveServerKey(String)
    /// The ZAP domain, which makes libzmq consult the ZAP handler (`ZMQ_ZAP_DOMAIN`).
    case zapDomain(String)
    /// SUB: receive messages whose first frame starts with this prefix (`ZMQ_SUBSCRIBE`); empty = all.
    case subscribe(Data)
    /// SUB: remove a prefix added with `subscribe` (`ZMQ_UNSUBSCRIBE`).
    case unsubscribe(Data)
    /// The identity a ROUTER peer sees for this socket (`ZMQ_ROUTING_ID`).
    case routingID(Data)
    /// Queue messages only to completed connections (`ZMQ_IMMEDIATE`).
    case immediate(Bool)
    /// ROUTER: fail with `EHOSTUNREACH` instead of dropping unroutable messages (`ZMQ_ROUTER_MANDATORY`).
    case routerMandatory(Bool)
    /// XPUB: pass every subscription upstream, duplicates included (`ZMQ_XPUB_VERBOSE`).
    case xpubVerbose(Bool)
    /// First reconnection delay (`ZMQ_RECONNECT_IVL`).
    case reconnectInterval(milliseconds: Int)
    /// Upper bound of the exponential reconnection back-off (`ZMQ_RECONNECT_IVL_MAX`); 0 disables back-off.
    case reconnectIntervalMax(milliseconds: Int)
    /// Kernel send buffer size in bytes (`ZMQ_SNDBUF`); -1 keeps the system default.
    case sendBuffer(Int)
    /// Kernel receive buffer size in bytes (`ZMQ_RCVBUF`); -1 keeps the system default.
    case receiveBuffer(Int)
}

extension Socket {
    /// Sets one option.
    /// - Throws: ``ZMQError/invalidArgument`` for a bad value (a malformed CURVE key, for example),
    ///   ``ZMQError/terminated``, ``ZMQError/notSocket``.
    public func setOption(_ option: SocketOption) throws(ZMQError) {
        switch option {
        case .sendHighWaterMark(let value): try setInt(ZMQ_SNDHWM, value, "ZMQ_SNDHWM")
        case .receiveHighWaterMark(let value): try setInt(ZMQ_RCVHWM, value, "ZMQ_RCVHWM")
        case .linger(let value): try setInt(ZMQ_LINGER, value, "ZMQ_LINGER")
        case .receiveTimeout(let value): try setInt(ZMQ_RCVTIMEO, value, "ZMQ_RCVTIMEO")
        case .sendTimeout(let value): try setInt(ZMQ_SNDTIMEO, value, "ZMQ_SNDTIMEO")
        case .maxMessageSize(let value):
            var size = Int64(value)
            try setBytes(ZMQ_MAXMSGSIZE, &size, MemoryLayout<Int64>.size, "ZMQ_MAXMSGSIZE")
        case .curveServer(let flag): try setInt(ZMQ_CURVE_SERVER, flag ? 1 : 0, "ZMQ_CURVE_SERVER")
        case .curvePublicKey(let key): try setString(ZMQ_CURVE_PUBLICKEY, key, "ZMQ_CURVE_PUBLICKEY")
        case .curveSecretKey(let key): try setString(ZMQ_CURVE_SECRETKEY, key, "ZMQ_CURVE_SECRETKEY")
        case .curveServerKey(let key): try setString(ZMQ_CURVE_SERVERKEY, key, "ZMQ_CURVE_SERVERKEY")
        case .zapDomain(let domain): try setData(ZMQ_ZAP_DOMAIN, Data(domain.utf8), "ZMQ_ZAP_DOMAIN")
        case .subscribe(let prefix): try setData(ZMQ_SUBSCRIBE, prefix, "ZMQ_SUBSCRIBE")
        case .unsubscribe(let prefix): try setData(ZMQ_UNSUBSCRIBE, prefix, "ZMQ_UNSUBSCRIBE")
        case .routingID(let id): try setData(ZMQ_ROUTING_ID, id, "ZMQ_ROUTING_ID")
        case .immediate(let flag): try setInt(ZMQ_IMMEDIATE, flag ? 1 : 0, "ZMQ_IMMEDIATE")
        case .routerMandatory(let flag): try setInt(ZMQ_ROUTER_MANDATORY, flag ? 1 : 0, "ZMQ_ROUTER_MANDATORY")
        case .xpubVerbose(let flag): try setInt(ZMQ_XPUB_VERBOSE, flag ? 1 : 0, "ZMQ_XPUB_VERBOSE")
        case .reconnectInterval(let value): try setInt(ZMQ_RECONNECT_IVL, value, "ZMQ_RECONNECT_IVL")
        case .reconnectIntervalMax(let value): try setInt(ZMQ_RECONNECT_IVL_MAX, value, "ZMQ_RECONNECT_IVL_MAX")
        case .sendBuffer(let value): try setInt(ZMQ_SNDBUF, value, "ZMQ_SNDBUF")
        case .receiveBuffer(let value): try setInt(ZMQ_RCVBUF, value, "ZMQ_RCVBUF")
        }
    }

    /// Sets several options in order.
    public func setOptions(_ options: [SocketOption]) throws(ZMQError) {
        for option in options { try setOption(option) }
    }

    private func setInt(_ name: Int32, _ value: Int, _ label: String) throws(ZMQError) {
        guard let int32 = Int32(exactly: value) else {
            throw ZMQError(code: ZMQError.invalidArgument.code, operation: "zmq_setsockopt \(label)=\(value)")
        }
        var raw = int32
        try setBytes(name, &raw, MemoryLayout<Int32>.size, label)
    }

    private func setString(_ name: Int32, _ value: String, _ label: String) throws(ZMQError) {
        // CURVE keys given as 40-character Z85 text are passed with their terminating NUL.
        var bytes = Array(value.utf8CString)
        try setBytes(name, &bytes, bytes.count, label)
    }

    private func setData(_ name: Int32, _ value: Data, _ label: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_setsockopt \(label)")
        let result = value.withUnsafeBytes { bytes in
            retryingInterruptsUnchecked { zmq_setsockopt(socket, name, bytes.baseAddress, bytes.count) }
        }
        if result < 0 { throw ZMQError.last("zmq_setsockopt \(label)") }
    }

    private func setBytes(_ name: Int32, _ value: UnsafeMutableRawPointer, _ size: Int, _ label: String)
        throws(ZMQError)
    {
        let socket = try liveHandle("zmq_setsockopt \(label)")
        _ = try retryingInterrupts("zmq_setsockopt \(label)") { zmq_setsockopt(socket, name, value, size) }
    }
}
