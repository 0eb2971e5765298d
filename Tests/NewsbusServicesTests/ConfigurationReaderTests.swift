import Foundation
import NewsbusServices
import NewsbusTransport
import NewsbusTransportZMQ
import Testing
import ZeroMQ

@Suite struct ConfigurationReaderTests {
    let setting = StoreSettings.input

    @Test func flagBeatsEnvironmentBeatsDefault() throws {
        let environment = ["NEWSBUS_STORE_INPUT": "@tcp://*:6000"]
        let fromFlag = ConfigurationReader(flags: ["input": "@ipc:///tmp/s.sock"], environment: environment)
        #expect(try fromFlag.endpoint(setting) == .bind(.ipc(path: "/tmp/s.sock")))
        let fromEnvironment = ConfigurationReader(flags: ["input": nil], environment: environment)
        #expect(try fromEnvironment.endpoint(setting) == .bind(.tcp(host: "*", port: 6000)))
        let fromDefault = ConfigurationReader(flags: [:], environment: ["NEWSBUS_STORE_INPUT": ""])
        #expect(try fromDefault.endpoint(setting) == .bind(.tcp(host: "127.0.0.1", port: 5555)))
    }

    @Test func badValuesNameTheFlagTheVariableAndWhy() {
        let reader = ConfigurationReader(
            flags: [:], environment: ["NEWSBUS_STORE_INPUT": "tcp://nowhere", "NEWSBUS_HWM": "lots"])
        do {
            _ = try reader.endpoint(setting)
            Issue.record("accepted an endpoint without a port")
        } catch {
            #expect(error.description.contains("--input / NEWSBUS_STORE_INPUT"))
            #expect(error.description.contains("tcp://nowhere"))
        }
        #expect(throws: ConfigurationError.self) {
            _ = try reader.integer(CommonSettings.highWaterMark("store"), in: 1...10)
        }
    }

    @Test func extractUsesEveryCoreAndParseOneUnlessANumberOrCoresIsGiven() throws {
        let extract = MiddleStageSettings.extract.concurrency, parse = MiddleStageSettings.parse.concurrency
        let defaults = ConfigurationReader(flags: [:], environment: [:])
        #expect(try defaults.concurrency(extract, cores: 2) == 2)
        #expect(try defaults.concurrency(extract, cores: 200) == 64)
        #expect(try defaults.concurrency(parse, cores: 2) == 1)
        let told = ConfigurationReader(flags: ["concurrency": "3"], environment: ["NEWSBUS_EXTRACT_CONCURRENCY": "cores"])
        #expect(try told.concurrency(extract, cores: 2) == 3)
        let one = ConfigurationReader(flags: [:], environment: ["NEWSBUS_EXTRACT_CONCURRENCY": "1"])
        #expect(try one.concurrency(extract, cores: 8) == 1)
        let cores = ConfigurationReader(flags: [:], environment: ["NEWSBUS_PARSE_CONCURRENCY": "cores"])
        #expect(try cores.concurrency(parse, cores: 8) == 8)
        for bad in ["0", "65", "all", "2.5"] {
            let error = #expect(throws: ConfigurationError.self) {
                try ConfigurationReader(flags: ["concurrency": bad], environment: [:]).concurrency(extract)
            }
            #expect(error?.description == "--concurrency / NEWSBUS_EXTRACT_CONCURRENCY: \"\(bad)\" must be an integer from 1 to 64, or cores")
        }
    }

    @Test func curveSettingsReadKeyFilesAndNameWhatIsWrong() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nbconf-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let bus = try CurveKeyPair.generate()
        let files = try CurveKeyFiles.write(bus, name: "bus", in: directory, overwrite: false)
        // Off unless a key file is given; a server key or allow-list alone is a mistake
        #expect(try CurveConfiguration.resolve(ConfigurationReader(flags: [:], environment: [:]), service: "store") == nil)
        let stray = ConfigurationReader(flags: [:], environment: ["NEWSBUS_CURVE_SERVER_KEY": bus.publicKey])
        let strayError = #expect(throws: ConfigurationError.self) { try CurveConfiguration.resolve(stray, service: "store") }
        #expect(strayError?.description.contains("--curve-server-key / NEWSBUS_CURVE_SERVER_KEY") == true)
        // The server key may be a .pub file; by default it is the process's own
        let reader = ConfigurationReader(
            flags: ["curve-key-file": files.keyPair.path, "curve-server-key": files.publicKey.path], environment: [:])
        let curve = try #require(try CurveConfiguration.resolve(reader, service: "store"))
        #expect(curve.keys == bus && curve.serverKey == bus.publicKey && curve.allowedClients.isEmpty)
        // A missing key file is named with the flag
        let missing = ConfigurationReader(flags: ["curve-key-file": "/nonexistent/bus.key"], environment: [:])
        let missingError = #expect(throws: ConfigurationError.self) { try CurveConfiguration.resolve(missing, service: "store") }
        #expect(missingError?.description.contains("/nonexistent/bus.key") == true)
    }
}
