import NewsbusTransport
import Testing

@Suite struct EndpointTests {
    @Test(arguments: [
        ("tcp://127.0.0.1:5555", Endpoint.tcp(host: "127.0.0.1", port: 5555)),
        ("tcp://*:5555", .tcp(host: "*", port: 5555)),
        ("tcp://127.0.0.1:*", .tcp(host: "127.0.0.1", port: 0)),
        ("tcp://[::1]:80", .tcp(host: "::1", port: 80)),
        ("ipc:///run/newsbus/ingest.sock", .ipc(path: "/run/newsbus/ingest.sock")),
        ("inproc://ingest", .inproc(name: "ingest")),
    ])
    func parsesAndPrintsBack(_ text: String, _ expected: Endpoint) {
        #expect(Endpoint(text) == expected)
        #expect(Endpoint(expected.description) == expected)
    }

    @Test(arguments: ["", "tcp://", "tcp://host", "tcp://host:0", "tcp://host:70000", "udp://x:1", "ipc://", "inproc://"])
    func rejectsMalformed(_ text: String) {
        #expect(Endpoint(text) == nil)
    }

    @Test func specsCarryTheirRole() {
        #expect(EndpointSpec("@tcp://*:5555") == .bind(.tcp(host: "*", port: 5555)))
        #expect(EndpointSpec(">ipc:///tmp/a") == .connect(.ipc(path: "/tmp/a")))
        #expect(EndpointSpec("inproc://a") == .connect(.inproc(name: "a")))
        #expect(EndpointSpec.bind(.inproc(name: "a")).description == "@inproc://a")
        #expect(EndpointSpec("@nowhere") == nil)
    }
}
