import CLibXML2

/// libxml2's HTML parser behind a small value API: UTF-8 bytes in, a ``DOMTree`` out.
///
/// libxml2 is told the input is UTF-8 (the ``CharsetDecoder`` has already transcoded it), so a `<meta charset>`
/// never makes it decode twice, and `XML_PARSE_HUGE` lifts its silent nesting limit of 256.
enum HTMLDocument {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 HTML into a tree. Returns nil only when libxml2 builds no document at all.
    static func parse(utf8 html: [UInt8]) -> DOMTree? {
        _ = initialised
        let document: htmlDocPtr? = html.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", clibxml2_html_options())
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return DOMTree(nodes: [DOMTree.Node(tag: .html, parent: -1)]) }
        var builder = TreeBuilder()
        builder.build(from: root)
        return builder.tree
    }
}

/// Copies libxml2's node graph into a ``DOMTree`` with an explicit stack.
private struct TreeBuilder {
    var tree = DOMTree()
    /// libxml2 interns element and attribute names in a per-document dictionary, so a name pointer seen once
    /// maps to the same tag every time.
    private var tagCache: [UnsafeRawPointer: Tag] = [:]
    private var attributeCache: [UnsafeRawPointer: AttributeName] = [:]

    private enum AttributeName { case id, className, href, rel, name, property, content, itemprop, datetime, role,
        lang, hidden, type, style, ariaHidden, ignored }

    mutating func build(from root: xmlNodePtr) {
        tree.nodes.reserveCapacity(4096)
        // (libxml2 node, parent index in tree, index of the previous sibling in tree)
        var stack: [(xmlNodePtr, Int32)] = [(root, -1)]
        while let (pointer, parent) = stack.popLast() {
            guard let index = append(pointer, parent: parent) else { continue }
            if tree.nodes[Int(index)].tag == .text { continue }
            var children: [xmlNodePtr] = []
            var child = pointer.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            for current in children.reversed() { stack.append((current, index)) }
        }
    }

    /// Adds one node under `parent` (after its current last child) and returns its index, or nil when skipped.
    private mutating func append(_ pointer: xmlNodePtr, parent: Int32) -> Int32? {
        let node = pointer.pointee
        let tag: Tag
        var payload: Int32 = -1
        switch node.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.content else { return nil }
            tag = .text
            payload = Int32(tree.texts.count)
            tree.texts.append(String(cString: content))
        case XML_ELEMENT_NODE:
            tag = lookupTag(node.name)
            let (attributes, type, invisible) = readAttributes(node.properties)
            if tag == .script {
                if let type, type.lowercased().contains("ld+json") { tree.jsonLD.append(Self.content(of: pointer)) }
                return nil
            }
            if tag.isInvisible && tag != .title && tag != .meta && tag != .link && tag != .head && tag != .base {
                return nil
            }
            if invisible { return nil }
            if let attributes {
                payload = Int32(tree.attributes.count)
                tree.attributes.append(attributes)
            }
        default:
            return nil
        }
        let index = Int32(tree.nodes.count)
        tree.nodes.append(DOMTree.Node(tag: tag, parent: parent, payload: payload))
        lastChildOf.append(-1)
        if tag == .body, tree.body == 0 { tree.body = index }
        if parent >= 0 { link(index, under: parent) }
        return index
    }

    /// Children are pushed in reverse, so they arrive in order; each parent's last child chains the siblings.
    private var lastChildOf: [Int32] = []

    private mutating func link(_ index: Int32, under parent: Int32) {
        let previous = lastChildOf[Int(parent)]
        if previous >= 0 {
            tree.nodes[Int(previous)].nextSibling = index
        } else {
            tree.nodes[Int(parent)].firstChild = index
        }
        lastChildOf[Int(parent)] = index
    }

    private mutating func lookupTag(_ name: UnsafePointer<xmlChar>?) -> Tag {
        guard let name else { return .other }
        let key = UnsafeRawPointer(name)
        if let tag = tagCache[key] { return tag }
        let tag = Tag.byName[String(cString: name).lowercased()] ?? .other
        tagCache[key] = tag
        return tag
    }

    private mutating func lookupAttribute(_ name: UnsafePointer<xmlChar>?) -> AttributeName {
        guard let name else { return .ignored }
        let key = UnsafeRawPointer(name)
        if let known = attributeCache[key] { return known }
        let known: AttributeName
        switch String(cString: name).lowercased() {
        case "id": known = .id
        case "class": known = .className
        case "href": known = .href
        case "rel": known = .rel
        case "name": known = .name
        case "property": known = .property
        case "content": known = .content
        case "itemprop": known = .itemprop
        case "datetime": known = .datetime
        case "role": known = .role
        case "lang": known = .lang
        case "hidden": known = .hidden
        case "type": known = .type
        case "style": known = .style
        case "aria-hidden": known = .ariaHidden
        default: known = .ignored
        }
        attributeCache[key] = known
        return known
    }

    /// Reads the attributes the core uses; also says whether the element is hidden from readers.
    private mutating func readAttributes(_ first: xmlAttrPtr?) -> (DOMTree.Attributes?, String?, Bool) {
        var attributes = DOMTree.Attributes()
        var any = false
        var type: String?
        var invisible = false
        var current = first
        while let attribute = current {
            current = attribute.pointee.next
            let name = lookupAttribute(attribute.pointee.name)
            if name == .ignored { continue }
            let value = Self.value(of: attribute)
            switch name {
            case .id: attributes.id = value
            case .className: attributes.className = value
            case .href: attributes.href = value
            case .rel: attributes.rel = value
            case .name: attributes.name = value
            case .property: attributes.property = value
            case .content: attributes.content = value
            case .itemprop: attributes.itemprop = value
            case .datetime: attributes.datetime = value
            case .role: attributes.role = value
            case .lang: attributes.lang = value
            case .hidden: invisible = true
            case .type: type = value
            case .style:
                let compact = value.lowercased().filter { $0 != " " }
                if compact.contains("display:none") || compact.contains("visibility:hidden") { invisible = true }
            case .ariaHidden: attributes.hidden = value.lowercased() == "true"
            case .ignored: break
            }
            any = true
        }
        return (any ? attributes : nil, type, invisible)
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        var result = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { result += String(cString: content) }
            child = node.pointee.next
        }
        return result
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { clibxml2_free(raw) }
        return String(cString: raw)
    }
}
