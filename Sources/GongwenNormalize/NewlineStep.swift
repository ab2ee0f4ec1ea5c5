import GongwenCore

/// CRLF → LF (the CR is dropped), lone CR, U+0085, U+2028 and U+2029 → LF.
struct NewlineStep: NormalizeStep {
  static let id = "newlines"

  // (everything above U+2029, most of a Chinese text, is rejected by the first compare)
  @inline(__always) static func isBreak(_ v: UInt32) -> Bool { v <= 0x2029 && (v == 0x0D || v == 0x85 || v >= 0x2028) }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let n = text.count
    // one read-only scan; a text without odd line breaks (the usual case) is left as it is
    guard let first = text.scalars.withUnsafeBufferPointer({ buf in buf.firstIndex { Self.isBreak($0.value) } }) else {
      return
    }
    var dels = Deletions()
    var fixed = 0
    for i in first..<n {
      let v = text.scalars[i].value
      guard Self.isBreak(v) else { continue }
      fixed += 1
      if v == 0x0D, i + 1 < n, text.scalars[i + 1].value == 0x0A {
        dels.delete(i..<(i + 1), of: text, reason: "line_break", rule: Self.id, layout: true, &ctx)
      } else {
        text.scalars[i] = CharClass.newline
      }
    }
    ctx.count("line_breaks_fixed", fixed)
    dels.apply(to: &text, &ctx)
  }
}
