import ICUKit

/// The characters a match of an ICU regular expression can start with — a conservative superset,
/// or nil when the pattern is beyond this small analysis (then the caller must try every position).
///
/// For stages that want a rule-derived prefilter: a pattern that cannot match the empty string can
/// match a text only if some character of the text is in this set. Segment uses it to try each scan
/// alternative only where its first character occurs; Attribute to skip the `notes` regexes for
/// sentences that hold none of their first characters.
///
/// Understood: literals, escapes (`\h \s \d \p{…} \P{…} \uXXXX \x{…}` and escaped punctuation),
/// `[…]` classes (evaluated by ICU), groups `( (?: (?<name>`, alternation, quantifiers (`? * {0,…}`
/// make an atom optional), and zero-width items (look-around, `^ $ \b \B`), which add nothing.
/// Anything else (`.`, inline flags, back references, `\Q…\E`, `\w`) gives nil. Patterns compiled
/// with options (case-insensitive matching) are outside the analysis too.
public enum PatternFirstCharacters {
  public static func of(_ pattern: String) -> ScalarSet? {
    var p = Parser(Array(pattern.unicodeScalars))
    guard let r = p.alternation(), p.i == p.s.count, !r.nullable else { return nil }
    return r.set
  }

  struct Result {
    var set: ScalarSet
    /// Whether the item can match the empty string (then what follows it can start a match too).
    var nullable: Bool
  }

  struct Parser {
    let s: [Unicode.Scalar]
    var i = 0
    init(_ s: [Unicode.Scalar]) { self.s = s }

    /// `a|b|…` up to an unmatched `)` or the end.
    mutating func alternation() -> Result? {
      var out = Result(set: ScalarSet(), nullable: false)
      while true {
        guard let seq = sequence() else { return nil }
        for v in seq.set.members { out.set.insert(v) }
        out.nullable = out.nullable || seq.nullable
        if i < s.count, s[i] == "|" { i += 1; continue }
        return out
      }
    }

    /// Atoms up to `|`, `)` or the end: the union of first sets while the atoms before are nullable.
    mutating func sequence() -> Result? {
      var out = Result(set: ScalarSet(), nullable: true)
      while i < s.count, s[i] != "|", s[i] != ")" {
        guard var atom = atom() else { return nil }
        if quantifierAllowsZero() { atom.nullable = true }
        if out.nullable {
          for v in atom.set.members { out.set.insert(v) }
          out.nullable = atom.nullable
        }
      }
      return out
    }

    /// Consumes a quantifier after an atom; true if it allows zero repetitions.
    mutating func quantifierAllowsZero() -> Bool {
      guard i < s.count else { return false }
      var zero = false
      switch s[i] {
      case "?", "*":
        zero = true
        i += 1
      case "+":
        i += 1
      case "{":
        var j = i + 1
        var digits = ""
        while j < s.count, s[j] != "}" { digits.unicodeScalars.append(s[j]); j += 1 }
        guard j < s.count else { return false }
        let lower = digits.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        zero = lower.isEmpty || Int(lower) == 0
        i = j + 1
      default:
        return false
      }
      // lazy or possessive suffix
      if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
      return zero
    }

    mutating func atom() -> Result? {
      let c = s[i]
      switch c {
      case "(":
        i += 1
        if i < s.count, s[i] == "?" {
          // (?<! (?<= (?= (?! look-around: zero width; (?: and (?<name> groups
          let rest = String(String.UnicodeScalarView(s[i..<min(s.count, i + 3)]))
          if rest.hasPrefix("?<!") || rest.hasPrefix("?<=") || rest.hasPrefix("?=") || rest.hasPrefix("?!") {
            guard skipGroup() else { return nil }
            return Result(set: ScalarSet(), nullable: true)
          }
          if rest.hasPrefix("?:") {
            i += 2
          } else if rest.hasPrefix("?<") {
            guard let close = s[i...].firstIndex(of: ">") else { return nil }
            i = close + 1
          } else {
            return nil  // inline flags and other forms
          }
        }
        guard let inner = alternation(), i < s.count, s[i] == ")" else { return nil }
        i += 1
        return inner
      case "[":
        guard let end = classEnd(from: i) else { return nil }
        let text = String(String.UnicodeScalarView(s[i...end]))
        i = end + 1
        return set(pattern: text)
      case "\\":
        return escape()
      case "^", "$":
        i += 1
        return Result(set: ScalarSet(), nullable: true)
      case ".", "*", "+", "?", "{", ")", "|":
        return nil
      default:
        i += 1
        return Result(set: ScalarSet([c]), nullable: false)
      }
    }

    mutating func escape() -> Result? {
      guard i + 1 < s.count else { return nil }
      let e = s[i + 1]
      i += 2
      switch e {
      case "b", "B", "A", "G", "z", "Z":
        return Result(set: ScalarSet(), nullable: true)
      case "h": return set(pattern: "[\\t\\p{Zs}]")
      case "s": return set(pattern: "[\\p{White_Space}]")
      case "d": return set(pattern: "[\\p{Nd}]")
      case "p", "P":
        guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") else { return nil }
        let text = "[\\" + String(e) + String(String.UnicodeScalarView(s[i...close])) + "]"
        i = close + 1
        return set(pattern: text)
      case "u":
        guard i + 4 <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[i..<(i + 4)])), radix: 16) else {
          return nil
        }
        i += 4
        var out = ScalarSet()
        out.insert(v)
        return Result(set: out, nullable: false)
      case "x":
        guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}"),
          let v = UInt32(String(String.UnicodeScalarView(s[(i + 1)..<close])), radix: 16)
        else { return nil }
        i = close + 1
        var out = ScalarSet()
        out.insert(v)
        return Result(set: out, nullable: false)
      case "t": return Result(set: ScalarSet(["\t"]), nullable: false)
      case "n": return Result(set: ScalarSet(["\n"]), nullable: false)
      case "r": return Result(set: ScalarSet(["\r"]), nullable: false)
      default:
        // escaped punctuation is itself; letters and digits are classes or references we do not read
        if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
        return Result(set: ScalarSet([e]), nullable: false)
      }
    }

    func set(pattern: String) -> Result? {
      guard let ranges = ICUSet.ranges(regexClass: pattern) else { return nil }
      // a negated class (`[^\n]`, over a million members) filters nothing and would take seconds
      // to enumerate: the pattern is left to ICU
      guard ranges.reduce(0, { $0 + $1.count }) <= 200_000 else { return nil }
      var out = ScalarSet()
      for r in ranges { for v in r { out.insert(v) } }
      return Result(set: out, nullable: false)
    }

    /// Index of the `]` closing the class that opens at `start` (nested classes, escapes).
    func classEnd(from start: Int) -> Int? {
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

    /// Skips a group starting at `(` (already consumed), through its matching `)`.
    mutating func skipGroup() -> Bool {
      var depth = 1
      while i < s.count {
        switch s[i] {
        case "\\": i += 1
        case "[":
          guard let end = classEnd(from: i) else { return false }
          i = end
        case "(": depth += 1
        case ")":
          depth -= 1
          if depth == 0 { i += 1; return true }
        default: break
        }
        i += 1
      }
      return false
    }
  }
}
