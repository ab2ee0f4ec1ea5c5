import Foundation

/// The ingest fixtures (Tests/GongwenIngestTests/Fixtures, built by make_fixtures.py): each seed
/// notice re-packaged as an HTML page, a .docx, other encodings. A pipeline test can run every
/// fixture and its seed and compare the tasks.
public enum IngestFixtures {
  public struct Pair: Decodable, Sendable {
    /// Fixture file name inside `directory`.
    public let file: String
    /// Seed file name inside Corpus/notices.
    public let seed: String
    /// Expected `SourceDocument.format` and `.encoding`.
    public let format: String
    public let encoding: String
    /// `Hans`, or `Hant` when the fixture was converted to Traditional characters (its text then
    /// equals `expected`, a UTF-8 file in `directory`, rather than the seed).
    public let script: String
    public let expected: String?
    /// For HTML pages: the expected `pageTitle` and `pagePublished`.
    public let pageTitle: String?
    public let pagePublished: String?

    enum CodingKeys: String, CodingKey {
      case file, seed, format, encoding, script, expected, pageTitle = "page_title", pagePublished = "page_published"
    }

    public var url: URL { IngestFixtures.directory.appendingPathComponent(file) }
    public var seedURL: URL { TestSupport.corpusDirectory.appendingPathComponent("notices").appendingPathComponent(seed) }
    /// The text the fixture should yield (the seed, or the Traditional conversion).
    public var expectedText: String {
      let u = expected.map { IngestFixtures.directory.appendingPathComponent($0) } ?? seedURL
      return (try? String(contentsOf: u, encoding: .utf8)) ?? ""
    }
  }

  public static var directory: URL {
    TestSupport.packageRoot.appendingPathComponent("Tests/GongwenIngestTests/Fixtures")
  }

  /// Every fixture -> seed pair from manifest.json (empty if the manifest is missing).
  public static let pairs: [Pair] = {
    guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("manifest.json").path),
      let list = try? JSONDecoder().decode([Pair].self, from: data)
    else { return [] }
    return list
  }()

  public static func bytes(_ name: String) -> [UInt8] {
    FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { Array($0) } ?? []
  }
}
