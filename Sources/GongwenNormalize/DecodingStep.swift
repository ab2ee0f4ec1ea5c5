import GongwenCore

/// Leftovers of decoding: BOM, zero-width characters, soft hyphens and bidi marks (`invisible`),
/// control characters other than LF and tab (`control`) are removed and recorded; NBSP and other
/// odd spaces (`to_space`) become U+0020.
struct DecodingStep: NormalizeStep {
  static let id = "decoding"
  let invisible: ScalarSet
  let control: ScalarSet
  let toSpace: ScalarSet
  /// The three sets in one, for the check whether the step has anything to do.
  let any: ScalarSet

  init(invisible: ScalarSet, control: ScalarSet, toSpace: ScalarSet) {
    self.invisible = invisible
    self.control = control
    self.toSpace = toSpace
    var all = ScalarSet()
    for v in invisible.members + control.members + toSpace.members { all.insert(v) }
    any = all
  }

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    let s = text.scalars
    func untouched(_ c: Unicode.Scalar) -> Bool {
      (c.value >= 0x20 && c.value < 0x7F) || c == CharClass.newline || c.value == 9 || !any.contains(c)
    }
    guard !s.allSatisfy(untouched) else { return text }
    var b = TextBuilder(capacity: s.count)
    var nInvisible = 0, nControl = 0, nSpace = 0
    for i in 0..<s.count {
      let c = s[i]
      if c.value < 0x80, c.value >= 0x20, c.value != 0x7F { b.keep(text, i); continue }  // fast path
      if c == CharClass.newline || c.value == 9 {
        b.keep(text, i)
      } else if invisible.contains(c) {
        nInvisible += 1
        b.delete(i, of: text, reason: "invisible_character", rule: "decoding.invisible", layout: false, ctx: &ctx)
      } else if control.contains(c) {
        nControl += 1
        b.delete(i, of: text, reason: "control_character", rule: "decoding.control", layout: false, ctx: &ctx)
      } else if toSpace.contains(c) {
        nSpace += 1
        b.replace(text, i, with: CharClass.space)
      } else {
        b.keep(text, i)
      }
    }
    ctx.count("invisible_removed", nInvisible)
    ctx.count("control_removed", nControl)
    ctx.count("odd_spaces_replaced", nSpace)
    return b.finish(text, &ctx)
  }
}
