/// The sequence numbers of the enriched events a subscriber has shown, to show each stored article once and to
/// notice the ones it missed.
///
/// The store numbers its articles 1, 2, 3 … with no hole and publishes them in that order, at least once: an article
/// whose publication was lost is published again later with its original number. So a subscriber that has seen
/// everything up to ``floor`` and then sees a higher number with a hole before it has missed something (a relay
/// restart, a queue overflow); the missing articles are in the store. Numbers at or below ``floor`` are repeats.
struct SequenceTracker {
    /// Every number up to here has been shown (or was before the subscriber started); `nil` before the first one.
    private(set) var floor: Int64?
    /// Numbers shown above `floor + 1`: not empty exactly when there is a hole.
    private var above: Set<Int64> = []
    /// The highest number shown.
    private(set) var highest: Int64 = 0

    /// - Parameter floor: the number after which the subscriber wants articles (`--since`), if any.
    init(after floor: Int64? = nil) {
        self.floor = floor
        if let floor { highest = floor }
    }

    /// Records `sequence`; `false` when it was shown already.
    mutating func insert(_ sequence: Int64) -> Bool {
        guard let current = floor else {
            floor = sequence
            highest = sequence
            return true
        }
        guard sequence > current, above.insert(sequence).inserted else { return false }
        highest = max(highest, sequence)
        raiseFloor(from: current)
        return true
    }

    /// Whether an article below the highest number shown is missing.
    var hasHole: Bool { !above.isEmpty }

    /// Declares everything up to `sequence` accounted for: the store was read up to there.
    mutating func settle(upTo sequence: Int64) {
        guard sequence > (floor ?? .min) else { return }
        above = above.filter { $0 > sequence + 1 }
        highest = max(highest, sequence)
        raiseFloor(from: sequence)
    }

    /// Makes `start`, and the numbers seen right after it with no hole, the new floor.
    private mutating func raiseFloor(from start: Int64) {
        var next = start
        while above.remove(next + 1) != nil { next += 1 }
        floor = next
    }
}
