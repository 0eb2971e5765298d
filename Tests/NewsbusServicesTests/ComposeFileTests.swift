import Foundation
import NewsbusServices
import NewsbusTransport
import Testing
import Yams

/// `docker-compose.yml` cannot be run here (no Docker engine), so its structure and its agreement with the
/// executables' settings are checked instead.
@Suite struct ComposeFileTests {
    static let services = ["relay", "store", "ingest", "parse", "extract"]
    static let scalable: Set<String> = ["parse", "extract"]

    static func compose() throws -> [String: Any] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("docker-compose.yml"), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    static func environment(_ service: String) throws -> [String: String] {
        let url = Repository.root.appendingPathComponent("services/\(service)/\(service).env")
        var variables: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        where !line.hasPrefix("#") && line.contains("=") {
            let parts = line.split(separator: "=", maxSplits: 1)
            variables[String(parts[0])] = String(parts[1])
        }
        return variables
    }

    @Test func everyServiceBuildsFromTheSharedDockerfile() throws {
        let services = try #require(try Self.compose()["services"] as? [String: Any])
        #expect(Set(services.keys) == Set(Self.services))
        for name in Self.services {
            let service = try #require(services[name] as? [String: Any])
            let build = try #require(service["build"] as? [String: Any])
            #expect(build["dockerfile"] as? String == "services/Dockerfile")
            #expect((build["args"] as? [String: Any])?["SERVICE"] as? String == name)
            #expect(service["env_file"] as? String == "services/\(name)/\(name).env")
            #expect(service["healthcheck"] != nil, "\(name) has no healthcheck")
            if Self.scalable.contains(name) {
                #expect(service["container_name"] == nil && service["ports"] == nil, "\(name) must be scalable")
            }
        }
        #expect(FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent("services/Dockerfile").path))
        let volumes = try #require(try Self.compose()["volumes"] as? [String: Any])
        #expect(Set(volumes.keys) == ["store-data", "ingest-data"])
    }

    @Test(arguments: services)
    func environmentFilesUseOnlyRealSettingsWithValidEndpoints(_ service: String) throws {
        let known = Dictionary(uniqueKeysWithValues: ServiceSettings.all[service, default: []].map { ($0.variable, $0) })
        try #require(!known.isEmpty, "no settings known for \(service)")
        let hosts = Set(Self.services)
        for (variable, value) in try Self.environment(service) {
            let setting = try #require(known[variable], "\(service).env sets \(variable), which newsbus-\(service) does not read")
            guard value.hasPrefix("@") || value.hasPrefix(">") else { continue }
            let spec = try #require(EndpointSpec(value), "\(variable)=\(value) is not an endpoint")
            if spec.role == .connect, case .tcp(let host, _) = spec.endpoint {
                #expect(hosts.contains(host), "\(variable) connects to \(host), which is not a compose service")
            }
            if spec.role == .bind, case .tcp(let host, _) = spec.endpoint {
                #expect(host == "*", "\(variable) binds \(host): containers must listen on all interfaces")
            }
            #expect(setting.defaultValue.hasPrefix(value.prefix(1)), "\(variable) flips bind/connect from its default")
        }
    }

    @Test func healthchecksAskEachServiceOnItsStatusPort() throws {
        let services = try #require(try Self.compose()["services"] as? [String: Any])
        for name in Self.services {
            let test = (services[name] as? [String: Any])?["healthcheck"] as? [String: Any]
            let command = try #require(test?["test"] as? [String])
            let status = try Self.environment(name)["NEWSBUS_\(name.uppercased())_STATUS"]
            let port = try #require(status?.split(separator: ":").last)
            #expect(command.suffix(2) == ["status", ">tcp://127.0.0.1:\(port)"], "\(name): \(command)")
        }
    }
}

/// The operations guide documents every setting of every service.
@Suite struct ConfigurationDocumentationTests {
    @Test(arguments: ComposeFileTests.services)
    func everySettingIsDocumented(_ service: String) throws {
        let guide = try String(contentsOf: Repository.root.appendingPathComponent("docs/OPERATIONS.md"), encoding: .utf8)
        for setting in ServiceSettings.all[service, default: []] {
            #expect(guide.contains("`\(setting.variable)`"), "docs/OPERATIONS.md does not document \(setting.variable)")
            #expect(guide.contains("`--\(setting.flag)`"), "docs/OPERATIONS.md does not document --\(setting.flag)")
        }
    }
}
