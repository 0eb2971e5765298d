/// Finds the page's main content container from text density: each substantial, link-poor block scores its
/// parent (fully), grandparent (half) and great-grandparent (a third); the best-scoring element wins, scaled by
/// its own link density and by what its class and id say; its siblings join when they score close to it.
struct ContentLocator {
    let tree: DOMTree
    let blocks: [CandidateBlock]
    var climbLimit = 8
    var siblingGoodText = 150
    var minimumExtra = 100
    var extraShare = 0.3

    /// Where the main content is.
    struct Location {
        /// For each node, whether it lies inside the main content container (or a sibling that joined it).
        var inside: [Bool]
        /// The main container's nearest ancestors (up to three, below `<body>`): text outside the container but
        /// under one of these (a standfirst before the text, a last paragraph after an advert) is "near" it.
        var neighbourhood: Set<Int32>

        /// Whether `node` lies within four levels of the main container's neighbourhood.
        func isNear(_ node: Int32, in tree: DOMTree) -> Bool {
            var current = node
            var steps = 0
            while current >= 0, steps < 5 {
                if neighbourhood.contains(current) { return true }
                current = tree.nodes[Int(current)].parent
                steps += 1
            }
            return false
        }
    }

    func locate() -> Location {
        let inside = locateInside()
        var neighbourhood = Set<Int32>()
        if let first = inside.firstIndex(of: true), Int32(first) != tree.body {
            var node = tree.nodes[first].parent
            while node >= 0, node != tree.body, neighbourhood.count < 3 {
                neighbourhood.insert(node)
                node = tree.nodes[Int(node)].parent
            }
        }
        return Location(inside: inside, neighbourhood: neighbourhood)
    }

    private func locateInside() -> [Bool] {
        let count = tree.nodes.count
        var scores = [Double](repeating: 0, count: count)
        var textLength = [Int](repeating: 0, count: count)
        var linkLength = [Int](repeating: 0, count: count)
        for block in blocks where block.element >= 0 {
            textLength[Int(block.element)] += block.length
            linkLength[Int(block.element)] += block.linkLength
        }
        // Subtree sums: nodes are in document order, so children come after their parents.
        var index = count - 1
        while index > 0 {
            let parent = Int(tree.nodes[index].parent)
            if parent >= 0 {
                textLength[parent] += textLength[index]
                linkLength[parent] += linkLength[index]
            }
            index -= 1
        }
        var anyCandidate = false
        for block in blocks where block.element >= 0 && block.hint == nil {
            guard block.length >= 25, block.linkDensity < 0.35, block.kind != .heading else { continue }
            var commas = 0
            for scalar in block.text.unicodeScalars where scalar == "," || scalar == "،" || scalar == "，" || scalar == "、" {
                commas += 1
            }
            let weight = 1 + Double(min(commas, 10)) + min(Double(block.length) / 100, 3)
            var node = tree.nodes[Int(block.element)].parent
            var level = 1.0
            if !isContainer(tree.nodes[Int(block.element)].tag) {
                // The block is a paragraph: its parent is the first candidate.
            } else {
                node = block.element
            }
            while node >= 0, level <= 3 {
                scores[Int(node)] += weight / level
                anyCandidate = true
                node = tree.nodes[Int(node)].parent
                level += 1
            }
        }
        var inside = [Bool](repeating: false, count: count)
        guard anyCandidate else {
            markSubtree(tree.body, in: &inside)
            return inside
        }
        var best: Int32 = -1
        var bestScore = 0.0
        for node in 0..<count where scores[node] > 0 {
            let density = textLength[node] == 0 ? 0 : Double(linkLength[node]) / Double(textLength[node])
            var score = scores[node] * (1 - density)
            score += classWeight(Int32(node))
            scores[node] = score
            if score > bestScore {
                bestScore = score
                best = Int32(node)
            }
        }
        guard best >= 0 else {
            markSubtree(tree.body, in: &inside)
            return inside
        }
        // A candidate that is its parent's only child with text: use the parent.
        while best != tree.body, best > 0 {
            let parent = tree.nodes[Int(best)].parent
            guard parent >= 0, textLength[Int(parent)] <= textLength[Int(best)] + 20 else { break }
            best = parent
        }
        // Climb while the parent holds substantially more good paragraph text than the candidate: articles split
        // into several sections or columns.
        var good = [Int](repeating: 0, count: count)
        for block in blocks where block.element >= 0 && block.hint == nil && block.kind != .heading
            && block.length >= 60 && block.linkDensity < 0.25
        {
            good[Int(block.element)] += block.length
        }
        index = count - 1
        while index > 0 {
            let parent = Int(tree.nodes[index].parent)
            if parent >= 0 { good[parent] += good[index] }
            index -= 1
        }
        // Wrappers that add no text are passed through; the first ancestor that adds little text ends the climb.
        var ancestor = tree.nodes[Int(best)].parent
        var levels = 0
        while ancestor >= 0, ancestor != tree.body, tree.nodes[Int(ancestor)].tag != .html, levels < climbLimit {
            let extra = good[Int(ancestor)] - good[Int(best)]
            if extra > 0 {
                guard extra >= max(minimumExtra, Int(extraShare * Double(good[Int(best)]))) else { break }
                best = ancestor
            }
            ancestor = tree.nodes[Int(ancestor)].parent
            levels += 1
        }
        markSubtree(best, in: &inside)
        // Siblings that score close to the best, or that are good paragraphs themselves.
        let parent = tree.nodes[Int(best)].parent
        if parent >= 0 {
            let threshold = max(10, bestScore * 0.2)
            var sibling = tree.nodes[Int(parent)].firstChild
            while sibling >= 0 {
                defer { sibling = tree.nodes[Int(sibling)].nextSibling }
                guard sibling != best, tree.nodes[Int(sibling)].tag != .text else { continue }
                let length = textLength[Int(sibling)]
                guard length > 0 else { continue }
                let density = Double(linkLength[Int(sibling)]) / Double(length)
                if scores[Int(sibling)] >= threshold || good[Int(sibling)] >= max(siblingGoodText, good[Int(best)] / 10)
                    || (length > 80 && density < 0.25
                    && !isContainer(tree.nodes[Int(sibling)].tag))
                {
                    markSubtree(sibling, in: &inside)
                }
            }
        }
        return inside
    }

    private func isContainer(_ tag: Tag) -> Bool {
        switch tag {
        case .div, .section, .article, .main, .td, .body, .form, .center, .blockquote, .ul, .ol, .dl, .table:
            return true
        default: return false
        }
    }

    private func classWeight(_ node: Int32) -> Double {
        var weight = 0.0
        let tag = tree.nodes[Int(node)].tag
        if tag == .article { weight += 10 }
        if tag == .main { weight += 5 }
        guard let attributes = tree.attributes(of: node) else { return weight }
        if let itemprop = attributes.itemprop?.lowercased(), itemprop.hasPrefix("articlebody") { weight += 50 }
        let names = Array(((attributes.className ?? "") + " " + (attributes.id ?? "")).lowercased().utf8)
        for positive in Self.positiveNames where PhraseRules.contains(names, positive) {
            weight += 25
            break
        }
        return weight
    }

    private static let positiveNames: [[UInt8]] = ["article-body", "articlebody", "article__body", "article-content", "entry-content",
            "post-content", "story-body", "article-text", "articletext", "post-body", "text-content", "main-content",
            "content-body", "body-text", "field-body", "rich-text", "richtext", "artikel", "article_body", "story-content",
    ].map { Array($0.utf8) }

    /// Marks `root` and its descendants. Nodes are in document order, so a subtree is the contiguous range after
    /// its root that ends at the first node whose parent lies before the root.
    private func markSubtree(_ root: Int32, in inside: inout [Bool]) {
        inside[Int(root)] = true
        var index = Int(root) + 1
        while index < tree.nodes.count {
            let parent = tree.nodes[index].parent
            guard parent >= root else { break }
            inside[index] = true
            index += 1
        }
    }
}
