import ArgumentParser
import Foundation
import NewsbusExtract
import Testing

@testable import NewsbusCLI

@Suite struct ExtractCommandTests {
    static let extractor: EntityExtractor? = try? EntityExtractor()

    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func parsesTheExtractCommands() throws {
        #expect(try NewsbusCommand.parseAsRoot(["extract", "--lang", "fr"]) is ExtractCommand)
        #expect(throws: (any Error).self) { try NewsbusCommand.parseAsRoot(["extract", "--lang", "de"]) }
        let train = try #require(
            try NewsbusCommand.parseAsRoot(["train-ner", "--lang", "fr", "--train", "a.conll", "b.conll", "--out", "m"])
                as? TrainNERCommand)
        #expect(train.train == ["a.conll", "b.conll"])
        #expect(try NewsbusCommand.parseAsRoot(["eval-ner", "--model", "fr", "x.conll"]) is EvalNERCommand)
        #expect(try NewsbusCommand.parseAsRoot(["bench", "extract", "--json"]) is ExtractBenchCommand)
    }

    @Test
    func anArticleLineGivesEntitiesWithCodePointOffsets() throws {
        let processor = ExtractLineProcessor(extractor: try #require(Self.extractor), defaultLanguage: nil)
        let line = #"{"id": 7, "text": "👍 Wendy Sherman est à Rabat depuis juin 2021."}"#
        let output = try json(processor.process(line))
        #expect(output["id"] as? Int == 7)
        #expect(output["lang"] as? String == "fr")
        let entities = try #require(output["entities"] as? [[String: Any]])
        let person = try #require(entities.first { $0["label"] as? String == "PER" })
        #expect(person["start"] as? Int == 2)
        #expect(person["end"] as? Int == 15)
        #expect(person["canonical"] as? String == "PER:wendy-sherman")
        let dates = try #require(output["dates"] as? [[String: Any]])
        #expect(dates.first?["value"] as? String == "2021-06")
    }

    @Test
    func badLinesGetAnErrorObject() throws {
        let processor = ExtractLineProcessor(extractor: try #require(Self.extractor), defaultLanguage: "fr")
        let missing = try json(processor.process(#"{"id": "a"}"#))
        #expect(missing["id"] as? String == "a")
        #expect((missing["error"] as? [String: Any])?["code"] as? String == "invalid_input")
        let garbage = try json(processor.process("not json"))
        #expect(garbage["id"] == nil)
        #expect((garbage["error"] as? [String: Any])?["message"] as? String == "the line is not a JSON object")
        let language = try json(processor.process(#"{"id": 1, "text": "x", "lang": "de"}"#))
        #expect(((language["error"] as? [String: Any])?["message"] as? String)?.contains("de") == true)
    }
}
