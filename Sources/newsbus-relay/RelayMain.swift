import NewsbusServices

/// The `newsbus-relay` executable: everything lives in `NewsbusServices`.
@main
extension RelayCommand {}
