import DequeModule

/// The sequence numbers of the enriched events shown most recently, to show each article once.
///
/// Events are published at least once: an article whose acknowledgement was lost is published again with its
/// original `seq`, possibly after later ones. So a repeat is recognised by membership, not by order, among the last
/// ``capacity`` numbers seen (repeats come within the redelivery window, far fewer articles than that).
struct RecentSequences {
    let capacity: Int
    private var members: Set<Int64> = []
    private var order: Deque<Int64> = []
    /// The highest number seen: where a replay from the store goes on.
    private(set) var highest: Int64 = 0

    init(capacity: Int = 200_000) {
        self.capacity = capacity
    }

    /// Records `sequence`; `false` when it was seen already.
    mutating func insert(_ sequence: Int64) -> Bool {
        guard members.insert(sequence).inserted else { return false }
        order.append(sequence)
        if order.count > capacity, let oldest = order.popFirst() { members.remove(oldest) }
        highest = max(highest, sequence)
        return true
    }
}
