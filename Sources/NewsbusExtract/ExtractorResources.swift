import Foundation

/// The data the extractor runs on: the gazetteer, the word clusters and one tagger model per language. By
/// default they are the module's bundled resources (`Resources/gazetteer.tsv`, `person-names.tsv`, `clusters.tsv`,
/// `<lang>.nbner`).
public struct ExtractorResources: Sendable {
    /// Known place and organisation names.
    public let gazetteer: Gazetteer
    /// Word clusters and capitalisation statistics from unlabeled text.
    public let clusters: WordClusters
    /// Tagger models by language code.
    public let models: [String: TaggerModel]

    /// The languages the bundled models cover.
    public static let languages = ["fr", "en"]

    /// Resources made of given parts (tests and evaluations).
    public init(gazetteer: Gazetteer, clusters: WordClusters, models: [String: TaggerModel]) {
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.models = models
    }

    /// The bundled resources; with `models: false` only the gazetteer and clusters (what training needs).
    public static func bundled(models loadModels: Bool = true) throws(ExtractFailure) -> ExtractorResources {
        let directory = try resourceDirectory()
        let gazetteer = Gazetteer(
            tsv: try text(directory, "gazetteer.tsv") + "\n" + text(directory, "person-names.tsv"))
        let clusters = WordClusters(tsv: try text(directory, "clusters.tsv"))
        var models: [String: TaggerModel] = [:]
        if loadModels {
            for language in languages {
                models[language] = try model(at: directory.appendingPathComponent("\(language).nbner"))
            }
        }
        return ExtractorResources(gazetteer: gazetteer, clusters: clusters, models: models)
    }

    /// A model file.
    public static func model(at url: URL) throws(ExtractFailure) -> TaggerModel {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ExtractFailure(
                code: .missingResource, message: "cannot read tagger model \(url.path): \(error.localizedDescription)")
        }
        return try TaggerModel.decode(data, source: url.path)
    }

    /// A model from its file bytes.
    public static func model(data: Data, source: String) throws(ExtractFailure) -> TaggerModel {
        try TaggerModel.decode(data, source: source)
    }

    private static func resourceDirectory() throws(ExtractFailure) -> URL {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw ExtractFailure(
                code: .missingResource,
                message: "the NewsbusExtract resource bundle has no `Resources` folder at \(Bundle.module.bundlePath)")
        }
        return url
    }

    private static func text(_ directory: URL, _ name: String) throws(ExtractFailure) -> String {
        let url = directory.appendingPathComponent(name)
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw ExtractFailure(
                code: .missingResource, message: "cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
