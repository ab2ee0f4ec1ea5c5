import GongwenCore

/// Spaces inside Chinese text: removed between two Chinese characters (服 务→服务), between
/// Chinese and numbers (2012 年→2012年, 在 98%→在98%, 32 名→32名) and after a clause marker
/// at the start of a line (1. 巩固→1.巩固). Spaces between Latin words stay; spaces between
/// Chinese and Latin letters stay unless `remove_between_cjk_and_latin`.
struct CJKSpacingStep: NormalizeStep {
  static let id = "cjk_spacing"
  let numericTail: ScalarSet
  let latin: Bool
  let marker: RuleRegex

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    let s = text.scalars
    guard s.contains(CharClass.space) else { return text }
    let m = try marker.matcher()
    var drop = [Bool](repeating: false, count: s.count)
    var removed = 0
    for line in lineRanges(s) where line.count > 2 {
      // a marker is only looked for when a space follows closely on the line start
      var markerEnd = -1
      if let sp = s[line].prefix(markerWindow).firstIndex(of: CharClass.space) {
        do {
          if let end = try GongwenNormalize.markerEnd(m, s, line), end == sp { markerEnd = end }
        } catch { throw marker.failure(error, stage: "normalize") }
      }
      var i = line.lowerBound + 1
      while i < line.upperBound - 1 {
        guard s[i] == CharClass.space else { i += 1; continue }
        var j = i
        while j < line.upperBound, s[j] == CharClass.space { j += 1 }
        guard j < line.upperBound else { break }
        let p = s[i - 1], n = s[j]
        let pCJK = CharClass.isCJK(p), nCJK = CharClass.isCJK(n)
        let pNum = CharClass.isDigit(p) || numericTail.contains(p)
        var remove = (pCJK && (nCJK || CharClass.isDigit(n))) || (pNum && nCJK)
        if !remove, latin { remove = (pCJK && CharClass.isLatinLetter(n)) || (CharClass.isLatinLetter(p) && nCJK) }
        if !remove, i == markerEnd, nCJK || CharClass.isHan(n) { remove = true }
        if remove {
          for k in i..<j { drop[k] = true }
          removed += j - i
        }
        i = j
      }
    }
    guard removed > 0 else { return text }
    var b = TextBuilder(capacity: s.count)
    for i in 0..<s.count {
      if drop[i] { b.delete(i, of: text, reason: "whitespace", rule: Self.id, layout: true, ctx: &ctx) } else { b.keep(text, i) }
    }
    ctx.count("cjk_spaces_removed", removed)
    return b.finish(text, &ctx)
  }
}
