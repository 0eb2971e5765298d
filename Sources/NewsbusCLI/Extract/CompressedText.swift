import Foundation
import NewsbusExtract

/// Reads a text file, gunzipping it (with the system `gzip`) when its name ends in `.gz`.
enum CompressedText {
    static func read(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ExtractFailure(code: .invalidInput, message: "no such file: \(path)")
        }
        guard path.hasSuffix(".gz") else { return try String(contentsOfFile: path, encoding: .utf8) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExtractFailure(
                code: .invalidInput, message: "gzip could not read \(path) (status \(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The sentences of CoNLL files, read in order.
    static func sentences(_ paths: [String]) throws -> [LabeledSentence] {
        var all: [LabeledSentence] = []
        for path in paths { all += try CoNLLReader().read(read(path), source: path) }
        return all
    }
}
