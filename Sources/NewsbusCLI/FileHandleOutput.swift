import Foundation

/// Unbuffered writes to standard error, for progress that must not mix with results on standard output.
enum FileHandleOutput {
    case standardError

    func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
