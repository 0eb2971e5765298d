import CZlib
import Foundation

/// Decompresses gzip (or zlib) data with zlib.
enum Gunzip {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func decompress(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard czlib_inflate_init_auto(&stream) == Z_OK else { throw Failure(description: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return buffer.count - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_STREAM_END {
                    throw Failure(description: "not valid gzip data (zlib status \(status))")
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END, stream.avail_in > 0 {
                    // Concatenated gzip members: start the next one.
                    inflateReset(&stream)
                    status = Z_OK
                }
            } while status != Z_STREAM_END
        }
        return output
    }
}
