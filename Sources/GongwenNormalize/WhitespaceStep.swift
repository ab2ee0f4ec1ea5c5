import GongwenCore

/// Whitespace: ideographic spaces and tabs become spaces; indentation and trailing spaces are
/// removed; runs of spaces collapse to one; blank lines disappear, so paragraphs are separated
/// by exactly one `\n`, with no line break at the start or end of the text.
struct WhitespaceStep: NormalizeStep {
  static let id = "whitespace"
  let toSpace: ScalarSet

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    let s = text.scalars
    // plan: 0 delete, 1 keep, 2 replace by a space
    var plan = [UInt8](repeating: 0, count: s.count)
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
      if wrote, let n = previousNewline { plan[n] = 1 }
      if a > line.lowerBound { indented += 1 }
      var i = a
      while i < z {
        if isSpace(s[i]) {
          plan[i] = s[i] == CharClass.space ? 1 : 2
          i += 1
          while i < z, isSpace(s[i]) { i += 1 }
        } else {
          plan[i] = 1
          i += 1
        }
      }
      wrote = true
      previousNewline = line.upperBound < s.count ? line.upperBound : nil
    }
    var b = TextBuilder(capacity: s.count)
    var removed = 0, replaced = 0
    for i in 0..<s.count {
      switch plan[i] {
      case 1: b.keep(text, i)
      case 2: replaced += 1; b.replace(text, i, with: CharClass.space)
      default:
        removed += 1
        b.delete(i, of: text, reason: "whitespace", rule: Self.id, layout: true, ctx: &ctx)
      }
    }
    ctx.count("whitespace_removed", removed)
    ctx.count("blank_lines_removed", blankLines)
    ctx.count("indented_lines", indented)
    ctx.count("wide_spaces_replaced", replaced)
    return b.finish(text, &ctx)
  }
}
