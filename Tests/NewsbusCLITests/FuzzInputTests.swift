import Foundation
@testable import NewsbusCLI
import NewsbusProtocol
import NewsbusTesting
import NewsbusTransport
import Testing

/// Malformed input of every kind, sent to every socket a client can reach, against the real executables: each one
/// is answered or reported with a reason, and no service goes down.
@Suite(.serialized) struct FuzzInputTests {
    /// Malformed articles, each with what makes it bad.
    static func corpus() -> [(String, [Data])] {
        var generator = SeededRandom(seed: 0x6E65_7773)
        let randomBytes = (0..<8).map { index in
            Data((0..<(1 << (index + 3))).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let envelope = try! WireCodec.encode(Envelope(id: "f", payload: RawArticle(text: "Texte.")))
        var newer = (try! JSONSerialization.jsonObject(with: envelope.frames[1]) as! [String: Any])
        newer["v"] = "9.0"
        let nested = String(repeating: "<div>", count: 50_000) + "Texte profond." + String(repeating: "</div>", count: 50_000)
        var cases: [(String, [Data])] = randomBytes.enumerated().map { ("random bytes \($0.offset)", [$0.element]) }
        cases += [
            ("empty frame", [Data()]),
            ("truncated JSON", [Data(#"{"text": "abc"#.utf8)]),
            ("JSON array", [Data(#"[{"text": "a"}]"#.utf8)]),
            ("JSON number", [Data("42".utf8)]),
            ("wrong type", [Data(#"{"text": ["a"]}"#.utf8)]),
            ("no content", [Data(#"{"url": "https://x.example"}"#.utf8)]),
            ("invalid UTF-8", [Data(#"{"text": ""#.utf8) + Data([0xC0, 0xAF, 0xFF]) + Data(#""}"#.utf8)]),
            ("NUL bytes", [Data([0x7B, 0x00, 0x00, 0x7D])]),
            ("three frames", [Data("article.raw".utf8), Data(), Data()]),
            ("topic without envelope", [Data("article.raw".utf8), Data()]),
            ("unknown major version", [envelope.frames[0], try! JSONSerialization.data(withJSONObject: newer)]),
            ("wrong topic", [Data("article.parsed".utf8), envelope.frames[1]]),
            ("too large", [Data(#"{"text": ""#.utf8) + Data(repeating: 0x61, count: 9 << 20) + Data(#""}"#.utf8)]),
            ("deeply nested HTML", [try! JSONSerialization.data(withJSONObject: ["html": nested])]),
        ]
        return cases
    }

    @Test func everyMalformedSubmitGetsAReasonAndEveryServiceStaysUp() async throws {
        let pipeline = try await PipelineSystemTests.Pipeline()
        for (what, frames) in Self.corpus() {
            let reply = try await pipeline.submitter.request(WireMessage(frames: frames), timeout: .seconds(30))
            let verdict = try WireCodec.decode(reply, as: SubmitVerdict.self).payload
            if what == "deeply nested HTML" {
                // Valid for ingest; parse copes with the depth without crashing (checked below: no restart).
                #expect(verdict.verdict == .accepted)
                continue
            }
            #expect(verdict.verdict == .rejected, "\(what) was \(verdict.verdict)")
            #expect(verdict.rejection?.reason.isEmpty == false, "\(what) was refused without a reason")
        }
        // The same inputs pushed (fire-and-forget) are reported as article.rejected events, one each.
        let push = try await pipeline.transport.sender(.push, at: pipeline.local.push)
        let pushed = Self.corpus().filter { $0.0 != "deeply nested HTML" }
        for (_, frames) in pushed { try await push.send(WireMessage(frames: frames)) }
        await push.close()
        let reported = try await within(.seconds(60), "the pushed inputs' rejections") { [events = pipeline.events] in
            var count = 0
            for await message in events.messages() {
                guard let rejection = try? WireCodec.decode(message, as: Rejection.self),
                    rejection.payload.stage == "ingest", !rejection.payload.reason.isEmpty
                else { continue }
                count += 1
                // Submitted and pushed inputs are both reported: wait for all of them.
                if count == 2 * pushed.count { break }
            }
            return count
        }
        #expect(reported == 2 * pushed.count)
        // Queries and status requests made of garbage are answered too.
        let query = try await pipeline.transport.requester(at: pipeline.local.query)
        let answer = try await query.request(WireMessage(frames: [Data([0xFF, 0x00])]), timeout: eventPatience)
        #expect(try WireCodec.decode(answer, as: QueryResult.self).payload.error != nil)
        await query.close()
        for plan in pipeline.supervisor.plans {
            let status = try await pipeline.transport.requester(at: plan.status)
            let report = try await status.request(WireMessage(frames: [Data("?".utf8)]), timeout: eventPatience)
            #expect(try WireCodec.decode(report, as: StatusReport.self).payload.state == "ok", "\(plan.name)")
            await status.close()
        }
        #expect(pipeline.supervisor.restarts == 0, "a service went down")
        let statuses = await pipeline.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "exit statuses: \(statuses)")
    }
}
