import CZlib
import Foundation

/// Reads files that may be gzip-compressed (`.gz`), through zlib.
enum GzipReader {
    enum Failure: Error, CustomStringConvertible {
        case corrupt(String)
        var description: String {
            switch self {
            case .corrupt(let path): "\(path) is not a valid gzip file"
            }
        }
    }

    /// The bytes of `url`, decompressed when its name ends in `.gz`.
    static func read(_ url: URL) throws -> [UInt8] {
        let data = try Data(contentsOf: url)
        guard url.pathExtension == "gz" else { return [UInt8](data) }
        guard let bytes = inflate([UInt8](data)) else { throw Failure.corrupt(url.path) }
        return bytes
    }

    /// Decompresses gzip or zlib data; nil when it is corrupt.
    static func inflate(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 6)
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var input = input
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: target[0..<(target.count - Int(stream.avail_out))])
                    return status
                }
                if status == Z_STREAM_END { return output }
                if status != Z_OK { return nil }
            }
        }
    }
}
