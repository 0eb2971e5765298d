/// Tags sentences with BIO labels: hashed features, integer weights from a ``TaggerModel``, Viterbi decoding.
struct PerceptronTagger: Sendable {
    let model: TaggerModel
    let features: FeatureExtractor

    init(model: TaggerModel, gazetteer: Gazetteer, clusters: WordClusters) {
        self.model = model
        self.features = FeatureExtractor(gazetteer: gazetteer, clusters: clusters, bucketBits: model.bucketBits)
    }

    /// The tag of each token of one sentence.
    func tag(_ tokens: ArraySlice<Token>, scratch: inout [Int32]) -> [Int] {
        let n = tokens.count
        guard n > 0 else { return [] }
        features.extract(tokens, into: &scratch)
        let tags = TagSet.count
        let perToken = FeatureExtractor.count
        var emissions = [Int32](repeating: 0, count: n * tags)
        model.weights.withUnsafeBufferPointer { weights in
            scratch.withUnsafeBufferPointer { feats in
                emissions.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        var sums = (
                            Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0), Int32(0),
                            Int32(0)
                        )
                        for k in 0..<perToken {
                            let row = Int(feats[i * perToken + k]) * tags
                            sums.0 &+= Int32(weights[row])
                            sums.1 &+= Int32(weights[row + 1])
                            sums.2 &+= Int32(weights[row + 2])
                            sums.3 &+= Int32(weights[row + 3])
                            sums.4 &+= Int32(weights[row + 4])
                            sums.5 &+= Int32(weights[row + 5])
                            sums.6 &+= Int32(weights[row + 6])
                            sums.7 &+= Int32(weights[row + 7])
                            sums.8 &+= Int32(weights[row + 8])
                        }
                        let base = i * tags
                        out[base] = sums.0
                        out[base + 1] = sums.1
                        out[base + 2] = sums.2
                        out[base + 3] = sums.3
                        out[base + 4] = sums.4
                        out[base + 5] = sums.5
                        out[base + 6] = sums.6
                        out[base + 7] = sums.7
                        out[base + 8] = sums.8
                    }
                }
            }
        }
        return emissions.withUnsafeBufferPointer { e in
            model.transitions.withUnsafeBufferPointer { t in
                Viterbi.decode(emissions: e, count: n, transitions: t, lowest: Int32.min)
            }
        }
    }
}
