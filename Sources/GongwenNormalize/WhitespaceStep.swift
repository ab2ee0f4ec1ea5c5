import GongwenCore

/// Whitespace: ideographic spaces and tabs become spaces; indentation and trailing spaces are
/// removed; runs of spaces collapse to one; blank lines disappear, so paragraphs are separated
/// by exactly one `\n`, with no line break at the start or end of the text.
///
/// One pass over the lines: everything between the content of one written (non-blank) line and
/// the content of the next is deleted except the first line break, and so is everything before
/// the first and after the last written line; inside a line, every space of a run but the first
/// goes. The deletions come out in ascending order and are applied in place (`Deletions`). At a line's
/// start, spaces between a number of at most three digits and its dot or 、 go too (`1 . 严格…` from a
/// PDF), so that line joining and Segment read the marker.
struct WhitespaceStep: NormalizeStep {
  static let id = "whitespace"
  let toSpace: ScalarSet
  let toSpaceBits: ScalarBits
  /// The largest space character: anything above it (all of Han) is rejected with one compare.
  let maxSpace: UInt32

  init(toSpace: ScalarSet) {
    self.toSpace = toSpace
    toSpaceBits = ScalarBits(toSpace)
    maxSpace = max(0x20, toSpace.members.max() ?? 0)
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let n = text.count
    let bits = toSpaceBits, maxSpace = self.maxSpace
    @inline(__always) func isSpace(_ c: Unicode.Scalar) -> Bool {
      c.value <= maxSpace && (c == CharClass.space || bits.contains(c))
    }
    var dels = Deletions()
    var replace: [Int] = []  // wide spaces (U+3000, tab …) that become U+0020
    var blankLines = 0, indented = 0, markerSpaces = 0
    var wrote = false
    var contentEnd = 0  // end of the last written line's content
    var lineBreak = -1  // the line break after it (-1: it ends the text)
    @inline(__always) func delete(_ r: Range<Int>, _ ctx: inout NormalizeContext) {
      dels.delete(r, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
    }
    text.scalars.withUnsafeBufferPointer { s in
      var lineStart = 0
      while true {
        var e = lineStart
        while e < n, s[e] != CharClass.newline { e += 1 }
        var a = lineStart, z = e
        while a < z, isSpace(s[a]) { a += 1 }
        while z > a, isSpace(s[z - 1]) { z -= 1 }
        if a == z {
          if e < n || e > lineStart { blankLines += 1 }  // the empty line after a final `\n` is no blank line
        } else {
          if wrote {
            delete(contentEnd..<lineBreak, &ctx)  // trailing spaces; the line break stays
            delete((lineBreak + 1)..<a, &ctx)  // blank lines and indentation
          } else {
            delete(0..<a, &ctx)
          }
          if a > lineStart { indented += 1 }
          var i = a
          // a clause marker a PDF spaced out at the line's start (`1 . 严格管控…`, Corpus/heldout33 3403):
          // the spaces between its number and its dot go, so that the line reads as a marker line
          var d = a
          while d < z, d - a < 3, s[d].value >= 0x30, s[d].value <= 0x39 { d += 1 }
          if d > a, d < z, isSpace(s[d]) {
            var j = d
            while j < z, isSpace(s[j]) { j += 1 }
            if j < z, s[j] == "." || s[j] == "．" || s[j] == "、" {
              delete(d..<j, &ctx)
              markerSpaces += 1
              i = j
            }
          }
          while i < z {
            if isSpace(s[i]) {
              if s[i] != CharClass.space { replace.append(i) }
              var j = i + 1
              while j < z, isSpace(s[j]) { j += 1 }
              delete((i + 1)..<j, &ctx)
              i = j
            } else {
              i += 1
            }
          }
          wrote = true
          contentEnd = z
          lineBreak = e < n ? e : -1
        }
        if e >= n { break }
        lineStart = e + 1
      }
    }
    delete((wrote ? contentEnd : 0)..<n, &ctx)
    ctx.count("whitespace_removed", dels.deleted)
    ctx.count("blank_lines_removed", blankLines)
    ctx.count("indented_lines", indented)
    if markerSpaces > 0 { ctx.count("marker_spaces_removed", markerSpaces) }
    ctx.count("wide_spaces_replaced", replace.count)
    if !replace.isEmpty {
      text.scalars.withUnsafeMutableBufferPointer { s in for i in replace { s[i] = CharClass.space } }
    }
    dels.apply(to: &text, &ctx)
  }
}
