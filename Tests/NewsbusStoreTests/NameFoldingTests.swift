import Foundation
import NewsbusTesting
import Testing

@testable import NewsbusStore

/// Entity names are folded for matching; the code point path for Latin names must fold exactly as the Unicode path.
@Suite struct NameFoldingTests {
    @Test func asciiNamesFoldAsTheUnicodePathFoldsThem() throws {
        var generator = SeededRandom(seed: 128)
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        var names = ["Al-Qaïda", "AQMI", "Ben Laden", "  O'Neil--Smith 3rd ", "", "-", "U.S.A.", "G20 summit"]
        names += (0..<2000).map { _ in String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for name in names {
            guard let ascii = NameFolding.foldLatin(name) else {
                Issue.record("\(name.debugDescription) is ASCII but was not folded code point by code point")
                continue
            }
            #expect(ascii == NameFolding.foldUnicode(name), "\(name.debugDescription)")
        }
    }

    @Test func latinNamesFoldAsTheUnicodePathFoldsThem() throws {
        var generator = SeededRandom(seed: 0x24F)
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x2000...0x206F, 0x300...0x301, 0x391...0x3C9]
        let alphabet = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init).map(Character.init)
        var names = ["Al-Qaïda", "l’État", "Ørsted", "STRAẞE", "Œuvre d’Orient", "Ǆemal", "ﬁnance", "1¼ ½", "İstanbul", "Ḥamās"]
        names += (0..<2000).map { _ in String((0..<Int.random(in: 0...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        // Every tenth name of the gazetteers the extract core ships with: real names, in every script they use.
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/NewsbusExtract/Resources")
        for file in ["gazetteer.tsv", "person-names.tsv"] {
            let text = try String(contentsOf: resources.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n")
            names += stride(from: 0, to: lines.count, by: 10).compactMap { lines[$0].split(separator: "\t").last.map(String.init) }
        }
        var fast = 0
        for name in names {
            guard let latin = NameFolding.foldLatin(name) else { continue }
            fast += 1
            #expect(latin == NameFolding.foldUnicode(name), "\(name.debugDescription)")
        }
        #expect(fast > names.count / 2)
    }

    @Test func foldsCaseDiacriticsAndPunctuation() {
        #expect(NameFolding.fold("Al-Qaïda") == "al qaida")
        #expect(NameFolding.fold("AL QAIDA") == "al qaida")
        #expect(NameFolding.fold("l’État") == "l etat")
    }
}
