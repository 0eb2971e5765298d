import Testing

@testable import NewsbusServices

/// The store indexes text once articles stop arriving, or along with them once the backlog reaches its bound.
@Suite struct IndexScheduleTests {
    /// The plans of a schedule over successive looks at (latest, indexed up to).
    private func plans(bound: Int64, _ looks: [(Int64, Int64)]) -> [IndexSchedule.Plan?] {
        var schedule = IndexSchedule(maximumBacklog: bound)
        return looks.map { schedule.plan(latest: $0.0, indexedUpTo: $0.1) }
    }

    private let idle = IndexSchedule.Plan(slice: IndexSchedule.idleSlice, budget: nil)
    private func streaming(_ arrived: Int) -> IndexSchedule.Plan {
        IndexSchedule.Plan(slice: IndexSchedule.streamingSlice, budget: arrived + IndexSchedule.streamingMargin)
    }

    @Test func waitsWhileArticlesArriveAndIndexesEverythingOnceTheyStop() {
        // Articles arrive, still arrive, stop (nothing new since the last look), then nothing is left to index.
        #expect(plans(bound: 100, [(10, 0), (40, 0), (40, 0), (40, 40)]) == [nil, nil, idle, nil])
    }

    @Test func atTheBoundIndexesWhatArrivedAndALittleMoreInSmallSlices() {
        // Below the bound it waits; at the bound each look indexes the newcomers and a margin, in small slices, so
        // the backlog stays near the bound; once articles stop, the rest goes in large slices.
        #expect(plans(bound: 100, [(99, 0), (150, 0), (180, 115), (200, 115), (200, 150)]) == [nil, streaming(51), nil, nil, idle])
        #expect(IndexSchedule.streamingSlice < IndexSchedule.idleSlice)
    }

    @Test func aZeroBoundIndexesWhateverTheLoad() {
        #expect(plans(bound: 0, [(1, 0), (5, 1)]) == [streaming(0), streaming(4)])
    }
}
