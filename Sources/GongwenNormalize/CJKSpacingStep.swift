import GongwenCore

/// Spaces inside Chinese text: removed between two Chinese characters (服 务→服务), between
/// Chinese and numbers (2012 年→2012年, 在 98%→在98%, 32 名→32名) and after a clause marker
/// at the start of a line (1. 巩固→1.巩固). Spaces between Latin words stay; spaces between
/// Chinese and Latin letters stay unless `remove_between_cjk_and_latin`.
struct CJKSpacingStep: NormalizeStep {
  static let id = "cjk_spacing"
  let numericTail: ScalarSet
  let latin: Bool
  let marker: StartFilteredRegex

  init(numericTail: ScalarSet, latin: Bool, marker: RuleRegex) {
    self.numericTail = numericTail
    self.latin = latin
    self.marker = StartFilteredRegex(marker)
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let s = text.scalars
    let n = s.count
    guard s.contains(CharClass.space) else { return }
    let m = try marker.rule.matcher()
    var dels = Deletions()
    var lineStart = 0
    while lineStart < n {
      // the line's end, and whether a space sits inside it (not first or last): most lines have
      // none after the whitespace step, and then nothing on them can change
      var lineEnd = lineStart
      var inner = false
      s.withUnsafeBufferPointer { buf in
        while lineEnd < n, buf[lineEnd] != CharClass.newline {
          if buf[lineEnd] == CharClass.space, lineEnd > lineStart { inner = true }
          lineEnd += 1
        }
        if inner, buf[lineEnd - 1] == CharClass.space {
          inner = (lineStart + 1..<lineEnd - 1).contains { buf[$0] == CharClass.space }
        }
      }
      let line = lineStart..<lineEnd
      lineStart = lineEnd + 1
      guard line.count > 2, inner else { continue }
      // a marker is only looked for when a space follows closely on the line start
      var markerEnd = -1
      if let sp = s[line].prefix(markerWindow).firstIndex(of: CharClass.space) {
        do {
          if let end = try GongwenNormalize.markerEnd(marker, m, s, line), end == sp { markerEnd = end }
        } catch { throw marker.rule.failure(error, stage: "normalize") }
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
          dels.delete(i..<j, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
        }
        i = j
      }
    }
    guard dels.deleted > 0 else { return }
    ctx.count("cjk_spaces_removed", dels.deleted)
    dels.apply(to: &text, &ctx)
  }
}
