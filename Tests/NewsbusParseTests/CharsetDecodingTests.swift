import NewsbusParse
import NewsbusProtocol
import NewsbusTesting
import Testing

@Suite struct CharsetDecodingTests {
    /// A page in `charset`-encoded bytes: the prefix, then the body text as bytes.
    private func page(head: String, body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    private let sentence = "Le café de la médina a rouvert ses portes après l’été, à deux pas du souk."

    @Test func readsUTF8WithAndWithoutBOM() throws {
        let plain = page(head: "", body: Array(sentence.utf8))
        for bytes in [plain, [0xEF, 0xBB, 0xBF] + plain] {
            let decoded = CharsetDecoder.decode(bytes)
            #expect(decoded.charset == "utf-8")
            #expect(decoded.text.contains(sentence))
            #expect(!decoded.text.hasPrefix("\u{FEFF}"))
            #expect(try ArticleParser().parse(htmlBytes: bytes).body == sentence)
        }
        #expect(CharsetDecoder.decode([0xEF, 0xBB, 0xBF] + plain).evidence == "bom")
    }

    @Test func readsUTF16WithBOM() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>\(sentence)</p>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = CharsetDecoder.decode(bytes)
        #expect(decoded.charset == "utf-16le")
        #expect(decoded.text.contains(sentence))
    }

    /// The sentence in windows-1252: é = E9, è = E8, ’ = 92 (a byte ISO-8859-1 leaves to C1 controls).
    private var windows1252Sentence: [UInt8] {
        sentence.unicodeScalars.map { scalar -> UInt8 in
            switch scalar { case "’": 0x92; default: UInt8(scalar.value) }
        }
    }

    @Test(arguments: [
        "<meta charset=\"windows-1252\">", "<meta charset=iso-8859-1>",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
    ])
    func readsDeclaredSingleByteCharsets(_ declaration: String) throws {
        let bytes = page(head: declaration, body: windows1252Sentence)
        let decoded = CharsetDecoder.decode(bytes)
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.evidence == "declared")
        #expect(try ArticleParser().parse(htmlBytes: bytes).body == sentence)
    }

    @Test func detectsWindows1252WithoutADeclaration() throws {
        let bytes = page(head: "", body: windows1252Sentence)
        #expect(CharsetDecoder.decode(bytes).evidence == "detected")
        #expect(try ArticleParser().parse(htmlBytes: bytes).body == sentence)
    }

    @Test func repairsAStrayByteInAUTF8PageWithoutRereadingIt() throws {
        // Given a UTF-8 page with many accented letters and one stray Latin-1 byte in a script
        let text = String(repeating: sentence + " ", count: 3)
        let bytes = Array("<html><head><meta charset=\"utf-8\"><script>var x = '".utf8) + [0xE9]
            + Array("';</script></head><body><p>\(text)</p></body></html>".utf8)
        // Then the page stays UTF-8: the stray byte becomes U+FFFD and the text is intact
        let decoded = CharsetDecoder.decode(bytes)
        #expect(decoded.charset == "utf-8")
        #expect(decoded.text.contains("\u{FFFD}"))
        #expect(try ArticleParser().parse(htmlBytes: bytes).body == text.trimmingSpaces())
    }

    @Test func prefersThePagesOwnCharsetOverAnArchiveToolbarDeclaration() {
        // Given an archived copy: the toolbar declares utf-8, the page itself windows-1252
        let bytes = page(
            head: "<meta charset=\"utf-8\"><!-- toolbar --><meta http-equiv=\"content-type\" content=\"text/html; charset=windows-1252\">",
            body: windows1252Sentence)
        let decoded = CharsetDecoder.decode(bytes)
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.text.contains(sentence))
    }

    @Test func decodesOtherCharsetsThroughIconv() {
        // "中文" in GB2312
        let bytes = page(head: "<meta charset=\"gb2312\">", body: [0xD6, 0xD0, 0xCE, 0xC4])
        let decoded = CharsetDecoder.decode(bytes)
        #expect(decoded.charset == "gb2312")
        #expect(decoded.text.contains("中文"))
    }

    @Test func neverFailsOnRandomBytes() {
        var generator = SeededRandom(seed: 42)
        for _ in 0..<200 {
            let bytes = (0..<Int(generator.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = CharsetDecoder.decode(bytes)
            _ = try? ArticleParser().parse(htmlBytes: bytes)
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.last == " " { slice.removeLast() }
        while slice.first == " " { slice.removeFirst() }
        return String(slice)
    }
}
