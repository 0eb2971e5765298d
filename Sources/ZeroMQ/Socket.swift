import CZeroMQ
import Foundation

/// One ZeroMQ socket, owned by exactly one thread.
///
/// libzmq sockets are not thread-safe, so `Socket` is deliberately not `Sendable`: Swift 6 refuses to
/// move it to another thread. Create it on the thread that will use it, and ``close()`` it there before
/// the context terminates (closing is explicit; `deinit` is only a safety net that drops pending
/// messages).
///
/// Blocking calls (``receive(mode:)`` and ``send(_:mode:)`` without ``TransferMode/dontWait``) block the
/// calling OS thread: never call them from Swift's cooperative thread pool.
public final class Socket {
    /// The socket type.
    public let kind: SocketKind
    let context: Context
    private var handle: UnsafeMutableRawPointer?
    /// One heap-allocated message reused by every receive (a `zmq_msg_t` must not move while in use).
    private let message: UnsafeMutablePointer<zmq_msg_t>

    /// Creates a socket of `kind` in `context`.
    /// - Throws: ``ZMQError/terminated`` if the context was shut down, ``ZMQError/noThread`` if libzmq has
    ///   no I/O thread left.
    public init(_ kind: SocketKind, in context: Context) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else {
            throw ZMQError.last("zmq_socket \(kind)")
        }
        self.kind = kind
        self.context = context
        self.handle = handle
        self.message = .allocate(capacity: 1)
        zmq_msg_init(message)
    }

    deinit {
        if handle != nil {
            try? setOption(.linger(milliseconds: 0))
            close()
        }
        zmq_msg_close(message)
        message.deallocate()
    }

    /// Whether ``close()`` has been called.
    public var isClosed: Bool { handle == nil }

    /// Closes the socket. Pending outgoing messages are flushed in the background for at most the socket's
    /// linger time. Idempotent.
    public func close() {
        guard let handle else { return }
        self.handle = nil
        _ = zmq_close(handle)
    }

    func liveHandle(_ operation: @autoclosure () -> String) throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(code: ZMQError.notSocket.code, operation: operation()) }
        return handle
    }

    // MARK: Endpoints

    /// Binds to an endpoint such as `tcp://127.0.0.1:*`, `ipc:///tmp/x.sock` or `inproc://name`.
    /// - Throws: ``ZMQError/addressInUse``, ``ZMQError/invalidArgument``, ``ZMQError/protocolNotSupported`` …
    public func bind(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_bind \(endpoint)")
        _ = try retryingInterrupts("zmq_bind \(endpoint)") { zmq_bind(socket, endpoint) }
    }

    /// Connects to an endpoint. The connection is made in the background, and re-made if the peer goes away.
    public func connect(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_connect \(endpoint)")
        _ = try retryingInterrupts("zmq_connect \(endpoint)") { zmq_connect(socket, endpoint) }
    }

    /// Stops listening on a bound endpoint.
    public func unbind(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_unbind \(endpoint)")
        _ = try retryingInterrupts("zmq_unbind \(endpoint)") { zmq_unbind(socket, endpoint) }
    }

    /// Drops a connection made with ``connect(_:)``.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        let socket = try liveHandle("zmq_disconnect \(endpoint)")
        _ = try retryingInterrupts("zmq_disconnect \(endpoint)") { zmq_disconnect(socket, endpoint) }
    }

    // MARK: Sending and receiving

    /// Sends one message made of `frames` (a multipart message when there are several). libzmq delivers a
    /// multipart message whole or not at all.
    ///
    /// - Parameter mode: ``TransferMode/dontWait`` fails with ``ZMQError/again`` instead of blocking when the
    ///   high-water mark is reached (or, for PUSH/DEALER, when there is no peer).
    /// - Throws: ``ZMQError/again`` (would block or send timeout), ``ZMQError/terminated``,
    ///   ``ZMQError/hostUnreachable`` (ROUTER with `routerMandatory`), ``ZMQError/wrongState`` (REQ/REP).
    public func send(_ frames: [Data], mode: TransferMode = .wait) throws(ZMQError) {
        let socket = try liveHandle("zmq_send")
        if frames.isEmpty {
            _ = try retryingInterrupts("zmq_send") { zmq_send(socket, nil, 0, mode.flags) }
            return
        }
        let last = frames.count - 1
        for (index, frame) in frames.enumerated() {
            let flags = mode.flags | (index < last ? ZMQ_SNDMORE : 0)
            let result = frame.withUnsafeBytes { bytes in
                retryingInterruptsUnchecked { zmq_send(socket, bytes.baseAddress, bytes.count, flags) }
            }
            if result < 0 { throw ZMQError.last("zmq_send") }
        }
    }

    /// Sends a single-frame message.
    public func send(_ frame: Data, mode: TransferMode = .wait) throws(ZMQError) {
        try send([frame], mode: mode)
    }

    /// Receives one whole message (every frame of a multipart message).
    ///
    /// - Parameter mode: ``TransferMode/dontWait`` fails with ``ZMQError/again`` when nothing is queued.
    /// - Throws: ``ZMQError/again`` (nothing queued, or the receive timeout expired), ``ZMQError/terminated``.
    public func receive(mode: TransferMode = .wait) throws(ZMQError) -> [Data] {
        let socket = try liveHandle("zmq_msg_recv")
        var frames: [Data] = []
        repeat {
            // Only the first frame may block: the rest of a multipart message is already here.
            let flags = frames.isEmpty ? mode.flags : 0
            let size = try retryingInterrupts("zmq_msg_recv") { zmq_msg_recv(message, socket, flags) }
            frames.append(Data(bytes: zmq_msg_data(message), count: Int(size)))
        } while zmq_msg_more(message) == 1
        return frames
    }

    /// Whether a message can be received (`POLLIN`) or sent (`POLLOUT`) right now without blocking.
    public var events: PollEvents {
        get throws(ZMQError) { PollEvents(rawValue: Int16(try intOption(ZMQ_EVENTS, "ZMQ_EVENTS"))) }
    }

    /// The endpoint actually bound last, with the port or path the system chose for `tcp://…:*`.
    public var lastEndpoint: String {
        get throws(ZMQError) {
            let socket = try liveHandle("ZMQ_LAST_ENDPOINT")
            var buffer = [CChar](repeating: 0, count: 1024)
            var size = buffer.count
            _ = try retryingInterrupts("zmq_getsockopt ZMQ_LAST_ENDPOINT") {
                zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, &buffer, &size)
            }
            return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    func intOption(_ name: Int32, _ label: String) throws(ZMQError) -> Int32 {
        let socket = try liveHandle("zmq_getsockopt \(label)")
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        _ = try retryingInterrupts("zmq_getsockopt \(label)") { zmq_getsockopt(socket, name, &value, &size) }
        return value
    }
}

@available(*, unavailable, message: "A ZeroMQ socket is owned by one thread: create it on the thread that uses it.")
extension Socket: Sendable {}

/// Whether a send or receive may block.
public enum TransferMode: Sendable {
    /// Block until the message can be queued or has arrived (bounded by the socket's timeouts).
    case wait
    /// Fail with ``ZMQError/again`` instead of blocking.
    case dontWait

    var flags: Int32 { self == .dontWait ? ZMQ_DONTWAIT : 0 }
}
