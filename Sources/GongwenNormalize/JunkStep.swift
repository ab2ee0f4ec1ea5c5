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
  /// First characters of the needles, and the needles starting with each: `startSlot[c]` (BMP) or
  /// `astralSlot[c]` is 1 + the index in `needlesByStart` (0: no needle starts with `c`). A table
  /// instead of a dictionary: common Han characters (相, 关, 分 …) start needles, and hashing each
  /// occurrence cost more than the rest of the scan.
  let startSlot: [UInt16]
  let astralSlot: [UInt32: Int]
  let needlesByStart: [[Int]]
  /// Each rule's pattern with the positions where a match can begin (`StartFilteredRegex`): ICU is
  /// asked only there, unless the pattern is beyond the analysis.
  let filtered: [StartFilteredRegex]
  /// Every character a match of any rule within the analysis can start with.
  let anyStart: ScalarBits

  init(rules: [NormalizeRules.JunkRule]) {
    self.rules = rules
    filtered = rules.map { StartFilteredRegex($0.regex) }
    var any = ScalarBits([])
    for f in filtered { if let starts = f.starts { any.formUnion(starts) } }
    anyStart = any
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
    var slot = [UInt16](repeating: 0, count: 0x10000)
    var astral: [UInt32: Int] = [:]
    var lists: [[Int]] = []
    for (k, n) in all.enumerated() {
      let v = n[0].value
      var at = v < 0x10000 ? Int(slot[Int(v)]) - 1 : (astral[v] ?? 0) - 1
      if at < 0 {
        at = lists.count
        lists.append([])
        if v < 0x10000 { slot[Int(v)] = UInt16(lists.count) } else { astral[v] = lists.count }
      }
      lists[at].append(k)
    }
    startSlot = slot
    astralSlot = astral
    needlesByStart = lists
  }

  /// Which needles occur in the text: one pass, instead of one search per needle.
  func foundNeedles(_ s: [Unicode.Scalar]) -> [Bool] {
    var found = [Bool](repeating: false, count: needles.count)
    var missing = needles.count
    s.withUnsafeBufferPointer { buf in
      startSlot.withUnsafeBufferPointer { slots in
        var i = 0
        while i < buf.count && missing > 0 {
          let v = buf[i].value
          let slot = v < 0x10000 ? Int(slots[Int(v)]) : (astralSlot.isEmpty ? 0 : astralSlot[v] ?? 0)
          if slot != 0 {
            for k in needlesByStart[slot - 1] where !found[k] {
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
    }
    return found
  }

  /// `filtered[r].candidates(s)` for each rule `r` of `active` (nil for the others), from one pass
  /// over the text instead of one per rule: a position is tested rule by rule only when its scalar
  /// can start some rule's match, and each rule keeps the positions where it `canStart`, which are
  /// exactly the positions its own pass finds, in the same order.
  func candidates(_ s: [Unicode.Scalar], for active: [Int]) -> [[Int]?] {
    var out = [[Int]?](repeating: nil, count: filtered.count)
    let scanned = active.filter { filtered[$0].starts != nil }
    if scanned.count < 2 {
      for r in active { out[r] = filtered[r].candidates(s) }
      return out
    }
    let regexes = scanned.map { filtered[$0] }
    let starts = regexes.map { $0.starts! }
    var lists = [[Int]](repeating: [], count: scanned.count)
    s.withUnsafeBufferPointer { buf in
      let n = buf.count
      anyStart.forEachIndex(in: buf) { p in
        let c = buf[p]
        for k in 0..<regexes.count where starts[k].contains(c) && regexes[k].continues(buf, p, n) {
          lists[k].append(p)
        }
      }
    }
    for (k, r) in scanned.enumerated() { out[r] = lists[k] }
    return out
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    var hits: [(range: Range<Int>, rule: String)] = []
    var prepared: ICURegex.PreparedText? = nil  // converted to UTF-16 once, for all rules
    let found = foundNeedles(text.scalars)
    let active = rules.indices.filter { r in rules[r].needles.isEmpty || ruleNeedles[r].contains(where: { found[$0] }) }
    let candidates = candidates(text.scalars, for: active)
    for r in active {
      let rule = rules[r].regex
      let m = try rule.matcher()
      do {
        for match in try filtered[r].matches(m, in: text.scalars, at: candidates[r], prepared: &prepared)
        where !match.range.isEmpty {
          hits.append((match.range, rule.id))
        }
      } catch {
        throw rule.failure(error, stage: "normalize")
      }
    }
    if hits.isEmpty { return }
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
    text.remove(sortedRanges: merged.map(\.range))
  }
}
