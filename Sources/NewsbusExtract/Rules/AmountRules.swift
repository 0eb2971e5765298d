import NewsbusProtocol

/// Finds amounts of money and percentages: `6 000 euros` → `6000 EUR`, `1,5 milliard de dollars` →
/// `1500000000 USD`, `$5 million` → `5000000 USD`, `12,5 %` / `12.5 percent` → `12.5`.
public struct AmountRules: Sendable {
    static let currencies: [String: String] = [
        "euro": "EUR", "euros": "EUR", "€": "EUR", "eur": "EUR", "dollar": "USD", "dollars": "USD", "$": "USD",
        "usd": "USD", "us$": "USD", "dirham": "MAD", "dirhams": "MAD", "dh": "MAD", "dhs": "MAD", "mad": "MAD",
        "franc": "CHF", "francs": "CHF", "chf": "CHF", "livre": "GBP", "livres": "GBP", "£": "GBP",
        "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yens": "JPY",
        "¥": "JPY", "jpy": "JPY", "dinar": "DZD", "dinars": "DZD", "da": "DZD", "dzd": "DZD", "tnd": "TND",
        "yuan": "CNY", "yuans": "CNY", "cny": "CNY", "roubles": "RUB", "rouble": "RUB", "rubles": "RUB",
        "cad": "CAD", "fcfa": "XOF", "cfa": "XOF",
    ]
    /// ``currencies``, for the lookup of every token.
    static let currencyTable = WordTable(currencies)
    static let multipliers: [String: Double] = [
        "mille": 1e3, "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
        "mio": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "billion": 1e9,
        "billions": 1e9, "bn": 1e9, "trillion": 1e12, "trillions": 1e12, "billiard": 1e15,
    ]
    static let percentWords: Set<String> = ["%", "pour", "percent", "pourcent", "pourcents", "per"]

    /// Whether numbers are written with a decimal comma (French) rather than a decimal point (English).
    public var decimalComma: Bool

    /// Rules for text with a decimal comma (French) or a decimal point (English).
    public init(decimalComma: Bool = true) {
        self.decimalComma = decimalComma
    }

    func matches(_ tokens: [Token]) -> [RuleMatch] {
        matches(folded: tokens.map { TextFold.fold($0.text) })
    }

    /// Amount matches, given the folded text of each token.
    func matches(folded: [String]) -> [RuleMatch] {
        var results: [RuleMatch] = []
        let currencies = Self.currencyTable
        // Every amount has a number first or second (after a currency sign): other tokens are passed by.
        let numeric = folded.map(Self.startsWithDigit)
        var i = 0
        while i < folded.count {
            let mayStart = numeric[i] || i + 1 < folded.count && numeric[i + 1]
            if mayStart, let match = match(at: i, folded, currencies) {
                results.append(match)
                i = match.tokens.upperBound
            } else {
                i += 1
            }
        }
        return results
    }

    /// Whether a token starts with an ASCII digit, as every number does.
    private static func startsWithDigit(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first >= 0x30 && first <= 0x39
    }

    /// The value of a number token: `6 000` → 6000, `1,5` → 1.5 (French), `1,000` → 1000 (English).
    func number(_ text: String) -> Double? {
        guard Self.startsWithDigit(text) else { return nil }
        let decimal: Unicode.Scalar = decimalComma ? "," : "."
        let grouping: Unicode.Scalar = decimalComma ? "." : ","
        let scalars = Array(text.unicodeScalars)
        var digits = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "0"..."9": digits.append(scalar)
            case " ", "\u{A0}", "\u{202F}": continue
            case decimal: digits.append(".")
            case grouping:
                // A grouping mark is followed by exactly three digits; otherwise it is a decimal mark after all.
                let rest = scalars[(index + 1)...].prefix { ("0"..."9").contains($0) }
                if rest.count != 3 { digits.append(".") }
            default: return nil
            }
        }
        let result = String(digits)
        guard result.filter({ $0 == "." }).count <= 1 else { return nil }
        guard let value = Double(result), value.isFinite else { return nil }
        return value
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private func match(at i: Int, _ folded: [String], _ currencies: WordTable<String>) -> RuleMatch? {
        let n = folded.count
        // Currency sign first: $5 million, € 20, US$ 3 (a number starts with a digit: most tokens stop there).
        if i + 1 < n, Self.startsWithDigit(folded[i + 1]), let code = currencies[folded[i]],
            folded[i].unicodeScalars.count <= 3, var value = number(folded[i + 1])
        {
            var end = i + 2
            if end < n, let multiplier = Self.multipliers[folded[end]] {
                value *= multiplier
                end += 1
            }
            return RuleMatch(tokens: i..<end, label: .money, value: "\(Self.format(value)) \(code)")
        }
        guard var value = number(folded[i]) else { return nil }
        var end = i + 1
        // Percentages: 12,5 %, 30 pour cent, 12.5 percent, 5 per cent.
        if end < n, Self.percentWords.contains(folded[end]) {
            if folded[end] == "%" || folded[end] == "percent" || folded[end].hasPrefix("pourcent") {
                return RuleMatch(tokens: i..<(end + 1), label: .percent, value: Self.format(value))
            }
            if end + 1 < n, folded[end + 1] == "cent" {
                return RuleMatch(tokens: i..<(end + 2), label: .percent, value: Self.format(value))
            }
        }
        if end < n, let multiplier = Self.multipliers[folded[end]] {
            value *= multiplier
            end += 1
        }
        // de/d' between the multiplier and the currency: 2 millions d'euros.
        var currencyIndex = end
        if end > i + 1, currencyIndex < n, folded[currencyIndex] == "de" || folded[currencyIndex] == "d'" {
            currencyIndex += 1
        }
        if currencyIndex < n, let code = Self.currencies[folded[currencyIndex]] {
            return RuleMatch(tokens: i..<(currencyIndex + 1), label: .money, value: "\(Self.format(value)) \(code)")
        }
        return nil
    }
}
