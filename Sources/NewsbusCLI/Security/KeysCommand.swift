import ArgumentParser
import Foundation
import NewsbusTransportZMQ

/// `newsbus keys`: makes CURVE key pairs.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make CURVE key pairs: NAME.key (secret, mode 0600) and NAME.pub for each name.",
        discussion: """
            A deployment usually has one pair shared by its services (e.g. `bus`) and one per client. Give each \
            service `--curve-key-file bus.key`; give each client its own .key and `--curve-server-key bus.pub`; \
            list the clients' public keys in the services' `--curve-allow-file` (`cat alice.pub bob.pub > allowed`).
            """)

    @Argument(help: "Names of the key pairs to make (letters, digits, '-', '_', '.').")
    var names: [String]

    @Option(name: .shortAndLong, help: "Folder the files are written to.")
    var directory: String = "."

    @Flag(help: "Replace existing files.")
    var force = false

    func validate() throws {
        guard !names.isEmpty else { throw ValidationError("give at least one name, e.g. `newsbus keys bus alice`") }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        for name in names where name.isEmpty || name.hasPrefix(".") || name.unicodeScalars.contains(where: { !allowed.contains($0) }) {
            throw ValidationError("\"\(name)\" cannot be a key name: use letters, digits, '-', '_' and '.' (not first)")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        for name in names {
            let pair = try CurveKeyPair.generate()
            let files = try CurveKeyFiles.write(pair, name: name, in: folder, overwrite: force)
            print("\(name): public key \(pair.publicKey)  (\(files.keyPair.path), \(files.publicKey.path))")
        }
    }
}
