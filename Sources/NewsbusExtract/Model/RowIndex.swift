/// The weight row of each hash bucket of a model whose buckets mostly have no weights. Rows are numbered in bucket
/// order, so a bucket's row is the number of rows before its block of 128 buckets plus its rank in the block: one
/// byte per bucket (0 when the bucket has no row) and four per block. A quarter of the memory of a row number per
/// bucket (1 MB for 2^20 buckets), so that more of it stays in the processor's caches while tagging, where every
/// feature of every token looks its row up.
struct RowIndex: Sendable {
    /// Buckets per block: ranks 1…128 fit in a byte beside 0, for no row.
    private static let blockSize = 128
    /// For each bucket, 0 when it has no row, else its rank among the buckets of its block that have one.
    private let ranks: [UInt8]
    /// For each block of ``blockSize`` buckets, the rows of the buckets before it.
    private let rowsBefore: [UInt32]
    /// The number of rows with weights (row 0, the all-zero row of the buckets without weights, not counted).
    let rowCount: Int

    /// An index of `buckets` buckets (a multiple of 128), where the buckets `hasRow` accepts get rows 1, 2, … in
    /// bucket order; `hasRow` is called once per bucket, in that order.
    init(buckets: Int, hasRow: (Int) -> Bool) {
        precondition(buckets % Self.blockSize == 0, "a row index covers whole blocks of buckets")
        var ranks = [UInt8](repeating: 0, count: buckets)
        var rowsBefore = [UInt32](repeating: 0, count: buckets / Self.blockSize)
        var rows = 0
        for block in rowsBefore.indices {
            rowsBefore[block] = UInt32(rows)
            var rank = 0
            for bucket in (block * Self.blockSize)..<((block + 1) * Self.blockSize) where hasRow(bucket) {
                rank += 1
                ranks[bucket] = UInt8(rank)
            }
            rows += rank
        }
        self.ranks = ranks
        self.rowsBefore = rowsBefore
        self.rowCount = rows
    }

    /// The row of `bucket`: 0 when it has no weights.
    func row(_ bucket: Int) -> Int {
        ranks.withUnsafeBufferPointer { ranks in
            rowsBefore.withUnsafeBufferPointer { Self.row(bucket, ranks, $0) }
        }
    }

    /// Replaces each bucket of `buckets` with the offset of its row in a table of rows of `width` weights.
    func replaceWithRowOffsets(_ buckets: UnsafeMutableBufferPointer<Int32>, width: Int) {
        ranks.withUnsafeBufferPointer { ranks in
            rowsBefore.withUnsafeBufferPointer { rowsBefore in
                for j in buckets.indices {
                    buckets[j] = Int32(truncatingIfNeeded: Self.row(Int(buckets[j]), ranks, rowsBefore) &* width)
                }
            }
        }
    }

    @inline(__always)
    private static func row(
        _ bucket: Int, _ ranks: UnsafeBufferPointer<UInt8>, _ rowsBefore: UnsafeBufferPointer<UInt32>
    ) -> Int {
        let rank = Int(ranks[bucket])
        // Without a branch on the rank (which varies at random from one feature to the next): 0 for rank 0.
        return (Int(rowsBefore[bucket / blockSize]) &+ rank) & (0 &- min(rank, 1))
    }
}
