import Foundation
import Logging
import NewsbusStage
import NewsbusTransportZMQ

/// The CURVE settings of a process, read from its key files.
public struct CurveConfiguration: Sendable {
    public var keys: CurveKeyPair
    public var serverKey: String
    public var allowedClients: Set<String>

    /// Reads the CURVE settings; `nil` when no key file is set (CURVE off).
    /// - Throws: ``ConfigurationError`` naming the setting and what is wrong with the file or key.
    public static func resolve(_ reader: ConfigurationReader, service: String) throws(ConfigurationError)
        -> CurveConfiguration?
    {
        let keySetting = CommonSettings.curveKeyFile(service)
        let serverSetting = CommonSettings.curveServerKey(service)
        let allowSetting = CommonSettings.curveAllowFile(service)
        let keyPath = reader.string(keySetting)
        guard !keyPath.isEmpty else {
            for setting in [serverSetting, allowSetting] where !reader.string(setting).isEmpty {
                throw ConfigurationError(setting: setting, message: "has no effect without --curve-key-file")
            }
            return nil
        }
        let keys: CurveKeyPair
        do {
            keys = try CurveKeyFiles.readKeyPair(at: keyPath)
        } catch {
            throw ConfigurationError(setting: keySetting, message: error.description)
        }
        let serverKey = try serverPublicKey(reader.string(serverSetting), setting: serverSetting) ?? keys.publicKey
        var allowed: Set<String> = []
        let allowPath = reader.string(allowSetting)
        if !allowPath.isEmpty {
            do {
                allowed = try CurveKeyFiles.readAllowList(at: allowPath)
            } catch {
                throw ConfigurationError(setting: allowSetting, message: error.description)
            }
        }
        return CurveConfiguration(keys: keys, serverKey: serverKey, allowedClients: allowed)
    }

    /// A public key given as Z85 text or as the path of a public key file holding exactly one.
    private static func serverPublicKey(_ text: String, setting: Setting) throws(ConfigurationError) -> String? {
        if text.isEmpty { return nil }
        if CurveKeyFiles.isKey(text) { return text }
        guard FileManager.default.fileExists(atPath: text) else {
            throw ConfigurationError(
                setting: setting, message: "\"\(text)\" is neither a 40-character Z85 public key nor a .pub file")
        }
        let keys: Set<String>
        do {
            keys = try CurveKeyFiles.readAllowList(at: text)
        } catch {
            throw ConfigurationError(setting: setting, message: error.description)
        }
        guard keys.count == 1, let key = keys.first else {
            throw ConfigurationError(setting: setting, message: "\(text) holds \(keys.count) public keys, not one")
        }
        return key
    }

    /// The transport's security: refused clients are logged with their key and address, and counted.
    func security(counters: StageCounters?, logger: Logger?) -> CurveSecurity {
        CurveSecurity(
            keys: keys, serverKey: serverKey, allowedClients: allowedClients,
            onRefusal: { key, address, reason in
                counters?.add("refused_clients")
                logger?.warning(
                    "client refused",
                    metadata: [
                        "client_key": "\(key ?? "none")", "address": "\(address.isEmpty ? "local" : address)",
                        LogKey.reason: "\(reason)",
                    ])
            })
    }
}
