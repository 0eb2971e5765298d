/// A publication date as year, month and day, parsed from the start of an ISO 8601 value, used to resolve
/// dates written without a year or relative to the day of publication.
struct CalendarDate: Sendable, Hashable {
    var year: Int
    var month: Int
    var day: Int

    /// Parses `YYYY-MM-DD…` (anything after the day, such as a time, is ignored).
    init?(iso: String?) {
        guard let iso else { return nil }
        let digits = Array(iso.utf8.prefix(10))
        guard digits.count == 10, digits[4] == 0x2D, digits[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                guard (0x30...0x39).contains(digits[k]) else { return nil }
                value = value * 10 + Int(digits[k] - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m),
            (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The date `days` days later (or earlier, for a negative count).
    func adding(days: Int) -> CalendarDate {
        var date = self
        var remaining = days
        while remaining > 0 {
            date.day += 1
            if date.day > Self.daysIn(month: date.month, year: date.year) {
                date.day = 1
                date.month += 1
                if date.month > 12 {
                    date.month = 1
                    date.year += 1
                }
            }
            remaining -= 1
        }
        while remaining < 0 {
            date.day -= 1
            if date.day < 1 {
                date.month -= 1
                if date.month < 1 {
                    date.month = 12
                    date.year -= 1
                }
                date.day = Self.daysIn(month: date.month, year: date.year)
            }
            remaining += 1
        }
        return date
    }

    static func format(year: Int?, month: Int? = nil, day: Int? = nil) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var result = year.map { pad($0, 4) } ?? "-"
        if let month { result += "-" + pad(month, 2) }
        if let day { result += "-" + pad(day, 2) }
        return result
    }

    var iso: String { Self.format(year: year, month: month, day: day) }
}
