import Foundation

/// A child process whose standard output is collected until it exits.
///
/// The waiting happens on a thread of its own, never on one of the few threads of Swift concurrency's
/// cooperative pool, so tests running beside it keep making progress.
public final class OutputCollectingProcess: @unchecked Sendable {
    private let process: Process
    private let pipe: Pipe

    private init(process: Process, pipe: Pipe) {
        self.process = process
        self.pipe = pipe
    }

    /// Starts `executable`; its standard error is discarded.
    public static func start(_ executable: URL, _ arguments: [String]) throws -> OutputCollectingProcess {
        let pipe = Pipe()
        return OutputCollectingProcess(process: try Process.started(executable, arguments, output: pipe), pipe: pipe)
    }

    /// Everything it printed, and its exit status, once it has exited (killed if the waiting task is cancelled).
    public func output() async throws -> (data: Data, status: Int32) {
        try await withTaskCancellationHandler {
            let result: (Data, Int32) = await withCheckedContinuation { continuation in
                Thread {
                    let data = self.pipe.fileHandleForReading.readDataToEndOfFile()
                    self.process.waitUntilExit()
                    continuation.resume(returning: (data, self.process.terminationStatus))
                }.start()
            }
            try Task.checkCancellation()
            return result
        } onCancel: {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// The lines it printed, once it has exited (killed if the waiting task is cancelled).
    public func lines() async throws -> [String] {
        let (data, _) = try await output()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
