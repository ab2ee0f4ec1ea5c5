/// The characters a match of an ICU regular expression can start with — a conservative superset,
/// or nil when the pattern is beyond the analysis (then the caller must try every position).
///
/// For stages that want a rule-derived prefilter: a pattern that cannot match the empty string can
/// match a text only if some character of the text is in this set. Segment uses it to key its scan
/// dispatch; Attribute to skip the `notes` and `first_listed_lead` regexes for sentences holding none
/// of their first characters. It is the first position of `MatchPrefix`'s paths (same grammar: see
/// there), so the stages share one reading of a pattern.
public enum PatternFirstCharacters {
  /// A class with more members than this (a negated one, `[^\n]`) filters nothing and would take
  /// seconds to enumerate into a `ScalarSet`: such a pattern is left to ICU.
  static let largestSet = 200_000

  public static func of(_ pattern: String) -> ScalarSet? {
    guard let prefix = MatchPrefix.of(pattern),
      prefix.paths.allSatisfy({ !$0.sets.isEmpty })  // a path without characters: can match empty
    else { return nil }
    let first = prefix.paths.reduce(CharSet()) { $0.union($1.sets[0]) }
    guard first.count <= largestSet else { return nil }
    var out = ScalarSet()
    for r in first.ranges { for v in r { out.insert(v) } }
    return out
  }
}
