import GongwenCore

/// Stage 5: clause units -> department attributions with roles.
public struct Attributor: Sendable {
  public let rules: AttributeRules
  public init(rules: AttributeRules) { self.rules = rules }

  public func attribute(_ outline: Outline, text: CleanText) throws(StageFailure) -> AttributedOutline {
    AttributedOutline(attributions: Array(repeating: nil, count: outline.units.count))
  }
}
