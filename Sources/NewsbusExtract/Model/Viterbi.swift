/// The best tag sequence under emission and transition scores, with strict IOB2 enforced (`I-X` only after
/// `B-X` or `I-X`).
enum Viterbi {
    /// `emissions[i * T + t]`: score of tag `t` at token `i`. `transitions[(p + 1) * T + t]`: score of `t` after
    /// `p`, row 0 being the sentence start.
    static func decode<Score: Numeric & Comparable>(
        emissions: UnsafeBufferPointer<Score>, count n: Int, transitions: UnsafeBufferPointer<Score>, lowest: Score
    ) -> [Int] {
        let tags = TagSet.count
        guard n > 0 else { return [] }
        var score = [Score](repeating: lowest, count: n * tags)
        var back = [Int8](repeating: 0, count: n * tags)
        for t in 0..<tags where TagSet.allowed(-1, t) {
            score[t] = emissions[t] + transitions[t]
        }
        if n > 1 {
            for i in 1..<n {
                let row = i * tags
                let previousRow = row - tags
                for t in 0..<tags {
                    var best = lowest
                    var bestPrevious = 0
                    for p in 0..<tags where TagSet.allowed(p, t) {
                        let s = score[previousRow + p]
                        if s == lowest { continue }
                        let candidate = s + transitions[(p + 1) * tags + t]
                        if best == lowest || candidate > best {
                            best = candidate
                            bestPrevious = p
                        }
                    }
                    if best != lowest {
                        score[row + t] = best + emissions[row + t]
                        back[row + t] = Int8(bestPrevious)
                    }
                }
            }
        }
        var last = 0
        let lastRow = (n - 1) * tags
        for t in 0..<tags where score[lastRow + t] != lowest && score[lastRow + t] > score[lastRow + last] {
            last = t
        }
        var path = [Int](repeating: 0, count: n)
        path[n - 1] = last
        var i = n - 1
        while i > 0 {
            path[i - 1] = Int(back[i * tags + path[i]])
            i -= 1
        }
        return path
    }
}

extension Viterbi {
    /// The tagger's decoding, on integer scores: the same search and tie-breaking as the generic ``decode``
    /// (the lowest previous tag wins a tie; `Int32.min` marks a tag that no path reaches), over unchecked buffers,
    /// choosing the best previous tag with selects instead of branches. `scores` and `back` are scratch buffers.
    static func decode(
        emissions: UnsafeBufferPointer<Int32>, count n: Int, transitions: UnsafeBufferPointer<Int32>,
        scores: inout [Int32], back: inout [Int8]
    ) -> [Int] {
        let tags = TagSet.count
        guard n > 0 else { return [] }
        scores.ensureCount(n * tags)
        back.ensureCount(n * tags)
        var path = [Int](repeating: 0, count: n)
        scores.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                var unreached = false
                for t in 0..<tags {
                    score[t] = TagSet.allowed(-1, t) ? emissions[t] + transitions[t] : lowest
                    unreached = unreached || score[t] == lowest
                }
                for i in 1..<max(n, 1) {
                    // Only a token after one with an unreached tag (the first, whose `I-X` no path reaches) has
                    // previous tags to leave out.
                    unreached =
                        unreached
                        ? step(i * tags, tags, score, back, emissions, transitions, skippingUnreached: true)
                        : step(i * tags, tags, score, back, emissions, transitions, skippingUnreached: false)
                }
                var last = 0
                let lastRow = (n - 1) * tags
                for t in 0..<tags where score[lastRow + t] != lowest && score[lastRow + t] > score[lastRow + last] {
                    last = t
                }
                path[n - 1] = last
                var i = n - 1
                while i > 0 {
                    path[i - 1] = Int(back[i * tags + path[i]])
                    i -= 1
                }
            }
        }
        return path
    }

    /// The score marking a tag that no path reaches.
    private static var lowest: Int32 { Int32.min }

    /// Fills the scores and back pointers of the token whose row starts at `row` from those of the token before,
    /// leaving out previous tags that no path reaches if `skippingUnreached` (needless when there are none), and
    /// returns whether a tag of this token is unreached. ``TagSet/allowed(_:_:)`` lets any tag precede `O` and
    /// `B-X`, and only `B-X` and `I-X` (tags `t − 1` and `t`) precede `I-X`.
    @inline(__always)
    private static func step(
        _ row: Int, _ tags: Int, _ score: UnsafeMutableBufferPointer<Int32>, _ back: UnsafeMutableBufferPointer<Int8>,
        _ emissions: UnsafeBufferPointer<Int32>, _ transitions: UnsafeBufferPointer<Int32>, skippingUnreached: Bool
    ) -> Bool {
        let previousRow = row &- tags
        var unreached = false
        for t in 0..<tags {
            let inside = t != 0 && t % 2 == 0
            var best = lowest
            var bestPrevious = 0
            for p in (inside ? t - 1 : 0)..<(inside ? t + 1 : tags) {
                let s = score[previousRow &+ p]
                if skippingUnreached && s == lowest { continue }
                let candidate = s &+ transitions[(p &+ 1) &* tags &+ t]
                let better = best == lowest || candidate > best
                best = better ? candidate : best
                bestPrevious = better ? p : bestPrevious
            }
            let reached = best != lowest
            score[row &+ t] = reached ? best &+ emissions[row &+ t] : lowest
            back[row &+ t] = reached ? Int8(truncatingIfNeeded: bestPrevious) : 0
            unreached = unreached || !reached
        }
        return unreached
    }
}
