import Foundation

/// Folds a name for matching: no case, no diacritics, hyphens and apostrophes as spaces, spaces collapsed.
/// "Al-Qaïda" and "al qaida" fold to the same text.
enum NameFolding {
    static func fold(_ name: String) -> String {
        let stripped = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var space = false
        for character in stripped {
            if character.isLetter || character.isNumber {
                if space, !result.isEmpty { result.append(" ") }
                space = false
                result.append(character)
            } else {
                space = true
            }
        }
        return result
    }
}
