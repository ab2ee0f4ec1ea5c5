import GongwenCore
import ICUKit

/// The characters a match of an ICU regular expression can start with — a conservative superset,
/// or nil when the pattern is beyond this small analysis (then the caller must try every position).
///
/// Normalize uses it to call ICU only where a rule can match: the clause-marker alternation is
/// tried only on lines whose first character can start a marker, and the 发文字号 pattern only at
/// the characters its match can start with (`AnchoredScan`). A copy of GongwenSegment's
/// `FirstCharacters` (module-internal there), so the two stages stay independent.
///
/// Understood: literals, escapes (`\h \s \d \p{…} \P{…} \uXXXX \x{…}` and escaped punctuation),
/// `[…]` classes (evaluated by ICU), groups `( (?: (?<name>`, alternation, quantifiers (`? * {0,…}`
/// make an atom optional), and zero-width items (look-around, `^ $ \b \B`), which add nothing.
/// Anything else (`.`, inline flags, back references, `\Q…\E`, `\w`) gives nil.
enum PatternStarts {
  static func of(_ pattern: String) -> ScalarSet? {
    var p = Parser(Array(pattern.unicodeScalars))
    p.skipLeadingFlags()
    guard let r = p.alternation(), p.i == p.s.count, !r.nullable, !r.anyFirst else { return nil }
    return r.set
  }

  /// One top-level alternative of a pattern: the characters its matches can start with, and
  /// the characters that can come second in its matches of two or more characters.
  struct Alternative: Sendable {
    var first: ScalarSet
    var second: ScalarSet
    /// Whether it can match a single character (then nothing is known about what follows).
    var single: Bool
    /// Whether it opens with `^`: its matches start at the start of the text or of a line.
    var lineStart = false
  }

  /// The pattern's top-level alternatives (`a|b|…`), each with its first and second characters;
  /// nil when the pattern is beyond the analysis or can match the empty string.
  static func alternatives(of pattern: String) -> [Alternative]? {
    var p = Parser(Array(pattern.unicodeScalars))
    p.skipLeadingFlags()
    var out: [Alternative] = []
    while true {
      // `^` first, not quantified: in multi-line mode it matches at the text start and after a
      // line terminator, otherwise only at the text start
      let anchored = p.i < p.s.count && p.s[p.i] == "^"
        && !(p.i + 1 < p.s.count && "*+?{".unicodeScalars.contains(p.s[p.i + 1]))
      guard let seq = p.sequence(), !seq.nullable, !seq.anyFirst else { return nil }
      // any second character (a large class there): read as "may match one character alone",
      // which lets every position with a first character through (a superset, so ICU still decides)
      out.append(Alternative(first: seq.set, second: seq.second, single: seq.single || seq.anySecond,
                             lineStart: anchored))
      if p.i < p.s.count, p.s[p.i] == "|" { p.i += 1; continue }
      break
    }
    return p.i == p.s.count ? out : nil
  }

  struct Result {
    var set: ScalarSet
    /// Whether the item can match the empty string (then what follows it can start a match too).
    var nullable: Bool
    /// Whether the item can match exactly one character.
    var single = false
    /// Characters that can be the second of a match of two or more characters.
    var second = ScalarSet()
    /// The first (`anyFirst`) or second (`anySecond`) character can be almost anything: a large class
    /// (a negated one) stands there, which is not enumerated (`set` / `second` then hold only the
    /// rest). A pattern whose first character is unknown is left to ICU; one whose second character
    /// is unknown still filters by the first.
    var anyFirst = false
    var anySecond = false
  }

  static func union(_ a: inout ScalarSet, _ b: ScalarSet) {
    for v in b.members { a.insert(v) }
  }

  struct Parser {
    let s: [Unicode.Scalar]
    var i = 0
    init(_ s: [Unicode.Scalar]) { self.s = s }

    /// Skips a leading `(?m)`, `(?s)` or `(?ms)`: multi-line mode only changes where `^` and `$`
    /// match and dot-all only what `.` matches, neither of which this analysis reads (`^ $` add
    /// no characters, `.` is not understood). Other flags (`i`, `x` …) are left, so they fail.
    mutating func skipLeadingFlags() {
      guard s.count >= 4, s[0] == "(", s[1] == "?", let close = s.firstIndex(of: ")"), close > 2,
        s[2..<close].allSatisfy({ $0 == "m" || $0 == "s" })
      else { return }
      i = close + 1
    }

    /// `a|b|…` up to an unmatched `)` or the end.
    mutating func alternation() -> Result? {
      var out = Result(set: ScalarSet(), nullable: false)
      while true {
        guard let seq = sequence() else { return nil }
        union(&out.set, seq.set)
        union(&out.second, seq.second)
        out.anyFirst = out.anyFirst || seq.anyFirst
        out.anySecond = out.anySecond || seq.anySecond
        out.nullable = out.nullable || seq.nullable
        out.single = out.single || seq.single
        if i < s.count, s[i] == "|" { i += 1; continue }
        return out
      }
    }

    /// Atoms up to `|`, `)` or the end: the union of first sets while the atoms before are nullable.
    /// Second characters of `XY`: those of X, the first of Y after a one-character X, and the
    /// second of Y after an empty X.
    mutating func sequence() -> Result? {
      var out = Result(set: ScalarSet(), nullable: true)
      while i < s.count, s[i] != "|", s[i] != ")" {
        guard var atom = atom(), let q = quantifier() else { return nil }
        if q.zero { atom.nullable = true }
        if q.many, atom.single {  // XX…: a second repetition
          union(&atom.second, atom.set)
          atom.anySecond = atom.anySecond || atom.anyFirst
        }
        var next = out
        if out.nullable {
          union(&next.set, atom.set)
          next.anyFirst = next.anyFirst || atom.anyFirst
        }
        if out.single {
          union(&next.second, atom.set)
          next.anySecond = next.anySecond || atom.anyFirst
        }
        if out.nullable {
          union(&next.second, atom.second)
          next.anySecond = next.anySecond || atom.anySecond
        }
        next.single = (out.single && atom.nullable) || (out.nullable && atom.single)
        next.nullable = out.nullable && atom.nullable
        out = next
      }
      return out
    }

    /// Consumes a quantifier after an atom, if there is one: whether it allows zero repetitions,
    /// and more than one. nil for a form not understood (`{0}`, no closing brace).
    mutating func quantifier() -> (zero: Bool, many: Bool)? {
      guard i < s.count else { return (false, false) }
      var q = (zero: false, many: false)
      switch s[i] {
      case "?":
        q = (true, false)
        i += 1
      case "*":
        q = (true, true)
        i += 1
      case "+":
        q = (false, true)
        i += 1
      case "{":
        var j = i + 1
        var digits = ""
        while j < s.count, s[j] != "}" { digits.unicodeScalars.append(s[j]); j += 1 }
        guard j < s.count else { return nil }
        let parts = digits.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let lower = parts.first.flatMap { Int($0) } ?? 0
        let upper: Int? = parts.count > 1 ? (parts[1].isEmpty ? Int.max : Int(parts[1])) : Int(parts[0])
        guard let upper, upper >= 1 else { return nil }
        q = (lower == 0, upper >= 2)
        i = j + 1
      default:
        return (false, false)
      }
      // lazy or possessive suffix
      if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
      return q
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
        return Result(set: ScalarSet([c]), nullable: false, single: true)
      }
    }

    mutating func escape() -> Result? {
      guard let (e, next) = RegexSource.escape(s, at: i) else {
        i = min(s.count, i + 2)
        return nil
      }
      i = next
      switch e {
      case .assertion: return Result(set: ScalarSet(), nullable: true)
      case .scalar(let v):
        var out = ScalarSet()
        out.insert(v)
        return Result(set: out, nullable: false, single: true)
      case .ranges(let r): return set(ranges: r)
      }
    }

    func set(pattern: String) -> Result? {
      ICUSet.ranges(regexClass: pattern).flatMap(set(ranges:))
    }

    func set(ranges: [ClosedRange<UInt32>]) -> Result? {
      // a large class (a negated one, \p{Han} with its supplementary planes) filters nothing
      // worth having and costs seconds to enumerate: it stands for any character (`anyFirst`)
      guard ranges.allSatisfy({ $0.upperBound < 0x10000 }),
        ranges.reduce(0, { $0 + $1.count }) <= Self.largestClass
      else { return Result(set: ScalarSet(), nullable: false, single: true, anyFirst: true) }
      var out = ScalarSet()
      for r in ranges { for v in r { out.insert(v) } }
      return Result(set: out, nullable: false, single: true)
    }

    /// Classes with more members than this are not enumerated (see `set(pattern:)`).
    static let largestClass = 4096

    func classEnd(from start: Int) -> Int? { RegexSource.classEnd(s, from: start) }

    /// Skips a group whose `(` (and marker) are already consumed, through its matching `)`.
    mutating func skipGroup() -> Bool {
      guard let end = RegexSource.groupEnd(s, from: i) else { return false }
      i = end
      return true
    }
  }
}
