/// The weight row of each hash bucket of a model. Most buckets have no weights (row 0, all zeros), and most of the
/// others have the same weights as another bucket (a feature seen a few times in training gets the same small
/// updates: 162 425 buckets of the French model have 43 306 distinct rows), so each distinct row is stored once and
/// every bucket keeps the number of its row, in two bytes while there are fewer than 65 536 rows. A lookup is two
/// loads, and the rows take a quarter of the memory: more of them stay in the processor's caches while tagging,
/// where every feature of every token looks its row up.
struct RowIndex: Sendable {
    /// The row number of each bucket, as narrow as the number of rows allows.
    private enum Numbers: Sendable {
        case narrow([UInt16])
        case wide([UInt32])
    }

    private let numbers: Numbers

    /// An index giving bucket `b` the row `rows[b]`.
    init(rows: [UInt32]) {
        if rows.allSatisfy({ $0 <= UInt16.max }) {
            numbers = .narrow(rows.map { UInt16($0) })
        } else {
            numbers = .wide(rows)
        }
    }

    /// The row of `bucket`: 0 when it has no weights.
    func row(_ bucket: Int) -> Int {
        switch numbers {
        case .narrow(let rows): Int(rows[bucket])
        case .wide(let rows): Int(rows[bucket])
        }
    }

    /// Replaces each bucket of `buckets` with the offset of its row in a table of rows of `width` weights.
    func replaceWithRowOffsets(_ buckets: UnsafeMutableBufferPointer<Int32>, width: Int) {
        switch numbers {
        case .narrow(let rows): Self.replace(buckets, rows, width)
        case .wide(let rows): Self.replace(buckets, rows, width)
        }
    }

    @inline(__always)
    private static func replace<Number: FixedWidthInteger>(
        _ buckets: UnsafeMutableBufferPointer<Int32>, _ rows: [Number], _ width: Int
    ) {
        rows.withUnsafeBufferPointer { rows in
            for j in buckets.indices {
                buckets[j] = Int32(truncatingIfNeeded: Int(rows[Int(buckets[j])]) &* width)
            }
        }
    }
}
