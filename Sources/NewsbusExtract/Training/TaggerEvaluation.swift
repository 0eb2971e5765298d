/// Runs a tagger model over annotated sentences and scores its spans.
public struct TaggerEvaluation: Sendable {
    let tagger: PerceptronTagger

    /// An evaluation of `model` with the gazetteer and clusters of `resources`.
    public init(model: TaggerModel, resources: ExtractorResources) {
        self.tagger = PerceptronTagger(model: model, gazetteer: resources.gazetteer, clusters: resources.clusters)
    }

    /// Exact-span precision, recall and F1 per label over `sentences`.
    public func evaluate(_ sentences: [LabeledSentence]) -> SpanEvaluator {
        var evaluator = SpanEvaluator()
        var scratch: [Int32] = []
        for sentence in sentences {
            evaluator.add(gold: sentence.tags, predicted: tagger.tag(sentence.tokens[...], scratch: &scratch))
        }
        return evaluator
    }

    /// Tags only (for benchmarks): the number of tokens tagged.
    public func tagAll(_ sentences: [[Token]]) -> Int {
        var scratch: [Int32] = []
        var count = 0
        for sentence in sentences { count += tagger.tag(sentence[...], scratch: &scratch).count }
        return count
    }
}
