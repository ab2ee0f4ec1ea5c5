import GongwenCore

/// A table flattened to text one cell at a time, each cell followed by a line of bars (`任务名称` / `|` / `完成2022年度` /
/// `乡村振兴示范村建设` / `|` / `区农业农村委*、` / `区规划资源局、` / `|`; Corpus/heldout186 18601): the bar lines are the only
/// cell boundaries, and the junk rule `table_rule_line` removes them, so a cell wrapped over several lines would read as
/// several cells. Before that, the lines between two consecutive bar lines are joined into one (the line breaks and the
/// spaces around them deleted; between two ASCII letters or digits the line break becomes a space). Only in a text with
/// at least `minBars` bar lines, and only for cells of at most `maxLines` lines (two bars far apart hold no cell).
/// `separators`: the characters a bar line is made of (`tables.cell_separators`).
struct BarCellsStep: NormalizeStep {
  static let id = "bar_cells"
  let separators: ScalarSet
  let minBars: Int
  let maxLines: Int

  /// A space or tab of any width (the text is not yet through `whitespace`).
  @inline(__always) static func isBlank(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}"
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let s = text.scalars
    let n = s.count
    // (the cheap test first: no bar character at all)
    guard s.contains(where: { separators.contains($0) }) else { return }
    // every line as (start, end), and whether it is a bar line
    // (`barred`: a line holding a bar among its text, `| 市发改委` or `县考核办  |`: the cells of a row written with bars, one
    // per line, between bar lines that part the rows; Corpus/heldout31 3201, heldout73 7301. Such a block is not joined)
    var lines: [(start: Int, end: Int, bar: Bool, blank: Bool, barred: Bool)] = []
    var bars = 0
    var p = 0
    while p <= n {
      var e = p
      while e < n, s[e] != "\n" { e += 1 }
      var hasBar = false, other = false
      for i in p..<e where !Self.isBlank(s[i]) {
        if separators.contains(s[i]) { hasBar = true } else { other = true }
      }
      let bar = hasBar && !other
      if bar { bars += 1 }
      lines.append((p, e, bar, !hasBar && !other, hasBar && other))
      p = e + 1
    }
    guard bars >= minBars else { return }
    var dels = Deletions()
    var joined = 0
    var previousBar: Int? = nil
    for (k, line) in lines.enumerated() where line.bar {
      defer { previousBar = k }
      guard let a = previousBar, k - a - 1 >= 2, k - a - 1 <= maxLines else { continue }
      let cell = lines[(a + 1)..<k].filter { !$0.blank }
      guard cell.count >= 2, !cell.contains(where: { $0.barred }) else { continue }
      for (x, y) in zip(cell, cell.dropFirst()) {
        // from the end of x's text to the start of y's
        var from = x.end
        while from > x.start, Self.isBlank(s[from - 1]) { from -= 1 }
        var to = y.start
        while to < y.end, Self.isBlank(s[to]) { to += 1 }
        guard from > x.start, to < y.end else { continue }
        if CharClass.isASCIIAlnum(s[from - 1]), CharClass.isASCIIAlnum(s[to]) {
          // keep one space between two words: the first character after x's text becomes a space
          text.scalars[from] = " "
          from += 1
        }
        dels.delete(from..<to, of: text, reason: "cell_line_break", rule: Self.id, layout: true, &ctx)
        joined += 1
      }
    }
    ctx.count("bar_cell_lines_joined", joined)
    dels.apply(to: &text, &ctx)
  }
}
