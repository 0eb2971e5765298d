/// When the store catches its full-text index up, and in slices of how many articles: once articles have stopped
/// arriving, or at once when the backlog reaches `maximumBacklog`.
///
/// Indexing costs about a third of the store's CPU per article. Done while articles stream in, it takes that
/// CPU from the pipeline on a busy machine; done in the pause after a burst, it does not. The bound keeps the
/// catch-up a text query does first (it never misses a stored article) short under sustained load.
///
/// Each slice is one transaction, and an article that arrives meanwhile waits for it to commit. Once articles stop,
/// slices are large (fewer commits and index segments); while they keep coming, slices are small, so an article
/// waits a few milliseconds at most behind the catch-up instead of a whole large slice.
struct TextIndexSchedule: Sendable {
    /// The backlog at which the index is caught up even while articles keep arriving.
    let maximumBacklog: Int64
    /// Articles per slice once articles have stopped arriving.
    static let idleSlice = 64
    /// Articles per slice while they keep arriving (about 3 ms of indexing each).
    static let streamingSlice = 16
    /// The newest sequence number seen at the previous look.
    private var previousLatest: Int64?

    init(maximumBacklog: Int64) {
        self.maximumBacklog = maximumBacklog
    }

    /// The slice size to index in now, or `nil` to wait, given the newest stored sequence number and the last one
    /// indexed; called at a steady interval.
    mutating func slice(latest: Int64, indexedUpTo: Int64) -> Int? {
        defer { previousLatest = latest }
        let backlog = latest - indexedUpTo
        guard backlog > 0 else { return nil }
        if previousLatest == latest { return Self.idleSlice }
        return backlog >= maximumBacklog ? Self.streamingSlice : nil
    }
}
