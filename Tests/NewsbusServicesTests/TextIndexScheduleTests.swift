import Testing

@testable import NewsbusServices

/// The store indexes text once articles stop arriving, or when the backlog reaches its bound.
@Suite struct TextIndexScheduleTests {
    /// The decisions of a schedule over successive looks at (latest, indexed up to).
    private func decisions(bound: Int64, _ looks: [(Int64, Int64)]) -> [Int?] {
        var schedule = TextIndexSchedule(maximumBacklog: bound)
        return looks.map { schedule.slice(latest: $0.0, indexedUpTo: $0.1) }
    }

    private let idle = TextIndexSchedule.idleSlice, streaming = TextIndexSchedule.streamingSlice

    @Test func waitsWhileArticlesArriveAndIndexesOnceTheyStop() {
        // Articles arrive, still arrive, stop (nothing new since the last look), then nothing is left to index.
        #expect(decisions(bound: 100, [(10, 0), (40, 0), (40, 0), (40, 40)]) == [nil, nil, idle, nil])
    }

    @Test func indexesAtTheBoundEvenWhileArticlesArriveInSmallerSlices() {
        // Small slices while articles keep coming, so that none waits long behind a slice; large ones once they stop.
        #expect(decisions(bound: 100, [(99, 0), (150, 50), (260, 150), (260, 200)]) == [nil, streaming, streaming, idle])
        #expect(streaming < idle)
    }

    @Test func aZeroBoundIndexesWhateverTheLoad() {
        #expect(decisions(bound: 0, [(1, 0), (5, 1)]) == [streaming, streaming])
    }
}
