/// When the store catches its full-text index up: once articles have stopped arriving, or at once when the
/// backlog reaches `maximumBacklog`.
///
/// Indexing costs about a third of the store's CPU per article. Done while articles stream in, it takes that
/// CPU from the pipeline on a busy machine; done in the pause after a burst, it does not. The bound keeps the
/// catch-up a text query does first (it never misses a stored article) short under sustained load.
struct TextIndexSchedule: Sendable {
    /// The backlog at which the index is caught up even while articles keep arriving.
    let maximumBacklog: Int64
    /// The newest sequence number seen at the previous look.
    private var previousLatest: Int64?

    init(maximumBacklog: Int64) {
        self.maximumBacklog = maximumBacklog
    }

    /// Whether to index now, given the newest stored sequence number and the last one indexed; called at a
    /// steady interval.
    mutating func shouldIndex(latest: Int64, indexedUpTo: Int64) -> Bool {
        defer { previousLatest = latest }
        let backlog = latest - indexedUpTo
        guard backlog > 0 else { return false }
        return backlog >= maximumBacklog || previousLatest == latest
    }
}
