import Foundation

/// Precision, recall and F1 per label over exact entity spans (same start, end and label).
public struct SpanEvaluator: Sendable {
    /// Counts for one label (or for all of them).
    public struct Score: Sendable, Hashable {
        /// Predicted spans that are in the gold data.
        public var truePositives = 0
        /// Predicted spans that are not.
        public var falsePositives = 0
        /// Gold spans that were not predicted.
        public var falseNegatives = 0

        /// Share of predicted spans that are right.
        public var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// Share of gold spans that were found.
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        /// Harmonic mean of precision and recall.
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        /// Gold entities counted.
        public var support: Int { truePositives + falseNegatives }

        static func + (a: Score, b: Score) -> Score {
            Score(
                truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
                falseNegatives: a.falseNegatives + b.falseNegatives)
        }
    }

    /// Counts per label name (`"PER"` …).
    public private(set) var byLabel: [String: Score] = [:]

    /// An evaluator with no counts yet.
    public init() {}

    /// Adds one sentence: its gold and predicted tag numbers.
    mutating func add(gold: [Int], predicted: [Int]) {
        let goldSpans = Set(TagSet.spans(gold).map { [$0.start, $0.end, $0.label] })
        let predictedSpans = Set(TagSet.spans(predicted).map { [$0.start, $0.end, $0.label] })
        for span in predictedSpans {
            let label = TagSet.labels[span[2]]
            if goldSpans.contains(span) {
                byLabel[label, default: Score()].truePositives += 1
            } else {
                byLabel[label, default: Score()].falsePositives += 1
            }
        }
        for span in goldSpans.subtracting(predictedSpans) {
            byLabel[TagSet.labels[span[2]], default: Score()].falseNegatives += 1
        }
    }

    /// Micro-averaged counts over `labels`.
    public func total(_ labels: [String] = ["PER", "ORG", "LOC", "MISC"]) -> Score {
        labels.reduce(Score()) { $0 + (byLabel[$1] ?? Score()) }
    }

    /// A table: one row per label, then `core` (PER, LOC, ORG) and `all`.
    public func report() -> String {
        var lines = ["label      P       R       F1      gold"]
        func row(_ name: String, _ score: Score) {
            let cells = [score.precision, score.recall, score.f1].map { String(format: "%.4f", $0) }
            lines.append(
                name.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + cells.joined(separator: "  ")
                    + "  " + String(score.support))
        }
        for label in TagSet.labels { row(label, byLabel[label] ?? Score()) }
        row("core", total(["PER", "LOC", "ORG"]))
        row("all", total())
        return lines.joined(separator: "\n")
    }
}
