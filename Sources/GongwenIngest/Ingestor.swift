import GongwenCore

/// Stage 1: raw bytes of one file -> decoded notice text.
public struct Ingestor: Sendable {
  public let rules: IngestRules
  public init(rules: IngestRules) { self.rules = rules }

  /// Decodes `bytes`. `pathHint` (a file name or extension) helps format detection but content wins.
  public func ingest(_ bytes: [UInt8], pathHint: String? = nil) throws(StageFailure) -> SourceDocument {
    var b = bytes[...]
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
    guard let text = String(validating: b, as: UTF8.self) else {
      throw StageFailure(stage: "ingest", code: "undecodable", message: "not valid UTF-8")
    }
    return SourceDocument(text: text, format: "text", encoding: "UTF-8")
  }
}
