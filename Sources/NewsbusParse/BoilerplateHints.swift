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
        if let itemprop = attributes.itemprop?.lowercased() {
            if itemprop.contains("articlebody") || itemprop == "text" { return nil }
            if itemprop == "author" || itemprop == "creator" { return (.byline, .weak) }
        }
        guard attributes.id != nil || attributes.className != nil else { return nil }
        return hint(classAndID: (attributes.id ?? "") + " " + (attributes.className ?? ""))
    }

    /// The hint that class and id values give (both in one string).
    static func hint(classAndID: String) -> (RemovalKind, Strength)? {
        var bytes = Array(classAndID.utf8)
        var responsive = false
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { bytes[index] = byte | 0x20 }
            if byte == UInt8(ascii: ":") { responsive = true }
        }
        for (fragment, meaning) in compoundNames where PhraseRules.contains(bytes, fragment) { return meaning }
        var positive = false
        var found: (RemovalKind, Strength)?
        var start = 0
        func consider(_ token: ArraySlice<UInt8>) {
            guard !token.isEmpty else { return }
            if !positive, positiveTokens.contains(where: { token.starts(with: $0) }) { positive = true }
            guard found == nil || found!.1 == .weak, let match = match(token) else { return }
            // Utility-class frameworks write responsive visibility as "hidden md:block": not hidden on big screens.
            if responsive && match.0 == .hidden { return }
            if found == nil || match.1 == .strong { found = match }
        }
        for index in 0...bytes.count {
            let isSeparator = index == bytes.count || {
                let byte = bytes[index]
                return byte < 0x80 && !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39))
            }()
            if isSeparator {
                consider(bytes[start..<index])
                start = index + 1
            }
        }
        guard let found else { return nil }
        if positive && found.1 == .weak { return nil }
        return found
    }

    /// Token prefixes and exact tokens, with what they mean.
    private static func match(_ token: ArraySlice<UInt8>) -> (RemovalKind, Strength)? {
        if let exact = exactTokens[Array(token)] { return exact }
        for (prefix, meaning) in prefixTokens where token.starts(with: prefix) { return meaning }
        guard token.count > 6 else { return nil }
        for (fragment, meaning) in containedTokens where contains(token, fragment) { return meaning }
        return nil
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Class names whose parts mean more together than apart (`entry-author__description` is an author box even
    /// though `entry` alone sounds like content).
    private static let compoundNames: [([UInt8], (RemovalKind, Strength))] = [
        ("author-desc", RemovalKind.byline), ("author__desc", .byline), ("author_desc", .byline), ("author-bio", .byline),
        ("author__bio", .byline), ("author_bio", .byline), ("author-box", .byline), ("authorbox", .byline),
        ("about-author", .byline), ("authorinfo", .byline), ("biography", .byline), ("author-about", .byline), ("about-the-author", .byline), ("author-info", .byline), ("author_info", .byline),
        ("postmetadata", .dateline), ("post-meta", .dateline), ("entry-meta", .dateline), ("article-meta", .dateline),
        ("community-notice", .footer), ("affiliate", .advert), ("disclaimer", .footer), ("citation", .footer),
        ("paidbox", .advert), ("letters-cta", .subscribePrompt), ("inline-box", .related), ("inlinetextbox", .related),
    ].map { (Array($0.0.utf8), ($0.1, Strength.strong)) }

    private static let positiveTokens: [[UInt8]] = [
        "article", "content", "entry", "post", "story", "body", "main", "text", "blog", "news",
    ].map { Array($0.utf8) }

    private static let exactTokens: [[UInt8]: (RemovalKind, Strength)] = Dictionary(
        uniqueKeysWithValues: exactTokenNames.map { (Array($0.key.utf8), $0.value) })

    private static let exactTokenNames: [String: (RemovalKind, Strength)] = [
        "nav": (.navigation, .strong), "navi": (.navigation, .strong), "menu": (.navigation, .strong),
        "topbar": (.navigation, .strong), "toolbar": (.shareBar, .strong), "pagination": (.navigation, .strong),
        "pager": (.navigation, .strong), "skip": (.navigation, .strong), "ad": (.advert, .strong),
        "ads": (.advert, .strong), "adv": (.advert, .strong), "advert": (.advert, .strong), "pub": (.advert, .strong),
        "dfp": (.advert, .strong), "banner": (.advert, .weak), "tags": (.tags, .strong), "tag": (.tags, .weak),
        "keywords": (.tags, .strong), "topics": (.tags, .weak), "author": (.byline, .weak),
        "byline": (.byline, .strong), "meta": (.byline, .weak), "date": (.dateline, .weak),
        "time": (.dateline, .weak), "timestamp": (.dateline, .strong), "dateline": (.dateline, .strong),
        "caption": (.caption, .weak), "credit": (.credit, .strong), "credits": (.credit, .strong),
        "copyright": (.credit, .strong), "hidden": (.hidden, .weak), "hide": (.hidden, .weak),
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
        "sronly": (.hidden, .strong), "sr": (.hidden, .weak), "invisible": (.hidden, .weak),
        "offscreen": (.hidden, .strong), "cookie": (.cookieNotice, .strong), "consent": (.cookieNotice, .strong),
        "gdpr": (.cookieNotice, .strong), "rating": (.comments, .weak), "votes": (.comments, .weak),
        "reactions": (.comments, .strong), "disqus": (.comments, .strong), "infobox": (.sidebar, .weak),
        "contact": (.footer, .weak), "commentary": (.comments, .weak), "kommentar": (.comments, .weak), "legal": (.footer, .strong), "imprint": (.footer, .strong),
    ]

    private static let prefixTokens: [([UInt8], (RemovalKind, Strength))] = prefixTokenNames.map {
        (Array($0.0.utf8), $0.1)
    }

    private static let prefixTokenNames: [(String, (RemovalKind, Strength))] = [
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

    private static let containedTokens: [([UInt8], (RemovalKind, Strength))] = containedTokenNames.map {
        (Array($0.0.utf8), $0.1)
    }

    private static let containedTokenNames: [(String, (RemovalKind, Strength))] = [
        ("comment", (.comments, .strong)), ("newsletter", (.subscribePrompt, .strong)),
        ("breadcrumb", (.navigation, .strong)), ("related", (.related, .strong)), ("sidebar", (.sidebar, .strong)),
        ("socialmedia", (.shareBar, .strong)), ("sharebar", (.shareBar, .strong)), ("footer", (.footer, .weak)),
    ]
}
