import ICUKit

/// What the first few characters of any match of an ICU regular expression must look like — a
/// conservative over-approximation, or nil when the pattern is beyond this small analysis.
///
/// `PatternFirstCharacters` says which characters a match can start with; this looks `depth` characters
/// further. A match is described by a list of paths, each a sequence of character sets (the i-th
/// set holds what the i-th character of the match can be) and, when the pattern opens with a
/// one-character negative look-behind (`(?<![0-9.])`), the characters that must not stand before
/// the match. Every match of the pattern follows at least one path, so where no path fits the text
/// the pattern cannot match and ICU need not be asked (`allows`). Used by the dispatching scan
/// (`SegmentRun.scanMatches`): most positions whose first character some branch can start with
/// (一, a digit, a bracket) are ordinary text (一些, 2014年, （卫生厅）), and one ICU `lookingAt` per
/// branch there cost more than the rest of segmenting.
///
/// The grammar read is `PatternFirstCharacters`'s (literals, escapes, classes, groups, alternation,
/// quantifiers, zero-width items); a path is cut after `depth` characters, and when there would be
/// more than `maxPaths` paths they are merged into one (per position the union of the sets, as long
/// as the shortest path), which only makes the filter weaker.
public struct MatchPrefix: Sendable {
  public struct Path: Sendable, Hashable {
    /// `sets[i]` holds what character `i` of the match can be; a match is at least this long.
    public var sets: [CharSet] = []
    /// Characters that cannot stand right before the match (from a leading `(?<![…])`).
    public var notBefore: CharSet? = nil
    /// Every match following this path is exactly `sets.count` long (what follows in the pattern
    /// starts right after it). False for a path cut at `depth` or merged.
    public var exact = true

    public init(sets: [CharSet] = [], notBefore: CharSet? = nil, exact: Bool = true) {
      self.sets = sets
      self.notBefore = notBefore
      self.exact = exact
    }
  }

  public let paths: [Path]

  public init(paths: [Path]) { self.paths = paths }

  public static let depth = 6
  static let maxPaths = 64

  public static func of(_ pattern: String) -> MatchPrefix? {
    var p = Parser(Array(pattern.unicodeScalars))
    guard let r = p.alternation(), p.i == p.s.count, !r.paths.isEmpty else { return nil }
    return MatchPrefix(paths: r.paths)
  }

  /// A piece of a pattern: the paths of its matches and how long they can be (`max` nil: unbounded).
  public struct Item {
    public var paths: [Path]
    public var min: Int
    public var max: Int?
  }

  /// False only when no match of the pattern can start at `p` in `s` (a whole document: the
  /// look-behind sees the character before `p`, as ICU's `lookingAt` on the whole text does).
  @inline(__always)
  public func allows(_ s: UnsafeBufferPointer<Unicode.Scalar>, at p: Int) -> Bool {
    paths: for path in paths {
      if let nb = path.notBefore, p > 0, nb.contains(s[p - 1]) { continue }
      let sets = path.sets
      if p + sets.count > s.count { continue }
      for i in 0..<sets.count where !sets[i].contains(s[p + i]) { continue paths }
      return true
    }
    return false
  }

  // MARK: Paths

  /// `a` followed by `b`.
  static func concat(_ a: [Path], _ b: [Path]) -> [Path] {
    var out: [Path] = []
    for x in a {
      if !x.exact || x.sets.count >= depth {
        out.append(x)
        continue
      }
      for y in b {
        var z = x
        // a look-behind of `y` constrains the character before the match only when nothing of
        // the match comes before it; later ones are dropped (a weaker filter)
        if x.sets.isEmpty, let nb = y.notBefore { z.notBefore = (z.notBefore ?? CharSet()).union(nb) }
        let room = depth - x.sets.count
        z.sets.append(contentsOf: y.sets.prefix(room))
        z.exact = y.exact && y.sets.count <= room
        out.append(z)
      }
    }
    return capped(out)
  }

  /// Duplicates removed; more than `maxPaths` merged into one path.
  static func capped(_ paths: [Path]) -> [Path] {
    var out: [Path] = []
    var seen: Set<Path> = []
    for p in paths where seen.insert(p).inserted { out.append(p) }
    guard out.count > maxPaths else { return out }
    let length = out.map(\.sets.count).min() ?? 0
    var sets = [CharSet](repeating: CharSet(), count: length)
    for p in out { for i in 0..<length { sets[i] = sets[i].union(p.sets[i]) } }
    return [Path(sets: sets, notBefore: nil, exact: false)]
  }

  /// `atom{lower,upper}` (upper nil: unbounded).
  static func repeated(_ atom: [Path], lower: Int, upper: Int?) -> [Path] {
    // more than `depth` copies add nothing a path can hold (see below), so cap both bounds there:
    // a copy that matches something adds a character, and one that matches nothing can be left out
    let lo = min(lower, depth), hi = min(upper ?? depth, depth)
    guard lo <= hi else { return [] }
    var power: [Path] = [Path()]
    var out: [Path] = []
    for r in 0...hi {
      if r > 0 { power = concat(power, atom) }
      if r >= lo { out.append(contentsOf: power) }
    }
    return capped(out)
  }

  // MARK: Parser

  public struct Parser {
    public let s: [Unicode.Scalar]
    public var i = 0
    public init(_ s: [Unicode.Scalar]) { self.s = s }

    /// `a|b|…` up to an unmatched `)` or the end.
    public mutating func alternation() -> Item? {
      var out: Item? = nil
      while true {
        guard let seq = sequence() else { return nil }
        if let o = out {
          out = Item(paths: o.paths + seq.paths, min: Swift.min(o.min, seq.min),
                     max: o.max.flatMap { a in seq.max.map { Swift.max(a, $0) } })
        } else {
          out = seq
        }
        if i < s.count, s[i] == "|" { i += 1; continue }
        return out.map { Item(paths: capped($0.paths), min: $0.min, max: $0.max) }
      }
    }

    /// Atoms up to `|`, `)` or the end, one item each (with its quantifier).
    public mutating func atoms() -> [Item]? {
      var out: [Item] = []
      while i < s.count, s[i] != "|", s[i] != ")" {
        guard let atom = atom(), let q = quantifier() else { return nil }
        out.append(q.map { repeated(atom, lower: $0.lower, upper: $0.upper) } ?? atom)
      }
      return out
    }

    /// Atoms up to `|`, `)` or the end.
    mutating func sequence() -> Item? {
      atoms().map(Parser.joined)
    }

    /// Items one after the other.
    public static func joined(_ items: some Sequence<Item>) -> Item {
      var out = Item(paths: [Path()], min: 0, max: 0)
      for item in items {
        out = Item(paths: concat(out.paths, item.paths), min: out.min + item.min,
                   max: out.max.flatMap { a in item.max.map { a + $0 } })
      }
      return out
    }

    func repeated(_ atom: Item, lower: Int, upper: Int?) -> Item {
      let paths = MatchPrefix.repeated(atom.paths, lower: lower, upper: upper)
      var max: Int? = nil
      if atom.max == 0 || upper == 0 {
        max = 0
      } else if let a = atom.max, let u = upper {
        max = a * u
      }
      return Item(paths: paths, min: atom.min * lower, max: max)
    }

    /// Consumes a quantifier after an atom: nil on a malformed one, `.some(nil)` when there is none.
    mutating func quantifier() -> (lower: Int, upper: Int?)?? {
      guard i < s.count else { return .some(nil) }
      var q: (lower: Int, upper: Int?)
      switch s[i] {
      case "?": q = (0, 1); i += 1
      case "*": q = (0, nil); i += 1
      case "+": q = (1, nil); i += 1
      case "{":
        var j = i + 1
        var body = ""
        while j < s.count, s[j] != "}" { body.unicodeScalars.append(s[j]); j += 1 }
        guard j < s.count else { return nil }
        let parts = body.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let lower = Int(parts[0].isEmpty ? "0" : parts[0]) else { return nil }
        if parts.count == 1 {
          q = (lower, lower)
        } else if parts[1].isEmpty {
          q = (lower, nil)
        } else {
          guard let upper = Int(parts[1]) else { return nil }
          q = (lower, upper)
        }
        i = j + 1
      default:
        return .some(nil)
      }
      // lazy or possessive suffix
      if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
      return .some(q)
    }

    mutating func atom() -> Item? {
      let c = s[i]
      switch c {
      case "(":
        i += 1
        if i < s.count, s[i] == "?" {
          let rest = String(String.UnicodeScalarView(s[i..<min(s.count, i + 3)]))
          if rest.hasPrefix("?<!") {
            // a one-character negative look-behind constrains the character before
            let start = i + 3
            i = start
            var inner = Parser(s)
            inner.i = start
            let set = inner.singleCharacter()
            i = start
            guard skipGroup() else { return nil }
            if let set, inner.i == i - 1 { return Item(paths: [Path(sets: [], notBefore: set)], min: 0, max: 0) }
            return Item(paths: [Path()], min: 0, max: 0)
          }
          if rest.hasPrefix("?<=") || rest.hasPrefix("?=") || rest.hasPrefix("?!") {
            guard skipGroup() else { return nil }
            return Item(paths: [Path()], min: 0, max: 0)
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
      case "^", "$":
        i += 1
        return Item(paths: [Path()], min: 0, max: 0)
      case "\\":
        if i + 1 < s.count, "bBAGzZ".unicodeScalars.contains(s[i + 1]) {
          i += 2
          return Item(paths: [Path()], min: 0, max: 0)
        }
        return singleCharacter().map { Item(paths: [Path(sets: [$0])], min: 1, max: 1) }
      case ".", "*", "+", "?", "{", ")", "|":
        return nil
      default:
        return singleCharacter().map { Item(paths: [Path(sets: [$0])], min: 1, max: 1) }
      }
    }

    /// One character: a literal, a `[…]` class or an escape standing for one character.
    mutating func singleCharacter() -> CharSet? {
      guard i < s.count else { return nil }
      let c = s[i]
      switch c {
      case "[":
        guard let end = classEnd(from: i) else { return nil }
        let text = String(String.UnicodeScalarView(s[i...end]))
        i = end + 1
        return set(pattern: text)
      case "\\":
        return escape()
      case "(", ")", "|", ".", "*", "+", "?", "{", "^", "$":
        return nil
      default:
        i += 1
        return CharSet([c])
      }
    }

    /// The escape at `i` (assertions are not read here: a path needs a character).
    mutating func escape() -> CharSet? {
      guard let (e, next) = RegexSource.escape(s, at: i) else {
        i = min(s.count, i + 2)
        return nil
      }
      i = next
      switch e {
      case .assertion: return nil
      case .scalar(let v): return CharSet([v...v])
      case .ranges(let r): return CharSet(r)
      }
    }

    func set(pattern: String) -> CharSet? {
      guard let ranges = ICUSet.ranges(regexClass: pattern) else { return nil }
      return CharSet(ranges)
    }

    func classEnd(from start: Int) -> Int? { RegexSource.classEnd(s, from: start) }

    /// Skips a group whose `(` (and marker) are already consumed, through its matching `)`.
    mutating func skipGroup() -> Bool {
      guard let end = RegexSource.groupEnd(s, from: i) else { return false }
      i = end
      return true
    }
  }
}
