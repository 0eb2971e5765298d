import NewsbusServices

/// The `newsbus-ingest` executable: everything lives in `NewsbusServices`.
@main
extension IngestCommand {}
