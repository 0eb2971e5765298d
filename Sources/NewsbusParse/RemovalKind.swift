/// Why a piece of a page was left out of the body; the raw value is the key in ``ParsedArticle/removed``.
public enum RemovalKind: String, Sendable, CaseIterable {
    /// Menus, breadcrumbs, skip links (`<nav>`, `menu`/`nav`/`breadcrumb` classes).
    case navigation
    /// Side columns and widgets (`<aside>`, `sidebar`/`widget` classes).
    case sidebar
    /// Page and article footers.
    case footer
    /// The page header (logo, top menu) when it holds no article text.
    case header
    /// Reader comments and comment counters.
    case comments
    /// Share and print buttons.
    case shareBar = "share_bar"
    /// Related and recommended article boxes found by their markup.
    case related
    /// Newsletter, subscription and "follow us" prompts, paywall notices.
    case subscribePrompt = "subscribe_prompt"
    /// Advertisements and sponsored slots.
    case advert
    /// Cookie and consent banners.
    case cookieNotice = "cookie_notice"
    /// Image captions and figures.
    case caption
    /// Photo and copyright credits ("Crédits photo : …", "© 2019 AFP").
    case credit
    /// Bylines and author boxes (the names go to ``ParsedArticle/authors``).
    case byline
    /// Lone dates and "published/updated" lines (the dates go to ``ParsedArticle/published``).
    case dateline
    /// Tag and keyword lists.
    case tags
    /// Cross-links to other articles inside the text ("À lire :", "Lire aussi", "Read more", "En vidéo").
    case crossLink = "cross_link"
    /// Lists of other articles' headlines or first sentences ("Aller plus loin", "Related articles" …).
    case teaserList = "teaser_list"
    /// Blocks that are mostly link text (menus and link lists without telling markup).
    case linkList = "link_list"
    /// Text outside the page's main content container.
    case outsideMain = "outside_main"
    /// The headline, kept in ``ParsedArticle/title`` rather than in the body.
    case title
    /// The standfirst, kept in ``ParsedArticle/lede`` rather than in the body.
    case lede
    /// A heading with no text under it (its list of links or its widget went, or it ends the page).
    case orphanHeading = "orphan_heading"
    /// A block that repeats an earlier one.
    case duplicate
    /// Fragments with no words ("|", "•", "(...)").
    case fragment
    /// Elements hidden from readers (`hidden`, `aria-hidden`, `display:none`, screen-reader-only classes).
    case hidden
}
