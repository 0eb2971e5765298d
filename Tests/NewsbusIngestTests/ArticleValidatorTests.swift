import Foundation
@testable import NewsbusIngest
import NewsbusProtocol
import Testing

@Suite struct ArticleValidatorTests {
    let validator = ArticleValidator(limits: .init(maxMessageBytes: 4096, maxContentBytes: 2048, maxFieldCharacters: 100))

    private func verdict(_ json: String) -> Result<RawArticle, IngestRejection> {
        validator.validate(WireMessage(frames: [Data(json.utf8)]))
    }

    private func code(_ json: String) -> String? {
        if case .failure(let rejection) = verdict(json) { return rejection.code }
        return nil
    }

    @Test func acceptsABareArticle() throws {
        let article = try verdict(#"{"text": "Bonjour", "url": "https://x.example/a", "lang": "fr", "client_id": "7"}"#).get()
        #expect(article.text == "Bonjour")
        #expect(article.clientID == "7")
    }

    @Test func acceptsAProtocolMessage() throws {
        let message = try WireCodec.encode(Envelope(id: "x", payload: RawArticle(html: "<p>Hi</p>")))
        #expect(try validator.validate(message).get().html == "<p>Hi</p>")
    }

    @Test(arguments: [
        (#"{"url": "https://x.example"}"#, "missing_content"),
        (#"{"text": "   \n "}"#, "empty_content"),
        (#"{"text": 42}"#, "wrong_type"),
        (#"{"text": "a", "title": ["x"]}"#, "wrong_type"),
        (#"{"text": "a""#, "malformed_json"),
        ("hello", "malformed_json"),
        (#"[{"text": "a"}]"#, "not_an_object"),
        (#"{"text": "a", "lang": "french!"}"#, "invalid_field"),
    ])
    func refusesWithAPreciseCode(_ json: String, _ expected: String) {
        #expect(code(json) == expected)
    }

    @Test func namesTheFieldAndWhy() throws {
        guard case .failure(let rejection) = verdict(#"{"text": "a", "title": 3}"#) else {
            Issue.record("accepted a numeric title")
            return
        }
        #expect(rejection.field == "title")
        #expect(rejection.reason.contains("must be a string"))
    }

    @Test func refusesInvalidUTF8WithItsOffset() {
        let bytes = Data(#"{"text": "caf"#.utf8) + Data([0xC3, 0x28]) + Data(#""}"#.utf8)
        guard case .failure(let rejection) = validator.validate(WireMessage(frames: [bytes])) else {
            Issue.record("accepted invalid UTF-8")
            return
        }
        #expect(rejection.code == "invalid_utf8")
        #expect(rejection.reason.contains("byte 13"))
    }

    @Test func refusesOversizeContentAndFields() {
        #expect(code(#"{"text": "\#(String(repeating: "a", count: 3000))"}"#) == "too_large")
        #expect(code(#"{"text": "a", "url": "\#(String(repeating: "u", count: 200))"}"#) == "field_too_long")
        let huge = WireMessage(frames: [Data(repeating: 0x20, count: 5000)])
        guard case .failure(let rejection) = validator.validate(huge) else { return }
        #expect(rejection.code == "too_large")
    }

    @Test func refusesOtherFrameCountsAndNewerMajorVersions() throws {
        #expect(throws: IngestRejection.self) { try validator.validate(WireMessage(frames: [Data(), Data(), Data()])).get() }
        let message = try WireCodec.encode(Envelope(id: "x", payload: RawArticle(text: "a")))
        var object = try #require(JSONSerialization.jsonObject(with: message.frames[1]) as? [String: Any])
        object["v"] = "3.0"
        let newer = WireMessage(frames: [message.frames[0], try JSONSerialization.data(withJSONObject: object)])
        guard case .failure(let rejection) = validator.validate(newer) else {
            Issue.record("accepted protocol 3.0")
            return
        }
        #expect(rejection.code == "unsupported_version")
    }
}

@Suite struct ArticleIdentityTests {
    @Test func sameContentSameIDWhateverTheWhitespaceAndComposition() {
        let composed = RawArticle(text: "Le café  de\nRabat ")
        let decomposed = RawArticle(text: " Le cafe\u{301} de Rabat", url: "https://elsewhere.example")
        #expect(ArticleIdentity.id(of: composed) == ArticleIdentity.id(of: decomposed))
        #expect(ArticleIdentity.id(of: composed) != ArticleIdentity.id(of: RawArticle(text: "Le café de Tunis")))
    }

    @Test func idsAre32HexDigitsAndStableAcrossRuns() {
        let id = ArticleIdentity.id(ofContent: "Newsbus")
        #expect(id.rawValue.count == 32)
        #expect(id.rawValue.allSatisfy { $0.isHexDigit })
        // A fixed value: ids must not change between versions, or duplicates would no longer be recognised.
        #expect(id == ArticleIdentity.id(ofContent: "  Newsbus\n"))
        #expect(id.rawValue == "6e1078e5de64b0d50100fd604d4bd16a")
    }
}

@Suite struct ArticleJournalTests {
    @Test func recognisesDuplicatesWithinAndAcrossBatches() throws {
        let journal = try ArticleJournal(path: nil)
        let first = try journal.admit([("a", Data("1".utf8)), ("b", Data("2".utf8)), ("a", Data("1".utf8))])
        #expect(first == [true, true, false])
        #expect(try journal.admit([("b", Data())]) == [false])
        try journal.markStored(["a"])
        #expect(try journal.counts() == ["pending": 1, "stored": 1])
    }

    @Test func survivesReopening() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try ArticleJournal(path: path).admit([("kept", Data("x".utf8))])
        #expect(try ArticleJournal(path: path).admit([("kept", Data("x".utf8))]) == [false])
    }
}

@Suite struct ArticleIdentityNormalisationTests {
    @Test func whitespaceSetIsUnicodeWhiteSpace() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ArticleIdentity.isWhitespace(value) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func skippingCompositionNeverChangesTheResult() {
        // Every scalar the fast path treats as already composed is left unchanged by NFC.
        for value in UInt32(0)...0x20CF where value < 0x300 || value >= 0x2010 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == [value], "U+\(String(value, radix: 16))")
        }
    }

    @Test func compositionCheckOnBytesMatchesTheRuleOnCodePoints() {
        // The check reads UTF-8 lead bytes; the rule is stated on code points. Each code point, alone and in text.
        let edges: [ClosedRange<UInt32>] = [0x2F0...0x310, 0x1FF0...0x20E0, 0x24F0...0x27D0, 0xFDF0...0xFE20, 0x1EFF0...0x1FB10]
        for value in UInt32(0)...0x10FFFF where value % 7 == 0 || edges.contains(where: { $0.contains(value) }) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = !ArticleIdentity.isStableUnderNFC(value)
            let alone = String(Character(scalar))
            #expect(ArticleIdentity.mayNeedComposition(alone) == expected, "U+\(String(value, radix: 16))")
            #expect(ArticleIdentity.mayNeedComposition("Le café " + alone + " à Rabat") == expected)
        }
    }

    @Test func codePointsTakenAsStableAreLeftAsTheyAreByNFC() {
        // Every code point the check lets through, alone, after letters it could compose with, and before a combining
        // accent: NFC changes none of these texts.
        for value in UInt32(0x300)...0x1FAFF where ArticleIdentity.isStableUnderNFC(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
            let alone = String(Character(scalar))
            for text in [alone, "e" + alone, "\u{1100}" + alone, "\u{915}" + alone, alone + "\u{301}", alone + "\u{1161}"] {
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                        "NFC changes \(text.unicodeScalars.map { "U+" + String($0.value, radix: 16) })")
            }
        }
        // And the code points just outside the ranges that NFC does change are not let through.
        for value: UInt32 in [0x300, 0x301, 0x2000, 0x2001, 0x20D0, 0x2126, 0x212B, 0x2329, 0x232A] {
            #expect(!ArticleIdentity.isStableUnderNFC(value), "U+\(String(value, radix: 16))")
        }
    }

    @Test func bytesAreNormalisedAsScalarByScalar() {
        // Spaces of every width and length in UTF-8 (1 to 3 bytes) next to text of 1 to 4 bytes per code point.
        let pieces = [" ", "\t", "\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{3000}", "a", "é", "€", "🇲🇦", "l’État"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(ArticleIdentity.normalisedBytes(text) == Self.scalarByScalar(text), "\(text.debugDescription)")
        }
    }

    /// The normalisation written the plain way: white-space runs made one space, trimmed.
    private static func scalarByScalar(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(contentsOf: String(scalar).utf8)
        }
        return result
    }
}
