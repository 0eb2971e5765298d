import CZeroMQ

/// `zmq_proxy`: moves messages between two sockets in both directions until the context is shut down — the
/// building block of ZeroMQ's streamer (PULL → PUSH) and forwarder (XSUB → XPUB) devices.
public enum Proxy {
    /// Runs the proxy on the calling thread (which must own both sockets). Returns when the context is shut down.
    /// - Throws: ``ZMQError`` other than ``ZMQError/terminated``.
    public static func run(frontend: Socket, backend: Socket) throws(ZMQError) {
        let front = try frontend.liveHandle("zmq_proxy")
        let back = try backend.liveHandle("zmq_proxy")
        while zmq_proxy(front, back, nil) != 0 {
            let code = zmq_errno()
            if code == ZMQError.interrupted.code { continue }
            if code == ZMQError.terminated.code { return }
            throw ZMQError(code: code, operation: "zmq_proxy")
        }
    }
}
