import Foundation

/// Reads `ProcessInfo`'s environment (kept apart so nothing else does).
enum ProcessInfoEnvironment {
    static func read() -> [String: String] { ProcessInfo.processInfo.environment }
}
