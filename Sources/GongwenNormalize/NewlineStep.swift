import GongwenCore

/// CRLF → LF (the CR is dropped), lone CR, U+0085, U+2028 and U+2029 → LF.
struct NewlineStep: NormalizeStep {
  static let id = "newlines"

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    let s = text.scalars
    guard s.contains(where: { switch $0.value { case 0x0D, 0x85, 0x2028, 0x2029: true; default: false } }) else {
      return text
    }
    var b = TextBuilder(capacity: s.count)
    var fixed = 0
    for i in 0..<s.count {
      switch s[i].value {
      case 0x0D:
        fixed += 1
        if i + 1 < s.count, s[i + 1].value == 0x0A {
          b.delete(i, of: text, reason: "line_break", rule: Self.id, layout: true, ctx: &ctx)
        } else {
          b.replace(text, i, with: CharClass.newline)
        }
      case 0x85, 0x2028, 0x2029:
        fixed += 1
        b.replace(text, i, with: CharClass.newline)
      default:
        b.keep(text, i)
      }
    }
    ctx.count("line_breaks_fixed", fixed)
    return b.finish(text, &ctx)
  }
}
