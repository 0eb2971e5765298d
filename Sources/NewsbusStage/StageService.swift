import Foundation
import Logging
import NewsbusProtocol
import NewsbusTransport
import ServiceLifecycle

/// Runs a ``Stage`` between sockets: takes messages from `input`, decodes them, processes them, sends the
/// emissions on, and publishes a rejection for every input it cannot handle. It never stops on bad input.
///
/// On graceful shutdown it stops taking new messages, finishes those already received, then flushes and closes
/// its channels. Counters: `received`, `emitted`, `rejected` (with a reason published), `failed` (transient failures,
/// left to be sent again), `undeliverable`.
public struct StageService<S: Stage>: Service {
    private let stage: S
    private let input: any MessageReceiver
    private let output: (any MessageSender)?
    private let events: (any MessageSender)?
    private let counters: StageCounters
    private let concurrency: Int
    private let logger: Logger

    /// - Parameters:
    ///   - output: where ``Emission/Destination/next`` messages go (nil for the last stage).
    ///   - events: where rejections and ``Emission/Destination/events`` messages go.
    ///   - concurrency: how many messages are processed at once (on the cooperative pool).
    public init(
        stage: S, input: any MessageReceiver, output: (any MessageSender)?, events: (any MessageSender)?,
        counters: StageCounters, concurrency: Int = 1, logger: Logger
    ) {
        self.stage = stage
        self.input = input
        self.output = output
        self.events = events
        self.counters = counters
        self.concurrency = max(1, concurrency)
        self.logger = logger
    }

    public func run() async throws {
        let input = self.input
        logger.info("stage started", metadata: [LogKey.endpoint: "\(input.endpoint)"])
        await withGracefulShutdownHandler {
            var iterator = input.messages().makeAsyncIterator()
            while true {
                let batch = await iterator.nextBatch(maxCount: 64 * concurrency)
                if batch.isEmpty { break }
                counters.add("received", batch.count)
                for (message, outcome) in zip(batch, await process(batch)) {
                    await deliver(outcome, for: message)
                }
            }
        } onGracefulShutdown: { [counters] in
            counters.markDraining()
            input.drain()
        }
        logger.info("stage draining: flushing outputs")
        await output?.close()
        await events?.close()
        await input.close()
        logger.info("stage stopped", metadata: ["counters": "\(counters.counts)"])
    }

    /// Processes a batch, keeping its order in the result: as one batch for the stage when `concurrency` is 1,
    /// else `concurrency` messages at a time.
    private func process(_ batch: [WireMessage]) async -> [Result<[Emission], StageFailure>] {
        let clock = ContinuousClock()
        let start = clock.now
        let decoded = batch.map(decode)
        var results = decoded.map { $0.map { _ in [Emission]() } }
        if concurrency == 1 || batch.count == 1 {
            let envelopes = decoded.compactMap { try? $0.get() }
            var outcomes = stage.process(batch: envelopes).makeIterator()
            for index in results.indices where (try? decoded[index].get()) != nil {
                results[index] = outcomes.next() ?? .failure(StageFailure(code: "lost", reason: "no outcome"))
            }
        } else {
            await withTaskGroup(of: (Int, Result<[Emission], StageFailure>).self) { group in
                var pending = decoded.indices.filter { (try? decoded[$0].get()) != nil }.makeIterator()
                func startNext() {
                    guard let index = pending.next(), let envelope = try? decoded[index].get() else { return }
                    group.addTask { (index, Result { () throws(StageFailure) in try stage.process(envelope) }) }
                }
                for _ in 0..<concurrency { startNext() }
                for await (index, result) in group {
                    results[index] = result
                    startNext()
                }
            }
        }
        let elapsed = start.duration(to: clock.now)
        let perMessage = (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            / Double(max(1, batch.count))
        for _ in batch { counters.recordLatency(milliseconds: perMessage) }
        return results
    }

    private func decode(_ message: WireMessage) -> Result<Envelope<S.Input>, StageFailure> {
        do {
            return .success(try WireCodec.decode(message, as: S.Input.self))
        } catch {
            return .failure(StageFailure(code: error.code.description, reason: error.message))
        }
    }

    private func deliver(_ outcome: Result<[Emission], StageFailure>, for message: WireMessage) async {
        switch outcome {
        case .success(let emissions):
            for emission in emissions {
                guard let channel = emission.destination == .next ? output : events else { continue }
                do {
                    try await channel.send(emission.message)
                    counters.add("emitted")
                } catch {
                    counters.add("undeliverable")
                    logger.warning("could not send", metadata: [LogKey.error: "\(error)"])
                }
            }
        case .failure(let failure) where failure.transient:
            // Not the input's fault: nothing is published, so that it is sent again rather than parked.
            counters.add("failed")
            let header = try? WireCodec.header(of: message)
            logger.warning(
                "failed, left to be sent again",
                metadata: [LogKey.articleID: "\(header?.id?.rawValue ?? "-")", LogKey.error: "\(failure)"])
        case .failure(let failure):
            counters.add("rejected")
            let header = try? WireCodec.header(of: message)
            logger.debug(
                "rejected",
                metadata: [LogKey.articleID: "\(header?.id?.rawValue ?? "-")", LogKey.errorCode: "\(failure.code)"])
            await publishRejection(failure, header: header)
        }
    }

    private func publishRejection(_ failure: StageFailure, header: EnvelopeHeader?) async {
        guard let events else { return }
        let rejection = Rejection(stage: stage.name, code: failure.code, reason: failure.reason, field: failure.field)
        let envelope = Envelope(
            id: header?.id ?? ArticleID(rawValue: "unknown"), trace: header?.trace ?? .random(),
            attempt: header?.attempt ?? 1, payload: rejection)
        if let message = try? WireCodec.encode(envelope, qualifiers: [stage.name]) {
            try? await events.send(message)
        }
    }
}

extension StageService: CustomStringConvertible {
    /// A short name for logs (a service is described whenever it is grouped: never print its whole core).
    public var description: String { "StageService(\(stage.name))" }
}
