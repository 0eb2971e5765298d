/// Runs a tagger model over annotated sentences and scores its spans.
public struct TaggerEvaluation: Sendable {
    let tagger: PerceptronTagger
    let repairs: SpanRepairs?

    /// An evaluation of `model` with the gazetteer and clusters of `resources`; with `repairs`, the spans are
    /// corrected as the extractor corrects them (no titles in names, gazetteer organisations …).
    public init(model: TaggerModel, resources: ExtractorResources, repairs: Bool = false) {
        self.tagger = PerceptronTagger(model: model, gazetteer: resources.gazetteer, clusters: resources.clusters)
        self.repairs = repairs ? SpanRepairs(gazetteer: resources.gazetteer) : nil
    }

    /// Exact-span precision, recall and F1 per label over `sentences`.
    public func evaluate(_ sentences: [LabeledSentence]) -> SpanEvaluator {
        var evaluator = SpanEvaluator()
        var scratch = TaggerScratch()
        for sentence in sentences {
            var predicted = tagger.tag(sentence.tokens[...], scratch: &scratch)
            if let repairs {
                let spans = TagSet.spans(predicted).map { SpanRepairs.Span(tokens: $0.start..<$0.end, label: $0.label) }
                predicted = [Int](repeating: 0, count: predicted.count)
                for span in repairs.repair(spans, sentence.tokens) {
                    for k in span.tokens {
                        predicted[k] = k == span.tokens.lowerBound ? 1 + 2 * span.label : 2 + 2 * span.label
                    }
                }
            }
            evaluator.add(gold: sentence.tags, predicted: predicted)
        }
        return evaluator
    }

    /// Tags only (for benchmarks): the number of tokens tagged.
    public func tagAll(_ sentences: [[Token]]) -> Int {
        var scratch = TaggerScratch()
        var count = 0
        for sentence in sentences { count += tagger.tag(sentence[...], scratch: &scratch).count }
        return count
    }
}
