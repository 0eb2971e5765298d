import CZeroMQ

/// An error reported by libzmq, keeping its `errno` so callers can tell "retry" from "gone".
///
/// Match on the named constants with `catch ZMQError.again` (or `case .terminated`):
/// ```swift
/// do { try socket.send(frames, mode: .dontWait) }
/// catch ZMQError.again { /* high-water mark reached: retry later */ }
/// ```
public struct ZMQError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `errno` value libzmq reported.
    public let code: Int32
    /// What the wrapper was doing when the call failed (for example `"zmq_bind tcp://127.0.0.1:5555"`).
    public let operation: String

    public init(code: Int32, operation: String = "") {
        self.code = code
        self.operation = operation
    }

    /// The error of the last failed libzmq call on this thread.
    static func last(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }

    /// libzmq's own text for the code (`zmq_strerror`).
    public var reason: String { String(cString: zmq_strerror(code)) }

    public var description: String {
        operation.isEmpty ? "\(reason) (errno \(code))" : "\(operation): \(reason) (errno \(code))"
    }

    /// Two errors are the same error when their codes are equal, whatever the operation.
    public static func == (lhs: ZMQError, rhs: ZMQError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Lets `catch ZMQError.again` match any error with that code.
    public static func ~= (pattern: ZMQError, value: any Error) -> Bool {
        (value as? ZMQError)?.code == pattern.code
    }

    /// `EAGAIN`: a non-blocking call would block, or a timeout expired.
    public static let again = ZMQError(code: czmq_errno_again())
    /// `EINTR`: interrupted by a signal (the wrapper retries these itself).
    public static let interrupted = ZMQError(code: czmq_errno_intr())
    /// `ETERM`: the context was shut down or terminated.
    public static let terminated = ZMQError(code: czmq_errno_term())
    /// `EHOSTUNREACH`: a ROUTER with `routerMandatory` cannot route the message.
    public static let hostUnreachable = ZMQError(code: czmq_errno_hostunreach())
    /// `EFSM`: the socket's state machine forbids this call now (REQ/REP lock-step).
    public static let wrongState = ZMQError(code: czmq_errno_fsm())
    /// `ENOTSOCK`: the socket was closed.
    public static let notSocket = ZMQError(code: czmq_errno_notsock())
    /// `EADDRINUSE`: the endpoint is already bound.
    public static let addressInUse = ZMQError(code: czmq_errno_addrinuse())
    /// `EADDRNOTAVAIL`: the address is not local.
    public static let addressNotAvailable = ZMQError(code: czmq_errno_addrnotavail())
    /// `ENODEV`: the interface does not exist.
    public static let noDevice = ZMQError(code: czmq_errno_nodev())
    /// `EINVAL`: an invalid argument (bad endpoint, option or value).
    public static let invalidArgument = ZMQError(code: czmq_errno_inval())
    /// `EPROTONOSUPPORT`: unknown transport in an endpoint.
    public static let protocolNotSupported = ZMQError(code: czmq_errno_protonosupport())
    /// `ENOENT`: nothing is bound or connected at that endpoint (unbind/disconnect).
    public static let noEntry = ZMQError(code: czmq_errno_noentry())
    /// `EMTHREAD`: no I/O thread is available.
    public static let noThread = ZMQError(code: czmq_errno_mthread())
    /// `ENOCOMPATPROTO`: the transport is not compatible with the socket kind.
    public static let incompatibleProtocol = ZMQError(code: czmq_errno_nocompatproto())
}
