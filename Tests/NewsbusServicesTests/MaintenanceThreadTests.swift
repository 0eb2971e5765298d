import Foundation
import Synchronization
import Testing

@testable import NewsbusServices

@Suite struct MaintenanceThreadTests {
    @Test func runsJobsInOrderAtALowerPriorityThanTheCaller() async {
        let thread = MaintenanceThread(name: "test maintenance")
        let seen = Mutex<[Int]>([])
        let priorities: (caller: Int32, job: Int32) = await withCheckedContinuation { continuation in
            for index in 0..<5 { thread.run { seen.withLock { $0.append(index) } } }
            let caller = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            thread.run { continuation.resume(returning: (caller, getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))) }
        }
        thread.finish()
        #expect(seen.withLock { $0 } == [0, 1, 2, 3, 4])
        #expect(priorities.job == min(priorities.caller + 10, 19))
    }
}
