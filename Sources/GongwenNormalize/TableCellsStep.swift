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
///
/// With `spaceRows`, rows written with spaces between the cells are read the same way
/// (`spaceRowBreaks`).
struct TableCellsStep: NormalizeStep {
  static let id = "table_cells"
  let header: [[Unicode.Scalar]]
  let separators: ScalarSet
  var spaceRows = false

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
    guard !header.isEmpty else { return }
    let s = text.scalars
    var breaks: [Int] = []
    var dels = Deletions()
    if spaceRows { spaceRowBreaks(s, text, &breaks, &dels, &ctx) }
    if !separators.isEmpty, s.withUnsafeBufferPointer({ separators.containsAny(of: $0) }) {
      barBreaks(s, text, &breaks, &dels, &ctx)
    }
    guard !breaks.isEmpty || dels.deleted > 0 else { return }
    ctx.count("table_cells", breaks.count)
    for b in breaks { text.scalars[b] = CharClass.newline }
    dels.apply(to: &text, &ctx)
  }

  /// Rows with bars between the cells (see the type's comment).
  func barBreaks(_ s: [Unicode.Scalar], _ text: CleanText, _ breaks: inout [Int], _ dels: inout Deletions,
                 _ ctx: inout NormalizeContext) {
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
  }

  /// Rows with spaces between the cells (Corpus/heldout21 2201, heldout14 1506): a header, at a line's
  /// start or after a space at its end, that is a header word and at least two more column names apart
  /// by spaces (`序号 工 作 任 务 牵头负责部门`: single characters apart by one space are one name), then
  /// the rows numbered 1, 2, 3 … in order, each a number, a space and at least two more fields. A row's
  /// number and its last cells (as many as the header has columns after the task column's, at most all
  /// but one field) are cut from the task text between them: the first space of each cut becomes a line
  /// break, the rest of the run is deleted as layout. Blank lines and short lines that are no row (a
  /// section title between rows) stay in the table; any other line, or a row out of order, ends it.
  /// Lines holding a bar are left to `barBreaks`.
  func spaceRowBreaks(_ s: [Unicode.Scalar], _ text: CleanText, _ breaks: inout [Int], _ dels: inout Deletions,
                      _ ctx: inout NormalizeContext) {
    let space = CharClass.space
    // (most texts hold no header word followed by a space: one pass over the text decides)
    // (the first scalars of the header words, compared as integers: usually one, 序)
    var firsts: [UInt32] = []
    for w in header { if let f = w.first?.value, !firsts.contains(f) { firsts.append(f) } }
    let opens = s.withUnsafeBufferPointer { b -> Bool in
      var i = 0
      while i < b.count {
        let v = b[i].value
        if firsts.contains(v) {
          for w in header {
            if let e = spacedWordEnd(b, at: i, w), e < b.count, b[e] == space { return true }
          }
          // (the word wrapped after its start: `序` / `号 领域 …`)
          for w in header where w.count > 1 && i + w.count + 1 < b.count {
            for k in 1..<w.count where b[i + k] == CharClass.newline && b[i..<(i + k)].elementsEqual(w[..<k])
              && b[(i + k + 1)..<(i + w.count + 1)].elementsEqual(w[k...]) && b[i + w.count + 1] == space
            {
              return true
            }
          }
        }
        i += 1
      }
      return false
    }
    guard opens else { return }
    /// Space runs of `r`, as ranges.
    func gaps(_ r: Range<Int>) -> [Range<Int>] {
      var out: [Range<Int>] = []
      var p = r.lowerBound
      while p < r.upperBound {
        guard s[p] == space else { p += 1; continue }
        var q = p
        while q < r.upperBound, s[q] == space { q += 1 }
        out.append(p..<q)
        p = q
      }
      return out
    }
    func cut(_ g: Range<Int>) {
      breaks.append(g.lowerBound)
      if g.count > 1 { dels.delete((g.lowerBound + 1)..<g.upperBound, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx) }
    }
    func number(_ r: Range<Int>) -> Int? {
      var v = 0
      for c in s[r] {
        let d: UInt32
        switch c.value {
        case 0x30...0x39: d = c.value - 0x30
        case 0xFF10...0xFF19: d = c.value - 0xFF10
        default: return nil
        }
        v = v * 10 + Int(d)
        if v > 9_999 { return nil }
      }
      return r.isEmpty ? nil : v
    }
    /// A header on the line `a..<b`: at the line's start (or after a space at its end) a header word (or, with `rests`, the
    /// rest of one whose start stood alone on the line before, at the line's start) and at least two more column names apart
    /// by spaces. Cuts it into one column per line and returns how many names follow the header word; nil when no header.
    func headerNames(_ a: Int, _ b: Int, _ rests: [[Unicode.Scalar]]) -> Int? {
      for (k, w) in (header + rests).enumerated() {
        let wrapped = k >= header.count
        guard let w0 = w.first, s[a..<b].contains(w0) else { continue }
        var p = a
        var found: (start: Int, end: Int)? = nil
        while p + w.count < b {
          if p == a || s[p - 1] == space, let e = s.withUnsafeBufferPointer({ spacedWordEnd($0, at: p, w) }), e < b, s[e] == space {
            found = (p, e)
            break
          }
          if wrapped { break }
          p += 1
        }
        guard let (h, wordEnd) = found else { continue }
        let g = gaps(wordEnd..<b)
        // column names: the fields after the header word, single characters apart by one space joined
        var names: [Range<Int>] = []
        var lastSingle = false
        for (k, x) in g.enumerated() {
          let st = x.upperBound, en = k + 1 < g.count ? g[k + 1].lowerBound : b
          let single = en - st == 1
          if single, lastSingle, x.count == 1, let last = names.last {
            names[names.count - 1] = last.lowerBound..<en
          } else {
            names.append(st..<en)
          }
          lastSingle = single
        }
        guard names.count >= 2, names.allSatisfy({ $0.count <= 12 && s[$0].allSatisfy { isIdeographic($0) || $0 == space } })
        else { continue }
        // the cuts: before the header word when it ends a longer line, and between the column names
        if h > a, let before = gaps(a..<h).last { cut(before) }
        let nameStarts = Set(names.map(\.lowerBound))
        for x in g where nameStarts.contains(x.upperBound) { cut(x) }
        return names.count
      }
      return nil
    }
    var columnsAfterTask = 0
    var expected = 0  // 0: no table open
    // the row number a table's header printed again on its next page goes on with (0: none)
    var resumeAt = 0
    // the rest of a header word whose start stood alone on the line before (`序` / `号 领域 数据范围 责任单位`: a narrow
    // cell wrapped; Corpus/heldout166 16602)
    var wrappedRest: [[Unicode.Scalar]] = []
    for line in lineRanges(s) {
      var a = line.lowerBound, b = line.upperBound
      while a < b, s[a] == space { a += 1 }
      while b > a, s[b - 1] == space { b -= 1 }
      let rests = wrappedRest
      wrappedRest = []
      if s[a..<b].contains(where: isSeparator) { expected = 0; continue }
      // a header (first: a table's header printed again on its next page ends no table)
      if let names = headerNames(a, b, rests) {
        columnsAfterTask = names - 1
        resumeAt = expected > 1 ? expected : 0
        expected = 1
        continue
      }
      if a < b, b - a < 3 {
        for w in header where b - a < w.count && w.starts(with: s[a..<b]) { wrappedRest.append(Array(w[(b - a)...])) }
      }
      if expected > 0 {
        let g = gaps(a..<b)
        if let n = number(a..<(g.first?.lowerBound ?? b)), n == expected || (expected == 1 && resumeAt > 1 && n == resumeAt) {
          // (a row's number alone on its line, its cells wrapped under it; a row of one cell on its first line)
          if let first = g.first { cut(first) }
          for x in g.suffix(min(columnsAfterTask, max(0, g.count - 1))) { cut(x) }
          expected = n + 1
          resumeAt = 0
          continue
        }
        // (一、…分解（11项）: a section title between rows; a line starting with a digit is no title)
        if a == b || (b - a <= 40 && number(a..<(a + 1)) == nil) {
          // a row's cells wrapped onto lines of their own (`名单 省市场监管局`, the end of one cell and the next): each space
          // run there parts two cells, as on the row's first line (not one next to an ASCII letter or digit, a PDF's `2024 年`,
          // nor in a title, `一、 主要目标`)
          if expected > 1 || resumeAt > 0 {
            let g = gaps(a..<b)
            if let first = g.first, s[first.lowerBound - 1] != "、" {
              for x in g where !isASCIIAlphanumeric(s[x.lowerBound - 1]) && !isASCIIAlphanumeric(s[x.upperBound]) { cut(x) }
            }
          }
          continue
        }
        expected = 0
      }
    }
  }
}

/// An ASCII letter or digit.
@inline(__always) func isASCIIAlphanumeric(_ c: Unicode.Scalar) -> Bool {
  switch c.value {
  case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
  default: return false
  }
}

/// Where `w` ends when it stands at `p` in `b`, perhaps letter-spaced by a PDF (`序 号`: one space between its characters);
/// nil when it does not stand there.
func spacedWordEnd(_ b: UnsafeBufferPointer<Unicode.Scalar>, at p: Int, _ w: [Unicode.Scalar]) -> Int? {
  var i = p
  for (k, c) in w.enumerated() {
    if k > 0, i < b.count, b[i] == CharClass.space, i + 1 < b.count, b[i + 1] == c { i += 1 }
    guard i < b.count, b[i] == c else { return nil }
    i += 1
  }
  return i
}
