import CZeroMQ

/// A file descriptor that wakes a thread sleeping in ``Poller/poll(_:timeoutMilliseconds:)``: poll it with
/// `.readable` beside the sockets, ``signal()`` it from any thread, ``drain()`` it on the owning thread.
/// Signals coalesce, so a burst of them costs one wake-up. (A Linux eventfd.)
public final class WakeSignal: Sendable {
    /// The descriptor to put in a ``PollItem``.
    public let fileDescriptor: Int32

    /// - Throws: ``ZMQError`` with the system's `errno` when no descriptor can be created.
    public init() throws(ZMQError) {
        let fd = czmq_wakefd_open()
        guard fd >= 0 else { throw ZMQError(code: zmq_errno(), operation: "eventfd") }
        fileDescriptor = fd
    }

    /// Wakes the owner. Never blocks; safe from any thread.
    public func signal() { czmq_wakefd_signal(fileDescriptor) }

    /// Clears pending signals (owner thread only).
    public func drain() { czmq_wakefd_drain(fileDescriptor) }

    /// A poll item that becomes readable when the signal fires.
    public var pollItem: PollItem { PollItem(.fileDescriptor(fileDescriptor), events: .readable) }

    deinit { czmq_wakefd_close(fileDescriptor) }
}
