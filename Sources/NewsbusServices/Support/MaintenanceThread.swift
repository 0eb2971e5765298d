import Foundation
import Synchronization

/// A thread of its own that runs the jobs given to it one after the other, at a lower scheduling priority than the
/// service's real work (nice +10 from the service's, at most 19; on Linux a thread's nice value is its own). Maintenance then uses the CPU that the
/// pipeline leaves instead of competing with the article in flight.
final class MaintenanceThread: Sendable {
    private let jobs = Mutex<[(@Sendable () -> Void)?]>([])
    private let available = DispatchSemaphore(value: 0)

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    private func loop() {
        let thisThread = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(thisThread, 0, min(getpriority(thisThread, 0) + 10, 19))
        while true {
            available.wait()
            guard let job = jobs.withLock({ $0.removeFirst() }) else { return }
            job()
        }
    }

    /// Runs `job` after the jobs given before it.
    func run(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        available.signal()
    }

    /// Ends the thread once the jobs given before have run.
    func finish() {
        jobs.withLock { $0.append(nil) }
        available.signal()
    }
}
