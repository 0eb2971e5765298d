/// The default endpoints of a pipeline on one machine (what `newsbus up` starts, and every flag's default).
///
/// Stable services bind; replicas connect. Work flows ingest → parse (ingest binds) → relay → extract (the relay
/// binds both sides, so parse and extract can have any number of replicas) → store (store binds). Every service
/// publishes its events to the relay's event input; subscribers connect to the relay's event output.
public enum Topology {
    public static let host = "127.0.0.1"

    /// Clients push articles here (ingest binds a PULL socket).
    public static let ingestPush: UInt16 = 5550
    /// Clients submit articles and get a verdict here (ingest binds a ROUTER socket).
    public static let ingestSubmit: UInt16 = 5551
    /// Ingest hands accepted articles to parse replicas here (ingest binds a PUSH socket).
    public static let ingestOutput: UInt16 = 5552
    /// Parse replicas push parsed articles into the relay here.
    public static let relayWorkInput: UInt16 = 5553
    /// Extract replicas pull parsed articles from the relay here.
    public static let relayWorkOutput: UInt16 = 5554
    /// Extract replicas push enriched articles to the store here (store binds a PULL socket).
    public static let storeInput: UInt16 = 5555
    /// Every service publishes events into the relay here (relay binds XSUB).
    public static let relayEventsInput: UInt16 = 5556
    /// Subscribers receive every event here (relay binds XPUB).
    public static let relayEventsOutput: UInt16 = 5557
    /// Clients query the store here (store binds a ROUTER socket).
    public static let storeQuery: UInt16 = 5558
    /// Status (health) endpoints: ingest, parse, extract, store, relay.
    public static let ingestStatus: UInt16 = 5560
    public static let parseStatus: UInt16 = 5561
    public static let extractStatus: UInt16 = 5562
    public static let storeStatus: UInt16 = 5563
    public static let relayStatus: UInt16 = 5564

    /// `@tcp://127.0.0.1:<port>`: a default for a binding socket.
    static func bind(_ port: UInt16) -> String { "@tcp://\(host):\(port)" }
    /// `>tcp://127.0.0.1:<port>`: a default for a connecting socket.
    static func connect(_ port: UInt16) -> String { ">tcp://\(host):\(port)" }
}
