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
        var results: [RuleMatch] = []
        var i = 0
        while i < tokens.count {
            if let match = match(at: i, tokens, folded, reference) {
                results.append(match)
                i = match.tokens.upperBound
            } else {
                i += 1
            }
        }
        return results
    }

    private func month(_ index: Int, _ tokens: [Token], _ folded: [String]) -> Int? {
        guard index < tokens.count, let month = Self.months[folded[index]] else { return nil }
        if Self.capitalisedOnly.contains(folded[index]), tokens[index].text.first?.isUppercase != true,
            folded[index] != "mars"
        {
            return nil
        }
        return month
    }

    private func number(_ index: Int, _ folded: [String]) -> Int? {
        guard index < folded.count, !folded[index].isEmpty, folded[index].utf8.count <= 4,
            folded[index].utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        return Int(folded[index])
    }

    private func day(_ index: Int, _ folded: [String]) -> Int? {
        guard index < folded.count else { return nil }
        if folded[index] == "1er" || folded[index] == "1st" { return 1 }
        var text = folded[index]
        for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) { text.removeLast(2) }
        guard let value = number(0, [text]), (1...31).contains(value), text.utf8.count <= 2 else { return nil }
        return value
    }

    private func year(_ index: Int, _ folded: [String]) -> Int? {
        guard let value = number(index, folded), folded[index].utf8.count == 4, (1000...2199).contains(value) else {
            return nil
        }
        return value
    }

    private func match(at i: Int, _ tokens: [Token], _ folded: [String], _ reference: CalendarDate?) -> RuleMatch? {
        func result(_ end: Int, _ value: String) -> RuleMatch {
            RuleMatch(tokens: i..<end, label: .date, value: value)
        }
        // A day must exist in its month (31 février is not a date); without a year, 29 February is allowed.
        func valid(_ year: Int?, _ month: Int, _ day: Int) -> Bool {
            day <= CalendarDate.daysIn(month: month, year: year ?? 2000)
        }
        // ISO dates and year ranges written as one token: 2021-06-05, 2020-2023.
        let parts = folded[i].split(separator: "-").map(String.init)
        if parts.count == 3, let y = year(0, parts), let m = Int(parts[1]), let d = Int(parts[2]), parts[1].count == 2,
            (1...12).contains(m), (1...31).contains(d), valid(y, m, d)
        {
            return result(i + 1, CalendarDate.format(year: y, month: m, day: d))
        }
        if parts.count == 2, let from = year(0, parts), let to = year(1, parts), to > from {
            return result(i + 1, "\(from)/\(to)")
        }
        // Numeric dates: 05/12/2021 (day first in French, month first in English is not guessed: day first).
        if let d = day(i, folded), i + 4 < tokens.count, folded[i + 1] == "/", let m = number(i + 2, folded),
            (1...12).contains(m), folded[i + 3] == "/", let y = year(i + 4, folded), valid(y, m, d)
        {
            return result(i + 5, CalendarDate.format(year: y, month: m, day: d))
        }
        // Day month [year]: 5 décembre 1797, 1er août.
        if let d = day(i, folded), let m = month(i + 1, tokens, folded) {
            if let y = year(i + 2, folded) {
                if valid(y, m, d) { return result(i + 3, CalendarDate.format(year: y, month: m, day: d)) }
            } else if valid(reference?.year, m, d) {
                return result(i + 2, CalendarDate.format(year: reference?.year, month: m, day: d))
            }
        }
        // Month day[,] year (English): August 5, 2021; August 5.
        if let m = month(i, tokens, folded), let d = day(i + 1, folded), tokens[i].text.first?.isUppercase == true,
            valid(nil, m, d)
        {
            if i + 3 < tokens.count, folded[i + 2] == ",", let y = year(i + 3, folded), valid(y, m, d) {
                return result(i + 4, CalendarDate.format(year: y, month: m, day: d))
            }
            if let y = year(i + 2, folded), valid(y, m, d) {
                return result(i + 3, CalendarDate.format(year: y, month: m, day: d))
            }
            if year(i + 1, folded) == nil {
                return result(i + 2, CalendarDate.format(year: reference?.year, month: m, day: d))
            }
        }
        // Month year: juin 2021, August 2021, Août 2021.
        if let m = month(i, tokens, folded), let y = year(i + 1, folded) {
            return result(i + 2, CalendarDate.format(year: y, month: m))
        }
        // A month alone after a cue (en juin): the publication year.
        if let m = month(i, tokens, folded), i > 0, Self.yearCues.contains(folded[i - 1]), let reference {
            return result(i + 1, CalendarDate.format(year: reference.year, month: m))
        }
        // Ranges: de 2020 à 2023, entre 2020 et 2023, from 2020 to 2023.
        if Self.rangeOpeners.contains(folded[i]), let from = year(i + 1, folded), i + 3 < tokens.count,
            Self.rangeJoiners.contains(folded[i + 2]), let to = year(i + 3, folded), to > from
        {
            return RuleMatch(tokens: (i + 1)..<(i + 4), label: .date, value: "\(from)/\(to)")
        }
        // A year after a cue (en 2020, dès 2020, in 2020).
        if let y = year(i, folded), i > 0, Self.yearCues.contains(folded[i - 1]) {
            return result(i + 1, String(y))
        }
        // Relative days, when the publication date is known.
        if let offset = Self.relative[folded[i]], let reference {
            return result(i + 1, reference.adding(days: offset).iso)
        }
        return nil
    }
}
