import NewsbusTransport

/// One named conformance check, runnable against any ``TransportFixture``.
public struct TransportCheck: Sendable, CustomStringConvertible {
    /// The behaviour checked, as a test name (`framesArriveIntact`).
    public let name: String
    /// What the implementation must be able to do for the check to apply.
    public let requires: TransportCapabilities
    let body: @Sendable (any TransportFixture, CheckContext) async throws -> Void

    init(
        _ name: String, requires: TransportCapabilities = [],
        _ body: @escaping @Sendable (any TransportFixture, CheckContext) async throws -> Void
    ) {
        self.name = name
        self.requires = requires
        self.body = body
    }

    public var description: String { name }

    /// Runs the check.
    /// - Throws: a ``ConformanceFailure`` saying what did not hold, or the transport error that stopped it.
    public func run(on fixture: any TransportFixture) async throws {
        try await body(fixture, CheckContext(check: name))
    }
}

/// Helpers a check uses to fail with its own name.
struct CheckContext: Sendable {
    let check: String

    func fail(_ message: String, file: String = #fileID, line: Int = #line) -> ConformanceFailure {
        ConformanceFailure(check: check, message, file: file, line: line)
    }

    func expect(_ condition: Bool, _ message: @autoclosure () -> String, file: String = #fileID, line: Int = #line)
        throws
    {
        if !condition { throw fail(message(), file: file, line: line) }
    }

    func within<T: Sendable>(_ limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await NewsbusTesting.within(limit, what, check: check, body)
    }
}
