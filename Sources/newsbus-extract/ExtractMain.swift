import NewsbusServices

/// The `newsbus-extract` executable: everything lives in `NewsbusServices`.
@main
extension ExtractServiceCommand {}
