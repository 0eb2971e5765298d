@testable import NewsbusParse
import Testing

@Suite struct DateNormalizerTests {
    @Test(arguments: [
        ("2021-06-03T10:15:00+01:00", "2021-06-03T10:15:00+01:00"),
        ("2021-06-03T10:15:00Z", "2021-06-03T10:15:00+00:00"),
        ("2021-06-03T10:15:00.123+0200", "2021-06-03T10:15:00+02:00"),
        ("2021-06-03 10:15", "2021-06-03"),
        ("2021-06-03", "2021-06-03"),
        ("20210603", "2021-06-03"),
        ("3 juin 2021", "2021-06-03"),
        ("1er mars 2019", "2019-03-01"),
        ("June 3, 2021", "2021-06-03"),
        ("3. Juni 2021", "2021-06-03"),
        ("03.06.2021", "2021-06-03"),
        ("Mis à jour le 14 décembre 2022 à 18h", "2022-12-14"),
    ])
    func normalises(_ input: String, _ expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test(arguments: ["", "hier", "2021-13-40", "32 juin 2021", "page 2 of 3"])
    func refusesWhatIsNotADate(_ input: String) {
        #expect(DateNormalizer.normalize(input) == nil)
    }
}
