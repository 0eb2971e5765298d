import NewsbusProtocol

/// Renders a ``DOMTree`` into ``CandidateBlock``s the way a browser lays text out: block elements start new
/// lines, inline elements flow, two `<br>` in a row end a paragraph. Walks the tree with an explicit stack.
struct BlockCollector {
    let tree: DOMTree

    /// Hints on elements that hold more than this share of the page's text are ignored (a page-wide wrapper
    /// with an unlucky class name is not boilerplate).
    var maximumHintedShare = 0.5

    func collect() -> [CandidateBlock] {
        let subtreeText = subtreeTextLengths()
        let totalText = max(1, subtreeText[Int(tree.body)])
        var blocks: [CandidateBlock] = []
        var accumulator = TextAccumulator()
        var blockStack: [Int32] = []
        var hintStack: [BlockHint] = []
        var linkDepth = 0
        var quoteDepth = 0
        var lastWasBreak = false
        // Class names repeat within a page: remember what each class-and-id combination means.
        var hintCache: [String: (RemovalKind, BoilerplateHints.Strength)?] = [:]
        func hint(_ tag: Tag, _ attributes: DOMTree.Attributes?) -> (RemovalKind, BoilerplateHints.Strength)? {
            guard let attributes, attributes.role == nil, attributes.itemprop == nil, !attributes.hidden,
                attributes.id != nil || attributes.className != nil
            else { return BoilerplateHints.hint(tag: tag, attributes: attributes) }
            if let tagHint = BoilerplateHints.hint(tag: tag, attributes: nil) { return tagHint }
            let key = (attributes.id ?? "") + " " + (attributes.className ?? "")
            if let cached = hintCache[key] { return cached }
            let computed = BoilerplateHints.hint(classAndID: key)
            hintCache[key] = computed
            return computed
        }

        func flush() {
            lastWasBreak = false
            guard !accumulator.isEmpty else { return }
            let length = accumulator.scalarCount, linkLength = accumulator.linkScalarCount
            let text = TextNormalizer.nfc(accumulator.finish())
            let element = blockStack.last ?? tree.body
            let tag = tree.nodes[Int(element)].tag
            let kind: TextBlock.Kind
            if tag.isHeading {
                kind = .heading
            } else if tag == .li || tag == .dd || tag == .dt {
                kind = .listItem
            } else if quoteDepth > 0 {
                kind = .quote
            } else {
                kind = .paragraph
            }
            blocks.append(
                CandidateBlock(
                    text: text, length: length, linkLength: linkLength, element: element, kind: kind,
                    hint: nil, hints: hintStack, tag: tag))
        }

        // Stack entries: node index, and whether this is the exit visit of an element.
        var stack: [(Int32, Bool)] = [(tree.body, false)]
        var children: [Int32] = []
        while let (node, exiting) = stack.popLast() {
            let n = tree.nodes[Int(node)]
            if n.tag == .text {
                accumulator.inLink = linkDepth > 0
                let before = accumulator.scalarCount
                accumulator.append(tree.texts[Int(n.payload)])
                if accumulator.scalarCount != before { lastWasBreak = false }
                continue
            }
            if exiting {
                if n.tag.isBlock { flush() }
                if n.tag == .a { linkDepth -= 1 }
                if n.tag == .blockquote { quoteDepth -= 1 }
                if n.tag.isBlock, blockStack.last == node { blockStack.removeLast() }
                if hintStack.last?.node == node { hintStack.removeLast() }
                continue
            }
            if n.tag.isInvisible { continue }
            if n.tag == .br {
                if lastWasBreak { flush() } else { accumulator.appendSpace(); lastWasBreak = true }
                continue
            }
            if n.tag.isBlock {
                flush()
                blockStack.append(node)
            }
            if n.tag == .a { linkDepth += 1 }
            if n.tag == .blockquote { quoteDepth += 1 }
            let attributes = tree.attributes(of: node)
            if node != tree.body, let (kind, strength) = hint(n.tag, attributes),
                Double(subtreeText[Int(node)]) < maximumHintedShare * Double(totalText)
            {
                hintStack.append(BlockHint(node: node, kind: kind, strength: strength))
            }
            stack.append((node, true))
            children.removeAll(keepingCapacity: true)
            var child = n.firstChild
            while child >= 0 {
                children.append(child)
                child = tree.nodes[Int(child)].nextSibling
            }
            for child in children.reversed() { stack.append((child, false)) }
        }
        flush()
        resolveHints(&blocks)
        return blocks
    }

    /// Sets each block's hint to its innermost hinted ancestor that does not hold real paragraphs: a weak hint
    /// on an element with 300 or more characters of link-poor paragraphs is overruled, and so is a strong one on
    /// an element with half the page's paragraph text (or 250 characters, for paywall, hidden and advert hints:
    /// prompts, hidden widgets and adverts are short).
    private func resolveHints(_ blocks: inout [CandidateBlock]) {
        var paragraphText = [Int](repeating: 0, count: tree.nodes.count)
        for block in blocks where block.element >= 0 && block.length >= 80 && block.linkDensity < 0.3 {
            paragraphText[Int(block.element)] += block.length
        }
        var index = tree.nodes.count - 1
        while index > 0 {
            let parent = Int(tree.nodes[index].parent)
            if parent >= 0 { paragraphText[parent] += paragraphText[index] }
            index -= 1
        }
        let total = paragraphText[Int(tree.body)]
        for index in blocks.indices {
            for hint in blocks[index].hints.reversed() {
                let text = paragraphText[Int(hint.node)]
                let overruled: Bool
                switch (hint.strength, hint.kind) {
                case (.weak, _): overruled = text >= 300
                // Paywall and "hidden until scripts run" wrappers often hold the whole article.
                case (.strong, .subscribePrompt), (.strong, .hidden), (.strong, .advert): overruled = text >= 250
                case (.strong, _): overruled = total >= 500 && text * 2 >= total
                }
                if !overruled {
                    blocks[index].hint = hint.kind
                    break
                }
            }
        }
    }

    /// UTF-8 bytes of visible text under each node (nodes come in document order, so a reverse pass suffices).
    func subtreeTextLengths() -> [Int] {
        var lengths = [Int](repeating: 0, count: tree.nodes.count)
        var index = tree.nodes.count - 1
        while index >= 0 {
            let n = tree.nodes[index]
            if n.tag == .text {
                lengths[index] = tree.texts[Int(n.payload)].utf8.count
            } else if n.tag.isInvisible {
                lengths[index] = 0
            }
            if n.parent >= 0 { lengths[Int(n.parent)] += lengths[index] }
            index -= 1
        }
        return lengths
    }
}
