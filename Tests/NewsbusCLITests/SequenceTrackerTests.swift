@testable import NewsbusCLI
import Testing

/// Repeats and holes in the sequence numbers of enriched events, as a subscriber sees them.
@Suite struct SequenceTrackerTests {
    private func record(_ tracker: inout SequenceTracker, _ sequence: Int64) -> Bool {
        tracker.insert(sequence)
    }

    @Test func inOrderNumbersLeaveNoHoleAndRepeatsAreRefused() {
        var tracker = SequenceTracker()
        #expect(record(&tracker, 41))  // the first event seen sets where the subscriber starts
        #expect(record(&tracker, 42))
        #expect(!record(&tracker, 42))
        #expect(!record(&tracker, 7))  // before the subscriber started: not shown
        #expect(!tracker.hasHole)
        #expect(tracker.floor == 42)
    }

    @Test func aSkippedNumberIsAHoleUntilItComesOrTheStoreWasRead() {
        var tracker = SequenceTracker(after: 10)
        #expect(record(&tracker, 11))
        #expect(record(&tracker, 14))
        #expect(tracker.hasHole)
        #expect(tracker.floor == 11)
        // A late publication of 12 narrows the hole; 13 closes it
        #expect(record(&tracker, 12))
        #expect(tracker.hasHole)
        #expect(record(&tracker, 13))
        #expect(!tracker.hasHole)
        #expect(tracker.floor == 14)
        // After reading the store up to the highest number, a hole is closed even if nothing filled it
        #expect(record(&tracker, 17))
        tracker.settle(upTo: tracker.highest)
        #expect(!tracker.hasHole)
        #expect(tracker.floor == 17)
        #expect(!record(&tracker, 16))
    }
}
