import Testing

@testable import NewsbusExtract

@Suite struct DateRuleTests {
    func dates(_ text: String, published: String? = nil) -> [String] {
        DateRules().matches(Tokenizer().tokenize(text), published: published).map(\.value)
    }

    @Test func frenchDates() {
        #expect(
            dates("depuis juin 2021, le 5 décembre 1797 et le 1er août 2019") == [
                "2021-06", "1797-12-05", "2019-08-01",
            ])
        #expect(dates("Août 2021 : adoption") == ["2021-08"])
    }

    @Test func englishDates() {
        #expect(
            dates("In August 2021 and on August 5, 2021, or 5 May 2020; they may go") == [
                "2021-08", "2021-08-05", "2020-05-05",
            ])
    }

    @Test func yearRanges() {
        let text = "la période 2020-2023, de 2018 à 2019, from 2001 to 2004"
        #expect(dates(text) == ["2020/2023", "2018/2019", "2001/2004"])
    }

    @Test func yearsNeedACue() {
        #expect(dates("dès 2020, 2020 personnes, in 1999") == ["2020", "1999"])
    }

    @Test func resolvedAgainstThePublicationDate() {
        #expect(dates("le 5 décembre, hier", published: "2021-01-01T10:00:00+01:00") == ["2021-12-05", "2020-12-31"])
        #expect(dates("le 5 décembre, hier") == ["--12-05"])
    }

    /// "31 février 2021" keeps only its month: "février 2021".
    @Test func impossibleDaysAreNotDates() {
        #expect(dates("le 31 février 2021, le 29 février 2020, le 2021-02-30") == ["2021-02", "2020-02-29"])
    }

    @Test func isoAndNumericDates() {
        #expect(dates("le 2021-06-05 ou le 05/06/2021") == ["2021-06-05", "2021-06-05"])
    }
}

@Suite struct AmountRuleTests {
    func amounts(_ text: String, comma: Bool = true) -> [String] {
        AmountRules(decimalComma: comma).matches(Tokenizer().tokenize(text)).map { "\($0.label) \($0.value)" }
    }

    @Test func frenchMoney() {
        #expect(
            amounts("6 000 euros, 1,5 milliard de dollars, 2 millions d'euros, 300 dirhams, 20 €") == [
                "MONEY 6000 EUR", "MONEY 1500000000 USD", "MONEY 2000000 EUR", "MONEY 300 MAD", "MONEY 20 EUR",
            ])
    }

    @Test func englishMoney() {
        #expect(
            amounts("$5 million and 1,200 pounds or 3.5 billion dollars", comma: false) == [
                "MONEY 5000000 USD", "MONEY 1200 GBP", "MONEY 3500000000 USD",
            ])
    }

    @Test func percentages() {
        #expect(amounts("12,5 %, 30 pour cent") == ["PERCENT 12.5", "PERCENT 30"])
        #expect(amounts("12.5 percent and 5 per cent", comma: false) == ["PERCENT 12.5", "PERCENT 5"])
    }

    @Test func plainNumbersAreNotAmounts() {
        #expect(amounts("200 cellules en 20 ans").isEmpty)
        #expect(amounts(String(repeating: "9", count: 400) + " euros").isEmpty)
    }
}
