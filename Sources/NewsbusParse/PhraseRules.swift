/// Language-aware phrase rules for boilerplate lines: cross-links ("À lire :", "Lire aussi", "Read more", "En
/// vidéo"), credits ("Crédits photo :", "© 2019 AFP"), calls to subscribe or follow ("Suivez … sur Facebook et
/// Twitter", newsletter prompts), share bars, advert labels, comment counters, bylines and datelines, and the
/// headings that open a list of other articles ("Aller plus loin", "Ces articles devraient vous intéresser").
///
/// French and English come first; German, Spanish, Italian, Portuguese, Dutch and Polish have the common ones.
/// Matching is on lower-cased text with typographic quotes folded and leading bullets (`»`, `►`, `•`, `>` …)
/// stripped.
public struct PhraseRules: Sendable {
    /// Lines that start with these and are short are cross-links to other articles.
    public let crossLinkPrefixes: [String]
    /// Like ``crossLinkPrefixes`` but only when followed by `:` or a dash (the bare words occur in prose).
    public let crossLinkLabels: [String]
    /// Credit line starts.
    public let creditPrefixes: [String]
    /// Phrases that make a short line a call to subscribe, sign up or follow.
    public let subscribePhrases: [String]
    /// Whole lines that are share-bar or advert labels.
    public let labels: [String: RemovalKind]
    /// Headings that open a list of other articles.
    public let teaserHeadings: [String]
    /// Starts of "published …"/"updated …" lines.
    public let datelinePrefixes: [String]

    /// Makes rules from phrase lists (lower case, typographic apostrophes folded to `'`).
    public init(
        crossLinkPrefixes: [String], crossLinkLabels: [String], creditPrefixes: [String], subscribePhrases: [String],
        labels: [String: RemovalKind], teaserHeadings: [String], datelinePrefixes: [String]
    ) {
        self.crossLinkPrefixes = crossLinkPrefixes
        self.crossLinkLabels = crossLinkLabels
        self.creditPrefixes = creditPrefixes
        self.subscribePhrases = subscribePhrases
        self.labels = labels
        self.teaserHeadings = teaserHeadings
        self.datelinePrefixes = datelinePrefixes
        self.teaserHeadingSet = Set(teaserHeadings)
        self.multiWordTeaserHeadings = teaserHeadings.filter { $0.unicodeScalars.contains(" ") }.map { $0 + " " }
        self.compiled = Compiled(
            crossLinkPrefixes: PhraseSet(crossLinkPrefixes), crossLinkLabels: crossLinkLabels.map { Array($0.utf8) },
            creditPrefixes: PhraseSet(creditPrefixes), datelinePrefixes: PhraseSet(datelinePrefixes),
            inText: Compiled.phrasesInText(subscribePhrases: subscribePhrases))
    }

    private let teaserHeadingSet: Set<String>
    private let multiWordTeaserHeadings: [String]

    /// The rules for French, English and the other languages of the dev pages.
    public static let standard = PhraseRules(
        crossLinkPrefixes: [
            "à lire aussi", "a lire aussi", "à lire également", "lire aussi", "lire également", "lire la suite",
            "voir aussi", "voir également", "à voir aussi", "sur le même sujet", "consultez notre dossier",
            "notre dossier", "pour aller plus loin", "découvrez aussi", "(re)lire", "relire :", "retrouvez",
            "read more", "read also", "also read", "see also", "related:", "related article", "related story",
            "more on this", "further reading", "read the full", "click here", "lea también", "lee también",
            "le puede interesar", "te puede interesar", "también te puede interesar", "notas relacionadas",
            "ver también", "lesen sie auch", "lesen sie mehr", "lesen sie hier", "auch interessant", "schon gelesen",
            "mehr zum thema", "weitere artikel", "das könnte sie auch interessieren", "czytaj też", "czytaj także",
            "czytaj więcej", "zobacz też", "zobacz także", "leggi anche", "leia também", "leia mais", "veja também",
            "lees ook", "lees meer", "en vidéo", "vidéo -", "► vidéo", "regarder la vidéo", "watch:", "watch the video",
            "video:", "vidéo :", "vidéo.", "podcast :", "mehr dazu", "hier geht es zum", "hier geht's zum",
            "zum artikel", "hier lesen", "hier weiterlesen", "weiterlesen", "weitere infos", "mehr infos",
            "mehr informationen", "infos unter", "more info", "plus d'infos", "plus d'informations", "más información",
        ],
        crossLinkLabels: [
            "à lire", "a lire", "à voir", "a voir", "à découvrir", "lire", "voir", "related", "more", "read",
            "recommended", "à écouter", "écouter", "vidéo", "video", "podcast", "lesen", "mehr", "siehe auch",
            "ebenfalls lesenswert", "tipp",
        ],
        creditPrefixes: [
            "crédits photo", "crédit photo", "crédits :", "crédit :", "photo :", "photos :", "©", "(c) ", "copyright",
            "foto:", "fotos:", "foto :", "bild:", "bilder:", "photo credit", "image credit", "image:", "credit:",
            "credits:", "illustration :", "le monde avec", "le figaro avec", "avec reuters", "with afp", "(afp)",
            "(reuters)", "(ap)", "(dpa)", "(belga)", "illustration ", "avec la collaboration de l'agence", "avec afp",
            "avec agences", "(avec afp)", "photo by", "photograph:", "quelle:", "source photo", "picture:",
            "crédito:", "créditos:", "fot.", "fot:", "getty images", "afp photo", "keystone", "imago", "quelle:",
            "(quelle:", "(foto:", "(bild:", "foto ", "fotos ", "bildquelle", "titelbild", "beitragsbild", "(photo:",
            "photo :", "image :", "source :", "source:", "sources :", "mit material von", "mit material der",
        ],
        subscribePhrases: [
            "newsletter", "abonnez-vous", "inscrivez-vous", "s'abonner", "sabonner", "déjà abonné", "réservé aux abonnés",
            "subscribe", "sign up", "log in to", "already a subscriber", "follow us", "like us on", "jetzt abonnieren",
            "abonnieren sie", "abonnieren", "jetzt anmelden", "melden sie sich", "suscríbete", "suscribete",
            "regístrate", "iscriviti", "assine", "zapisz się", "zaloguj", "cookies", "our privacy policy",
            "recevez gratuitement", "téléchargez l'application", "download the app", "app herunterladen",
            "support our journalism", "soutenez", "unterstützen sie", "become a member", "jetzt testen", "telegram",
            "canal de youtube", "hazte miembro", "download the", "app store", "google play", "support us",
            "unterstütze", "gefällt dir", "if you enjoyed", "want to hear what you think", "submit your letter",
            "this post contains references", "affiliate", "enthält werbung", "*werbung", "sponsored by",
            "in partnership with", "creative commons", "cc by", "diesen artikel teilen", "artikel teilen",
            "partagez", "share this", "abonnement", "abonniere", "jetzt lesen", "jetzt hören", "zum podcast",
            "mitglied werden", "donate", "faire un don", "privatsphäre", "datenschutzerklärung",
            "privacy policy", "rezept drucken", "print recipe", "kommentare geschlossen", "comments are closed",
            "story continues below", "continue reading", "article continues below", "listen to this article",
            "share full article", "skip advertisement", "gift this article", "save article", "offrir cet article",
            "ajouter à vos sélections", "écouter cet article", "réutiliser ce contenu",
            "article réservé", "pour lire la suite", "il vous reste", "temps de lecture", "min read",
            "vous pouvez partager", "artikel vorlesen", "artikel anhören", "lesezeit",
            "gratis testen", "weiterlesen mit", "für abonnenten", "plus-artikel", "exklusiv für",
        ],
        labels: [
            "publicité": .advert, "advertisement": .advert, "anzeige": .advert, "werbung": .advert,
            "publicidad": .advert, "pub": .advert, "sponsored": .advert, "ad": .advert, "advertising": .advert,
            "reklama": .advert, "pubblicità": .advert, "annonce": .advert, "partager": .shareBar, "share": .shareBar,
            "share this": .shareBar, "share this article": .shareBar, "share this story": .shareBar,
            "partager cet article": .shareBar, "tweet": .shareBar, "facebook": .shareBar, "twitter": .shareBar,
            "whatsapp": .shareBar, "e-mail": .shareBar, "email": .shareBar, "imprimer": .shareBar, "print": .shareBar,
            "drucken": .shareBar, "teilen": .shareBar, "artikel teilen": .shareBar, "linkedin": .shareBar,
            "pinterest": .shareBar, "copy link": .shareBar, "copier le lien": .shareBar, "link kopieren": .shareBar,
            "compartir": .shareBar, "condividi": .shareBar, "udostępnij": .shareBar, "mail": .shareBar,
            "kommentieren": .comments, "commenter": .comments, "comments": .comments, "commentaires": .comments,
            "kommentare": .comments, "comentarios": .comments, "réagir": .comments, "leave a comment": .comments,
            "(...)": .fragment, "[...]": .fragment, "…": .fragment, "...": .fragment, "top": .navigation,
            "back to top": .navigation, "retour en haut": .navigation, "nach oben": .navigation,
            "zurück": .navigation, "retour": .navigation, "menu": .navigation, "menü": .navigation,
            "suche": .navigation, "search": .navigation, "rechercher": .navigation, "home": .navigation,
            "startseite": .navigation, "accueil": .navigation,
        ],
        teaserHeadings: [
            "aller plus loin", "pour aller plus loin", "ces articles devraient vous intéresser",
            "ces articles pourraient vous intéresser", "sur le même sujet", "à lire aussi", "a lire aussi",
            "lire aussi", "à lire également", "à lire", "dans la même rubrique", "les plus lus", "articles similaires",
            "articles liés", "vous aimerez aussi", "vous aimerez peut-être aussi", "nos derniers articles",
            "les dernières actualités", "dernières infos", "à voir aussi", "related articles", "related stories",
            "related content", "related", "more stories", "more from", "read next", "read more", "you may also like",
            "you might also like", "you may be interested in", "recommended", "recommended for you", "most read",
            "most popular", "trending", "latest news", "more on this story", "more on this topic", "top stories",
            "editor's picks", "mehr zum thema", "weitere artikel", "das könnte sie auch interessieren",
            "auch interessant", "meistgelesen", "meistgelesene artikel", "weitere nachrichten", "neueste artikel",
            "noticias relacionadas", "notas relacionadas", "te puede interesar", "también te puede interesar",
            "más noticias", "lo más leído", "leggi anche", "articoli correlati", "czytaj też", "zobacz też",
            "polecamy", "veja também", "leia também", "gerelateerde artikelen", "lees ook", "empfohlene beiträge",
            "empfohlene artikel", "weiterführende informationen", "ähnliche artikel", "ähnliche beiträge",
            "verwandte artikel", "weitere beiträge", "mehr von", "das könnte dich auch interessieren", "passend dazu",
            "dazu passend", "more in", "related posts", "you might be interested in", "latest stories",
            "popular posts", "recent posts", "neueste beiträge", "letzte beiträge", "aktuelle beiträge",
            "letzte news", "aktuelle news", "weitere news", "czytaj również", "zobacz również", "polecane",
            "leer más", "también le puede interesar", "tags", "themen", "schlagwörter", "schlagworte", "temas",
            "etiquetas", "share this", "teilen", "comments", "kommentare", "leave a reply",
            "schreibe einen kommentar", "hinterlasse einen kommentar", "kommentar schreiben", "laisser un commentaire",
            "réagir à cet article", "les commentaires", "dans la même catégorie", "à la une", "nos vidéos",
            "sur le même thème", "voir plus", "les articles les plus lus", "plus de nouvelles",
            "weitere informationen", "kontakt", "zusatzinformationen", "zum weiterlesen", "mehr themen", "weitere themen",
            "explore further", "über den autor", "über die autorin", "about the author", "originalpublikation",
            "quellen", "quelle", "literatur", "weiterführender link", "weiterführende links", "kurz notiert",
            "contexto de la noticia", "das thema könnte dich auch interessieren", "auch auf", "mehr kolumnen",
            "read the latest from", "empfehlungen aus dem", "highlights aus dem heft", "sources", "references",
            "further information", "contact", "press contact", "pressekontakt", "medienkontakt", "à propos de l'auteur",
            "l'auteur", "sur le même sujet", "nos recommandations", "contenus sponsorisés", "notre sélection",
            "vorschau auf den nächsten artikel", "lesetipps", "lesetipp", "buchtipp", "mehr zum thema", "das sagen leser",
        ],
        datelinePrefixes: [
            "publié le", "mis à jour le", "modifié le", "publié", "mis à jour", "posted on", "published", "updated",
            "last updated", "veröffentlicht", "aktualisiert", "stand:", "erstellt am", "zuletzt aktualisiert",
            "publicado", "actualizado", "pubblicato", "aggiornato", "publikacja", "aktualizacja", "publiziert",
            "veröffentlichung", "release date", "datum:", "date:",
        ])

    /// The longest line any rule looks at; longer blocks are prose.
    static let longestRuleLine = 300

    /// What a line is, if it is boilerplate by its wording alone. `folded` is the block's text folded by
    /// ``TextNormalizer/folded(_:)``.
    func classify(_ block: CandidateBlock, folded: MatchText) -> RemovalKind? {
        let length = block.length
        guard length <= Self.longestRuleLine else { return nil }
        let stripped = folded.droppingLeading(Self.bullets)
        guard !stripped.isEmpty else { return .fragment }
        let bytes = stripped.bytes
        // The checks of short lines work on the String.
        lazy var text = stripped.string
        if length <= 40, let label = labels[text.trimming(Self.labelPunctuation.characters)] { return label }
        if length <= 120, Self.isShareBar(stripped) { return .shareBar }
        if length <= 250 {
            if compiled.crossLinkPrefixes.startsAny(bytes) { return .crossLink }
            for label in compiled.crossLinkLabels where bytes.starts(with: label) {
                var rest = bytes[label.count...].drop { $0 == 0x20 }
                if rest.starts(with: [0xC2, 0xA0]) { rest = rest.dropFirst(2) }
                if let first = rest.first, first == UInt8(ascii: ":") || first == UInt8(ascii: "-")
                    || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") || rest.starts(with: [0xE2, 0x80])
                    || rest.starts(with: [0xC2, 0xBB])
                {
                    return .crossLink
                }
            }
        }
        if length <= 160, compiled.creditPrefixes.startsAny(bytes) { return .credit }
        if length <= 300 {
            if compiled.captionPrefixes.startsAny(bytes) { return .caption }
            let found = compiled.inText.listsOccurring(in: bytes)
            func has(_ list: Compiled.InText) -> Bool { found & 1 << UInt64(list.rawValue) != 0 }
            if has(.copyrightMarks) || has(.rights) { return .credit }
            if has(.followVerbs) && has(.networks) || has(.subscribe) { return .subscribePrompt }
        }
        if length <= 40, Self.isCommentCounter(text) { return .comments }
        if length <= 80, compiled.tagPrefixes.contains(where: { stripped.hasPrefix($0) }) { return .tags }
        if length <= 30, Self.looksLikeAgencySignature(text) { return .credit }
        if length <= 100, compiled.datelinePrefixes.startsAny(bytes), DateNormalizer.findDate(in: block.text) != nil {
            return .dateline
        }
        if length <= 60, let date = DateNormalizer.findDate(in: block.text), date.coversMostOf(block.text) {
            return .dateline
        }
        if length <= 80, Self.looksLikeByline(text) { return .byline }
        return nil
    }

    /// A line made only of share buttons, such as "Partager sur Facebook Partager sur Twitter Envoyer par e-mail"
    /// or "Share on X · Share on LinkedIn · Email": every word is one of a share bar's, and one at least names a
    /// network, a way of sending or the act of sharing.
    ///
    /// Words are runs of letters and hyphens: found on the bytes of a plain text (one code point per Character),
    /// else Character by Character. The share-bar words are ASCII, so a word is one of them exactly when its
    /// bytes are.
    static func isShareBar(_ folded: MatchText) -> Bool {
        guard folded.isPlain else {
            let words = folded.string.split { !$0.isLetter && $0 != "-" }
            return isShareBar(words: words.map { Array($0.utf8)[...] })
        }
        // ASCII letters are told apart by plainWords; no other ASCII character is a letter.
        let words = folded.plainWords { $0 == 0x2D || $0 >= 0x80 && Character(Unicode.Scalar($0)!).isLetter }
        return isShareBar(words: words)
    }

    /// Whether `words` make a share bar: two or more, each a share bar's, one at least a button.
    private static func isShareBar(words: [ArraySlice<UInt8>]) -> Bool {
        guard words.count >= 2 else { return false }
        var namesAButton = false
        for word in words {
            if shareButtons.contains(word) {
                namesAButton = true
            } else if !shareFillers.contains(word) {
                return false
            }
        }
        return namesAButton
    }

    /// Words that make a share button: networks, ways of sending, the verbs.
    private static let shareButtons = shareWords([
        "facebook", "twitter", "x", "whatsapp", "linkedin", "messenger", "telegram", "pinterest", "reddit", "bluesky",
        "threads", "flipboard", "mastodon", "e-mail", "email", "mail", "courriel", "sms", "partager", "partagez",
        "share", "tweet", "tweeter", "imprimer", "print", "teilen", "drucken", "compartir", "condividi", "copier",
        "copy",
    ])
    /// Words that join them ("sur", "par", "le lien", "this article").
    private static let shareFillers = shareWords([
        "sur", "par", "le", "lien", "l'article", "cet", "article", "envoyer", "via", "on", "by", "this", "story",
        "link", "send", "the", "auf", "per", "artikel", "en", "por", "su",
    ])

    private static func shareWords(_ words: [String]) -> Set<ArraySlice<UInt8>> {
        Set(words.map { Array($0.utf8)[...] })
    }

    /// The phrase lists as UTF-8 bytes, for fast matching.
    private struct Compiled: Sendable {
        var crossLinkPrefixes: PhraseSet
        var crossLinkLabels: [[UInt8]]
        var creditPrefixes: PhraseSet
        var datelinePrefixes: PhraseSet
        /// The phrases looked for anywhere in a line, in the lists of ``InText``.
        var inText: PhraseSet

        /// The lists of phrases looked for anywhere in a line, by what they mean.
        enum InText: Int, CaseIterable {
            case copyrightMarks, rights, followVerbs, networks, subscribe
        }

        static func phrasesInText(subscribePhrases: [String]) -> PhraseSet {
            PhraseSet(
                lists: InText.allCases.map { list in
                    switch list {
                    case .copyrightMarks: ["©", "(c) 20"]
                    case .rights: rightsPhrases
                    case .followVerbs: ["suivez", "follow", "folgen sie", "síguenos", "seguici", "siga"]
                    case .networks: ["facebook", "twitter", "instagram", "linkedin", "tiktok", "youtube"]
                    case .subscribe: subscribePhrases
                    }
                })
        }

        static let rightsPhrases = [
            "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
            "tutti i diritti riservati", "chroniony prawem autorskim", "wszelkie prawa zastrzeżone",
            "copyrighted property", "reproduction interdite", "reproduction of material", "may not be reproduced",
            "without written permission", "without the prior written", "ohne genehmigung",
        ]
        var captionPrefixes = PhraseSet([
            "abbildung ", "abbildung:", "abb. ", "abb.:", "fig. ", "figure ", "vergrößern", "bild anzeigen", "grafik:",
            "infografik:", "screenshot", "légende :", "(photo ", "photo d'illustration",
        ])
        /// Starts of tag lines, compared Character by Character as `String.hasPrefix` does.
        var tagPrefixes: [MatchText] = [
            "tags:", "tags :", "themen:", "schlagwörter:", "schlagworte:", "mots-clés", "mots clés :", "temas:",
            "etiquetas:", "topics:", "kategorie:", "kategorien:", "catégorie :", "category:", "category :",
            "categories:", "catégories :", "filed under",
        ].map { MatchText(verbatim: $0) }
    }

    private let compiled: Compiled

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        let last = haystack.count - needle.count
        var index = 0
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// Whether a heading opens a list of other articles.
    func isTeaserHeading(_ text: String) -> Bool {
        isTeaserHeading(folded: TextNormalizer.folded(text))
    }

    /// Whether a heading, already folded with ``TextNormalizer/folded(_:)``, opens a list of other articles.
    func isTeaserHeading(folded text: String) -> Bool {
        let stripped = MatchText(verbatim: text).droppingLeading(Self.bullets)
        let folded = stripped.string.trimming(Self.headingPunctuation.characters)
        guard folded.count <= 60 else { return false }
        if teaserHeadingSet.contains(folded) { return true }
        // "Mehr von <site>", "More from <site>", "Das könnte Sie auch interessieren" with words after it.
        return multiWordTeaserHeadings.contains { folded.hasPrefix($0) }
    }

    /// What may open a line before its words: bullets, arrows, dashes, spaces. Folding turned guillemets into
    /// '"': "» Lire aussi" arrives here as "\" lire aussi".
    private static let bullets = SingleScalarCharacters("»›►▶→>-–—•*|+ ■▪·\"")
    /// What is trimmed around a line before it is looked up in ``labels``.
    private static let labelPunctuation = SingleScalarCharacters(" :.!|-–—»›>")
    /// What is trimmed around a heading before it is looked up in ``teaserHeadings``.
    private static let headingPunctuation = SingleScalarCharacters(" :.!-–—»›>")

    private static func isCommentCounter(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        guard words.count <= 3, words.contains(where: { $0.allSatisfy(\.isNumber) || $0.hasPrefix("(") }) else {
            return false
        }
        return words.contains { $0.hasPrefix("comment") || $0.hasPrefix("kommentar") || $0.hasPrefix("réaction")
            || $0.hasPrefix("comentario") || $0.hasPrefix("komentarz") }
    }

    /// "aja/PAP", "(dpa)", "AFP/Reuters", "red, wien.ORF.at/Agenturen": a short signature with a slash or in
    /// parentheses.
    private static func looksLikeAgencySignature(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        guard words.count <= 4, !folded.hasSuffix(".") else { return false }
        if folded.hasPrefix("(") && folded.hasSuffix(")") { return true }
        return folded.contains("/") && !folded.contains("http") && words.count <= 3
    }

    private static func looksLikeByline(_ folded: String) -> Bool {
        for prefix in ["par ", "by ", "von ", "por ", "di ", "door ", "autor: ", "author: ", "auteur : ", "texte : "]
        where folded.hasPrefix(prefix) {
            // "Par Nadia El Amrani - 13 janvier 2026 à 09h15": the name, then maybe a dash and the date.
            var name = folded.dropFirst(prefix.count)
            for separator in [" - ", " – ", " — ", " | "] {
                guard let range = name.range(of: separator) else { continue }
                guard DateNormalizer.findDate(in: String(name[range.upperBound...])) != nil else { return false }
                name = name[..<range.lowerBound]
                break
            }
            let words = name.split(separator: " ")
            return words.count >= 1 && words.count <= 7 && !folded.hasSuffix(".")
        }
        return false
    }
}

extension StringProtocol {
    /// Trims the characters of `set` from both ends.
    func trimming(_ set: String) -> String {
        trimming(Set(set))
    }

    /// Trims `characters` from both ends.
    func trimming(_ characters: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
