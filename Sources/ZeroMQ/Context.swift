import CZeroMQ

/// A libzmq context: the I/O threads and the `inproc://` namespace that sockets share.
///
/// A context is thread-safe, so it is `Sendable`: share one per process. Sockets are not; create each
/// socket on the thread that owns it with ``Socket/init(_:in:)``.
///
/// Ending a context takes two steps: ``shutdown()`` makes every blocking call on its sockets fail with
/// ``ZMQError/terminated`` (a clean way to stop socket threads), and ``terminate()`` waits until every
/// socket has been closed. A socket keeps its context alive, so dropping the last reference to a context
/// after its sockets are closed terminates it.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private let terminated = LockedFlag()

    /// Creates a context with the given number of I/O threads.
    /// - Throws: ``ZMQError`` if libzmq cannot create the context.
    public init(ioThreads: Int = 1) throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        self.handle = handle
        if ioThreads != 1 {
            _ = zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(ioThreads))
        }
    }

    /// Makes every blocking operation on this context's sockets fail with ``ZMQError/terminated``.
    /// Idempotent; sockets still have to be closed.
    public func shutdown() {
        _ = zmq_ctx_shutdown(handle)
    }

    /// Shuts the context down and waits until all its sockets are closed. Idempotent.
    public func terminate() {
        guard terminated.setOnce() else { return }
        while zmq_ctx_term(handle) != 0 && zmq_errno() == ZMQError.interrupted.code {}
    }

    deinit { terminate() }
}
