/// Lexical scanning of ICU regex source, shared by the pattern analyses (`MatchPrefix` here and
/// Normalize's `PatternStarts`): where a `[…]` class or a `(…)` group ends.
public enum RegexSource {
  /// Index of the `]` closing the class that opens at `start` (nested classes, escapes).
  public static func classEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
    var depth = 0
    var j = start
    while j < s.count {
      switch s[j] {
      case "\\": j += 1
      case "[": depth += 1
      case "]":
        depth -= 1
        if depth == 0 { return j }
      default: break
      }
      j += 1
    }
    return nil
  }

  /// Index just after the `)` closing a group whose `(` (and any marker) ends before `from`.
  public static func groupEnd(_ s: [Unicode.Scalar], from: Int) -> Int? {
    var depth = 1
    var i = from
    while i < s.count {
      switch s[i] {
      case "\\": i += 1
      case "[":
        guard let end = classEnd(s, from: i) else { return nil }
        i = end
      case "(": depth += 1
      case ")":
        depth -= 1
        if depth == 0 { return i + 1 }
      default: break
      }
      i += 1
    }
    return nil
  }
}
