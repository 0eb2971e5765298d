/// A conformance check that did not hold: which check, and what was expected against what happened.
public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
    public let check: String
    public let message: String
    public let file: String
    public let line: Int

    public init(check: String, _ message: String, file: String = #fileID, line: Int = #line) {
        self.check = check
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "[\(check)] \(message) (\(file):\(line))" }
}
