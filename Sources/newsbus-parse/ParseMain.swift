import NewsbusServices

/// The `newsbus-parse` executable: everything lives in `NewsbusServices`.
@main
extension ParseServiceCommand {}
