/// Every setting of every service executable, by service name: the one table behind `--help`, the docs and the
/// checks of the compose files.
public enum ServiceSettings {
    public static let all: [String: [Setting]] = [
        "ingest": IngestCommand.settings,
        "store": StoreCommand.settings,
        "relay": RelayCommand.settings,
        "parse": MiddleStageSettings.parse.all,
        "extract": MiddleStageSettings.extract.all,
    ]
}
