import Foundation
import NewsbusTransport

/// One configuration value of a service: its flag, its environment variable, its default.
///
/// Resolution is the same everywhere: the flag if given, else the `NEWSBUS_*` variable if set and not empty, else
/// the default. ``ConfigurationReader`` is the only code that reads the environment, and tests pass it a
/// dictionary.
public struct Setting: Sendable, Hashable {
    /// The long flag without dashes (`input`).
    public let flag: String
    /// The environment variable (`NEWSBUS_PARSE_INPUT`).
    public let variable: String
    /// The value when neither the flag nor the variable is given.
    public let defaultValue: String
    /// What it is, for help and docs.
    public let help: String

    public init(flag: String, variable: String, defaultValue: String, help: String) {
        self.flag = flag
        self.variable = variable
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// Resolves ``Setting``s from flags and environment.
public struct ConfigurationReader: Sendable {
    private let flags: [String: String]
    private let environment: [String: String]

    /// - Parameters:
    ///   - flags: the values given on the command line, by flag name.
    ///   - environment: the process environment (or a test's dictionary).
    public init(flags: [String: String?], environment: [String: String]) {
        self.flags = flags.compactMapValues { $0 }
        self.environment = environment
    }

    /// The resolved text of a setting.
    public func string(_ setting: Setting) -> String {
        if let value = flags[setting.flag] { return value }
        if let value = environment[setting.variable], !value.isEmpty { return value }
        return setting.defaultValue
    }

    /// The resolved setting as an endpoint spec.
    /// - Throws: ``ConfigurationError`` naming the flag, the variable and the bad value.
    public func endpoint(_ setting: Setting) throws(ConfigurationError) -> EndpointSpec {
        let text = string(setting)
        guard let spec = EndpointSpec(text) else {
            throw ConfigurationError(
                setting: setting,
                message: "\"\(text)\" is not an endpoint (expected @tcp://host:port to bind or >tcp://host:port to connect; "
                    + "ipc:// and inproc:// work too)")
        }
        return spec
    }

    /// The resolved setting as an integer within `range`.
    public func integer(_ setting: Setting, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let text = string(setting)
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(
                setting: setting, message: "\"\(text)\" must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The resolved setting as a number of messages processed at once: an integer from 1 to 64, or `cores` for the
    /// processors this process may run on (at most 64).
    public func concurrency(_ setting: Setting, cores: Int = ProcessInfo.processInfo.activeProcessorCount)
        throws(ConfigurationError) -> Int
    {
        let text = string(setting)
        if text == "cores" { return min(max(cores, 1), 64) }
        guard let value = Int(text), (1...64).contains(value) else {
            throw ConfigurationError(setting: setting, message: "\"\(text)\" must be an integer from 1 to 64, or cores")
        }
        return value
    }

    /// The resolved setting as one of `choices`.
    public func choice(_ setting: Setting, among choices: [String]) throws(ConfigurationError) -> String {
        let text = string(setting)
        guard choices.contains(text) else {
            throw ConfigurationError(setting: setting, message: "\"\(text)\" must be one of \(choices.joined(separator: ", "))")
        }
        return text
    }
}

/// A configuration value that cannot be used: which setting, where it can be set, and why it is wrong.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let setting: Setting
    public let message: String

    public var description: String { "--\(setting.flag) / \(setting.variable): \(message)" }
}
