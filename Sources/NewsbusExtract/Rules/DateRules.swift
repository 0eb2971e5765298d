import NewsbusProtocol

/// Finds dates in French and English and normalises them to ISO 8601: `le 5 décembre 1797` → `1797-12-05`,
/// `juin 2021` → `2021-06`, `August 5, 2021` → `2021-08-05`, `2020-2023` and `de 2020 à 2023` → `2020/2023`,
/// `en 2020` → `2020`. A day and month without a year, and `hier` / `yesterday` …, are resolved against the
/// publication date when one is given (a day without it is written `--MM-DD`).
public struct DateRules: Sendable {
    static let months: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "janv.": 1, "fevr.": 2, "fev.": 2,
        "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "mar.": 3,
        "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9,
    ]
    /// English month names are always capitalised; these are also common lower-case words.
    static let capitalisedOnly: Set<String> = ["may", "march", "mars", "mar.", "jan.", "sept."]
    static let yearCues: Set<String> = [
        "en", "des", "depuis", "in", "since", "until", "jusqu'en", "avant", "apres", "before", "after", "annee",
        "l'annee", "year", "fin", "debut", "mi", "vers", "around", "during", "durant", "pendant", "circa", "d'ici",
        "printemps", "ete", "automne", "hiver", "spring",
        "summer", "autumn", "fall", "winter", "saison", "season",
    ]
    static let rangeOpeners: Set<String> = ["de", "entre", "from", "between", "du"]
    static let rangeJoiners: Set<String> = ["a", "et", "to", "and", "au", "-", "–"]
    static let relative: [String: Int] = [
        "aujourd'hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "apres-demain": 2, "today": 0,
        "yesterday": -1, "tomorrow": 1,
    ]

    /// The date rules.
    public init() {}

    /// Date matches over `tokens`; `published` is the article's ISO 8601 publication date, when known.
    func matches(_ tokens: [Token], published: String?) -> [RuleMatch] {
        matches(tokens, folded: tokens.map { TextFold.fold($0.text) }, published: published)
    }

    /// Date matches, given the folded text of each token.
    func matches(_ tokens: [Token], folded: [String], published: String?) -> [RuleMatch] {
        let reference = CalendarDate(iso: published)
        let words = Words(tokens, folded)
        var results: [RuleMatch] = []
        var i = 0
        while i < tokens.count {
            if words.mayStart[i], let match = match(at: i, tokens, words, folded, reference) {
                results.append(match)
                i = match.tokens.upperBound
            } else {
                i += 1
            }
        }
        return results
    }

    /// What the rules ask of each token, worked out once per text: its month, day and year readings and its
    /// role among the cue words (one dictionary lookup per token instead of one per rule).
    struct Words {
        struct Roles: OptionSet {
            let rawValue: UInt8
            static let yearCue = Roles(rawValue: 1)
            static let rangeOpener = Roles(rawValue: 2)
            static let rangeJoiner = Roles(rawValue: 4)
        }

        /// A cue word's roles, month and relative day offset.
        struct Entry {
            var roles: Roles = []
            var month: Int?
            var relative: Int?
        }

        static let vocabulary: WordTable<Entry> = {
            var table: [String: Entry] = [:]
            for (word, month) in DateRules.months { table[word, default: Entry()].month = month }
            for (word, offset) in DateRules.relative { table[word, default: Entry()].relative = offset }
            for word in DateRules.yearCues { table[word, default: Entry()].roles.insert(.yearCue) }
            for word in DateRules.rangeOpeners { table[word, default: Entry()].roles.insert(.rangeOpener) }
            for word in DateRules.rangeJoiners { table[word, default: Entry()].roles.insert(.rangeJoiner) }
            return WordTable(table)
        }()

        let count: Int
        private(set) var entries: [Entry?]
        private(set) var months: [Int?]
        private(set) var days: [Int?]
        private(set) var years: [Int?]
        private(set) var numbers: [Int?]
        /// Whether a date may start at the token: every rule starts at a digit, a hyphen (ISO dates) or a cue word.
        private(set) var mayStart: [Bool]

        init(_ tokens: [Token], _ folded: [String]) {
            count = tokens.count
            mayStart = [Bool](repeating: false, count: count)
            entries = [Entry?](repeating: nil, count: count)
            months = [Int?](repeating: nil, count: count)
            days = [Int?](repeating: nil, count: count)
            years = [Int?](repeating: nil, count: count)
            numbers = [Int?](repeating: nil, count: count)
            let vocabulary = Self.vocabulary
            for index in 0..<count {
                let text = folded[index]
                let bytes = text.utf8.count
                guard let first = text.utf8.first else { continue }
                mayStart[index] = first == 0x2D || (0x30...0x39).contains(first)
                if (0x30...0x39).contains(first) {
                    numbers[index] = DateRules.number(text)
                    days[index] = DateRules.day(text)
                    if bytes == 4, let value = numbers[index], (1000...2199).contains(value) { years[index] = value }
                } else if let entry = vocabulary[text] {
                    entries[index] = entry
                    mayStart[index] = true
                    if let month = entry.month { months[index] = DateRules.month(month, tokens[index], text) }
                }
            }
        }

        func month(_ index: Int) -> Int? { index < count ? months[index] : nil }
        func day(_ index: Int) -> Int? { index < count ? days[index] : nil }
        func year(_ index: Int) -> Int? { index < count ? years[index] : nil }
        func number(_ index: Int) -> Int? { index < count ? numbers[index] : nil }
        func has(_ role: Roles, _ index: Int) -> Bool { entries[index]?.roles.contains(role) == true }
        func relative(_ index: Int) -> Int? { entries[index]?.relative }
    }

    /// The month a token names (`month`), unless it is one of the month names that are also common lower-case
    /// words and is written in lower case.
    private static func month(_ month: Int, _ token: Token, _ folded: String) -> Int? {
        if capitalisedOnly.contains(folded), token.text.first?.isUppercase != true, folded != "mars" {
            return nil
        }
        return month
    }

    /// A number of at most four ASCII digits.
    private static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return nil
        }
        return Int(text)
    }

    /// A day of the month: `5`, `1er`, `1st`, `22nd`.
    private static func day(_ folded: String) -> Int? {
        if folded == "1er" || folded == "1st" { return 1 }
        var text = folded
        for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) { text.removeLast(2) }
        guard let value = number(text), (1...31).contains(value), text.utf8.count <= 2 else { return nil }
        return value
    }

    private static func year(_ text: Substring) -> Int? {
        guard text.utf8.count == 4, let value = number(String(text)), (1000...2199).contains(value) else {
            return nil
        }
        return value
    }

    /// Whether a token may be an ISO date or a year range written as one token: a hyphen, and a digit first.
    private static func mayBeISO(_ text: String) -> Bool {
        // Most tokens start with neither a hyphen nor a digit.
        guard let lead = text.utf8.first, lead == 0x2D || (0x30...0x39).contains(lead) else { return false }
        guard let first = text.utf8.first(where: { $0 != 0x2D }) else { return false }
        return (0x30...0x39).contains(first) && text.utf8.contains(0x2D)
    }

    private func match(
        at i: Int, _ tokens: [Token], _ w: Words, _ folded: [String], _ reference: CalendarDate?
    ) -> RuleMatch? {
        func result(_ end: Int, _ value: String) -> RuleMatch {
            RuleMatch(tokens: i..<end, label: .date, value: value)
        }
        // A day must exist in its month (31 février is not a date); without a year, 29 February is allowed.
        func valid(_ year: Int?, _ month: Int, _ day: Int) -> Bool {
            day <= CalendarDate.daysIn(month: month, year: year ?? 2000)
        }
        // ISO dates and year ranges written as one token: 2021-06-05, 2020-2023.
        if Self.mayBeISO(folded[i]) {
            let parts = folded[i].split(separator: "-")
            if parts.count == 3, let y = Self.year(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                parts[1].count == 2, (1...12).contains(m), (1...31).contains(d), valid(y, m, d)
            {
                return result(i + 1, CalendarDate.format(year: y, month: m, day: d))
            }
            if parts.count == 2, let from = Self.year(parts[0]), let to = Self.year(parts[1]), to > from {
                return result(i + 1, "\(from)/\(to)")
            }
        }
        // Numeric dates: 05/12/2021 (day first in French, month first in English is not guessed: day first).
        if let d = w.day(i), i + 4 < w.count, folded[i + 1] == "/", let m = w.number(i + 2),
            (1...12).contains(m), folded[i + 3] == "/", let y = w.year(i + 4), valid(y, m, d)
        {
            return result(i + 5, CalendarDate.format(year: y, month: m, day: d))
        }
        // Day month [year]: 5 décembre 1797, 1er août.
        if let d = w.day(i), let m = w.month(i + 1) {
            if let y = w.year(i + 2) {
                if valid(y, m, d) { return result(i + 3, CalendarDate.format(year: y, month: m, day: d)) }
            } else if valid(reference?.year, m, d) {
                return result(i + 2, CalendarDate.format(year: reference?.year, month: m, day: d))
            }
        }
        // Month day[,] year (English): August 5, 2021; August 5.
        if let m = w.month(i), let d = w.day(i + 1), tokens[i].text.first?.isUppercase == true,
            valid(nil, m, d)
        {
            if i + 3 < w.count, folded[i + 2] == ",", let y = w.year(i + 3), valid(y, m, d) {
                return result(i + 4, CalendarDate.format(year: y, month: m, day: d))
            }
            if let y = w.year(i + 2), valid(y, m, d) {
                return result(i + 3, CalendarDate.format(year: y, month: m, day: d))
            }
            if w.year(i + 1) == nil {
                return result(i + 2, CalendarDate.format(year: reference?.year, month: m, day: d))
            }
        }
        // Month year: juin 2021, August 2021, Août 2021.
        if let m = w.month(i), let y = w.year(i + 1) {
            return result(i + 2, CalendarDate.format(year: y, month: m))
        }
        // A month alone after a cue (en juin): the publication year.
        if let m = w.month(i), i > 0, w.has(.yearCue, i - 1), let reference {
            return result(i + 1, CalendarDate.format(year: reference.year, month: m))
        }
        // Ranges: de 2020 à 2023, entre 2020 et 2023, from 2020 to 2023.
        if w.has(.rangeOpener, i), let from = w.year(i + 1), i + 3 < w.count,
            w.has(.rangeJoiner, i + 2), let to = w.year(i + 3), to > from
        {
            return RuleMatch(tokens: (i + 1)..<(i + 4), label: .date, value: "\(from)/\(to)")
        }
        // A year after a cue (en 2020, dès 2020, in 2020).
        if let y = w.year(i), i > 0, w.has(.yearCue, i - 1) {
            return result(i + 1, String(y))
        }
        // Relative days, when the publication date is known.
        if let offset = w.relative(i), let reference {
            return result(i + 1, reference.adding(days: offset).iso)
        }
        return nil
    }
}
