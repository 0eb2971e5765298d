import Foundation
import NewsbusProtocol
import Testing

/// The one-pass JSON reader and writer: they must read and write exactly what the `Codable` forms read and
/// write, and refuse whatever those refuse.
@Suite struct JSONWireCodecTests {
    // MARK: Agreement with Codable, on every fixture

    @Test(arguments: GoldenFixtureTests.valid)
    func readsEveryValidFixtureAsCodableDoes(_ fixture: ProtocolFixtures.Fixture) throws {
        let type = try #require(ProtocolFixtures.payloadType(of: fixture.type))
        try expectAgreement(fixture.envelopeBytes, type)
    }

    @Test(arguments: GoldenFixtureTests.invalid)
    func refusesEveryInvalidFixtureThatCodableRefuses(_ fixture: ProtocolFixtures.Fixture) throws {
        let name = fixture.name.split(separator: ".").prefix(2).joined(separator: ".")
        let type = try #require(ProtocolFixtures.payloadType(of: name))
        try expectSameVerdict(fixture.envelopeBytes, type)
    }

    private func expectAgreement<P: Payload>(_ bytes: Data, _: P.Type) throws {
        let reference = try JSONDecoder().decode(Envelope<P>.self, from: bytes)
        let read = try JSONReader.read(bytes) { try Envelope<P>(from: &$0) }
        #expect(read == reference)
        var writer = JSONWriter()
        reference.write(to: &writer)
        #expect(writer.failure == nil)
        #expect(try JSONDecoder().decode(Envelope<P>.self, from: Data(writer.bytes)) == reference)
    }

    private func expectSameVerdict<P: Payload>(_ bytes: Data, _: P.Type) throws {
        let reference = try? JSONDecoder().decode(Envelope<P>.self, from: bytes)
        let read = try? JSONReader.read(bytes) { try Envelope<P>(from: &$0) }
        #expect(read == reference, "the reader and Decodable disagree")
    }

    // MARK: Agreement with Codable, on generated articles

    @Test func generatedArticlesReadAndWriteAsCodableDoes() throws {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let article = EnrichedArticle.random(using: &generator)
            let envelope = Envelope(
                id: "a1", trace: .random(), attempt: 2, createdAt: Date(timeIntervalSince1970: 1_790_000_000),
                sequence: 7, payload: article)
            let written = try WireCodec.encode(envelope).frames[1]
            #expect(try JSONDecoder().decode(Envelope<EnrichedArticle>.self, from: written) == envelope)
            let codable = try JSONEncoder().encode(envelope)
            #expect(try JSONReader.read(codable) { try Envelope<EnrichedArticle>(from: &$0) } == envelope)
        }
    }

    // MARK: Strings

    @Test func stringsRoundTripWithEveryEscape() throws {
        let text = "quote \" backslash \\ slash / tab \t newline \n nul \u{0} bell \u{7} é 🇲🇦 \u{2028} end"
        var writer = JSONWriter()
        writer.string(text)
        let bytes = Data(writer.bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#"\u0000"#))
        #expect(try JSONDecoder().decode(String.self, from: bytes) == text)
        #expect(try JSONReader.read(bytes) { try $0.string() } == text)
    }

    @Test func readsEscapesIncludingSurrogatePairs() throws {
        let json = Data(#""a\u00e9\ud83c\uddf2\/\b\f\r""#.utf8)
        #expect(try JSONReader.read(json) { try $0.string() } == "aé\u{1F1F2}/\u{8}\u{C}\r")
    }

    @Test(arguments: [
        #""\ud83c""#, #""\udc00x""#, #""\x""#, #""\u12g4""#, "\"tab\there\"", #""open"#, "\"\u{1}\"",
    ])
    func refusesBrokenStrings(_ json: String) {
        #expect(throws: JSONReadError.self) { try JSONReader.read(Data(json.utf8)) { try $0.string() } }
    }

    @Test func refusesInvalidUTF8() {
        let bytes = Data([0x22, 0x61, 0xC3, 0x28, 0x22])
        #expect(throws: JSONReadError.self) { try JSONReader.read(bytes) { try $0.string() } }
    }

    // MARK: Numbers and structure

    @Test(arguments: ["01", "1.", ".5", "-", "1e", "+1", "NaN", "Infinity", "0x10", "1 2"])
    func refusesWhatIsNotAJSONNumber(_ json: String) {
        #expect(throws: JSONReadError.self) { try JSONReader.read(Data(json.utf8)) { try $0.number() } }
    }

    @Test func readsNumbersAndIntegers() throws {
        #expect(try JSONReader.read(Data(" -0.5e2 ".utf8)) { try $0.number() } == -50)
        #expect(try JSONReader.read(Data("-9223372036854775808".utf8)) { try $0.integer64() } == .min)
        #expect(throws: JSONReadError.self) { try JSONReader.read(Data("9223372036854775808".utf8)) { try $0.integer64() } }
        #expect(throws: JSONReadError.self) { try JSONReader.read(Data("1.0".utf8)) { try $0.integer() } }
    }

    @Test func writesNumbersThatReadBackTheSame() throws {
        for value in [0.0, -0.0, 0.1, 1.0 / 3, 12.5, 1e-7, 123_456_789_012.0, 1e300, -2.5e-300] {
            var writer = JSONWriter()
            writer.number(value)
            #expect(try JSONReader.read(Data(writer.bytes)) { try $0.number() } == value)
            #expect(try JSONDecoder().decode(Double.self, from: Data(writer.bytes)) == value)
        }
    }

    @Test func aNumberJSONCannotHoldFailsTheEncoding() {
        var article = EnrichedArticle.random(using: &SeededGenerator.shared)
        article.article.langConfidence = .nan
        #expect(throws: ProtocolError.self) { try WireCodec.encode(Envelope(id: "a1", payload: article)) }
    }

    @Test func skipsUnknownValuesOfEveryShape() throws {
        let json = #"{"x":{"y":[1,{"z":null},true,false,"s\"",-1.5e3]},"title":"T","extra":[]}"#
        let title = try JSONReader.read(Data(json.utf8)) { reader -> String? in
            var title: String?
            try reader.object { reader, key in
                switch key {
                case "title": title = try reader.string()
                default: try reader.skipValue()
                }
            }
            return title
        }
        #expect(title == "T")
    }

    @Test func skippingAStringAcceptsExactlyWhatReadingItAccepts() {
        // Random byte strings between quotes, biased towards what breaks strings: escapes, controls, UTF-8 edges.
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x5C, 0x6E], [0x5C, 0x22],
            Array(#"\u00e9"#.utf8), Array(#"\ud83d\ude00"#.utf8), Array(#"\ud83d"#.utf8), Array(#"\udc00"#.utf8),
            [0x5C, 0x78], [0x5C], [0x01], [0x1F], [0x7F], [0x80], [0xBF], [0xC0, 0xAF], [0xC2, 0x80], [0xE0, 0x80, 0x80],
            [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82],
        ]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<3000 {
            var bytes: [UInt8] = [0x22]
            // Up to 30 pieces: long enough for the eight-bytes-at-a-time scan to meet every piece at every alignment.
            for _ in 0..<Int.random(in: 0...30, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            bytes.append(0x22)
            let json = Data(bytes)
            let read = (try? JSONReader.read(json) { try $0.string() }) != nil
            let skipped = (try? JSONReader.read(json) { try $0.skipValue() }) != nil
            #expect(read == skipped, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    @Test func readsUnescapedTextAsUTF8ValidationDoes() throws {
        // Mostly ASCII with a rare byte of every other kind, so that runs of eight plain bytes are common.
        let rare: [UInt8] = [0x00, 0x1F, 0x22, 0x7F, 0x80, 0xA9, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
        var generator = SeededGenerator(seed: 23)
        for _ in 0..<5000 {
            let length = Int.random(in: 0...64, using: &generator)
            var text: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0
                    ? rare.randomElement(using: &generator)! : UInt8.random(in: 0x20...0x7E, using: &generator)
            }
            text.removeAll { $0 == 0x5C }
            if Bool.random(using: &generator) { text += Array("é€😀".utf8).prefix(Int.random(in: 0...9, using: &generator)) }
            let expected = text.contains { $0 < 0x20 || $0 == 0x22 } ? nil : String(validating: text, as: UTF8.self)
            let read = try? JSONReader.read(Data([0x22] + text + [0x22])) { try $0.string() }
            #expect(read == expected, "\(text.map { String($0, radix: 16) })")
        }
    }

    @Test func writesEveryStringSoThatItReadsBack() throws {
        let alphabet: [String] = ["a", "Z", " ", "é", "€", "😀", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}"]
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : "x"
            }.joined()
            var writer = JSONWriter()
            writer.string(text)
            #expect(try JSONDecoder().decode(String.self, from: Data(writer.bytes)) == text)
            #expect(try JSONReader.read(Data(writer.bytes)) { try $0.string() } == text)
        }
    }

    @Test(arguments: [#"{"a":1,}"#, #"{"a" 1}"#, "[1,]", "{} {}", #"{"a":tru}"#, "", "[1"])
    func refusesMalformedStructure(_ json: String) {
        #expect(throws: JSONReadError.self) {
            try JSONReader.read(Data(json.utf8)) { try $0.skipValue() }
        }
    }
}

/// A small deterministic generator (SplitMix64), so that generated cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    nonisolated(unsafe) static var shared = SeededGenerator(seed: 7)

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension EnrichedArticle {
    /// An article with text mixing ASCII, accents, quotes, escapes, emoji and control characters.
    static func random(using generator: inout some RandomNumberGenerator) -> EnrichedArticle {
        let pieces = ["Rabat", " ", "é", "\"", "\\", "\n", "\t", "🇲🇦", "«", "»", "\u{1}", "/", "l’État", "AQMI", "\u{2028}"]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func number() -> Double { Double(Int.random(in: 0...1000, using: &generator)) / 997 }
        let body = text(Int.random(in: 0...60, using: &generator))
        let article = ParsedArticle(
            title: text(5), lede: Bool.random(using: &generator) ? text(8) : nil, body: body,
            blocks: [TextBlock(kind: .paragraph, start: 0, end: body.unicodeScalars.count)],
            authors: Bool.random(using: &generator) ? [text(2)] : [],
            published: Bool.random(using: &generator) ? DatedValue(value: "2021-09-01", origin: .text) : nil,
            url: Bool.random(using: &generator) ? "https://example.ma/a?b=1&c=\"2\"" : nil, source: text(1),
            lang: "fr", langConfidence: number(), wordCount: Int.random(in: 0...900, using: &generator),
            removed: ["cross_link": Int.random(in: 1...3, using: &generator), text(2): 1],
            simhash: "00ff00ff00ff00ff")
        let entities = (0..<Int.random(in: 0...4, using: &generator)).map { index in
            Entity(
                key: "PER:\(index)", label: index == 3 ? "NEW" : .person, name: text(3),
                value: index == 2 ? "12.5" : nil, mentions: [Mention(start: index, end: index + 3, text: text(2))],
                salience: number())
        }
        return EnrichedArticle(
            article: article, entities: entities,
            dates: [DateMention(start: 1, end: 4, text: text(1), value: "2021")])
    }
}
