import Foundation

/// A child process started by a test, killed if the test forgets to.
public final class ChildProcess: PeerProcess, @unchecked Sendable {
    private let process: Process

    private init(process: Process) { self.process = process }

    /// Starts `executable`; its standard output is discarded and its standard error goes to `log` (or is discarded).
    public static func start(_ executable: URL, _ arguments: [String], log: URL? = nil) throws -> ChildProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        if let log {
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return ChildProcess(process: process)
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Asks the process to stop (SIGTERM) and waits for it to exit.
    public func terminate() async -> Int32 {
        if process.isRunning { process.terminate() }
        return await waitForExit()
    }

    public func kill() async {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        _ = await waitForExit()
    }

    public func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread {
                self.process.waitUntilExit()
                continuation.resume(returning: self.process.terminationStatus)
            }.start()
        }
    }

    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
