import NewsbusParse
import NewsbusProtocol
import NewsbusStage

/// The parse core as a stage: `article.raw` in, `article.parsed` out (same id, trace and creation time).
public struct ParseStage: Stage {
    public let name = "parse"
    let parser: ArticleParser

    /// By default, a page from which no article text survives is refused (`no_content`) rather than passed on empty.
    public init(parser: ArticleParser = ArticleParser(options: .init(failWhenEmpty: true))) { self.parser = parser }

    public func process(_ input: Envelope<RawArticle>) throws(StageFailure) -> [Emission] {
        do {
            return [try .forward(input.forwarding(try parser.parse(input.payload)))]
        } catch let failure as ParseFailure {
            throw StageFailure(code: failure.code.rawValue, reason: failure.message)
        } catch let failure as StageFailure {
            throw failure
        } catch {
            throw StageFailure(code: "parse_failed", reason: "\(error)")
        }
    }
}
