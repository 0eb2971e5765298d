import CZeroMQ
import Foundation
import Synchronization

/// A ZAP handler (ZeroMQ Authentication Protocol, RFC 27): libzmq asks it, over `inproc://zeromq.zap.01` in one
/// context, whether each peer completing a security handshake with a server socket of that context may connect.
///
/// It runs on its own thread with a REP socket, bound before ``start(in:decide:)`` returns, so no server socket
/// created afterwards in the same context accepts a peer without asking. It stops when the context is shut down or
/// on ``stop()``.
public final class ZAPHandler: Sendable {
    /// One authentication request.
    public struct Request: Sendable, Hashable {
        /// The server socket's `ZMQ_ZAP_DOMAIN`.
        public var domain: String
        /// The peer's address (an IP address for TCP, empty for IPC).
        public var address: String
        /// `"NULL"`, `"PLAIN"` or `"CURVE"`.
        public var mechanism: String
        /// The mechanism's credentials: for CURVE, the client's 32-byte long-term public key.
        public var credentials: [Data]

        /// The client's CURVE public key in Z85, when the mechanism is CURVE.
        public var curvePublicKey: String? {
            guard mechanism == "CURVE", let key = credentials.first, key.count == 32 else { return nil }
            return Z85.encode(key)
        }
    }

    /// What the handler answers.
    public enum Decision: Sendable, Hashable {
        /// The peer is let in, known by `userID`.
        case allow(userID: String)
        /// The peer is refused, for `reason`.
        case deny(reason: String)
    }

    /// The endpoint libzmq sends requests to.
    public static let endpoint = "inproc://zeromq.zap.01"

    private let wake: WakeSignal

    private init(wake: WakeSignal) {
        self.wake = wake
    }

    /// Binds the handler in `context` and starts answering with `decide` (called on the handler's thread).
    /// - Throws: a ``ZMQError`` when the socket cannot be created or bound (`EADDRINUSE`: the context already
    ///   has a handler).
    public static func start(in context: Context, decide: @escaping @Sendable (Request) -> Decision) throws(ZMQError)
        -> ZAPHandler
    {
        let wake = try WakeSignal()
        let handler = ZAPHandler(wake: wake)
        let bound = DispatchSemaphore(value: 0)
        let outcome = Mutex<ZMQError?>(nil)
        let thread = Thread {
            let socket: Socket
            do throws(ZMQError) {
                socket = try Socket(.reply, in: context)
                try socket.setOption(.linger(milliseconds: 0))
                try socket.bind(endpoint)
            } catch {
                outcome.withLock { $0 = error }
                bound.signal()
                return
            }
            bound.signal()
            serve(socket, wake: wake, decide: decide)
            socket.close()
        }
        thread.name = "newsbus.zmq.zap"
        thread.start()
        bound.wait()
        if let error = outcome.withLock({ $0 }) { throw error }
        return handler
    }

    /// Stops the handler thread. Idempotent.
    public func stop() {
        wake.signal()
    }

    private static func serve(_ socket: Socket, wake: WakeSignal, decide: (Request) -> Decision) {
        var items = [PollItem(.socket(socket), events: .readable), wake.pollItem]
        while true {
            do {
                _ = try Poller.poll(&items, timeoutMilliseconds: -1)
                if items[1].ready.contains(.readable) { return }
                guard items[0].ready.contains(.readable) else { continue }
                let frames = try socket.receive(mode: .dontWait)
                try socket.send(reply(to: frames, decide: decide))
            } catch ZMQError.again {
                continue
            } catch {
                return  // the context was shut down (ETERM) or the socket failed
            }
        }
    }

    /// The reply frames to one request (version, request id, status code, status text, user id, metadata).
    static func reply(to frames: [Data], decide: (Request) -> Decision) -> [Data] {
        let requestID = frames.count > 1 ? frames[1] : Data()
        func answer(_ code: String, _ text: String, user: String = "") -> [Data] {
            [Data("1.0".utf8), requestID, Data(code.utf8), Data(text.utf8), Data(user.utf8), Data()]
        }
        guard frames.count >= 6, String(decoding: frames[0], as: UTF8.self) == "1.0" else {
            return answer("500", "malformed ZAP request")
        }
        let request = Request(
            domain: String(decoding: frames[2], as: UTF8.self), address: String(decoding: frames[3], as: UTF8.self),
            mechanism: String(decoding: frames[5], as: UTF8.self), credentials: Array(frames.dropFirst(6)))
        switch decide(request) {
        case .allow(let userID): return answer("200", "OK", user: userID)
        case .deny(let reason): return answer("400", reason)
        }
    }
}
