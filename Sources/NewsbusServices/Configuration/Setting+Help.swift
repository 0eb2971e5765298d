import ArgumentParser

extension Setting {
    /// Help text for the flag, naming its variable and default.
    public var argumentHelp: ArgumentHelp {
        ArgumentHelp("\(help) [\(variable), default \(defaultValue)]")
    }
}

extension ConfigurationReader {
    /// A reader over this process's environment.
    static func process(flags: [String: String?]) -> ConfigurationReader {
        ConfigurationReader(flags: flags, environment: ProcessEnvironment.variables)
    }
}

/// The one place that reads the process environment.
enum ProcessEnvironment {
    static var variables: [String: String] { ProcessInfoEnvironment.read() }
}
