import Foundation

/// Trains an averaged structured perceptron over hashed features with Viterbi decoding (Collins 2002), and
/// writes it in the ``TaggerModel`` file format.
public struct Trainer: Sendable {
    /// Passes over the training data.
    public var epochs: Int
    /// log2 of the number of weight rows (2^20 rows × 9 tags is a 9.4 MB model file).
    public var bucketBits: Int
    /// The language written into the model.
    public var language: String
    /// Seed of the per-epoch shuffle, so that a run is reproducible.
    public var seed: UInt64

    let features: FeatureExtractor

    /// A trainer using `resources`' gazetteer and clusters, which the model must then be used with.
    public init(
        language: String, epochs: Int = 8, bucketBits: Int = 20, seed: UInt64 = 1, resources: ExtractorResources
    ) {
        self.language = language
        self.epochs = epochs
        self.bucketBits = bucketBits
        self.seed = seed
        self.features = FeatureExtractor(
            gazetteer: resources.gazetteer, clusters: resources.clusters, bucketBits: bucketBits)
    }

    /// Trains on `sentences`; after each epoch `progress(epoch, model bytes)` may evaluate the model so far.
    public func train(_ sentences: [LabeledSentence], progress: (Int, Data) -> Void = { _, _ in }) -> Data {
        let tags = TagSet.count
        let perToken = FeatureExtractor.count
        var featureTable: [[Int32]] = []
        featureTable.reserveCapacity(sentences.count)
        var scratch = TaggerScratch()
        for sentence in sentences {
            features.extract(features.infos(sentence.tokens[...])[...], into: &scratch)
            featureTable.append(scratch.features)
        }
        let size = (1 << bucketBits) * tags
        var weights = [Float](repeating: 0, count: size)
        var totals = [Float](repeating: 0, count: size)
        var transitions = [Float](repeating: 0, count: (tags + 1) * tags)
        var transitionTotals = [Float](repeating: 0, count: (tags + 1) * tags)
        var step: Float = 1
        var order = Array(sentences.indices)
        var random = SplitMix(state: seed)
        var model = Data()
        for epoch in 1...max(1, epochs) {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            for s in order {
                let gold = sentences[s].tags
                let feats = featureTable[s]
                let n = gold.count
                var emissions = [Float](repeating: 0, count: n * tags)
                for i in 0..<n {
                    for k in 0..<perToken {
                        let row = Int(feats[i * perToken + k]) * tags
                        for t in 0..<tags { emissions[i * tags + t] += weights[row + t] }
                    }
                }
                let predicted = emissions.withUnsafeBufferPointer { e in
                    transitions.withUnsafeBufferPointer { t in
                        Viterbi.decode(emissions: e, count: n, transitions: t, lowest: -Float.infinity)
                    }
                }
                if predicted != gold {
                    for i in 0..<n {
                        let g = gold[i]
                        let p = predicted[i]
                        if g != p {
                            for k in 0..<perToken {
                                let row = Int(feats[i * perToken + k]) * tags
                                weights[row + g] += 1
                                totals[row + g] += step
                                weights[row + p] -= 1
                                totals[row + p] -= step
                            }
                        }
                        let gp = i == 0 ? 0 : gold[i - 1] + 1
                        let pp = i == 0 ? 0 : predicted[i - 1] + 1
                        if gp != pp || g != p {
                            transitions[gp * tags + g] += 1
                            transitionTotals[gp * tags + g] += step
                            transitions[pp * tags + p] -= 1
                            transitionTotals[pp * tags + p] -= step
                        }
                    }
                }
                step += 1
            }
            let averaged = zip(weights, totals).map { $0 - $1 / step }
            let averagedTransitions = zip(transitions, transitionTotals).map { $0 - $1 / step }
            model = TaggerModel.encode(
                language: language, bucketBits: bucketBits, weights: averaged, transitions: averagedTransitions)
            progress(epoch, model)
        }
        return model
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state)
    }
}
