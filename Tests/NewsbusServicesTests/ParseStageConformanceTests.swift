import Foundation
import NewsbusParse
import NewsbusProtocol
import NewsbusServices
import NewsbusTesting
import Testing

/// The parse stage keeps the stage contract both as a core in its shell and as the real `newsbus-parse` process.
@Suite struct ParseStageConformanceTests {
    static func golden() throws -> [WireMessage] {
        let html = Envelope(
            id: "0f3c5a1e9b7d4c2a8e6f1b3d5c7a9e0f", trace: "4bf92f3577b34da6a3ce929d0e0e4736",
            payload: RawArticle(
                html: """
                    <html lang="fr"><head><title>Rabat accueille un sommet</title></head><body>
                    <nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
                    <article><h1>Rabat accueille un sommet sur l'eau</h1>
                    <p>Les ministres de douze pays africains se sont réunis lundi à Rabat pour préparer la conférence \
                    sur l'eau prévue en juin. Ils ont adopté une déclaration commune sur le dessalement.</p>
                    <p>À lire aussi : Le Maroc accélère ses projets de barrages</p>
                    <p>La délégation tunisienne a annoncé un programme de coopération avec l'Office national de \
                    l'électricité et de l'eau potable, pour un montant de 40 millions d'euros.</p></article>
                    <footer>© 2026 Journal</footer></body></html>
                    """, url: "https://journal.example/rabat-sommet-eau"))
        return [try WireCodec.encode(html), try Repository.golden("article.raw")]
    }

    @Test(arguments: StageConformance.all)
    func coreConforms(_ check: StageConformance.Check) async throws {
        let host = try await InProcessStageHost(
            stage: ParseStage(), goldenInputs: try Self.golden(), outputType: .articleParsed)
        try await check.run(on: host)
        await host.stopGracefully()
    }

    @Test(arguments: StageConformance.all)
    func executableConforms(_ check: StageConformance.Check) async throws {
        let host = try await ProcessStageHost(
            executable: "newsbus-parse", stageName: "parse", outputFlag: "--output", goldenInputs: try Self.golden(),
            outputType: .articleParsed)
        try await check.run(on: host)
        await host.stopGracefully()
    }
}
