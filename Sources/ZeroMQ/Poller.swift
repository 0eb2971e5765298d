import CZeroMQ

/// The readiness a poll waits for and reports.
public struct PollEvents: OptionSet, Sendable, Hashable {
    public let rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }

    /// A message can be received without blocking.
    public static let readable = PollEvents(rawValue: Int16(ZMQ_POLLIN))
    /// A message can be sent without blocking.
    public static let writable = PollEvents(rawValue: Int16(ZMQ_POLLOUT))
    /// An error condition (plain file descriptors only).
    public static let error = PollEvents(rawValue: Int16(ZMQ_POLLERR))
}

/// One thing to poll: a ZeroMQ socket or a plain file descriptor (a pipe or an eventfd used to wake a
/// socket thread).
public struct PollItem {
    public enum Target {
        case socket(Socket)
        case fileDescriptor(Int32)
    }

    public var target: Target
    /// What to wait for.
    public var events: PollEvents
    /// What was ready after the last ``Poller/poll(_:timeoutMilliseconds:)``.
    public internal(set) var ready: PollEvents = []

    public init(_ target: Target, events: PollEvents) {
        self.target = target
        self.events = events
    }
}

/// `zmq_poll` over sockets and file descriptors.
public enum Poller {
    /// Waits until at least one item is ready or the timeout expires, and fills in each item's `ready`.
    ///
    /// - Parameter timeoutMilliseconds: -1 waits forever, 0 returns at once.
    /// - Returns: how many items are ready (0 on timeout).
    /// - Throws: ``ZMQError/terminated`` when a polled socket's context is shut down, ``ZMQError/notSocket``
    ///   when a socket was closed. Interruptions by signals are retried.
    @discardableResult
    public static func poll(_ items: inout [PollItem], timeoutMilliseconds: Int) throws(ZMQError) -> Int {
        var raw = [zmq_pollitem_t]()
        raw.reserveCapacity(items.count)
        for item in items {
            var entry = zmq_pollitem_t()
            switch item.target {
            case .socket(let socket): entry.socket = try socket.liveHandle("zmq_poll")
            case .fileDescriptor(let fd): entry.fd = fd
            }
            entry.events = item.events.rawValue
            raw.append(entry)
        }
        let count = try retryingInterrupts("zmq_poll") {
            zmq_poll(&raw, Int32(raw.count), timeoutMilliseconds)
        }
        for index in items.indices {
            items[index].ready = PollEvents(rawValue: raw[index].revents).intersection(
                items[index].events.union(.error))
        }
        return Int(count)
    }
}
