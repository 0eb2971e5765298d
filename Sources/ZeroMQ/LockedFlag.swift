import Synchronization

/// A flag that can be set once, from any thread.
final class LockedFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// Sets the flag; returns `true` only for the caller that set it first.
    func setOnce() -> Bool {
        value.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    var isSet: Bool { value.load(ordering: .acquiring) }
}
