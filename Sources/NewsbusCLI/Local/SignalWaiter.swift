import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM without letting it kill the process, so a command can shut down cleanly.
enum SignalWaiter {
    static func wait(for signals: [Int32] = [SIGINT, SIGTERM]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let queue = DispatchQueue(label: "newsbus.signals")
            let sources = SignalSources()
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    // The sources stay alive through this capture until the first signal cancels them all.
                    guard sources.cancelAll() else { return }
                    continuation.resume(returning: number)
                }
                sources.add(source)
                source.resume()
            }
        }
    }
}

/// The signal sources of one wait; the first signal cancels them all.
private final class SignalSources: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var fired = false

    func add(_ source: any DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }

    /// Cancels every source; `true` only for the first call.
    func cancelAll() -> Bool {
        lock.withLock {
            if fired { return false }
            fired = true
            for source in sources { source.cancel() }
            sources = []
            return true
        }
    }
}
