import Foundation

/// A child process whose standard output is handed line by line to a closure while it runs (on a reader thread).
public final class LineStreamingProcess: @unchecked Sendable {
    private let process: Process

    private init(process: Process) { self.process = process }

    /// Starts `executable`; each line it prints goes to `onLine`, its standard error is discarded.
    public static func start(
        _ executable: URL, _ arguments: [String], onLine: @escaping @Sendable (String) -> Void
    ) throws -> LineStreamingProcess {
        let pipe = Pipe()
        let child = LineStreamingProcess(process: try Process.started(executable, arguments, output: pipe))
        let reader = pipe.fileHandleForReading
        Thread {
            var pending = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    onLine(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
        }.start()
        return child
    }

    /// Kills the process (it is a client: nothing to flush).
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}

extension Process {
    /// A process already running `executable`, its standard output into `output`, its standard error discarded.
    static func started(_ executable: URL, _ arguments: [String], output: Pipe) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
