/// One piece of source text that a stage dropped, and why.
///
/// `span` refers to the decoded source text before normalisation; so does `duplicates`,
/// the span of the copy that was kept (for duplicate removals).
public struct Removal: Codable, Hashable, Sendable {
  /// Where the removed text was in the decoded source.
  public var span: Span
  /// A stable reason code, e.g. `repeated_run`, `repeated_paragraph`, `junk`, `control_character`.
  public var reason: String
  /// The stage that removed it (`normalize`, `dedup`, ...).
  public var stage: String
  /// The rule that fired, as `file:line` or a rule id, where one did.
  public var rule: String?
  /// For duplicates: the span (in the decoded source) of the copy that was kept.
  public var duplicates: Span?
  /// The removed text itself (as it was in the source), so a reader need not open the file.
  public var text: String

  public init(span: Span, reason: String, stage: String, rule: String? = nil, duplicates: Span? = nil, text: String) {
    self.span = span
    self.reason = reason
    self.stage = stage
    self.rule = rule
    self.duplicates = duplicates
    self.text = text
  }
}
