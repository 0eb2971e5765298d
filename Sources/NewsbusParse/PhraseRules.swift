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
    public var crossLinkPrefixes: [String]
    /// Like ``crossLinkPrefixes`` but only when followed by `:` or a dash (the bare words occur in prose).
    public var crossLinkLabels: [String]
    /// Credit line starts.
    public var creditPrefixes: [String]
    /// Phrases that make a short line a call to subscribe, sign up or follow.
    public var subscribePhrases: [String]
    /// Whole lines that are share-bar or advert labels.
    public var labels: [String: RemovalKind]
    /// Headings that open a list of other articles.
    public var teaserHeadings: [String]
    /// Starts of "published …"/"updated …" lines.
    public var datelinePrefixes: [String]

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
            "zum artikel", "hier lesen", "hier weiterlesen", "weiterlesen",
        ],
        crossLinkLabels: [
            "à lire", "a lire", "à voir", "a voir", "à découvrir", "lire", "voir", "related", "more", "read",
            "recommended", "à écouter", "écouter", "vidéo", "video", "podcast", "lesen", "mehr", "siehe auch",
            "ebenfalls lesenswert", "tipp",
        ],
        creditPrefixes: [
            "crédits photo", "crédit photo", "crédits :", "crédit :", "photo :", "photos :", "©", "(c) ", "copyright",
            "foto:", "fotos:", "foto :", "bild:", "bilder:", "photo credit", "image credit", "image:", "credit:",
            "credits:", "illustration :", "photo by", "photograph:", "quelle:", "source photo", "picture:",
            "crédito:", "créditos:", "fot.", "fot:", "getty images", "afp photo", "keystone", "imago",
        ],
        subscribePhrases: [
            "newsletter", "abonnez-vous", "inscrivez-vous", "s'abonner", "sabonner", "déjà abonné", "réservé aux abonnés",
            "subscribe", "sign up", "log in to", "already a subscriber", "follow us", "like us on", "jetzt abonnieren",
            "abonnieren sie", "abonnieren", "jetzt anmelden", "melden sie sich", "suscríbete", "suscribete",
            "regístrate", "iscriviti", "assine", "zapisz się", "zaloguj", "cookies", "our privacy policy",
            "recevez gratuitement", "téléchargez l'application", "download the app", "app herunterladen",
            "support our journalism", "soutenez", "unterstützen sie", "become a member", "jetzt testen",
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
            "polecamy", "veja também", "leia também", "gerelateerde artikelen", "lees ook",
        ],
        datelinePrefixes: [
            "publié le", "mis à jour le", "modifié le", "publié", "mis à jour", "posted on", "published", "updated",
            "last updated", "veröffentlicht", "aktualisiert", "stand:", "erstellt am", "zuletzt aktualisiert",
            "publicado", "actualizado", "pubblicato", "aggiornato", "publikacja", "aktualizacja",
        ])

    /// What a line is, if it is boilerplate by its wording alone.
    func classify(_ block: CandidateBlock) -> RemovalKind? {
        let folded = Self.stripBullets(TextNormalizer.folded(block.text))
        guard !folded.isEmpty else { return .fragment }
        let length = block.length
        let trimmedLabel = folded.trimming(" :.!|-–—»›>")
        if let label = labels[trimmedLabel] { return label }
        if length <= 250 {
            for prefix in crossLinkPrefixes where folded.hasPrefix(prefix) { return .crossLink }
            for label in crossLinkLabels where folded.hasPrefix(label) {
                let rest = folded.dropFirst(label.count).drop { $0 == " " }
                if let first = rest.first, ":-–—|»>".contains(first) { return .crossLink }
            }
        }
        if length <= 160 {
            for prefix in creditPrefixes where folded.hasPrefix(prefix) { return .credit }
            if folded.contains("©") || folded.contains("(c) 20") || folded.contains("(c) 19") { return .credit }
        }
        if length <= 300 {
            if folded.contains("suivez") || folded.contains("follow") || folded.contains("folgen sie")
                || folded.contains("síguenos")
            {
                if folded.contains("facebook") || folded.contains("twitter") || folded.contains("instagram")
                    || folded.contains("linkedin") || folded.contains("tiktok")
                {
                    return .subscribePrompt
                }
            }
            for phrase in subscribePhrases where folded.contains(phrase) { return .subscribePrompt }
        }
        if length <= 40, Self.isCommentCounter(folded) { return .comments }
        if length <= 100 {
            for prefix in datelinePrefixes where folded.hasPrefix(prefix) {
                if DateNormalizer.findDate(in: block.text) != nil { return .dateline }
            }
        }
        if length <= 60, let date = DateNormalizer.findDate(in: block.text), date.coversMostOf(block.text) {
            return .dateline
        }
        if length <= 80, Self.looksLikeByline(folded) { return .byline }
        return nil
    }

    /// Whether a heading opens a list of other articles.
    func isTeaserHeading(_ text: String) -> Bool {
        let folded = Self.stripBullets(TextNormalizer.folded(text)).trimming(" :.!-–—»›>")
        guard folded.count <= 60 else { return false }
        return teaserHeadings.contains(folded)
    }

    private static func stripBullets(_ text: String) -> String {
        let bullets: Set<Character> = ["»", "›", "►", "▶", "→", ">", "-", "–", "—", "•", "*", "|", "+", " ", "■", "▪", "·"]
        return String(text.drop { bullets.contains($0) })
    }

    private static func isCommentCounter(_ folded: String) -> Bool {
        let words = folded.split(separator: " ")
        guard words.count <= 3, words.contains(where: { $0.allSatisfy(\.isNumber) || $0.hasPrefix("(") }) else {
            return false
        }
        return words.contains { $0.hasPrefix("comment") || $0.hasPrefix("kommentar") || $0.hasPrefix("réaction")
            || $0.hasPrefix("comentario") || $0.hasPrefix("komentarz") }
    }

    private static func looksLikeByline(_ folded: String) -> Bool {
        for prefix in ["par ", "by ", "von ", "por ", "di ", "door ", "autor: ", "author: ", "auteur : ", "texte : "]
        where folded.hasPrefix(prefix) {
            let words = folded.dropFirst(prefix.count).split(separator: " ")
            return words.count >= 1 && words.count <= 7 && !folded.hasSuffix(".")
        }
        return false
    }
}

extension StringProtocol {
    /// Trims the characters of `set` from both ends.
    func trimming(_ set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
