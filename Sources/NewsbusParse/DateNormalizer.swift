/// Reads dates as pages write them and writes them as ISO 8601: `2021-06-03T10:15:00+01:00` when the time and
/// its offset are known, else `2021-06-03`.
///
/// Understands ISO 8601 and its common variants (`2021-06-03 10:15:00`, `…Z`, `…+0100`, fractions of a second),
/// numeric European dates (`03.06.2021`), and dates with month names in French, English, German, Spanish,
/// Italian, Portuguese and Dutch (`3 juin 2021`, `June 3, 2021`, `3. Juni 2021`, `1er mars 2019`).
enum DateNormalizer {
    /// A date found in a string: its ISO form and the range of characters it took.
    struct Found {
        var iso: String
        var matchedLength: Int
        var textLength: Int
        /// Whether the date is most of the text (the text is a dateline, not a sentence that mentions a date).
        func coversMostOf(_ text: String) -> Bool { matchedLength * 2 >= textLength }
    }

    /// The ISO 8601 form of a machine-readable date (meta tags, JSON-LD, `<time datetime>`), or nil.
    static func normalize(_ raw: String) -> String? {
        normalizeISO(raw) ?? findDate(in: raw)?.iso
    }

    /// The ISO 8601 form of a date written in ISO style (`2021-06-03`, `20210603`, with an optional time).
    static func normalizeISO(_ raw: String) -> String? {
        let text = raw.trimming(" \n\t")
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 8 else { return nil }
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let scalar = scalars[index + offset]
                guard scalar.value >= 0x30 && scalar.value <= 0x39 else { return nil }
                value = value * 10 + Int(scalar.value - 0x30)
            }
            index += digits
            return value
        }
        func skip(_ character: Unicode.Scalar) -> Bool {
            if index < scalars.count, scalars[index] == character { index += 1; return true }
            return false
        }
        guard let year = number(4) else { return nil }
        let dashed = skip("-") || skip("/")
        guard let month = number(2) else { return nil }
        if dashed { _ = skip("-") || skip("/") }
        guard let day = number(2), valid(year, month, day) else { return nil }
        let date = String(format4(year)) + "-" + two(month) + "-" + two(day)
        guard index < scalars.count, scalars[index] == "T" || scalars[index] == " " else { return date }
        index += 1
        guard let hour = number(2), skip(":"), let minute = number(2), hour < 24, minute < 60 else { return date }
        var second = 0
        if skip(":"), let value = number(2) { second = min(value, 59) }
        if skip(".") || skip(",") { while index < scalars.count, scalars[index].properties.numericType != nil { index += 1 } }
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return date }
        let time = "T" + two(hour) + ":" + two(minute) + ":" + two(second)
        if scalars[index] == "Z" || scalars[index] == "z" { return date + time + "+00:00" }
        guard scalars[index] == "+" || scalars[index] == "-" else { return date }
        let sign = scalars[index] == "+" ? "+" : "-"
        index += 1
        guard let offsetHours = number(2) else { return date }
        _ = skip(":")
        let offsetMinutes = number(2) ?? 0
        return date + time + sign + two(offsetHours) + ":" + two(offsetMinutes)
    }

    /// The first date written in prose in `text`, if any.
    static func findDate(in text: String) -> Found? {
        var digits = 0
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 { digits += 1 }
        guard digits >= 4 else { return nil }
        let words = tokens(of: TextNormalizer.folded(text))
        guard !words.isEmpty else { return nil }
        let textLength = text.count
        for (index, word) in words.enumerated() {
            // 2021-06-03
            if word.count >= 10, let iso = normalizeISO(String(word.prefix(10))) {
                return Found(iso: iso, matchedLength: 10, textLength: textLength)
            }
            // 03.06.2021 or 3.6.2021
            let parts = word.trimming(".,;:)").split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2].prefix(4)),
                parts[2].count >= 4, valid(year, month, day)
            {
                return Found(iso: iso(year, month, day), matchedLength: word.count, textLength: textLength)
            }
            // 3 juin 2021 / 3. Juni 2021 / 1er mars 2019
            if let month = months[word], index >= 1, index + 1 < words.count,
                let day = Int(words[index - 1].trimming(".er")), let year = Int(words[index + 1].prefix(4)),
                words[index + 1].prefix(4).count == 4, valid(year, month, day)
            {
                let length = words[index - 1].count + word.count + words[index + 1].count + 2
                return Found(iso: iso(year, month, day), matchedLength: length, textLength: textLength)
            }
            // June 3, 2021
            if let month = months[word], index + 2 < words.count, let day = Int(words[index + 1].trimming(",.")),
                let year = Int(words[index + 2].prefix(4)), words[index + 2].prefix(4).count == 4,
                valid(year, month, day)
            {
                let length = word.count + words[index + 1].count + words[index + 2].count + 2
                return Found(iso: iso(year, month, day), matchedLength: length, textLength: textLength)
            }
        }
        return nil
    }

    private static func tokens(of text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "," || $0 == "|" || $0 == "/" })
            .map { String($0) }
    }

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        (1900...2100).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
        format4(year) + "-" + two(month) + "-" + two(day)
    }

    private static func format4(_ value: Int) -> String { String(value) }
    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Month names (folded to lower case) in the supported languages.
    private static let months: [String: Int] = {
        let names: [[String]] = [
            ["janvier", "january", "januar", "jänner", "enero", "gennaio", "janeiro", "januari", "jan", "jan."],
            ["février", "fevrier", "february", "februar", "febrero", "febbraio", "fevereiro", "februari", "feb", "feb.", "févr."],
            ["mars", "march", "märz", "marzo", "março", "maart", "mar", "mar."],
            ["avril", "april", "abril", "aprile", "apr", "apr.", "avr."],
            ["mai", "may", "mayo", "maggio", "maio", "mei"],
            ["juin", "june", "juni", "junio", "giugno", "junho", "jun", "jun."],
            ["juillet", "july", "juli", "julio", "luglio", "julho", "jul", "jul.", "juil."],
            ["août", "aout", "august", "agosto", "augustus", "aug", "aug."],
            ["septembre", "september", "septiembre", "settembre", "setembro", "sep", "sep.", "sept", "sept."],
            ["octobre", "october", "oktober", "octubre", "ottobre", "outubro", "oct", "oct.", "okt."],
            ["novembre", "november", "noviembre", "novembro", "nov", "nov."],
            ["décembre", "decembre", "december", "dezember", "diciembre", "dicembre", "dezembro", "dec", "dec.", "déc.", "dez."],
        ]
        var table: [String: Int] = [:]
        for (index, list) in names.enumerated() { for name in list { table[name] = index + 1 } }
        return table
    }()
}
