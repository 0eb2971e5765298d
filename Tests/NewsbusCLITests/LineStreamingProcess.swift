import Foundation

/// A child process whose standard output is handed line by line to a closure while it runs (on a reader thread).
final class LineStreamingProcess: @unchecked Sendable {
    private let process = Process()
    private let pipe = Pipe()

    static func start(_ executable: URL, _ arguments: [String], onLine: @escaping @Sendable (String) -> Void) throws
        -> LineStreamingProcess
    {
        let child = LineStreamingProcess()
        child.process.executableURL = executable
        child.process.arguments = arguments
        child.process.standardOutput = child.pipe
        child.process.standardError = FileHandle.nullDevice
        try child.process.run()
        let reader = child.pipe.fileHandleForReading
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
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}
