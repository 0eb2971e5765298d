import Foundation
@_exported import struct ZeroMQ.CurveKeyPair
import ZeroMQ

/// The text files CURVE keys live in.
///
/// A key pair file (`NAME.key`, secret: readable by its owner only) and a public key file (`NAME.pub`):
///
///     # Newsbus CURVE key pair "bus". Secret: give it only to the processes that act as "bus".
///     public-key rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7
///     secret-key JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6
///
/// An allow-list is any number of public keys, one per line, either `public-key KEY` (so `.pub` files can simply
/// be concatenated) or `KEY` followed by an optional label; lines starting with `#` that are not keys are comments.
public enum CurveKeyFiles {
    /// A key file that cannot be used: which file, which line, why.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Whether `text` is a CURVE key written in Z85 (40 characters).
    public static func isKey(_ text: String) -> Bool { Z85.isCurveKey(text) }

    /// Reads a key pair file (the public key is derived from the secret one when absent).
    public static func readKeyPair(at path: String) throws(Failure) -> CurveKeyPair {
        var secret: String?
        var publicKey: String?
        for (number, tokens) in try lines(of: path) {
            switch tokens[0] {
            case "secret-key": secret = try key(tokens, path, number)
            case "public-key": publicKey = try key(tokens, path, number)
            default:
                if tokens[0].hasPrefix("#") { continue }
                throw Failure(description: "\(path), line \(number): expected \"public-key KEY\" or \"secret-key KEY\"")
            }
        }
        guard let secret else {
            throw Failure(description: "\(path): no \"secret-key\" line (is this a public key file? a key pair file is needed)")
        }
        let derived: String
        do {
            derived = try CurveKeyPair.publicKey(forSecretKey: secret)
        } catch {
            throw Failure(description: "\(path): the secret key is not a CURVE key: \(error)")
        }
        if let publicKey, publicKey != derived {
            throw Failure(description: "\(path): the public key does not belong to the secret key")
        }
        return CurveKeyPair(publicKey: derived, secretKey: secret)
    }

    /// Reads an allow-list of client public keys.
    public static func readAllowList(at path: String) throws(Failure) -> Set<String> {
        var keys: Set<String> = []
        for (number, tokens) in try lines(of: path) {
            if tokens[0] == "public-key" {
                keys.insert(try key(tokens, path, number))
            } else if Z85.isCurveKey(tokens[0]) {
                keys.insert(tokens[0])
            } else if tokens[0] == "secret-key" {
                throw Failure(description: "\(path), line \(number): a secret key has no place in an allow-list")
            } else if !tokens[0].hasPrefix("#") {
                throw Failure(description: "\(path), line \(number): \"\(tokens[0])\" is not a 40-character Z85 public key")
            }
        }
        return keys
    }

    /// Writes `NAME.key` (mode 0600) and `NAME.pub` into `directory`.
    /// - Returns: the two paths.
    public static func write(_ pair: CurveKeyPair, name: String, in directory: URL, overwrite: Bool) throws
        -> (keyPair: URL, publicKey: URL)
    {
        let keyURL = directory.appendingPathComponent("\(name).key")
        let publicURL = directory.appendingPathComponent("\(name).pub")
        let manager = FileManager.default
        if !overwrite, let existing = [keyURL, publicURL].first(where: { manager.fileExists(atPath: $0.path) }) {
            throw Failure(description: "\(existing.path) exists already (keys are never overwritten without --force)")
        }
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let secretText = """
            # Newsbus CURVE key pair "\(name)". Secret: give it only to the processes that act as "\(name)".
            public-key \(pair.publicKey)
            secret-key \(pair.secretKey)

            """
        guard manager.createFile(atPath: keyURL.path, contents: Data(secretText.utf8), attributes: [.posixPermissions: 0o600])
        else { throw Failure(description: "cannot write \(keyURL.path)") }
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyURL.path)
        let publicText = """
            # Newsbus CURVE public key "\(name)".
            public-key \(pair.publicKey)

            """
        try Data(publicText.utf8).write(to: publicURL)
        return (keyURL, publicURL)
    }

    private static func lines(of path: String) throws(Failure) -> [(Int, [String])] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read \(path): \(error.localizedDescription)")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            return tokens.isEmpty ? nil : (index + 1, tokens)
        }
    }

    private static func key(_ tokens: [String], _ path: String, _ number: Int) throws(Failure) -> String {
        guard tokens.count >= 2, Z85.isCurveKey(tokens[1]) else {
            throw Failure(description: "\(path), line \(number): \"\(tokens.dropFirst().first ?? "")\" is not a 40-character Z85 key")
        }
        return tokens[1]
    }
}
