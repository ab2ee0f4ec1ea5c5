import GongwenCore

/// Stage 2: decoded source text -> canonical clean text with an offset map.
public struct Normalizer: Sendable {
  public let rules: NormalizeRules
  public init(rules: NormalizeRules) { self.rules = rules }

  public func normalize(_ source: String) throws(StageFailure) -> NormalizedDocument {
    NormalizedDocument(text: CleanText(source: source))
  }
}
