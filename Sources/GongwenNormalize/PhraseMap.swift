import GongwenCore

/// A rule-based transliterator's rules as a table, when they are plain replacements: each rule
/// `源 > 目标;` replaces one string by another of the same length, with no context, variables,
/// sets, cursor or filter (ICU's `Traditional-Simplified` is 976 phrase rules such as `乾隆 > 乾隆`
/// and 2,976 single characters such as `點 > 点`). `apply` gives what ICU gives, without ICU: at
/// each position the rules whose source starts with the position's character are tried, longest
/// first (ICU refuses a rule set in which an earlier rule masks a later, longer one, so its first
/// match is the longest), and the text goes on after the replaced source. Replacements keep the
/// length, so every output scalar comes from the scalar at the same index.
///
/// `init(rules:)` returns nil for anything else (quoted or escaped characters, contexts, sets,
/// `::` transforms, a replacement of another length); the caller then keeps using ICU.
struct PhraseMap: Sendable {
  struct Rule: Sendable {
    let source: [Unicode.Scalar]
    let target: [Unicode.Scalar]
  }

  /// Rules grouped by first scalar, longest source first (equal lengths in rule order).
  let groups: [[Rule]]
  /// Per BMP scalar: index into `groups` + 1, or 0 when no rule starts with it.
  let bmp: [UInt16]
  /// Groups of scalars beyond the BMP.
  let astral: [UInt32: Int]

  /// Characters with a meaning in ICU's rule syntax: a rule holding one is not a plain replacement.
  static let syntax = Set("'\\{}|$[]&:<>^@#=?+*().;!~%/\"".unicodeScalars)

  /// `properties.isWhitespace`, answered without the property lookup for the CJK blocks.
  static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
    if s.value >= 0x3400 && s.value <= 0x9FFF { return false }
    return s.properties.isWhitespace
  }

  /// `syntax.contains(s) || properties.isWhitespace` (every syntax character is ASCII).
  static func isSyntaxOrWhitespace(_ s: Unicode.Scalar) -> Bool {
    if s.value >= 0x80 { return isWhitespace(s) }
    return syntax.contains(s) || s.properties.isWhitespace
  }

  init?(rules text: String) {
    var byFirst: [UInt32: [Rule]] = [:]
    var order: [UInt32] = []
    var total = 0
    for raw in text.split(separator: ";") {
      // the rule without leading and trailing whitespace, as scalars (trimmed in the array: a
      // trimmed String made first cost a third of the load)
      let untrimmed = Array(raw.unicodeScalars)
      var lo = 0, hi = untrimmed.count
      while lo < hi, Self.isWhitespace(untrimmed[lo]) { lo += 1 }
      while lo < hi, Self.isWhitespace(untrimmed[hi - 1]) { hi -= 1 }
      if lo == hi { continue }
      // `源 > 目标`: the one ` > ` splits them
      let sc = Array(untrimmed[lo..<hi])
      let arrows = sc.indices.filter { $0 > 0 && $0 + 1 < sc.count && sc[$0] == ">" && sc[$0 - 1] == " " && sc[$0 + 1] == " " }
      guard arrows.count == 1, let a = arrows.first else { return nil }
      let source = Array(sc[..<(a - 1)]), target = Array(sc[(a + 2)...])
      guard !source.isEmpty, source.count == target.count,
        !source.contains(where: Self.isSyntaxOrWhitespace), !target.contains(where: Self.isSyntaxOrWhitespace)
      else { return nil }
      let f = source[0].value
      if byFirst[f] == nil { order.append(f) }
      // a later rule with the same source never applies (the first one wins)
      if byFirst[f, default: []].contains(where: { $0.source == source }) { continue }
      byFirst[f, default: []].append(Rule(source: source, target: target))
      total += 1
    }
    guard total > 0, order.count < Int(UInt16.max) else { return nil }
    var groups: [[Rule]] = []
    var bmp = [UInt16](repeating: 0, count: 0x10000)
    var astral: [UInt32: Int] = [:]
    for f in order {
      // stable: equal lengths keep the rules' order
      let g = byFirst[f]!.enumerated().sorted { ($0.element.source.count, -$0.offset) > ($1.element.source.count, -$1.offset) }
        .map(\.element)
      groups.append(g)
      if f < 0x10000 { bmp[Int(f)] = UInt16(groups.count) } else { astral[f] = groups.count - 1 }
    }
    self.groups = groups
    self.bmp = bmp
    self.astral = astral
  }

  /// Applies the rules to `s` in place.
  func apply(_ s: inout [Unicode.Scalar]) {
    let n = s.count
    var i = 0
    while i < n {
      let v = s[i].value
      let g: Int
      if v < 0x10000 {
        let k = Int(bmp[Int(v)])
        if k == 0 { i += 1; continue }
        g = k - 1
      } else {
        guard let k = astral[v] else { i += 1; continue }
        g = k
      }
      var step = 1
      for rule in groups[g] {
        let len = rule.source.count
        guard i + len <= n else { continue }
        var j = 1
        while j < len, s[i + j] == rule.source[j] { j += 1 }
        guard j == len else { continue }
        for k in 0..<len { s[i + k] = rule.target[k] }
        step = len
        break
      }
      i += step
    }
  }
}
