import NewsbusServices
import NewsbusTransport
import Testing

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
}
