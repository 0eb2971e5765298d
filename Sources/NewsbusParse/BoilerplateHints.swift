/// Structural signals from markup alone: what an element's tag, class, id and role say it is.
///
/// Class and id values are split into lower-case tokens at `-`, `_`, spaces and case changes are kept as written
/// (`relatedArticles` → `relatedarticles`), and each token is matched by prefix, so `article-comments`,
/// `comment-list` and `commentsBlock` all read as comments while `shadow` never reads as `ad`.
enum BoilerplateHints {
    /// How sure a hint is: strong hints win over "content"-like tokens on the same element, weak ones do not.
    enum Strength { case weak, strong }

    /// The hint for one element, if any.
    static func hint(tag: Tag, attributes: DOMTree.Attributes?) -> (RemovalKind, Strength)? {
        switch tag {
        case .nav, .menu: return (.navigation, .strong)
        case .aside: return (.sidebar, .weak)
        case .footer: return (.footer, .weak)
        case .header: return (.header, .weak)
        case .figcaption, .figure: return (.caption, .weak)
        case .form, .fieldset: return (.subscribePrompt, .weak)
        case .address: return (.byline, .weak)
        default: break
        }
        guard let attributes else { return nil }
        if attributes.hidden { return (.hidden, .strong) }
        if let role = attributes.role?.lowercased() {
            switch role {
            case "navigation", "menu", "menubar", "banner": return (.navigation, .strong)
            case "complementary": return (.sidebar, .weak)
            case "contentinfo": return (.footer, .weak)
            case "dialog", "alertdialog": return (.subscribePrompt, .weak)
            default: break
            }
        }
        let itemprop = attributes.itemprop?.lowercased() ?? ""
        if itemprop.contains("articlebody") || itemprop == "text" { return nil }
        if itemprop == "author" || itemprop == "creator" { return (.byline, .weak) }
        var tokens: [Substring] = []
        var combined = ""
        if let id = attributes.id { combined += id.lowercased() + " " }
        if let className = attributes.className { combined += className.lowercased() }
        guard !combined.isEmpty else { return nil }
        tokens = combined.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        // Utility-class frameworks write responsive visibility as "hidden md:block": not hidden on big screens.
        let responsive = combined.contains(":")
        var positive = false
        var found: (RemovalKind, Strength)?
        for token in tokens {
            if found == nil || found!.1 == .weak, let match = match(token), !(responsive && match.0 == .hidden) {
                if found == nil || match.1 == .strong { found = match }
            }
            if positiveTokens.contains(where: { token.hasPrefix($0) }) { positive = true }
        }
        guard let found else { return nil }
        if positive && found.1 == .weak { return nil }
        return found
    }

    private static let positiveTokens: [String] = [
        "article", "content", "entry", "post", "story", "body", "main", "text", "blog", "news",
    ]

    /// Token prefixes and exact tokens, with what they mean.
    private static func match(_ token: Substring) -> (RemovalKind, Strength)? {
        if let exact = exactTokens[String(token)] { return exact }
        for (prefix, meaning) in prefixTokens where token.hasPrefix(prefix) { return meaning }
        for (fragment, meaning) in containedTokens where token.contains(fragment) { return meaning }
        return nil
    }

    private static let exactTokens: [String: (RemovalKind, Strength)] = [
        "nav": (.navigation, .strong), "navi": (.navigation, .strong), "menu": (.navigation, .strong),
        "topbar": (.navigation, .strong), "toolbar": (.shareBar, .strong), "pagination": (.navigation, .strong),
        "pager": (.navigation, .strong), "skip": (.navigation, .strong), "ad": (.advert, .strong),
        "ads": (.advert, .strong), "adv": (.advert, .strong), "advert": (.advert, .strong), "pub": (.advert, .strong),
        "dfp": (.advert, .strong), "banner": (.advert, .weak), "tags": (.tags, .strong), "tag": (.tags, .weak),
        "keywords": (.tags, .strong), "topics": (.tags, .weak), "author": (.byline, .weak),
        "byline": (.byline, .strong), "meta": (.byline, .weak), "date": (.dateline, .weak),
        "time": (.dateline, .weak), "timestamp": (.dateline, .strong), "dateline": (.dateline, .strong),
        "caption": (.caption, .weak), "credit": (.credit, .strong), "credits": (.credit, .strong),
        "copyright": (.credit, .strong), "hidden": (.hidden, .strong), "hide": (.hidden, .strong),
        "print": (.shareBar, .weak), "noprint": (.shareBar, .weak), "breaking": (.related, .weak),
        "ticker": (.related, .strong), "more": (.related, .weak), "teaser": (.related, .weak),
        "teasers": (.related, .strong), "rail": (.sidebar, .strong), "overlay": (.subscribePrompt, .strong),
        "modal": (.subscribePrompt, .strong), "popup": (.subscribePrompt, .strong), "login": (.subscribePrompt, .strong),
        "signup": (.subscribePrompt, .strong), "register": (.subscribePrompt, .weak), "masthead": (.header, .strong),
        "header": (.header, .weak), "head": (.header, .weak), "footer": (.footer, .strong), "foot": (.footer, .weak),
        "sharing": (.shareBar, .strong), "share": (.shareBar, .strong), "shares": (.shareBar, .strong),
        "social": (.shareBar, .strong), "bio": (.byline, .weak), "widget": (.sidebar, .weak),
        "widgets": (.sidebar, .weak), "sponsor": (.advert, .strong), "sponsored": (.advert, .strong),
        "promo": (.advert, .strong), "outbrain": (.related, .strong), "taboola": (.related, .strong),
        "sronly": (.hidden, .strong), "sr": (.hidden, .weak), "invisible": (.hidden, .strong),
        "offscreen": (.hidden, .strong), "cookie": (.cookieNotice, .strong), "consent": (.cookieNotice, .strong),
        "gdpr": (.cookieNotice, .strong), "rating": (.comments, .weak), "votes": (.comments, .weak),
        "reactions": (.comments, .strong), "disqus": (.comments, .strong), "infobox": (.sidebar, .weak),
        "contact": (.footer, .weak), "legal": (.footer, .strong), "imprint": (.footer, .strong),
    ]

    private static let prefixTokens: [(String, (RemovalKind, Strength))] = [
        ("comment", (.comments, .strong)), ("kommentar", (.comments, .strong)), ("discussion", (.comments, .weak)),
        ("breadcrumb", (.navigation, .strong)), ("navigation", (.navigation, .strong)), ("navbar", (.navigation, .strong)),
        ("mainnav", (.navigation, .strong)), ("subnav", (.navigation, .strong)), ("sidebar", (.sidebar, .strong)),
        ("sidenav", (.navigation, .strong)), ("related", (.related, .strong)), ("recommend", (.related, .strong)),
        ("readmore", (.related, .strong)), ("readalso", (.related, .strong)), ("mostread", (.related, .strong)),
        ("mostpopular", (.related, .strong)), ("popular", (.related, .weak)), ("trending", (.related, .strong)),
        ("newsletter", (.subscribePrompt, .strong)), ("subscri", (.subscribePrompt, .strong)),
        ("paywall", (.subscribePrompt, .strong)), ("abonn", (.subscribePrompt, .strong)),
        ("advert", (.advert, .strong)), ("adslot", (.advert, .strong)), ("adunit", (.advert, .strong)),
        ("adsense", (.advert, .strong)), ("adcontainer", (.advert, .strong)), ("anzeige", (.advert, .strong)),
        ("werbung", (.advert, .strong)), ("cookie", (.cookieNotice, .strong)), ("consent", (.cookieNotice, .strong)),
        ("socialshar", (.shareBar, .strong)), ("share", (.shareBar, .strong)), ("social", (.shareBar, .strong)),
        ("author", (.byline, .weak)), ("byline", (.byline, .strong)), ("published", (.dateline, .weak)),
        ("pubdate", (.dateline, .strong)), ("copyright", (.credit, .strong)), ("footnote", (.footer, .weak)),
        ("visuallyhidden", (.hidden, .strong)), ("screenreader", (.hidden, .strong)), ("tagcloud", (.tags, .strong)),
        ("taglist", (.tags, .strong)), ("tagging", (.tags, .strong)), ("pagination", (.navigation, .strong)),
        ("toc", (.navigation, .weak)), ("teaserlist", (.related, .strong)), ("moreart", (.related, .strong)),
        ("morestor", (.related, .strong)), ("morenews", (.related, .strong)), ("youmay", (.related, .strong)),
        ("furtherread", (.related, .strong)),
    ]

    private static let containedTokens: [(String, (RemovalKind, Strength))] = [
        ("comment", (.comments, .strong)), ("newsletter", (.subscribePrompt, .strong)),
        ("breadcrumb", (.navigation, .strong)), ("related", (.related, .strong)), ("sidebar", (.sidebar, .strong)),
        ("socialmedia", (.shareBar, .strong)), ("sharebar", (.shareBar, .strong)), ("footer", (.footer, .weak)),
    ]
}
