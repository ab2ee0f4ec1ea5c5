import GongwenCore

/// Tables whose rows are copied one per line with bars between the cells (a web page's table saved
/// as text: `序号 | 具体工作任务和要求 | 责任领导 | 责任单位 |`, then `1 | 推动… | 毛晓青 | 县教体局 … |`;
/// Corpus/heldout13 1403) are rewritten to the layout Segment reads: one cell per line.
///
/// A table starts at a line that begins with a `line_join.table_header` word (`序号`) followed by a
/// separator (`tables.cell_separators`), and runs over the following lines that hold a separator;
/// the first line without one ends it. In those lines the first separator between two cells becomes
/// a line break (one scalar for one, so the offset map stays exact), and the spaces around it, the
/// separators of empty cells and those at the line's start or end are deleted as layout
/// (`table_cells` in stats). A bar elsewhere in the text is left alone.
struct TableCellsStep: NormalizeStep {
  static let id = "table_cells"
  let header: [[Unicode.Scalar]]
  let separators: ScalarSet

  func isSeparator(_ c: Unicode.Scalar) -> Bool { separators.contains(c) }

  /// Does the line start with a header word, then (spaces aside) a separator?
  func opensTable(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
    var p = line.lowerBound
    while p < line.upperBound, s[p] == CharClass.space || isSeparator(s[p]) { p += 1 }
    for w in header where line.upperBound - p > w.count && s[p..<(p + w.count)].elementsEqual(w) {
      var q = p + w.count
      while q < line.upperBound, s[q] == CharClass.space { q += 1 }
      if q < line.upperBound, isSeparator(s[q]) { return true }
    }
    return false
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    guard !header.isEmpty, text.scalars.withUnsafeBufferPointer({ separators.containsAny(of: $0) }) else { return }
    let s = text.scalars
    var breaks: [Int] = []
    var dels = Deletions()
    var inTable = false
    for line in lineRanges(s) {
      let hasSeparator = s.withUnsafeBufferPointer { separators.containsAny(of: UnsafeBufferPointer(rebasing: $0[line])) }
      if !inTable {
        inTable = hasSeparator && opensTable(s, line)
      } else if !hasSeparator {
        inTable = false
      }
      guard inTable else { continue }
      // runs of spaces and separators; a run holding a separator between two cells gives one line
      // break, any other run with a separator (line start or end) is deleted whole
      var p = line.lowerBound
      while p < line.upperBound {
        guard s[p] == CharClass.space || isSeparator(s[p]) else { p += 1; continue }
        var q = p
        var firstSeparator: Int? = nil
        while q < line.upperBound, s[q] == CharClass.space || isSeparator(s[q]) {
          if firstSeparator == nil, isSeparator(s[q]) { firstSeparator = q }
          q += 1
        }
        if let f = firstSeparator {
          if p > line.lowerBound, q < line.upperBound {
            dels.delete(p..<f, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
            breaks.append(f)
            dels.delete((f + 1)..<q, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
          } else if p == line.lowerBound, q == line.upperBound {
            // a line of separators only: gone with its line break
            let whole = q < s.count ? p..<(q + 1) : max(0, p - 1)..<q
            dels.delete(whole, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
          } else {
            dels.delete(p..<q, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
          }
        }
        p = q
      }
    }
    guard !breaks.isEmpty || dels.deleted > 0 else { return }
    ctx.count("table_cells", breaks.count)
    for b in breaks { text.scalars[b] = CharClass.newline }
    dels.apply(to: &text, &ctx)
  }
}
