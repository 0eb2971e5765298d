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
    /// (lowest previous tag wins a tie), over unchecked buffers. ``TagSet/allowed(_:_:)`` lets any tag precede
    /// `O` and `B-X`, and only `B-X` and `I-X` (tags `t − 1` and `t`) precede `I-X`.
    static func decode(
        emissions: UnsafeBufferPointer<Int32>, count n: Int, transitions: UnsafeBufferPointer<Int32>, lowest: Int32
    ) -> [Int] {
        let tags = TagSet.count
        guard n > 0 else { return [] }
        var back = [Int8](repeating: 0, count: n * tags)
        var path = [Int](repeating: 0, count: n)
        var score = [Int32](repeating: lowest, count: n * tags)
        score.withUnsafeMutableBufferPointer { score in
            back.withUnsafeMutableBufferPointer { back in
                for t in 0..<tags where TagSet.allowed(-1, t) {
                    score[t] = emissions[t] + transitions[t]
                }
                for i in 1..<max(n, 1) {
                    let row = i * tags
                    let previousRow = row - tags
                    for t in 0..<tags {
                        let inside = t != 0 && t % 2 == 0
                        var best = lowest
                        var bestPrevious = 0
                        for p in (inside ? t - 1 : 0)..<(inside ? t + 1 : tags) {
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
}
