import Testing

@testable import NewsbusStore

/// Entity names are folded for matching; the byte path for ASCII names must fold exactly as the Unicode path.
@Suite struct NameFoldingTests {
    @Test func asciiNamesFoldAsTheUnicodePathFoldsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        var names = ["Al-Qaïda", "AQMI", "Ben Laden", "  O'Neil--Smith 3rd ", "", "-", "U.S.A.", "G20 summit"]
        names += (0..<2000).map { _ in String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for name in names {
            guard let ascii = NameFolding.foldASCII(name) else {
                #expect(name.utf8.contains { $0 >= 0x80 }, "\(name.debugDescription) is ASCII but was not folded as such")
                continue
            }
            #expect(ascii == NameFolding.foldUnicode(name), "\(name.debugDescription)")
        }
    }

    @Test func foldsCaseDiacriticsAndPunctuation() {
        #expect(NameFolding.fold("Al-Qaïda") == "al qaida")
        #expect(NameFolding.fold("AL QAIDA") == "al qaida")
        #expect(NameFolding.fold("l’État") == "l etat")
    }
}
