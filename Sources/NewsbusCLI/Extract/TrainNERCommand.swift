import ArgumentParser
import Foundation
import NewsbusExtract

/// `newsbus train-ner`: trains one language's tagger on CoNLL files and writes the model file.
struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train a named-entity tagger (averaged perceptron) on CoNLL files.",
        discussion: """
            Uses the gazetteer and word clusters bundled with NewsbusExtract, so a model must be retrained when \
            they change. Prints dev precision, recall and F1 per label after each epoch.
            """
    )

    @Option(name: .long, help: "Language written into the model (fr, en).")
    var lang: String

    @Option(name: .long, parsing: .upToNextOption, help: "Training files (.conll or .conll.gz).")
    var train: [String]

    @Option(name: .long, help: "Development file scored after each epoch.")
    var dev: String?

    @Option(name: .long, help: "Where to write the model.")
    var out: String

    @Option(name: .long, help: "Passes over the training data.")
    var epochs: Int = 8

    @Option(name: .long, help: "log2 of the weight table's rows.")
    var bits: Int = 20

    func validate() throws {
        guard (1...50).contains(epochs) else { throw ValidationError("--epochs must be in 1...50") }
        guard (12...22).contains(bits) else { throw ValidationError("--bits must be in 12...22") }
        guard !train.isEmpty else { throw ValidationError("--train needs at least one file") }
    }

    func run() throws {
        let resources = try ExtractorResources.bundled(models: false)
        let sentences = try CompressedText.sentences(train)
        let devSentences = try dev.map { try CompressedText.sentences([$0]) }
        FileHandleOutput.standardError.write("training \(lang) on \(sentences.count) sentences\n")
        let trainer = Trainer(language: lang, epochs: epochs, bucketBits: bits, resources: resources)
        let started = Date()
        let model = trainer.train(sentences) { epoch, data in
            let elapsed = String(format: "%.0f", Date().timeIntervalSince(started))
            guard let devSentences, let model = try? ExtractorResources.model(data: data, source: "epoch \(epoch)")
            else {
                FileHandleOutput.standardError.write("epoch \(epoch) (\(elapsed) s)\n")
                return
            }
            let score = TaggerEvaluation(model: model, resources: resources).evaluate(devSentences)
            print("epoch \(epoch) (\(elapsed) s) dev F1 \(String(format: "%.4f", score.total().f1))")
            if epoch == epochs { print(score.report()) }
        }
        try model.write(to: URL(fileURLWithPath: out))
        FileHandleOutput.standardError.write("wrote \(out) (\(model.count) bytes)\n")
    }
}
