import NewsbusServices

/// The `newsbus-store` executable: everything lives in `NewsbusServices`.
@main
extension StoreCommand {}
