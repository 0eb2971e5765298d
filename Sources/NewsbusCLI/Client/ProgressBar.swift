import Foundation
import Synchronization

/// A one-line progress bar on standard error, redrawn at most ten times a second; silent when standard error
/// is not a terminal. Safe to update from any task.
final class ProgressBar: Sendable {
    private let total: Int
    private let label: String
    private let start = ContinuousClock.now
    private let lastDraw = Mutex(ContinuousClock.now - .seconds(1))
    private let enabled = isatty(STDERR_FILENO) == 1

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    func update(_ done: Int, force: Bool = false) {
        guard enabled, total > 1 else { return }
        let now = ContinuousClock.now
        let draw = lastDraw.withLock { last -> Bool in
            guard force || last.duration(to: now) > .milliseconds(100) else { return false }
            last = now
            return true
        }
        guard draw else { return }
        let width = 30
        let filled = total == 0 ? width : width * min(done, total) / total
        let elapsed = start.duration(to: now)
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let line = "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
            + "\(done)/\(total) \(label) \(Int(Double(done) / seconds))/s"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled, total > 1 else { return }
        update(total, force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }
}

/// Lines on standard output, written at once (not held in a buffer), for commands that stream.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
