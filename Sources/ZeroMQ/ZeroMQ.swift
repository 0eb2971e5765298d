import CZeroMQ

/// Facts about the linked libzmq.
public enum ZeroMQLibrary {
    /// The libzmq version, for example `(4, 3, 4)`.
    public static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }

    /// Whether libzmq was built with a capability (`"curve"`, `"ipc"`, `"draft"` …).
    public static func has(_ capability: String) -> Bool {
        zmq_has(capability) == 1
    }
}

/// Runs a libzmq call that returns -1 on failure, retrying on `EINTR`; leaves `errno` set on failure.
@inline(__always)
func retryingInterruptsUnchecked(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result >= 0 || zmq_errno() != ZMQError.interrupted.code { return result }
    }
}

/// Runs a libzmq call that returns -1 on failure, retrying on `EINTR`.
@inline(__always)
func retryingInterrupts(_ operation: @autoclosure () -> String, _ call: () -> Int32) throws(ZMQError) -> Int32 {
    while true {
        let result = call()
        if result >= 0 { return result }
        let code = zmq_errno()
        if code == ZMQError.interrupted.code { continue }
        throw ZMQError(code: code, operation: operation())
    }
}
