import GongwenCore

/// Whitespace: ideographic spaces and tabs become spaces; indentation and trailing spaces are
/// removed; runs of spaces collapse to one; blank lines disappear, so paragraphs are separated
/// by exactly one `\n`, with no line break at the start or end of the text.
struct WhitespaceStep: NormalizeStep {
  static let id = "whitespace"
  let toSpace: ScalarSet

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    let s = text.scalars
    var plan = [Fate](repeating: .delete, count: s.count)
    var blankLines = 0, indented = 0
    var previousNewline: Int? = nil  // line break after the last written line
    var wrote = false
    @inline(__always) func isSpace(_ c: Unicode.Scalar) -> Bool { c == CharClass.space || toSpace.contains(c) }
    let lines = lineRanges(s)
    for (k, line) in lines.enumerated() {
      var a = line.lowerBound, z = line.upperBound
      while a < z, isSpace(s[a]) { a += 1 }
      while z > a, isSpace(s[z - 1]) { z -= 1 }
      if a == z {
        if k < lines.count - 1 || !line.isEmpty { blankLines += 1 }
        continue
      }
      if wrote, let n = previousNewline { plan[n] = .keep }
      if a > line.lowerBound { indented += 1 }
      var i = a
      while i < z {
        if isSpace(s[i]) {
          plan[i] = s[i] == CharClass.space ? .keep : .space
          i += 1
          while i < z, isSpace(s[i]) { i += 1 }
        } else {
          plan[i] = .keep
          i += 1
        }
      }
      wrote = true
      previousNewline = line.upperBound < s.count ? line.upperBound : nil
    }
    ctx.count("whitespace_removed", plan.count { $0 == .delete })
    ctx.count("blank_lines_removed", blankLines)
    ctx.count("indented_lines", indented)
    ctx.count("wide_spaces_replaced", plan.count { $0 == .space })
    return applyPlan(text, plan, reason: "whitespace", rule: Self.id, &ctx)
  }
}
