/// A problem a stage noticed in a document that did not stop it.
///
/// `code` is stable (downstream tools and tests match on it); `message` is for people.
public struct DocumentWarning: Codable, Hashable, Sendable {
  public var code: String
  public var stage: String
  public var message: String
  /// Where in the clean document text, when the warning points at a place.
  public var span: Span?

  public init(code: String, stage: String, message: String, span: Span? = nil) {
    self.code = code
    self.stage = stage
    self.message = message
    self.span = span
  }
}

/// A failure that stops one document (never the batch).
public struct StageFailure: Error, Sendable, CustomStringConvertible {
  /// The stage that failed: `read`, `ingest`, `normalize`, `dedup`, `segment`, `attribute`, `emit`.
  public var stage: String
  /// Stable code, e.g. `unsupported_format`, `rule_timeout`, `too_large`.
  public var code: String
  /// One line a person understands, saying what to do where possible.
  public var message: String

  public init(stage: String, code: String, message: String) {
    self.stage = stage
    self.code = code
    self.message = message
  }

  public var description: String { "\(stage): \(message)" }
}
