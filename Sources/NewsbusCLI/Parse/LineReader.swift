#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-terminated lines from a file descriptor, and says whether another line is ready without
/// waiting for it (so a batch holds only lines that have already arrived).
final class LineReader {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Where to resume looking for a newline (bytes before it hold none).
    private var searched = 0

    init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    /// The next non-empty line without its newline, or nil at the end of input (or, when `blocking` is false,
    /// when no complete line is ready yet).
    func nextLine(blocking: Bool) -> [UInt8]? {
        while true {
            if let newline = buffer[max(start, searched)...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                searched = start
                if line.last == 0x0D { line.removeLast() }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
                return line
            }
            searched = buffer.count
            if !blocking && !readable() { return nil }
            fill()
        }
    }

    private func readable() -> Bool {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            searched -= start
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
        if count <= 0 {
            if count < 0 && errno == EINTR { return }
            atEnd = true
            return
        }
        buffer.append(contentsOf: chunk[0..<count])
    }
}
