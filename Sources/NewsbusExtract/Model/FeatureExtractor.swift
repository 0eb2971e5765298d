/// Turns the tokens of a sentence into hashed feature indices: a fixed number per token (``count``), each an
/// index into the model's weight table. Word, shape, affix, capitalisation-in-context, sentence position,
/// neighbouring words, gazetteer and word-cluster features; all computed from integer hashes.
struct FeatureExtractor: Sendable {
    /// Features per token.
    static let count = 30

    let gazetteer: Gazetteer
    let clusters: WordClusters
    /// log2 of the number of rows in the weight table.
    let bucketBits: Int

    private static let outside: UInt64 = 0x5EED_0000_0000_0001
    private static let outside2: UInt64 = 0x5EED_0000_0000_0002

    /// What is computed once per token before the features combine it with its neighbours.
    struct TokenInfo {
        var word: UInt64 = FeatureExtractor.outside
        var shape: UInt64 = FeatureExtractor.outside
        var prefix2: UInt64 = 0, prefix3: UInt64 = 0
        var suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
        var capital: UInt64 = 7
        var length: UInt64 = 0
        var cluster: UInt64 = 0x7FFF_FFFF
        var capitalised: UInt64 = 9
        var gazetteer: UInt64 = 0
    }

    /// The infos of the tokens of one text, whose code points are at the tokens' offsets in `scalars`.
    func infos(_ tokens: [Token], scalars: UnsafeBufferPointer<UInt32>) -> [TokenInfo] {
        tokens.map { info(scalars[$0.start..<$0.end]) }
    }

    /// The infos of tokens known by their text alone (training and evaluation sentences).
    func infos(_ tokens: ArraySlice<Token>) -> [TokenInfo] {
        tokens.map { info($0.text.unicodeScalars.lazy.map(\.value)) }
    }

    /// Puts `count` feature indices per token of a sentence, given its tokens' ``infos(_:scalars:)``, into
    /// `scratch.features` (emptied first).
    func extract(_ tokenInfos: ArraySlice<TokenInfo>, into scratch: inout TaggerScratch) {
        let n = tokenInfos.count
        scratch.words.removeAll(keepingCapacity: true)
        scratch.words.append(contentsOf: tokenInfos.lazy.map(\.word))
        scratch.words.withUnsafeBufferPointer { gazetteer.matches(words: $0, into: &scratch.codes) }
        // Two paddings on each side: the neighbours of the first and last tokens.
        var edge = TokenInfo()
        edge.word = Self.outside2
        scratch.padded.removeAll(keepingCapacity: true)
        scratch.padded.append(edge)
        scratch.padded.append(TokenInfo())
        scratch.padded.append(contentsOf: tokenInfos)
        scratch.padded.append(TokenInfo())
        scratch.padded.append(edge)
        for index in 0..<n { scratch.padded[index + 2].gazetteer = UInt64(scratch.codes[index]) }
        write(n, scratch.padded, into: &scratch.features)
    }

    /// Writes the features of the `n` tokens of `infos`, which has two paddings on each side.
    private func write(_ n: Int, _ infos: [TokenInfo], into features: inout [Int32]) {
        let mask = UInt64((1 << bucketBits) - 1)
        features.removeAll(keepingCapacity: true)
        features.append(contentsOf: repeatElement(0, count: n * Self.count))
        features.withUnsafeMutableBufferPointer { out in
            infos.withUnsafeBufferPointer { infos in
                var j = 0
                // A token's pairs with the next token are the next token's pairs with the one before it.
                var before = Self.pairs(infos[1], infos[2])
                for index in 0..<n {
                    let p2 = infos[index]
                    let p = infos[index + 1]
                    let c = infos[index + 2]
                    let f = infos[index + 3]
                    let f2 = infos[index + 4]
                    let first: UInt64 = index == 0 ? 1 : 0
                    let position: UInt64 = UInt64(min(index, 3))
                    @inline(__always) func add(_ template: UInt64, _ value: UInt64) {
                        out[j] = Int32(truncatingIfNeeded: FeatureHash.mix(value &+ template &* 0x9E37_79B9) & mask)
                        j += 1
                    }
                    let after = Self.pairs(c, f)
                    defer { before = after }
                    add(0, 0)
                    add(1, c.word)
                    add(2, p.word)
                    add(3, f.word)
                    add(4, p2.word)
                    add(5, f2.word)
                    add(6, c.shape)
                    add(7, before.shapes)
                    add(8, after.shapes)
                    add(9, c.suffix2)
                    add(10, c.suffix3)
                    add(11, c.suffix4)
                    add(12, c.prefix2)
                    add(13, c.prefix3)
                    add(14, c.capital | first << 4 | p.capital << 8 | f.capital << 12)
                    add(15, before.words)
                    add(16, after.words)
                    add(17, c.cluster)
                    add(18, p.cluster)
                    add(19, f.cluster)
                    add(20, c.cluster << 8 | c.capital)
                    add(21, c.gazetteer << 8 | c.capital)
                    add(22, p.gazetteer << 8 | c.capital)
                    add(23, f.gazetteer << 8 | c.capital)
                    add(24, c.capitalised | c.capital << 8 | first << 16)
                    add(25, before.wordAndShape)
                    add(26, after.wordAndShape)
                    add(27, c.length | c.capital << 8)
                    add(28, p.capitalised | p.capital << 4 | f.capitalised << 8 | f.capital << 12 | c.capital << 16)
                    add(29, position | c.capital << 4 | c.gazetteer << 8)
                }
            }
        }
    }

    /// The features two neighbouring tokens `a` and `b` share: their words, their shapes, `a`'s word and `b`'s
    /// shape.
    @inline(__always)
    private static func pairs(
        _ a: TokenInfo, _ b: TokenInfo
    ) -> (words: UInt64, shapes: UInt64, wordAndShape: UInt64) {
        (
            FeatureHash.combine(a.word, b.word), FeatureHash.combine(a.shape, b.shape),
            FeatureHash.combine(a.word, b.shape)
        )
    }

    /// Word hash, shape, affixes, capitalisation class, cluster and capitalisation statistics of one token, given
    /// its code points. The affixes need only the first three and the last four folded code points, kept as the
    /// text is read.
    func info<CodePoints: Sequence<UInt32>>(_ codePoints: CodePoints) -> TokenInfo {
        var info = TokenInfo()
        var word = FeatureHash.seed
        var shape = FeatureHash.seed
        var lastClass: UInt32 = 0xFFFF_FFFF
        var uppers = 0
        var letters = 0
        var digits = 0
        var count = 0
        var firstClass: UInt32 = 0
        var head: (UInt32, UInt32, UInt32) = (0, 0, 0)
        var tail: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        let tables = TextFold.tables
        for value in codePoints {
            let fold = tables.fold(value)
            if count == 0 { head.0 = fold } else if count == 1 { head.1 = fold } else if count == 2 { head.2 = fold }
            tail = (tail.1, tail.2, tail.3, fold)
            word = FeatureHash.add(word, fold)
            let klass: UInt32
            if TextFold.isDigit(value) {
                klass = 0x64  // d
                digits += 1
            } else if tables.isLetter(value) {
                letters += 1
                if tables.isUpper(value) {
                    klass = 0x58
                    uppers += 1
                } else {
                    klass = 0x78
                }  // X / x
            } else {
                klass = fold
            }
            if count == 0 { firstClass = klass }
            count += 1
            if klass != lastClass {
                shape = FeatureHash.add(shape, klass)
                lastClass = klass
            }
        }
        info.word = word
        info.shape = shape &+ UInt64(min(count, 4))
        info.length = UInt64(min(count, 10))
        if firstClass == 0x58 {
            info.capital = uppers == letters && letters > 1 ? 2 : 1
        } else if firstClass == 0x78 {
            info.capital = uppers > 0 ? 5 : 0
        } else if firstClass == 0x64 {
            info.capital = 3
        } else {
            info.capital = letters > 0 ? 6 : 4
        }
        let m = count
        @inline(__always) func affix(_ salt: UInt64, _ a: UInt32, _ b: UInt32) -> UInt64 {
            FeatureHash.add(FeatureHash.add(FeatureHash.seed &+ salt, a), b)
        }
        if m >= 3 {
            info.prefix2 = affix(1, head.0, head.1)
            info.suffix2 = affix(2, tail.2, tail.3)
        }
        if m >= 4 {
            info.prefix3 = FeatureHash.add(affix(3, head.0, head.1), head.2)
            info.suffix3 = FeatureHash.add(affix(4, tail.1, tail.2), tail.3)
        }
        if m >= 5 { info.suffix4 = FeatureHash.add(FeatureHash.add(affix(5, tail.0, tail.1), tail.2), tail.3) }
        if let entry = clusters.entry(word) {
            info.cluster = UInt64(entry.cluster)
            info.capitalised = UInt64(entry.capitalised)
        }
        return info
    }
}
