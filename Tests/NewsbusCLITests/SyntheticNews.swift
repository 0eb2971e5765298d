import NewsbusProtocol
import NewsbusTesting

/// Synthetic news articles for load and failure tests: short French and English wire stories (a title and four
/// paragraphs: the news, a quote, the background, what comes next) assembled from templates and word lists by a
/// seeded generator, so the same seed gives the same articles. Every article carries figures derived from its
/// index, so no two have the same content (and so the same id).
enum SyntheticNews {
    /// `count` articles, alternately French and English.
    static func articles(count: Int, seed: UInt64) -> [RawArticle] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { index in
            let words = index.isMultiple(of: 2) ? WordList.french : WordList.english
            let story = Story(index: index, words: words, random: &random)
            let (title, paragraphs) = words.write(story)
            let source = words.sources.randomElement(using: &random)!
            return RawArticle(
                text: ([title] + paragraphs).joined(separator: "\n\n"),
                url: "https://www.\(source).example/\(words.section)/\(index)", source: source, title: title,
                lang: words.lang, clientID: "synthetic-\(index)")
        }
    }

    /// The facts of one story, in the words of its language.
    struct Story {
        var city, otherCity, organisation, verb, participle, project, unit: String
        var day: Int
        var month, laterMonth: String
        var year, amount, size, estimate: Int
        var speaker, role, speakerOrganisation, goal, analyst, institute, cause: String

        init(index: Int, words: WordList, random: inout SeededRandom) {
            func pick(_ list: [String]) -> String { list.randomElement(using: &random)! }
            func person() -> String { "\(pick(words.firstNames)) \(pick(words.lastNames))" }
            (city, otherCity, organisation) = (pick(words.cities), pick(words.cities), pick(words.organisations))
            (verb, participle) = words.actions.randomElement(using: &random)!
            (project, unit) = words.projects.randomElement(using: &random)!
            day = Int.random(in: 1...28, using: &random)
            (month, laterMonth) = (pick(words.months), pick(words.months))
            year = Int.random(in: 2024...2027, using: &random)
            // Figures from the index make the content unique; the other choices only vary it.
            amount = 40 + index
            size = 3 + (index * 7919) % 9973
            estimate = amount + Int.random(in: 5...400, using: &random)
            (speaker, role, speakerOrganisation) = (person(), pick(words.roles), pick(words.organisations))
            (goal, analyst, institute, cause) = (pick(words.goals), person(), pick(words.institutes), pick(words.causes))
        }
    }

    /// The words and the template of one language.
    struct WordList: Sendable {
        let lang: String
        let section: String
        let sources: [String]
        let cities: [String]
        let organisations: [String]
        /// A verb for the title, with its participle for the story.
        let actions: [(verb: String, participle: String)]
        let projects: [(project: String, unit: String)]
        let firstNames: [String]
        let lastNames: [String]
        let roles: [String]
        let goals: [String]
        let institutes: [String]
        let causes: [String]
        let months: [String]
        /// The title and paragraphs of a story.
        let write: @Sendable (Story) -> (title: String, paragraphs: [String])

        static let french = WordList(
            lang: "fr", section: "regions",
            sources: ["echo-maghreb", "courrier-du-sud", "depeche-atlantique", "journal-des-regions"],
            cities: [
                "Rabat", "Casablanca", "Tunis", "Alger", "Marseille", "Lyon", "Dakar", "Nantes", "Bordeaux", "Oran",
                "Sfax", "Tanger", "Agadir", "Lille", "Toulouse", "Montpellier",
            ],
            organisations: [
                "la Banque africaine de développement", "l'Office national des chemins de fer",
                "la Commission européenne", "le ministère de l'Économie", "l'Union africaine",
                "la Société régionale des transports", "l'Agence française de développement", "le conseil régional",
            ],
            actions: [
                ("approuve", "approuvé"), ("lance", "lancé"), ("suspend", "suspendu"), ("relance", "relancé"),
                ("finance", "financé"), ("annonce", "annoncé"), ("reporte", "reporté"),
            ],
            projects: [
                ("le projet de tramway", "kilomètres de voies"), ("la nouvelle usine de dessalement", "mètres cubes par jour"),
                ("le plan de rénovation des écoles", "classes"), ("le programme d'irrigation", "hectares"),
                ("la ligne ferroviaire à grande vitesse", "kilomètres"), ("le parc éolien en mer", "mégawatts"),
                ("la campagne de vaccination", "doses"), ("le nouveau terminal à conteneurs", "conteneurs par an"),
            ],
            firstNames: ["Karim", "Nadia", "Sophie", "Youssef", "Claire", "Mehdi", "Amina", "Julien", "Leïla", "Thomas"],
            lastNames: ["Bennani", "Martin", "El Amrani", "Dubois", "Haddad", "Lefèvre", "Chraïbi", "Moreau", "Benali", "Girard"],
            roles: ["porte-parole", "chef de projet", "responsable des investissements", "membre de la direction"],
            goals: [
                "désenclaver les quartiers périphériques", "réduire notre dépendance aux importations",
                "créer des emplois durables dans la région", "répondre à la hausse de la demande",
                "moderniser des équipements vieillissants",
            ],
            institutes: ["l'université Mohammed-V", "l'Institut de recherche économique", "l'université de Tunis", "Sciences Po Lyon"],
            causes: [
                "la hausse du prix des matériaux", "un différend avec les sous-traitants",
                "recours déposés par des riverains", "difficultés de financement", "intempéries exceptionnelles",
            ],
            months: ["janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre", "novembre", "décembre"]
        ) { story in
            let organisation = story.organisation.capitalisedFirst
            return (
                "\(organisation) \(story.verb) \(story.project) à \(story.city)",
                [
                    "\(story.city), \(story.day) \(story.month) \(story.year) — \(organisation) a \(story.participle) "
                        + "\(story.project), d'un montant de \(story.amount) millions d'euros, selon un communiqué "
                        + "publié dans la matinée. Le programme porte sur \(story.size) \(story.unit) d'ici à "
                        + "\(story.year + 3).",
                    "« Nous avons besoin de ce projet pour \(story.goal) », a déclaré \(story.speaker), \(story.role) "
                        + "\(story.speakerOrganisation.afterDe), lors d'une conférence de presse à \(story.city).",
                    "Le dossier avait pris du retard en \(story.year - 1) en raison de \(story.cause). Selon "
                        + "\(story.analyst), économiste à \(story.institute), le coût final pourrait atteindre "
                        + "\(story.estimate) millions d'euros.",
                    "Les premiers travaux doivent commencer en \(story.laterMonth). Une réunion publique est prévue à "
                        + "\(story.otherCity) pour présenter le calendrier aux habitants et aux entreprises concernées.",
                ]
            )
        }

        static let english = WordList(
            lang: "en", section: "news",
            sources: ["north-africa-ledger", "coastal-herald", "regional-wire", "daily-dispatch"],
            cities: [
                "London", "Manchester", "Cairo", "Nairobi", "Lagos", "Dublin", "Leeds", "Accra", "Cape Town",
                "Glasgow", "Edinburgh", "Bristol", "Liverpool", "Kampala",
            ],
            organisations: [
                "the World Bank", "the European Commission", "the African Union", "the Treasury",
                "the International Monetary Fund", "the Port Authority", "the Department for Transport",
                "the city council",
            ],
            actions: [
                ("approves", "approved"), ("launches", "launched"), ("suspends", "suspended"), ("revives", "revived"),
                ("funds", "funded"), ("unveils", "unveiled"), ("delays", "delayed"),
            ],
            projects: [
                ("the tram extension", "kilometres of track"), ("a new desalination plant", "cubic metres a day"),
                ("the school renovation plan", "classrooms"), ("the irrigation scheme", "hectares"),
                ("the high-speed rail line", "kilometres"), ("the offshore wind farm", "megawatts"),
                ("the vaccination campaign", "doses"), ("a new container terminal", "containers a year"),
            ],
            firstNames: ["James", "Sarah", "Michael", "Grace", "David", "Emily", "Daniel", "Ngozi", "Robert", "Fiona"],
            lastNames: ["Whitfield", "Okafor", "Harris", "Mensah", "Clarke", "Walsh", "Patel", "Hughes", "Kamau", "Bennett"],
            roles: ["chief executive", "spokesperson", "chair", "deputy minister", "regional director"],
            goals: [
                "connect the outer districts", "cut our dependence on imports", "create lasting jobs in the region",
                "keep up with rising demand", "replace equipment that is decades old",
            ],
            institutes: ["the University of Leeds", "the Institute for Fiscal Studies", "Makerere University", "King's College London"],
            causes: [
                "rising material costs", "a dispute with contractors", "legal challenges from residents",
                "funding difficulties", "exceptionally bad weather",
            ],
            months: ["January", "February", "March", "April", "May", "June", "September", "October", "November", "December"]
        ) { story in
            let organisation = story.organisation.capitalisedFirst
            return (
                "\(organisation) \(story.verb) \(story.project) in \(story.city)",
                [
                    "\(story.city), \(story.month) \(story.day), \(story.year) — \(organisation) has "
                        + "\(story.participle) \(story.project), worth \(story.amount) million dollars, according to a "
                        + "statement released on Tuesday morning. The programme covers \(story.size) \(story.unit) by "
                        + "\(story.year + 3).",
                    "\"We need this project to \(story.goal),\" said \(story.speaker), \(story.role) of "
                        + "\(story.speakerOrganisation), at a news conference in \(story.city).",
                    "The plan was held up in \(story.year - 1) by \(story.cause). According to \(story.analyst), an "
                        + "economist at \(story.institute), the final cost could reach \(story.estimate) million dollars.",
                    "Work is due to start in \(story.laterMonth). A public meeting will be held in \(story.otherCity) to "
                        + "present the timetable to residents and the businesses affected.",
                ]
            )
        }
    }
}

extension String {
    /// The string with its first letter in upper case (`la Commission` → `La Commission`).
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// A French name with its article, after « de » (`le conseil` → `du conseil`, `la Banque` → `de la Banque`).
    fileprivate var afterDe: String { hasPrefix("le ") ? "du " + dropFirst(3) : "de " + self }
}
