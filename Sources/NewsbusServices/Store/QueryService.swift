import Foundation
import Logging
import NewsbusProtocol
import NewsbusStage
import NewsbusStore
import NewsbusTransport
import ServiceLifecycle

/// Answers `query.request` with `query.result` from the store. A request that is not a query gets a result whose
/// `error` says why.
public struct QueryService: Service {
    let store: any ArticleStore
    let responder: any Responder
    let counters: StageCounters
    let logger: Logger

    public init(store: any ArticleStore, responder: any Responder, counters: StageCounters, logger: Logger) {
        self.store = store
        self.responder = responder
        self.counters = counters
        self.logger = logger
    }

    public func run() async throws {
        let responder = self.responder
        logger.info("query service started", metadata: [LogKey.endpoint: "\(responder.endpoint)"])
        await withGracefulShutdownHandler {
            for await request in responder.requests() {
                counters.add("queries")
                let result: QueryResult
                let header = try? WireCodec.header(of: request.message)
                do {
                    result = store.query(try WireCodec.decode(request.message, as: ArticleQuery.self).payload)
                } catch {
                    result = QueryResult(total: 0, articles: [], error: "\(error)")
                }
                let envelope = Envelope(id: header?.id ?? "query", trace: header?.trace ?? .random(), payload: result)
                if let reply = try? WireCodec.encode(envelope) {
                    try? await request.reply(reply)
                }
            }
        } onGracefulShutdown: {
            responder.drain()
        }
        await responder.close()
    }
}

extension QueryService: CustomStringConvertible {
    public var description: String { "QueryService" }
}
