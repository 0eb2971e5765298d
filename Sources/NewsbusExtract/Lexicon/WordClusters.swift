/// What unlabeled news text says about a word: its distributional cluster (words used in similar contexts share
/// one) and how often it is written with a capital inside a sentence (names are; common nouns are not).
public struct WordClusters: Sendable {
    /// A word's cluster and capitalisation bucket.
    struct Entry: Sendable, Hashable {
        /// Cluster number, 1-based; 0 for unknown words.
        var cluster: UInt16
        /// 0: almost never capitalised inside a sentence … 4: almost always.
        var capitalised: UInt8
    }

    private var entries = HashTable<Entry>()

    /// No clusters.
    public init() {}

    /// Reads `word<TAB>cluster<TAB>capitalised-bucket` lines (`#` starts a comment line).
    public init(tsv: String) {
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 3, let cluster = UInt16(fields[1]), let bucket = UInt8(fields[2]) else { continue }
            entries.set(FeatureHash.word(String(fields[0])), Entry(cluster: cluster &+ 1, capitalised: bucket))
        }
    }

    /// The number of words known.
    public var count: Int { entries.count }

    @inline(__always)
    func entry(_ word: UInt64) -> Entry? { entries[word] }
}
