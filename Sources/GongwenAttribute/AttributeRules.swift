import GongwenCore

/// Compiled rules for the attribute stage, from `Rules/attribute.yaml`.
public struct AttributeRules: RuleFile {
  public static let fileName = "attribute.yaml"

  /// The YAML as written. Unknown keys are rejected by the loader.
  public struct Raw: Decodable, Sendable {
    public var version: Int
  }

  public init(raw: Raw, file: String) throws(RuleErrors) {
    guard raw.version == 1 else {
      throw RuleErrors([RuleProblem(RuleLocation(file: file, line: 1, column: 1), code: "R005",
                                    "unsupported rules version \(raw.version); this Gongwen reads version 1")])
    }
  }
}
