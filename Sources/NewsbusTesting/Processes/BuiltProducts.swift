import Foundation

/// Executables of this package, found beside the test bundle that is running.
public enum BuiltProducts {
    /// The built executable called `name` (for example `newsbus`).
    public static func executable(_ name: String) -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for directory in candidates
        where FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(name).path) {
            return directory.appendingPathComponent(name)
        }
        return candidates[0].appendingPathComponent(name)
    }

    /// The `newsbus` command-line tool.
    public static var newsbus: URL { executable("newsbus") }
}
