import Testing

@testable import NewsbusServices

/// The store indexes text once articles stop arriving, or when the backlog reaches its bound.
@Suite struct TextIndexScheduleTests {
    /// The decisions of a schedule over successive looks at (latest, indexed up to).
    private func decisions(bound: Int64, _ looks: [(Int64, Int64)]) -> [Bool] {
        var schedule = TextIndexSchedule(maximumBacklog: bound)
        return looks.map { schedule.shouldIndex(latest: $0.0, indexedUpTo: $0.1) }
    }

    @Test func waitsWhileArticlesArriveAndIndexesOnceTheyStop() {
        // Articles arrive, still arrive, stop (nothing new since the last look), then nothing is left to index.
        #expect(decisions(bound: 100, [(10, 0), (40, 0), (40, 0), (40, 40)]) == [false, false, true, false])
    }

    @Test func indexesAtTheBoundEvenWhileArticlesArrive() {
        #expect(decisions(bound: 100, [(99, 0), (150, 50), (260, 150)]) == [false, true, true])
    }

    @Test func aZeroBoundIndexesWhateverTheLoad() {
        #expect(decisions(bound: 0, [(1, 0), (5, 1)]) == [true, true])
    }
}
