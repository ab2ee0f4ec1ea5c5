import GongwenCore
import ICUKit

/// Removes website navigation, Word artefacts, page furniture and similar junk matched by the
/// `junk` patterns in the rules. Each match becomes a `junk` removal naming its rule id. A rule
/// with `needles` is only tried when one of them occurs in the text.
struct JunkStep: NormalizeStep {
  static let id = "junk"
  let rules: [NormalizeRules.JunkRule]
  /// Every distinct needle of every rule, and per rule the indices of its own (empty: always tried).
  let needles: [[Unicode.Scalar]]
  let ruleNeedles: [[Int]]
  /// First characters of the needles, and the needles starting with each.
  let needleStarts: ScalarSet
  let needlesByStart: [UInt32: [Int]]

  init(rules: [NormalizeRules.JunkRule]) {
    self.rules = rules
    var all: [[Unicode.Scalar]] = []
    var index: [[Unicode.Scalar]: Int] = [:]
    var perRule: [[Int]] = []
    for r in rules {
      var mine: [Int] = []
      for n in r.needles where !n.isEmpty {
        if let k = index[n] { mine.append(k); continue }
        index[n] = all.count
        mine.append(all.count)
        all.append(n)
      }
      perRule.append(r.needles.isEmpty ? [] : mine)
    }
    needles = all
    ruleNeedles = perRule
    needleStarts = ScalarSet(all.compactMap(\.first))
    needlesByStart = Dictionary(grouping: all.indices, by: { all[$0][0].value })
  }

  /// Which needles occur in the text: one pass, instead of one search per needle.
  func foundNeedles(_ s: [Unicode.Scalar]) -> [Bool] {
    var found = [Bool](repeating: false, count: needles.count)
    var missing = needles.count
    s.withUnsafeBufferPointer { buf in
      var i = 0
      while i < buf.count && missing > 0 {
        let c = buf[i]
        if needleStarts.contains(c), let candidates = needlesByStart[c.value] {
          for k in candidates where !found[k] {
            let n = needles[k]
            guard i + n.count <= buf.count else { continue }
            var j = 1
            while j < n.count && buf[i + j] == n[j] { j += 1 }
            if j == n.count {
              found[k] = true
              missing -= 1
            }
          }
        }
        i += 1
      }
    }
    return found
  }

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    var hits: [(range: Range<Int>, rule: String)] = []
    var prepared: ICURegex.PreparedText? = nil  // converted to UTF-16 once, for all rules
    let found = foundNeedles(text.scalars)
    for (r, junk) in rules.enumerated() {
      if !junk.needles.isEmpty, !ruleNeedles[r].contains(where: { found[$0] }) { continue }
      let rule = junk.regex
      let m = try rule.matcher()
      do {
        let p = prepared ?? ICURegex.PreparedText(text.scalars)
        prepared = p
        for match in try m.matches(in: p) where !match.range.isEmpty {
          hits.append((match.range, rule.id))
        }
      } catch {
        throw rule.failure(error, stage: "normalize")
      }
    }
    if hits.isEmpty { return text }
    // earliest first; a hit overlapping an earlier one is merged into it (first rule's id kept)
    hits.sort { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
    var merged: [(range: Range<Int>, rule: String)] = []
    for h in hits {
      if let last = merged.last, h.range.lowerBound < last.range.upperBound {
        merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, h.range.upperBound)
      } else {
        merged.append(h)
      }
    }
    for h in merged {
      ctx.recordRemoval(h.range, of: text, reason: "junk", rule: h.rule, layout: false)
    }
    ctx.count("junk_removed", merged.count)
    return text.removing(merged.map(\.range))
  }
}
