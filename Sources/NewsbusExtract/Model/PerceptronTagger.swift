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
        precondition(tags == 9, "the emission sums are written for nine tags")
        let perToken = FeatureExtractor.count
        var emissions = [Int32](repeating: 0, count: n * tags)
        // First every feature's bucket becomes the offset of its weight row (independent loads, which the processor
        // overlaps), then the rows are summed: tags 0…7 of a row as one vector of eight lanes, tag 8 on its own;
        // Int32 lanes wrap like the scalar sums they replace.
        model.rowIndex.withUnsafeBufferPointer { rowIndex in
            scratch.withUnsafeMutableBufferPointer { feats in
                for j in 0..<(n * perToken) {
                    feats[j] = Int32(truncatingIfNeeded: rowIndex[Int(feats[j])]) &* Int32(tags)
                }
            }
        }
        model.rows.withUnsafeBufferPointer { weights in
            scratch.withUnsafeBufferPointer { rows in
                emissions.withUnsafeMutableBufferPointer { out in
                    let raw = UnsafeRawPointer(weights.baseAddress!)
                    for i in 0..<n {
                        var sums = SIMD8<Int32>()
                        var ninth = Int32(0)
                        for k in 0..<perToken {
                            let row = Int(rows[i * perToken + k])
                            let lanes = raw.loadUnaligned(
                                fromByteOffset: row * MemoryLayout<Int16>.stride, as: SIMD8<Int16>.self)
                            sums &+= SIMD8<Int32>(truncatingIfNeeded: lanes)
                            ninth &+= Int32(weights[row + 8])
                        }
                        let base = i * tags
                        for t in 0..<8 { out[base + t] = sums[t] }
                        out[base + 8] = ninth
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
