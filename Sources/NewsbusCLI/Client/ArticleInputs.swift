import Foundation

/// Articles read from files, folders or standard input, each as the one-frame JSON message ingest accepts
/// (`{"text" | "html", "url"?, "source"?, "title"?, "published"?, "lang"?, "client_id"?}`).
///
/// `.txt` files become `text`, `.html`/`.htm` files `html` (both with the file name as `client_id`); `.json`
/// holds one article object or an array of them; `.jsonl` and `.jsonl.gz` one article per line (an `id` field is
/// kept as `client_id`). Folders are read recursively, in name order.
struct ArticleInputs {
    /// One article to send, and where it came from (for error messages).
    struct Item {
        let message: Data
        let origin: String
    }

    /// A problem with an input file (not with an article: ingest judges those).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let extensions = ["txt", "html", "htm", "json", "jsonl", "gz"]

    /// Every article of the given paths (`-` is standard input).
    static func read(_ paths: [String]) throws -> [Item] {
        var items: [Item] = []
        for path in paths {
            if path == "-" {
                items += try fromStandardInput()
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Failure(description: "\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                for file in try files(in: path) { items += try fromFile(file) }
            } else {
                items += try fromFile(path)
            }
        }
        return items
    }

    private static func files(in folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw Failure(description: "\(folder): cannot list the folder")
        }
        return enumerator.compactMap { $0 as? String }
            .filter { name in extensions.contains((name as NSString).pathExtension.lowercased()) }
            .filter { !$0.hasSuffix(".gz") || $0.hasSuffix(".jsonl.gz") }
            .sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    static func fromFile(_ path: String) throws -> [Item] {
        let name = (path as NSString).lastPathComponent
        guard var data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): cannot read the file")
        }
        let lowered = name.lowercased()
        if lowered.hasSuffix(".gz") {
            guard let inflated = GzipReader.inflate([UInt8](data)) else {
                throw Failure(description: "\(path): not valid gzip data")
            }
            data = Data(inflated)
        }
        switch true {
        case lowered.hasSuffix(".jsonl"), lowered.hasSuffix(".jsonl.gz"):
            return lines(data, origin: path)
        case lowered.hasSuffix(".json"):
            return try json(data, origin: path)
        case lowered.hasSuffix(".html"), lowered.hasSuffix(".htm"):
            return [Item(message: try article(["html": decoded(data, path), "client_id": name]), origin: path)]
        case lowered.hasSuffix(".txt"):
            return [Item(message: try article(["text": decoded(data, path), "client_id": name]), origin: path)]
        default:
            throw Failure(description: "\(path): unsupported file type (use .txt, .html, .json, .jsonl or .jsonl.gz)")
        }
    }

    private static func fromStandardInput() throws -> [Item] {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let first = data.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
        if first == UInt8(ascii: "{") { return lines(data, origin: "stdin") }
        return [Item(message: try article(["text": decoded(data, "stdin")]), origin: "stdin")]
    }

    /// One message per non-empty line; lines are sent as they are, except that an `id` becomes `client_id`.
    private static func lines(_ data: Data, origin: String) -> [Item] {
        var items: [Item] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { ![0x20, 0x0D, 0x09].contains($0) }) else { continue }
            items.append(Item(message: renamingID(Data(line)), origin: "\(origin):\(lineNumber)"))
        }
        return items
    }

    private static func json(_ data: Data, origin: String) throws -> [Item] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            // Not JSON at all: let ingest say precisely why.
            return [Item(message: data, origin: origin)]
        }
        if let array = value as? [Any] {
            return try array.enumerated().map { index, element in
                Item(message: try JSONSerialization.data(withJSONObject: element), origin: "\(origin)[\(index)]")
            }
        }
        return [Item(message: renamingID(data), origin: origin)]
    }

    private static func renamingID(_ data: Data) -> Data {
        guard var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            object["client_id"] == nil, let id = object.removeValue(forKey: "id")
        else { return data }
        object["client_id"] = "\(id)"
        return (try? JSONSerialization.data(withJSONObject: object)) ?? data
    }

    private static func article(_ fields: [String: String]) throws -> Data {
        try JSONSerialization.data(withJSONObject: fields)
    }

    private static func decoded(_ data: Data, _ origin: String) throws -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        if let text = String(data: data, encoding: .windowsCP1252) { return text }
        throw Failure(description: "\(origin): the file is neither UTF-8 nor Windows-1252 text")
    }
}
