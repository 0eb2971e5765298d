/// When the store catches its search indexes (full text, entities) up, and how: once articles have stopped arriving,
/// or along with them once the backlog reaches `maximumBacklog`.
///
/// Indexing costs about half of the store's CPU per article. Done while articles stream in, it takes that CPU from
/// the pipeline on a busy machine; done in the pause after a burst, it does not. The bound keeps the catch-up a text
/// or entity query does first (it never misses a stored article) short under sustained load.
///
/// Each slice is one transaction, and an article that arrives meanwhile waits for it to commit. Once articles stop,
/// the whole backlog is indexed in large slices (fewer commits and index segments). While they keep coming, each
/// look indexes, in small slices, what arrived since the previous look and a little more: the backlog stays near
/// its bound, and the work is spread evenly instead of taking a core for a long catch-up while articles wait.
struct IndexSchedule: Sendable {
    /// How to index at one look.
    struct Plan: Equatable, Sendable {
        /// Articles per transaction.
        let slice: Int
        /// Articles to index at most; `nil`: until the index has caught up.
        let budget: Int?
    }

    /// The backlog at which the index is caught up even while articles keep arriving.
    let maximumBacklog: Int64
    /// Articles per slice once articles have stopped arriving.
    static let idleSlice = 64
    /// Articles per slice while they keep arriving (a few milliseconds of indexing each).
    static let streamingSlice = 16
    /// Articles indexed at a look beyond those that arrived since the previous one, while they keep arriving.
    static let streamingMargin = 64
    /// The newest sequence number seen at the previous look.
    private var previousLatest: Int64?

    init(maximumBacklog: Int64) {
        self.maximumBacklog = maximumBacklog
    }

    /// How to index now, or `nil` to wait, given the newest stored sequence number and the last one indexed; called
    /// at a steady interval.
    mutating func plan(latest: Int64, indexedUpTo: Int64) -> Plan? {
        defer { previousLatest = latest }
        let backlog = latest - indexedUpTo
        guard backlog > 0 else { return nil }
        if previousLatest == latest { return Plan(slice: Self.idleSlice, budget: nil) }
        guard backlog >= maximumBacklog else { return nil }
        let arrived = Int(latest - (previousLatest ?? latest))
        return Plan(slice: Self.streamingSlice, budget: arrived + Self.streamingMargin)
    }
}
