/// The buffers that tagging reuses from one sentence to the next, so that tagging the sentences of a text
/// allocates only when a sentence is longer than every one before it.
struct TaggerScratch {
    /// The sentence's token infos between two paddings on each side (the neighbours the features read).
    var padded: [FeatureExtractor.TokenInfo] = []
    /// The word hash of each token of the sentence.
    var words: [UInt64] = []
    /// The gazetteer code of each token of the sentence.
    var codes: [UInt8] = []
    /// ``FeatureExtractor/count`` hash buckets per token, which become the offsets of their weight rows.
    var features: [Int32] = []
    /// ``TagSet/count`` emission scores per token.
    var emissions: [Int32] = []
    /// Viterbi's best path scores, ``TagSet/count`` per token.
    var scores: [Int32] = []
    /// Viterbi's back pointers, ``TagSet/count`` per token.
    var back: [Int8] = []
}

extension Array where Element: FixedWidthInteger {
    /// Grows the array with zeros to at least `count` elements (its elements are scratch space to overwrite).
    mutating func ensureCount(_ count: Int) {
        if self.count < count { append(contentsOf: repeatElement(0, count: count - self.count)) }
    }
}
