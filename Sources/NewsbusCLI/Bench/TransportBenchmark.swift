import Foundation
import NewsbusProtocol
import NewsbusTransport
import NewsbusTransportZMQ
import ZeroMQ

/// One-way throughput of one sender and one receiver, through the raw wrapper or through the transport seam.
struct TransportBenchmark: Sendable {
    enum Implementation: String, CaseIterable, Sendable, Codable { case raw, zeromq, inprocess }
    enum Kind: String, CaseIterable, Sendable, Codable { case inproc, ipc, tcp }

    struct Result: Codable, Sendable {
        var impl: Implementation
        var transport: Kind
        var size: Int
        var messages: Int
        var seconds: Double
        var msgsPerS: Double
        var mbPerS: Double

        enum CodingKeys: String, CodingKey {
            case impl, transport, size, messages, seconds, msgsPerS = "msgs_per_s", mbPerS = "mb_per_s"
        }

        init(impl: Implementation, transport: Kind, size: Int, messages: Int, seconds: Double) {
            self.impl = impl
            self.transport = transport
            self.size = size
            self.messages = messages
            self.seconds = seconds
            self.msgsPerS = Double(messages) / seconds
            self.mbPerS = msgsPerS * Double(size) / 1_000_000
        }
    }

    /// How long each case sends.
    let duration: Duration

    func measure(_ impl: Implementation, _ kind: Kind, size: Int) async throws -> Result {
        let payload = Data((0..<size).map { UInt8(truncatingIfNeeded: $0) })
        let endpoint = Self.endpoint(kind)
        defer { if case .ipc(let path) = endpoint { unlink(path) } }
        let (messages, seconds) =
            switch impl {
            case .raw: try await RawPushPull(duration: duration).run(payload: payload, endpoint: endpoint)
            case .zeromq: try await measureSeam(try ZMQTransport(), payload: payload, endpoint: endpoint)
            case .inprocess: try await measureSeam(InProcessTransport(), payload: payload, endpoint: endpoint)
            }
        return Result(impl: impl, transport: kind, size: size, messages: messages, seconds: seconds)
    }

    /// Pushes `payload` for `duration` through the seam, then an end marker; counts what the receiver got.
    private func measureSeam(_ transport: any Transport, payload: Data, endpoint: Endpoint) async throws
        -> (Int, Double)
    {
        let options = ChannelOptions(highWaterMark: 1000, maxMessageSize: payload.count + 64)
        let pull = try await transport.receiver(.pull, at: .bind(endpoint), options: options)
        let push = try await transport.sender(.push, at: .connect(pull.endpoint), options: options)
        let counting = Task { () -> Int in
            var count = 0
            for await message in pull.messages() {
                if message.frames.count == 2 { break }  // the end marker
                count += 1
            }
            return count
        }
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: duration)
        let message = WireMessage(frames: [payload])
        var sent = 0
        while sent % 64 != 0 || clock.now < deadline {
            try await push.send(message)
            sent += 1
        }
        try await push.send(WireMessage(frames: [Data(), Data()]))
        let received = await counting.value
        let elapsed = start.duration(to: clock.now)
        await push.close()
        await pull.close()
        if let zmq = transport as? ZMQTransport { zmq.shutdown() }
        return (received, Self.seconds(elapsed))
    }

    static func endpoint(_ kind: Kind) -> Endpoint {
        let unique = "newsbus-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        switch kind {
        case .inproc: return .inproc(name: unique)
        case .ipc: return .ipc(path: FileManager.default.temporaryDirectory.appendingPathComponent(unique).path)
        case .tcp: return .tcp(host: "127.0.0.1", port: 0)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The baseline: a PUSH and a PULL socket of the wrapper, each on its own thread, no async code at all.
struct RawPushPull: Sendable {
    let duration: Duration

    func run(payload: Data, endpoint: Endpoint) async throws -> (Int, Double) {
        let context = try Context()
        defer { context.terminate() }
        // The receiver binds on its own thread and reports the endpoint it got before the sender starts.
        let (bindings, reportBinding) = AsyncStream.makeStream(of: Result<String, ZMQError>.self)
        let duration = self.duration
        async let received: Int = onThread { () throws(ZMQError) in
            let pull = try Socket(.pull, in: context)
            defer { pull.close() }
            do throws(ZMQError) {
                try pull.setOptions([.linger(milliseconds: 0), .receiveTimeout(milliseconds: 10_000)])
                try pull.bind(endpoint.description)
                reportBinding.yield(.success(try pull.lastEndpoint))
            } catch {
                reportBinding.yield(.failure(error))
                throw error
            }
            var count = 0
            while true {
                let frames = try pull.receive()
                if frames.count == 2 { return count }
                count += 1
            }
        }
        var bindingIterator = bindings.makeAsyncIterator()
        guard let binding = await bindingIterator.next() else { throw ZMQError.terminated }
        let bound = try binding.get()
        let (sentAt, _): (ContinuousClock.Instant, Int) = try await onThread { () throws(ZMQError) in
            let push = try Socket(.push, in: context)
            defer { push.close() }
            try push.setOptions([.linger(milliseconds: 5_000), .sendTimeout(milliseconds: 10_000)])
            try push.connect(bound)
            let clock = ContinuousClock()
            let start = clock.now
            let deadline = start.advanced(by: duration)
            var sent = 0
            while sent % 64 != 0 || clock.now < deadline {
                try push.send(payload)
                sent += 1
            }
            try push.send([Data(), Data()])
            return (start, sent)
        }
        let count = try await received
        return (count, TransportBenchmark.seconds(sentAt.duration(to: ContinuousClock.now)))
    }
}

/// Runs blocking work on a new OS thread, never on the cooperative pool.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws(ZMQError) -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            do throws(ZMQError) {
                continuation.resume(returning: try work())
            } catch {
                continuation.resume(throwing: error)
            }
        }.start()
    }
}
