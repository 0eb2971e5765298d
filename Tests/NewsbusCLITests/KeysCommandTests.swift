import Foundation
import NewsbusTesting
import NewsbusTransportZMQ
import Testing

/// `newsbus keys` as a user runs it: key pairs written, never overwritten by accident, names checked.
@Suite struct KeysCommandTests {
    @Test func writesKeyPairsAndRefusesToOverwriteOrBadNames() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nbkeys-cli-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        // When two pairs are made
        let made = try ChildProcess.start(BuiltProducts.newsbus, ["keys", "-d", directory.path, "bus", "alice"])
        #expect(await made.waitForExit() == 0)
        // Then each pair reads back, and its public file holds the same public key
        for name in ["bus", "alice"] {
            let pair = try CurveKeyFiles.readKeyPair(at: directory.appendingPathComponent("\(name).key").path)
            #expect(try CurveKeyFiles.readAllowList(at: directory.appendingPathComponent("\(name).pub").path) == [pair.publicKey])
        }
        let before = try Data(contentsOf: directory.appendingPathComponent("bus.key"))
        // And making one again fails without --force, leaving the file as it was; a bad name is refused
        let again = try ChildProcess.start(BuiltProducts.newsbus, ["keys", "-d", directory.path, "bus"])
        #expect(await again.waitForExit() != 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("bus.key")) == before)
        let badName = try ChildProcess.start(BuiltProducts.newsbus, ["keys", "-d", directory.path, "../escape"])
        #expect(await badName.waitForExit() != 0)
        #expect(!FileManager.default.fileExists(atPath: directory.deletingLastPathComponent().appendingPathComponent("escape.key").path))
        // And --force replaces it with a new pair
        let forced = try ChildProcess.start(BuiltProducts.newsbus, ["keys", "-d", directory.path, "--force", "bus"])
        #expect(await forced.waitForExit() == 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("bus.key")) != before)
    }
}
