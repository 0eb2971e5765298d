import Foundation
import Logging
import NewsbusIngest
import NewsbusProtocol
import NewsbusStage
import NewsbusTransport
import ServiceLifecycle

/// The ingest shell: articles come in on a PULL socket (fire-and-forget pushes) and on a responder (acknowledged
/// submits, one verdict each); new ones go on to parse, rejections are published with their reason, and
/// `article.stored` events mark journal entries done.
///
/// Counters: `received`, `accepted`, `duplicates`, `rejected`, `stored`, `failed` (journal errors).
public struct IngestService: Service {
    let intake: ArticleIntake
    let pushes: any MessageReceiver
    let submits: any Responder
    let output: any MessageSender
    let events: any MessageSender
    let storedAcks: (any MessageReceiver)?
    let counters: StageCounters
    let redeliveryInterval: Duration
    let logger: Logger

    /// - Parameter redeliveryInterval: how often the journal is checked for articles due to be sent again.
    public init(
        intake: ArticleIntake, pushes: any MessageReceiver, submits: any Responder, output: any MessageSender,
        events: any MessageSender, storedAcks: (any MessageReceiver)?, counters: StageCounters,
        redeliveryInterval: Duration = .seconds(1), logger: Logger
    ) {
        self.intake = intake
        self.pushes = pushes
        self.submits = submits
        self.output = output
        self.events = events
        self.storedAcks = storedAcks
        self.counters = counters
        self.redeliveryInterval = redeliveryInterval
        self.logger = logger
    }

    public func run() async throws {
        logger.info("ingest started", metadata: ["push": "\(pushes.endpoint)", "submit": "\(submits.endpoint)"])
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    // The input loops end once drained; then acknowledgements stop being read too.
                    await withTaskGroup(of: Void.self) { inputs in
                        inputs.addTask { await receivePushes() }
                        inputs.addTask { await answerSubmits() }
                    }
                    storedAcks?.drain()
                }
                if let storedAcks { group.addTask { await recordStored(storedAcks) } }
                group.addTask { await redeliverUntilShutdown() }
            }
        } onGracefulShutdown: { [counters] in
            counters.markDraining()
            pushes.drain()
            submits.drain()
        }
        await output.close()
        await events.close()
        await pushes.close()
        await submits.close()
        await storedAcks?.close()
        logger.info("ingest stopped", metadata: ["counters": "\(counters.counts)"])
    }

    private func receivePushes() async {
        var iterator = pushes.messages().makeAsyncIterator()
        while true {
            let batch = await iterator.nextBatch(maxCount: 256)
            if batch.isEmpty { return }
            _ = await handle(batch)
        }
    }

    private func answerSubmits() async {
        var iterator = submits.requests().makeAsyncIterator()
        while true {
            let batch = await iterator.nextBatch(maxCount: 256)
            if batch.isEmpty { return }
            let outcomes = await handle(batch.map(\.message))
            for (request, outcome) in zip(batch, outcomes) {
                try? await request.reply(verdict(for: outcome))
            }
        }
    }

    /// Admits a batch, forwards what is new, publishes rejections; returns the outcome of each message.
    func handle(_ batch: [WireMessage]) async -> [ArticleIntake.Outcome] {
        counters.add("received", batch.count)
        let outcomes: [ArticleIntake.Outcome]
        do {
            outcomes = try intake.admit(batch)
        } catch {
            counters.add("failed", batch.count)
            logger.error("journal write failed: articles not accepted", metadata: [LogKey.error: "\(error)"])
            let rejection = IngestRejection(code: "journal_failed", reason: "the journal could not record the article: \(error)")
            return batch.map { _ in .rejected(rejection, clientID: nil) }
        }
        for outcome in outcomes {
            switch outcome {
            case .accepted(let envelope, let message):
                counters.add("accepted")
                do {
                    try await output.send(message)
                } catch {
                    counters.add("failed")
                    logger.error("could not forward", metadata: [LogKey.articleID: "\(envelope.id)", LogKey.error: "\(error)"])
                }
            case .duplicate:
                counters.add("duplicates")
            case .rejected(let rejection, let clientID):
                counters.add("rejected")
                logger.debug("rejected", metadata: [LogKey.errorCode: "\(rejection.code)"])
                let envelope = Envelope(id: "rejected", payload: rejection.rejection(clientID: clientID))
                if let message = try? WireCodec.encode(envelope, qualifiers: ["ingest"]) {
                    try? await events.send(message)
                }
            }
        }
        return outcomes
    }

    private func verdict(for outcome: ArticleIntake.Outcome) -> WireMessage {
        let envelope: Envelope<SubmitVerdict>
        switch outcome {
        case .accepted(let article, _):
            envelope = Envelope(
                id: article.id, trace: article.trace,
                payload: SubmitVerdict(verdict: .accepted, clientID: article.payload.clientID))
        case .duplicate(let id, let clientID):
            envelope = Envelope(id: id, payload: SubmitVerdict(verdict: .duplicate, clientID: clientID))
        case .rejected(let rejection, let clientID):
            envelope = Envelope(
                id: "rejected",
                payload: SubmitVerdict(verdict: .rejected, rejection: rejection.rejection(clientID: clientID), clientID: clientID))
        }
        return (try? WireCodec.encode(envelope)) ?? WireMessage(frames: [Data("article.verdict".utf8), Data("{}".utf8)])
    }

    /// Every `redeliveryInterval`, sends again what the store has not confirmed in time and publishes dead letters
    /// for what was sent too often. Ends with the graceful shutdown.
    private func redeliverUntilShutdown() async {
        let redelivery = ArticleRedelivery(journal: intake.journal, policy: intake.redelivery)
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: redeliveryInterval)
                await redeliverDue(redelivery)
            }
        }
    }

    func redeliverDue(_ redelivery: ArticleRedelivery) async {
        let round: ArticleRedelivery.Round
        do {
            round = try redelivery.round(at: Date())
        } catch {
            logger.warning("could not read the journal for redelivery", metadata: [LogKey.error: "\(error)"])
            return
        }
        for message in round.resend {
            do {
                try await output.send(message)
                counters.add("redelivered")
            } catch {
                counters.add("failed")
            }
        }
        for letter in round.dead {
            counters.add("dead")
            logger.warning(
                "article parked as dead", metadata: [LogKey.articleID: "\(letter.id)", "reason": "\(letter.payload.reason)"])
            if let message = try? WireCodec.encode(letter) { try? await events.send(message) }
        }
    }

    /// Follows the store's `article.stored` events (journal entries done) and the later stages' `article.rejected`
    /// events: an accepted article a stage refuses is parked as dead at once, with that stage's reason, since
    /// sending it again would be refused again.
    private func recordStored(_ acks: any MessageReceiver) async {
        var iterator = acks.messages().makeAsyncIterator()
        while true {
            let batch = await iterator.nextBatch(maxCount: 256)
            if batch.isEmpty { return }
            let ids = batch.compactMap { try? WireCodec.decode($0, as: StoredAck.self).id }
            do {
                try intake.journal.markStored(ids)
                counters.add("stored", ids.count)
            } catch {
                logger.warning("could not mark stored articles", metadata: [LogKey.error: "\(error)"])
            }
            for message in batch {
                guard let refusal = try? WireCodec.decode(message, as: Rejection.self), refusal.payload.stage != "ingest"
                else { continue }
                await park(refusal)
            }
        }
    }

    private func park(_ refusal: Envelope<Rejection>) async {
        let rejection = refusal.payload
        do {
            guard let parked = try intake.journal.park(refusal.id, reason: "\(rejection.stage): \(rejection.reason)")
            else { return }
            counters.add("dead")
            let letter = DeadLetter(
                stage: rejection.stage, code: rejection.code, reason: rejection.reason, attempts: parked.attempts,
                originalType: .articleRaw, original: String(decoding: parked.envelope, as: UTF8.self))
            if let message = try? WireCodec.encode(Envelope(id: refusal.id, trace: refusal.trace, payload: letter)) {
                try? await events.send(message)
            }
        } catch {
            logger.warning("could not park a refused article", metadata: [LogKey.error: "\(error)"])
        }
    }
}

extension IngestService: CustomStringConvertible {
    public var description: String { "IngestService" }
}
