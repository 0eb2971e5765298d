import Foundation
import ArgumentParser

extension Setting {
    /// Help text for the flag, naming its variable and default.
    public var argumentHelp: ArgumentHelp {
        ArgumentHelp("\(help) [\(variable), default \(defaultValue)]")
    }
}

extension ConfigurationReader {
    /// A reader over this process's environment: the one place that reads it.
    public static func process(flags: [String: String?]) -> ConfigurationReader {
        ConfigurationReader(flags: flags, environment: ProcessInfo.processInfo.environment)
    }
}
