/// Splits French and English news text into tokens that keep their code-point offsets.
///
/// - Elided articles stay with their apostrophe (`l'`, `d'`, `qu'`, `jusqu'`), English clitics are split off
///   (`'s`, `n't`), hyphenated words stay whole (`Al-Qaïda`, `États-Unis`, `2020-2023`).
/// - Known abbreviations keep their full stop (`M.`, `Mme.`, `Dr.`), as do initials and dotted acronyms (`U.S.`).
/// - Numbers keep decimal commas and points and thousands separated by spaces (`6 000`, `1 500,50`).
/// - Every other punctuation sign is a token, except runs of full stops (`...`).
public struct Tokenizer: Sendable {
    static let elisions: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
    ]
    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "mr", "mrs", "ms", "jr",
        "sr", "gen", "gén", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "prof", "inc", "corp", "ltd",
        "co", "etc", "av", "vs", "no", "nos", "vol", "art", "cf", "p", "pp", "env", "max", "min", "jan", "feb",
        "fév", "aug", "sept", "oct", "nov", "dec", "déc", "bd", "ave", "mt", "ft",
    ]

    /// A tokenizer.
    public init() {}

    /// The tokens of `text`, in order.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(scalars: ScalarText.codePoints(of: text))
    }

    /// The tokens of a text given as code points.
    func tokenize(scalars s: [UInt32]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 5)
        var i = 0
        var newline = false
        let n = s.count
        func emit(_ start: Int, _ end: Int) {
            tokens.append(
                Token(text: ScalarText.string(s, start..<end), start: start, end: end, newlineBefore: newline))
            newline = false
        }
        while i < n {
            let c = s[i]
            if TextFold.isSpace(c) {
                if c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 { newline = true }
                i += 1
                continue
            }
            let start = i
            if TextFold.isDigit(c) {
                i = scanNumber(s, from: i)
                // English clitic / French ordinal after a number are kept by the word scanner below.
                if i < n, TextFold.isLetter(s[i]) { i = scanWord(s, from: i, start: start) }
                emit(start, i)
                continue
            }
            if TextFold.isLetter(c) {
                let end = scanWord(s, from: i, start: start)
                // English clitics: "Reuters's" → "Reuters" "'s"; "don't" → "do" "n't".
                if let clitic = cliticStart(s, start, end) {
                    emit(start, clitic)
                    emit(clitic, end)
                } else {
                    emit(start, end)
                }
                i = end
                continue
            }
            // Punctuation: runs of full stops stay together.
            i += 1
            if c == 0x2E { while i < n, s[i] == 0x2E { i += 1 } }
            emit(start, i)
        }
        return tokens
    }

    /// Where an English clitic (`'s`, `n't`) that ends the word `start..<end` starts, if it has one.
    private func cliticStart(_ s: [UInt32], _ start: Int, _ end: Int) -> Int? {
        let length = end - start
        if length >= 3, TextFold.isApostrophe(s[end - 2]), s[end - 1] | 0x20 == 0x73, end - 2 > start {
            return end - 2
        }
        if length >= 4, TextFold.isApostrophe(s[end - 2]), s[end - 1] | 0x20 == 0x74, s[end - 3] | 0x20 == 0x6E {
            return end - 3
        }
        return nil
    }

    /// Digits with decimal separators and space-separated thousands.
    private func scanNumber(_ s: [UInt32], from index: Int) -> Int {
        let n = s.count
        var i = index
        var groupLength = 0
        while i < n, TextFold.isDigit(s[i]) {
            i += 1
            groupLength += 1
        }
        while i < n {
            let c = s[i]
            if (c == 0x2C || c == 0x2E) && i + 1 < n && TextFold.isDigit(s[i + 1]) {
                i += 1
                groupLength = 0
                while i < n, TextFold.isDigit(s[i]) {
                    i += 1
                    groupLength += 1
                }
            } else if (c == 0x20 || c == 0xA0 || c == 0x202F) && groupLength <= 3 && hasThreeDigitGroup(s, at: i + 1) {
                i += 4
                groupLength = 3
            } else if TextFold.isHyphen(c) && i + 1 < n && TextFold.isDigit(s[i + 1]) {
                i += 1
                groupLength = 0
                while i < n, TextFold.isDigit(s[i]) {
                    i += 1
                    groupLength += 1
                }
            } else {
                break
            }
        }
        return i
    }

    private func hasThreeDigitGroup(_ s: [UInt32], at i: Int) -> Bool {
        guard i + 3 <= s.count else { return false }
        guard TextFold.isDigit(s[i]), TextFold.isDigit(s[i + 1]), TextFold.isDigit(s[i + 2]) else { return false }
        return i + 3 == s.count || !(TextFold.isDigit(s[i + 3]) || TextFold.isLetter(s[i + 3]))
    }

    /// Letters, digits, inner hyphens and apostrophes, an elision's apostrophe, an abbreviation's full stop.
    private func scanWord(_ s: [UInt32], from index: Int, start: Int) -> Int {
        let n = s.count
        var i = index
        while i < n {
            let c = s[i]
            if TextFold.isLetter(c) || TextFold.isDigit(c) {
                i += 1
            } else if TextFold.isHyphen(c), i + 1 < n, TextFold.isLetter(s[i + 1]) || TextFold.isDigit(s[i + 1]) {
                i += 1
            } else if TextFold.isApostrophe(c), i + 1 < n, TextFold.isLetter(s[i + 1]) {
                if Self.elisions.contains(folded(s, start, i)) { return i + 1 }
                i += 1
            } else if c == 0x2E {
                // Initials and dotted acronyms (J. / U.S.), and known abbreviations.
                let word = folded(s, start, i)
                let letters = i - start
                if letters == 1 && TextFold.isUpper(s[start]) {
                    i += 1
                    if i + 1 < n, TextFold.isLetter(s[i]), s[i + 1] == 0x2E { continue }
                    return i
                }
                if Self.abbreviations.contains(word) || isDottedAcronym(s, start, i) { return i + 1 }
                return i
            } else {
                break
            }
        }
        return i
    }

    private func isDottedAcronym(_ s: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, s[start + 1] == 0x2E else { return false }
        return true
    }

    private func folded(_ s: [UInt32], _ start: Int, _ end: Int) -> String {
        ScalarText.string(s, start..<end, folding: true)
    }
}
