/// The HTML elements the parse core tells apart; everything else is `.other`.
enum Tag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base, script, style, noscript, template, svg, math, iframe, object, embed
    case canvas, video, audio, picture, source, img, br, hr, wbr
    case p, div, span, a, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption
    case blockquote, pre, code, em, strong, b, i, u, s, small, sup, sub, mark, abbr, cite, q, time, font
    case article, main, section, nav, aside, header, footer, figure, figcaption
    case form, input, button, select, option, textarea, label, fieldset, legend, address, details, summary, dialog
    case menu, center, ruby, rt, rp

    /// Lower-case element name to tag.
    static let byName: [String: Tag] = {
        var table: [String: Tag] = [:]
        var raw: UInt8 = Tag.html.rawValue
        while let tag = Tag(rawValue: raw) {
            table["\(tag)"] = tag
            raw += 1
        }
        return table
    }()

    /// Elements whose content is never article text (skipped with everything inside).
    var isInvisible: Bool {
        switch self {
        case .script, .style, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio, .head,
            .select, .option, .textarea, .button, .input, .rt, .rp, .dialog, .title, .meta, .link, .base:
            return true
        default: return false
        }
    }

    /// Elements that start a new line of text when rendered (text on either side ends up in separate blocks).
    var isBlock: Bool {
        switch self {
        case .p, .div, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd, .table, .thead, .tbody, .tfoot,
            .tr, .td, .th, .caption, .blockquote, .pre, .article, .main, .section, .nav, .aside, .header, .footer,
            .figure, .figcaption, .form, .fieldset, .legend, .address, .details, .summary, .menu, .center, .hr,
            .body, .html, .noscript, .picture:
            return true
        default: return false
        }
    }

    /// Headings.
    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }
}
