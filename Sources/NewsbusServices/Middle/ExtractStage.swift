import NewsbusExtract
import NewsbusProtocol
import NewsbusStage

/// The extract core as a stage: `article.parsed` in, `article.enriched` out (same id, trace and creation time).
public struct ExtractStage: Stage {
    public let name = "extract"
    let extractor: EntityExtractor

    public init(extractor: EntityExtractor) { self.extractor = extractor }

    public func process(_ input: Envelope<ParsedArticle>) throws(StageFailure) -> [Emission] {
        [try .forward(input.forwarding(extractor.extract(input.payload)))]
    }
}
