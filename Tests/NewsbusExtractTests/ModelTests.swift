import Foundation
import NewsbusProtocol
import Testing

@testable import NewsbusExtract

@Suite struct ModelTests {
    static let sentences: [([String], [String])] = [
        (["Marie", "Curie", "vit", "à", "Paris", "."], ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
        (["Jean", "Dupont", "travaille", "chez", "Renault", "."], ["B-PER", "I-PER", "O", "O", "B-ORG", "O"]),
        (["La", "Banque", "Lambert", "ouvre", "à", "Lyon", "."], ["O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "O"]),
        (["Paul", "Martin", "part", "pour", "Genève", "."], ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
        (
            ["Le", "journal", "Le", "Temps", "parle", "de", "Berne", "."],
            ["O", "O", "B-MISC", "I-MISC", "O", "O", "B-LOC", "O"]
        ),
    ]

    @Test func trainEvaluateAndReloadATinyModel() throws {
        let data = try Self.sentences.map { try LabeledSentence(words: $0.0, tags: $0.1) }
        let resources = ExtractorResources(gazetteer: Gazetteer(), clusters: WordClusters(), models: [:])
        let bytes = Trainer(language: "fr", epochs: 10, bucketBits: 12, resources: resources).train(data)
        let model = try ExtractorResources.model(data: bytes, source: "tiny")
        #expect(model.language == "fr")
        let score = TaggerEvaluation(model: model, resources: resources).evaluate(data)
        #expect(score.total().f1 == 1.0)
        #expect(score.report().contains("PER"))
    }

    @Test func rowIndexGivesEachBucketItsRowInTwoOrFourBytes() {
        for rows: [UInt32] in [[0, 3, 0, 1, 65_535, 2], [0, 3, 0, 1, 65_536, 2]] {
            let index = RowIndex(rows: rows)
            #expect(rows.indices.map(index.row) == rows.map { Int($0) })
            var offsets = rows.indices.map { Int32($0) }
            offsets.withUnsafeMutableBufferPointer { index.replaceWithRowOffsets($0, width: 9) }
            #expect(offsets == rows.map { Int32($0 * 9) })
        }
    }

    @Test func aModelKeepsEachDistinctWeightRowOnce() throws {
        let tags = TagSet.count
        var weights = [Float](repeating: 0, count: (1 << 10) * tags)
        for bucket in [3, 700] {
            weights[bucket * tags + 1] = 2
            weights[bucket * tags + 4] = -1
        }
        weights[5 * tags + 1] = 2
        weights[5 * tags + 8] = 0.5
        let transitions = [Float](repeating: 0, count: (tags + 1) * tags)
        let bytes = TaggerModel.encode(language: "fr", bucketBits: 10, weights: weights, transitions: transitions)
        let model = try TaggerModel.decode(bytes, source: "rows")
        #expect(model.rows.count == 3 * tags)
        #expect(model.rowIndex.row(3) == model.rowIndex.row(700))
        #expect(model.rowIndex.row(3) != model.rowIndex.row(5))
        #expect(model.rowIndex.row(4) == 0 && model.rowIndex.row(5) != 0)
        let row = model.rowIndex.row(700) * tags
        #expect(model.rows[row + 1] == 8000 && model.rows[row + 4] < 0 && model.rows[row] == 0)
    }

    @Test func integerViterbiAgreesWithTheGenericDecoding() {
        var random = SplitMix(state: 3)
        var scores: [Int32] = []
        var back: [Int8] = []
        for trial in 0..<400 {
            let n = 1 + Int(random.next() % 12)
            // Scores from a small range tie often: the lowest previous tag must win the ties in both.
            let range: UInt64 = trial % 2 == 0 ? 3 : 40_000
            func score() -> Int32 { Int32(Int64(random.next() % range) - Int64(range / 2)) }
            let emissions = (0..<(n * TagSet.count)).map { _ in score() }
            let transitions = (0..<((TagSet.count + 1) * TagSet.count)).map { _ in score() }
            emissions.withUnsafeBufferPointer { e in
                transitions.withUnsafeBufferPointer { t in
                    let generic = Viterbi.decode(emissions: e, count: n, transitions: t, lowest: Int32.min)
                    let integer = Viterbi.decode(emissions: e, count: n, transitions: t, scores: &scores, back: &back)
                    #expect(integer == generic, "trial \(trial)")
                }
            }
        }
    }

    @Test func aDamagedModelIsRejectedWithItsReason() throws {
        #expect {
            _ = try ExtractorResources.model(data: Data("NOTAMODEL".utf8), source: "bad.nbner")
        } throws: { error in
            (error as? ExtractFailure)?.code == .invalidModel
                && (error as? ExtractFailure)?.message.contains("bad.nbner") == true
        }
    }

    @Test func conllReaderJoinsSplitElisionsAndTitles() throws {
        let text = "-DOCSTART-\n\nM\tB-PER\n.\tI-PER\nBenda\tI-PER\nvoit\tO\nl\tO\n'\tO\nhomme\tO\n\n"
        let sentences = try CoNLLReader().read(text, source: "inline")
        #expect(sentences.count == 1)
        #expect(sentences[0].tokens.map(\.text) == ["M.", "Benda", "voit", "l'", "homme"])
        #expect(throws: ExtractFailure.self) { try CoNLLReader().read("mot\tB-XYZ\n", source: "inline") }
    }

    @Test
    func bundledModelsFindEntitiesInFrenchAndEnglish() throws {
        let extractor = try #require(Bundled.extractor)
        #expect(Set(extractor.languages) == ["fr", "en"])
        let text = "Le président Emmanuel Macron a rencontré à Berlin la chancelière."
        let fr = extractor.mentions(in: text, lang: "fr")
        #expect(fr.contains { $0.label == .person && $0.text == "Emmanuel Macron" })
        #expect(fr.contains { $0.label == .location && $0.text == "Berlin" })
        let en = extractor.mentions(
            in: "German Chancellor Angela Merkel met Microsoft executives in Paris on Monday.", lang: nil)
        #expect(en.contains { $0.label == .person && $0.text == "Angela Merkel" })
        #expect(en.contains { $0.label == .location && $0.text == "Paris" })
    }

    @Test
    func extractBuildsCanonicalEntitiesWithOffsetsIntoTheBody() throws {
        let extractor = try #require(Bundled.extractor)
        let body =
            "Le Bureau central d'investigations judiciaires (BCIJ) a arrêté deux hommes à Rabat en juin 2021. "
            + "Le BCIJ a saisi 6 000 euros."
        let article = ParsedArticle(
            title: "Coup de filet du BCIJ", body: body, blocks: [], lang: "fr", langConfidence: 1, wordCount: 20)
        let enriched = extractor.extract(article, publishedAt: "2021-07-01")
        let scalars = Array(body.unicodeScalars)
        for entity in enriched.entities {
            for mention in entity.mentions {
                #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
            }
        }
        let bcij = try #require(enriched.entities.first { $0.key == "ORG:bureau-central-d-investigations-judiciaires" })
        #expect(bcij.mentionCount == 3)
        #expect(enriched.entities.first?.key == bcij.key)
        #expect(enriched.dates.map(\.value) == ["2021-06"])
        #expect(enriched.entities.contains { $0.label == .money && $0.value == "6000 EUR" })
        #expect(enriched.entities.contains { $0.key == "LOC:rabat" })
    }

    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func seedArticle() throws {
        let extractor = try #require(Bundled.extractor)
        let text = try SharedData.text("articles/seed-maroc-aqmi.txt")
        let mentions = extractor.mentions(in: text, lang: "fr")
        let names = Set(mentions.map { "\($0.label.rawValue) \($0.text.replacingOccurrences(of: "’", with: "'"))" })
        let expected = [
            "PER Oussama Ben Laden", "PER Wendy Sherman", "PER José Bono", "LOC Maroc", "LOC États-Unis",
            "LOC Espagne", "LOC Rabat", "LOC France", "LOC Canada", "LOC Tunisie", "LOC Égypte", "LOC Jordanie",
            "LOC Soudan", "LOC Libye", "ORG Al-Qaïda au Maghreb islamique", "ORG Daech", "ORG Nations Unies",
            "ORG Bureau central d'investigations judiciaires", "ORG BCIJ", "DATE juin 2021", "DATE Août 2021",
            "DATE 2020-2023",
        ]
        for name in expected { #expect(names.contains(name), "missing \(name)") }
        let values = Set(mentions.compactMap(\.value))
        #expect(values.isSuperset(of: ["2021-06", "2021-08", "2020/2023"]))
        let keys = Set(extractor.canonicalGroups(mentions).map(\.key))
        #expect(keys.contains("ORG:bureau-central-d-investigations-judiciaires"))
        #expect(!keys.contains("ORG:bcij"))
    }

    @Test func languageGuess() {
        #expect(LanguageGuesser().guess("Le gouvernement a annoncé des mesures pour les retraités.") == "fr")
        #expect(LanguageGuesser().guess("The government said it was ready to act on the report.") == "en")
        #expect(LanguageGuesser().guess("12 345") == nil)
    }
}
