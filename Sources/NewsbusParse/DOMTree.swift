/// A parsed page as flat arrays in document order, built once from libxml2's tree so that every later step is
/// plain Swift over indices (no pointers, no recursion).
struct DOMTree: Sendable {
    /// One element or text node.
    struct Node: Sendable {
        var tag: Tag
        var parent: Int32
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// For text nodes: index into ``DOMTree/texts``. For elements: index into ``DOMTree/attributes`` or -1.
        var payload: Int32 = -1
    }

    /// The attributes the parse core reads; the others are dropped while the tree is built.
    struct Attributes: Sendable {
        var id: String?
        var className: String?
        var href: String?
        var rel: String?
        var name: String?
        var property: String?
        var content: String?
        var itemprop: String?
        var datetime: String?
        var role: String?
        var lang: String?
        var hidden = false
    }

    var nodes: [Node] = []
    var texts: [String] = []
    var attributes: [Attributes] = []
    /// The bodies of `<script type="application/ld+json">` elements.
    var jsonLD: [String] = []
    /// Index of `<body>`, or 0 (the root) when the page has none.
    var body: Int32 = 0

    func attributes(of node: Int32) -> Attributes? {
        let n = nodes[Int(node)]
        guard n.tag != .text, n.payload >= 0 else { return nil }
        return attributes[Int(n.payload)]
    }

    func text(of node: Int32) -> String? {
        let n = nodes[Int(node)]
        guard n.tag == .text else { return nil }
        return texts[Int(n.payload)]
    }

    /// Visits the elements under `root` (itself included) in document order, iteratively.
    func forEachElement(under root: Int32, _ body: (Int32) -> Void) {
        var stack: [Int32] = [root]
        while let node = stack.popLast() {
            body(node)
            var children: [Int32] = []
            var child = nodes[Int(node)].firstChild
            while child >= 0 {
                if nodes[Int(child)].tag != .text { children.append(child) }
                child = nodes[Int(child)].nextSibling
            }
            stack.append(contentsOf: children.reversed())
        }
    }

    /// The concatenated text under `root`, whitespace collapsed.
    func textContent(of root: Int32) -> String {
        var collector = TextAccumulator()
        var stack: [Int32] = [root]
        while let node = stack.popLast() {
            let n = nodes[Int(node)]
            if n.tag == .text {
                collector.append(texts[Int(n.payload)])
                continue
            }
            if n.tag.isInvisible && node != root { continue }
            if n.tag.isBlock || n.tag == .br { collector.appendSpace() }
            var children: [Int32] = []
            var child = n.firstChild
            while child >= 0 {
                children.append(child)
                child = nodes[Int(child)].nextSibling
            }
            stack.append(contentsOf: children.reversed())
        }
        return collector.finish()
    }
}
