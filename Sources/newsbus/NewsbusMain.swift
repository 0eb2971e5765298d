import ArgumentParser
import NewsbusCLI

/// The `newsbus` executable: everything lives in `NewsbusCLI`, so that it can be tested in-process.
@main
extension NewsbusCommand {}
