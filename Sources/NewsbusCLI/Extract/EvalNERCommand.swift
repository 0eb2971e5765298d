import ArgumentParser
import Foundation
import NewsbusExtract

/// `newsbus eval-ner`: exact-span precision, recall and F1 per label of a model on CoNLL files.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-ner",
        abstract: "Score a tagger model on CoNLL files (exact span match).",
        discussion: "--model takes a model file or a bundled language (fr, en)."
    )

    @Option(name: .long, help: "A model file, or fr / en for the bundled models.")
    var model: String

    @Flag(name: .long, help: "Correct spans as `extract` does (titles out of names, gazetteer organisations …).")
    var repairs = false

    @Argument(help: "CoNLL files (.conll or .conll.gz).")
    var files: [String]

    func run() throws {
        let bundled = ExtractorResources.languages.contains(model)
        let resources = try ExtractorResources.bundled(models: bundled)
        let tagger = bundled ? resources.models[model]! : try ExtractorResources.model(at: URL(fileURLWithPath: model))
        let score = TaggerEvaluation(model: tagger, resources: resources, repairs: repairs).evaluate(
            try CompressedText.sentences(files))
        print(score.report())
    }
}
