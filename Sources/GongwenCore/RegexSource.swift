import ICUKit

/// Lexical scanning of ICU regex source, shared by the pattern analyses (`MatchPrefix` here and
/// Normalize's `PatternStarts`): where a `[…]` class or a `(…)` group ends, and what an escape matches.
public enum RegexSource {
  /// What a backslash escape stands for.
  public enum Escape {
    /// A zero-width assertion (`\b \B \A \G \z \Z`).
    case assertion
    /// One character (`\u4E00`, `\x{…}`, `\t`, escaped punctuation).
    case scalar(UInt32)
    /// A class (`\h \s \d \p{…} \P{…}`), as code-point ranges read the way the regex reads them.
    case ranges([ClosedRange<UInt32>])
  }

  /// The escape whose backslash is at `i`, and the index after it; nil for one the analyses do not
  /// read (letters and digits other than those above: back-references, `\Q`, `\w`, …), or a class
  /// ICU's set syntax cannot enumerate.
  public static func escape(_ s: [Unicode.Scalar], at i: Int) -> (Escape, next: Int)? {
    guard i + 1 < s.count else { return nil }
    let e = s[i + 1]
    var j = i + 2
    func ranges(_ pattern: String) -> (Escape, next: Int)? {
      ICUSet.ranges(regexClass: pattern).map { (.ranges($0), j) }
    }
    switch e {
    case "b", "B", "A", "G", "z", "Z": return (.assertion, j)
    case "h": return ranges("[\\t\\p{Zs}]")
    case "s": return ranges("[\\p{White_Space}]")
    case "d": return ranges("[\\p{Nd}]")
    case "p", "P":
      guard j < s.count, s[j] == "{", let close = s[j...].firstIndex(of: "}") else { return nil }
      let text = "[\\" + String(e) + String(String.UnicodeScalarView(s[j...close])) + "]"
      j = close + 1
      return ranges(text)
    case "u":
      guard j + 4 <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[j..<(j + 4)])), radix: 16) else {
        return nil
      }
      return (.scalar(v), j + 4)
    case "x":
      guard j < s.count, s[j] == "{", let close = s[j...].firstIndex(of: "}"),
        let v = UInt32(String(String.UnicodeScalarView(s[(j + 1)..<close])), radix: 16)
      else { return nil }
      return (.scalar(v), close + 1)
    case "t": return (.scalar(0x09), j)
    case "n": return (.scalar(0x0A), j)
    case "r": return (.scalar(0x0D), j)
    default:
      // escaped punctuation is itself; letters and digits are classes or references not read
      if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
      return (.scalar(e.value), j)
    }
  }

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
