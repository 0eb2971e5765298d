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
    /// (the lowest previous tag wins a tie; `Int32.min` marks a tag that no path reaches), over unchecked buffers.
    /// The best previous tag is chosen by comparing candidates in pairs, then the winners of pairs, which does not
    /// make each comparison wait for the one before. `scores` and `back` are scratch buffers.
    static func decode(
        emissions: UnsafeBufferPointer<Int32>, count n: Int, transitions: UnsafeBufferPointer<Int32>,
        scores: inout [Int32], back: inout [Int8]
    ) -> [Int] {
        let tags = TagSet.count
        precondition(tags == 9, "the decoding is written for nine tags")
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
                    unreached = step(i * tags, score, back, emissions, transitions, skippingUnreached: unreached)
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
    /// leaving out previous tags that no path reaches if `skippingUnreached`, and returns whether a tag of this
    /// token is unreached.
    @inline(__always)
    private static func step(
        _ row: Int, _ score: UnsafeMutableBufferPointer<Int32>, _ back: UnsafeMutableBufferPointer<Int8>,
        _ emissions: UnsafeBufferPointer<Int32>, _ transitions: UnsafeBufferPointer<Int32>, skippingUnreached: Bool
    ) -> Bool {
        let tags = 9
        let previous = UnsafeBufferPointer(rebasing: score[(row &- tags)..<row])
        var unreached = false
        for t in 0..<tags {
            // The pairwise choice needs every previous tag reached, and a best score that cannot be taken for
            // "none yet" by the sequential rule (`best == lowest || candidate > best`); else the rule itself.
            var (best, from) = skippingUnreached ? (lowest, 0) : pairwiseBest(t, previous, transitions)
            if best == lowest { (best, from) = sequentialBest(t, previous, transitions, skippingUnreached) }
            let reached = best != lowest
            score[row &+ t] = reached ? best &+ emissions[row &+ t] : lowest
            back[row &+ t] = reached ? Int8(truncatingIfNeeded: from) : 0
            unreached = unreached || !reached
        }
        return unreached
    }

    /// The best score of tag `t` over the previous tags that may precede it, and the first previous tag with it.
    /// ``TagSet/allowed(_:_:)`` lets any tag precede `O` and `B-X`, and only `B-X` and `I-X` (tags `t − 1` and
    /// `t`) precede `I-X`.
    @inline(__always)
    private static func pairwiseBest(
        _ t: Int, _ previous: UnsafeBufferPointer<Int32>, _ transitions: UnsafeBufferPointer<Int32>
    ) -> (Int32, Int) {
        @inline(__always) func candidate(_ p: Int) -> (Int32, Int) {
            (previous[p] &+ transitions[(p &+ 1) &* 9 &+ t], p)
        }
        // Of two candidates, the later wins only with a higher score: the first best is kept.
        @inline(__always) func pick(_ a: (Int32, Int), _ b: (Int32, Int)) -> (Int32, Int) { b.0 > a.0 ? b : a }
        if t != 0 && t % 2 == 0 { return pick(candidate(t &- 1), candidate(t)) }
        let low = pick(pick(candidate(0), candidate(1)), pick(candidate(2), candidate(3)))
        let high = pick(pick(candidate(4), candidate(5)), pick(candidate(6), candidate(7)))
        return pick(pick(low, high), candidate(8))
    }

    /// ``pairwiseBest(_:_:_:)`` one previous tag after the other, as the generic decoding chooses, leaving out
    /// unreached previous tags if `skippingUnreached`.
    private static func sequentialBest(
        _ t: Int, _ previous: UnsafeBufferPointer<Int32>, _ transitions: UnsafeBufferPointer<Int32>,
        _ skippingUnreached: Bool
    ) -> (Int32, Int) {
        let inside = t != 0 && t % 2 == 0
        var best = lowest
        var bestPrevious = 0
        for p in (inside ? t - 1 : 0)..<(inside ? t + 1 : 9) {
            let s = previous[p]
            if skippingUnreached && s == lowest { continue }
            let candidate = s &+ transitions[(p &+ 1) &* 9 &+ t]
            if best == lowest || candidate > best {
                best = candidate
                bestPrevious = p
            }
        }
        return (best, bestPrevious)
    }
}
