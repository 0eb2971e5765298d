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
        // libxml2 stops at a NUL byte: drop them (they never carry text).
        let html = html.contains(0) ? html.filter { $0 != 0 } : html
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

    private enum AttributeName { case id, className, href, rel, name, property, content, itemprop, datetime, role,
        lang, hidden, type, style, ariaHidden, ignored }

    mutating func build(from root: xmlNodePtr) {
        tree.nodes.reserveCapacity(4096)
        // (libxml2 node, parent index in tree, index of the previous sibling in tree)
        var stack: [(xmlNodePtr, Int32)] = [(root, -1)]
        while let (pointer, parent) = stack.popLast() {
            guard let index = append(pointer, parent: parent) else { continue }
            if tree.nodes[Int(index)].tag == .text { continue }
            // Push the children last to first, so that they pop in document order.
            var child = pointer.pointee.last
            while let current = child {
                stack.append((current, index))
                child = current.pointee.prev
            }
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
            let (attributes, type, invisible) = readAttributes(node.properties, of: tag)
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
        if let key = Self.packedName(name) { return Self.tagsByPackedName[key] ?? .other }
        return Tag.byName[String(cString: name).lowercased()] ?? .other
    }

    /// Up to eight ASCII bytes of a name, lower-cased, packed in an integer (nil for longer names).
    private static func packedName(_ name: UnsafePointer<xmlChar>) -> UInt64? {
        var key: UInt64 = 0
        var index = 0
        while true {
            let byte = name[index]
            if byte == 0 { return key }
            if index == 8 { return nil }
            key |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << UInt64(8 * index)
            index += 1
        }
    }

    private static func packedName(_ name: String) -> UInt64? {
        let bytes = Array(name.utf8)
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (index, byte) in bytes.enumerated() { key |= UInt64(byte) << UInt64(8 * index) }
        return key
    }

    private static let tagsByPackedName: [UInt64: Tag] = {
        var table: [UInt64: Tag] = [:]
        for (name, tag) in Tag.byName { if let key = packedName(name) { table[key] = tag } }
        return table
    }()

    private static let attributesByPackedName: [UInt64: AttributeName] = {
        let names: [String: AttributeName] = [
            "id": .id, "class": .className, "href": .href, "rel": .rel, "name": .name, "property": .property,
            "content": .content, "itemprop": .itemprop, "datetime": .datetime, "role": .role, "lang": .lang,
            "hidden": .hidden, "type": .type, "style": .style,
        ]
        var table: [UInt64: AttributeName] = [:]
        for (name, value) in names { if let key = packedName(name) { table[key] = value } }
        return table
    }()

    private mutating func lookupAttribute(_ name: UnsafePointer<xmlChar>?) -> AttributeName {
        guard let name else { return .ignored }
        if let key = Self.packedName(name) { return Self.attributesByPackedName[key] ?? .ignored }
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
        return known
    }

    /// Reads the attributes the core uses; also says whether the element is hidden from readers.
    private mutating func readAttributes(_ first: xmlAttrPtr?, of tag: Tag) -> (DOMTree.Attributes?, String?, Bool) {
        var attributes = DOMTree.Attributes()
        var any = false
        var type: String?
        var invisible = false
        var current = first
        while let attribute = current {
            current = attribute.pointee.next
            let name = lookupAttribute(attribute.pointee.name)
            switch name {
            case .ignored: continue
            case .href where tag != .link && tag != .a: continue
            case .content where tag != .meta, .name where tag != .meta, .property where tag != .meta: continue
            case .type where tag != .script: continue
            case .style:
                if Self.hidesElement(attribute) { invisible = true }
                continue
            default: break
            }
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
            case .style: break
            case .ariaHidden: attributes.hidden = value.lowercased() == "true"
            case .ignored: break
            }
            any = true
        }
        return (any ? attributes : nil, type, invisible)
    }

    /// Whether a `style` attribute says `display: none` or `visibility: hidden` (read without making a String).
    private static func hidesElement(_ attribute: xmlAttrPtr) -> Bool {
        guard let text = attribute.pointee.children, let content = text.pointee.content else { return false }
        var compact: [UInt8] = []
        var index = 0
        while content[index] != 0, compact.count < 400 {
            let byte = content[index]
            if byte != 0x20 { compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            index += 1
        }
        return PhraseRules.contains(compact, Array("display:none".utf8))
            || PhraseRules.contains(compact, Array("visibility:hidden".utf8))
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
