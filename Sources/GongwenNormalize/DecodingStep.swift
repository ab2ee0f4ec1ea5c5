import GongwenCore

/// Leftovers of decoding: BOM, zero-width characters, soft hyphens and bidi marks (`invisible`),
/// control characters other than LF and tab (`control`) are removed and recorded; NBSP and other
/// odd spaces (`to_space`) become U+0020; a PDF font's stand-ins (`glyphs`) become their characters and the full-width
/// forms listed in `fold_to_ascii` (the digits) their ASCII ones.
struct DecodingStep: NormalizeStep {
  static let id = "decoding"
  let invisible: ScalarSet
  let control: ScalarSet
  let toSpace: ScalarSet
  let glyphs: [UInt32: Unicode.Scalar]
  /// Full-width forms of ASCII replaced by it (U+FF01–U+FF5E less 0xFEE0).
  let fold: ScalarSet
  /// The three sets and the glyphs in one (LF and tab aside, which are always kept), for the one scan that
  /// finds whether the step has anything to do.
  let any: ScalarBits

  init(invisible: ScalarSet, control: ScalarSet, toSpace: ScalarSet, glyphs: [UInt32: Unicode.Scalar] = [:],
       fold: ScalarSet = ScalarSet()) {
    self.invisible = invisible
    self.control = control
    self.toSpace = toSpace
    self.glyphs = glyphs
    self.fold = fold
    any = ScalarBits((invisible.members + control.members + toSpace.members + Array(glyphs.keys) + fold.members)
      .filter { $0 != 0x0A && $0 != 0x09 })
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    // printable ASCII, LF and tab are always kept; anything else only matters if it is listed
    let any = self.any
    guard let first = text.scalars.withUnsafeBufferPointer({ buf in
      buf.firstIndex { c in
        let v = c.value
        return !(v >= 0x20 && v < 0x7F) && any.contains(v)
      }
    }) else { return }
    var dels = Deletions()
    var nInvisible = 0, nControl = 0, nSpace = 0, nGlyph = 0, nFold = 0
    for i in first..<text.count {
      let c = text.scalars[i]
      let v = c.value
      if v >= 0x20 && v < 0x7F || !any.contains(v) { continue }
      if invisible.contains(c) {
        nInvisible += 1
        dels.delete(i..<(i + 1), of: text, reason: "invisible_character", rule: "decoding.invisible", layout: false,
                    &ctx)
      } else if control.contains(c) {
        nControl += 1
        dels.delete(i..<(i + 1), of: text, reason: "control_character", rule: "decoding.control", layout: false, &ctx)
      } else if toSpace.contains(c) {
        nSpace += 1
        text.scalars[i] = CharClass.space
      } else if let g = glyphs[v] {
        nGlyph += 1
        text.scalars[i] = g
      } else if fold.contains(c), let a = Unicode.Scalar(v - 0xFEE0) {
        nFold += 1
        text.scalars[i] = a
      }
    }
    ctx.count("invisible_removed", nInvisible)
    ctx.count("control_removed", nControl)
    ctx.count("odd_spaces_replaced", nSpace)
    ctx.count("glyphs_replaced", nGlyph)
    ctx.count("folded_to_ascii", nFold)
    dels.apply(to: &text, &ctx)
  }
}
