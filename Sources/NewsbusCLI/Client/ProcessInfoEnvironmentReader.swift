import Foundation

/// The one place the CLI reads its environment.
enum ProcessInfoEnvironmentReader {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }
}
