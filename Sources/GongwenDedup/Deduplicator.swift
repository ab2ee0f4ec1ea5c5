import GongwenCore

/// Stage 3: clean text -> clean text with repeated runs removed (each removal recorded).
public struct Deduplicator: Sendable {
  public let rules: DedupRules
  public init(rules: DedupRules) { self.rules = rules }

  public func dedup(_ doc: NormalizedDocument) throws(StageFailure) -> NormalizedDocument { doc }
}
