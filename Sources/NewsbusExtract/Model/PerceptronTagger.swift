/// Tags sentences with BIO labels: hashed features, integer weights from a ``TaggerModel``, Viterbi decoding.
struct PerceptronTagger: Sendable {
    let model: TaggerModel
    let features: FeatureExtractor

    init(model: TaggerModel, gazetteer: Gazetteer, clusters: WordClusters) {
        self.model = model
        self.features = FeatureExtractor(gazetteer: gazetteer, clusters: clusters, bucketBits: model.bucketBits)
    }

    /// The tag of each token of one sentence known by its tokens alone (training and evaluation sentences).
    func tag(_ tokens: ArraySlice<Token>, scratch: inout TaggerScratch) -> [Int] {
        tag(features.infos(tokens)[...], scratch: &scratch)
    }

    /// The tag of each token of one sentence, given its tokens' ``FeatureExtractor/infos(_:scalars:)``.
    func tag(_ infos: ArraySlice<FeatureExtractor.TokenInfo>, scratch: inout TaggerScratch) -> [Int] {
        let n = infos.count
        guard n > 0 else { return [] }
        features.extract(infos, into: &scratch)
        scoreEmissions(n, &scratch)
        return scratch.emissions.withUnsafeBufferPointer { e in
            model.transitions.withUnsafeBufferPointer { t in
                Viterbi.decode(emissions: e, count: n, transitions: t, scores: &scratch.scores, back: &scratch.back)
            }
        }
    }

    /// Sums the weight rows of each token's features (in `scratch.features`) into `scratch.emissions`.
    private func scoreEmissions(_ n: Int, _ scratch: inout TaggerScratch) {
        let tags = TagSet.count
        precondition(tags == 9, "the emission sums are written for nine tags")
        let perToken = FeatureExtractor.count
        scratch.emissions.ensureCount(n * tags)
        // First every feature's bucket becomes the offset of its weight row (independent loads, which the processor
        // overlaps), then the rows are summed: tags 0…7 of a row as one vector of eight lanes, tag 8 on its own;
        // Int32 lanes wrap like the scalar sums they replace.
        scratch.features.withUnsafeMutableBufferPointer { model.rowIndex.replaceWithRowOffsets($0, width: tags) }
        model.rows.withUnsafeBufferPointer { weights in
            scratch.features.withUnsafeBufferPointer { rows in
                scratch.emissions.withUnsafeMutableBufferPointer { out in
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
    }
}
