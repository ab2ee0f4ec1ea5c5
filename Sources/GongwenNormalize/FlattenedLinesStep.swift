import GongwenCore

/// A notice whose line breaks a scrape turned into spaces (a law mirror's page printed on one line: `…的通知
/// 晋政发〔2006〕10号 各市、县人民政府,…: 《…》…落实。 二○○六年五月十一日 … 一、于幼军省长负责的工作 …`;
/// Corpus/heldout55 5602) gets them back: in a line of at least `minLineLength` characters holding at least
/// `minBreaks` such spaces, each run of spaces between two characters that are neither ASCII letters nor digits
/// becomes a line break (its first space; the others are deleted as layout), unless it stands inside brackets or
/// after `、，；` (the list or sentence goes on), when the pieces between them are
/// on average at least `minMeanSegment` characters long (a PDF's spaced-out words, `服 务 费`, are not). Counted
/// as `flattened_line_breaks`. Spaces next to Latin letters or digits (`2012 年`, `Word 2007`) stay, except before
/// an item's number (`…牵头的工作 1.进一步…`).
struct FlattenedLinesStep: NormalizeStep {
  static let id = "flattened_lines"
  let minLineLength: Int
  let minBreaks: Int
  let minMeanSegment: Int

  /// Brackets: a space inside a pair is no line break (`(责任部门:省卫生厅、 招标采购局)`).
  static let opens = ScalarSet("(（[【〔《“")
  static let closes = ScalarSet(")）]】〕》”")
  /// Characters after which the sentence or list goes on: a space after them is no line break.
  static let continues = ScalarSet("、，,；;")

  @inline(__always) static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
  }

  /// Does a number of at most three digits start at `q`, followed by `.`, `．` or `、` (an item's marker, `1.进一步…`)?
  static func startsItem(_ s: [Unicode.Scalar], _ q: Int, _ end: Int) -> Bool {
    var k = q
    while k < end, k - q < 3, s[k].value >= 0x30 && s[k].value <= 0x39 { k += 1 }
    return k > q && k < end && (s[k] == "." || s[k] == "．" || s[k] == "、")
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let s = text.scalars
    var breaks: [Int] = []
    var dels = Deletions()
    for line in lineRanges(s) where line.count >= minLineLength {
      var runs: [Range<Int>] = []
      var depth = 0
      var p = line.lowerBound
      while p < line.upperBound - 1 {
        let c = s[p]
        guard c == CharClass.space, p > line.lowerBound else {
          if Self.opens.contains(c) { depth += 1 } else if Self.closes.contains(c) { depth = max(0, depth - 1) }
          p += 1
          continue
        }
        var q = p
        while q < line.upperBound, s[q] == CharClass.space { q += 1 }
        let before = s[p - 1]
        if q < line.upperBound, depth == 0, !Self.continues.contains(before), !Self.isASCIIAlnum(before),
          !Self.isASCIIAlnum(s[q]) || Self.startsItem(s, q, line.upperBound)
        {
          runs.append(p..<q)
        }
        p = q
      }
      guard runs.count >= minBreaks, line.count / (runs.count + 1) >= minMeanSegment else { continue }
      for r in runs {
        breaks.append(r.lowerBound)
        if r.count > 1 {
          dels.delete((r.lowerBound + 1)..<r.upperBound, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
        }
      }
    }
    guard !breaks.isEmpty else { return }
    ctx.count("flattened_line_breaks", breaks.count)
    for b in breaks { text.scalars[b] = CharClass.newline }
    dels.apply(to: &text, &ctx)
  }
}
