import GongwenCore

/// Spaces inside Chinese text: removed between two Chinese characters (服 务→服务), between
/// Chinese and numbers (2012 年→2012年, 在 98%→在98%, 32 名→32名) and after a clause marker
/// at the start of a line (1. 巩固→1.巩固). Spaces between Latin words stay; spaces between
/// Chinese and Latin letters stay unless `remove_between_cjk_and_latin`. Inside a table flattened to
/// text (from a line holding only a `line_join.table_header` word, `序号`, to the end, as line_join
/// reads it) a space between two runs of at least `tables.cell_space_min_run` Han characters stays:
/// it separates names in a cell (`县教体局 各相关乡镇政府`, Corpus/heldout13 1403), which Attribute
/// splits like any list; `分 管 县领导` and `俞 悦` are still closed up. So does a line starting with a
/// `list_labels` word and a colon (`责任单位:市发改委 五县五区政府 开发区管委会`).
struct CJKSpacingStep: NormalizeStep {
  static let id = "cjk_spacing"
  let numericTail: ScalarSet
  let latin: Bool
  let marker: StartFilteredRegex
  /// Header words opening a table (empty: spaces in tables are removed like any other).
  let tableHeader: [[Unicode.Scalar]]
  /// Inside a table, the shortest Han runs on both sides of a space that is kept.
  let cellSpaceMinRun: Int

  /// Labels whose line (the label, then a colon) keeps names apart as a table cell does.
  let listLabels: [[Unicode.Scalar]]

  init(numericTail: ScalarSet, latin: Bool, marker: RuleRegex, tableHeader: [[Unicode.Scalar]] = [], cellSpaceMinRun: Int = 0,
       listLabels: [[Unicode.Scalar]] = []) {
    self.numericTail = numericTail
    self.latin = latin
    self.marker = StartFilteredRegex(marker)
    self.tableHeader = cellSpaceMinRun > 0 ? tableHeader : []
    self.cellSpaceMinRun = cellSpaceMinRun
    self.listLabels = cellSpaceMinRun > 0 ? listLabels : []
  }

  /// Does the line start with a `list_labels` word and a colon (`责任单位:市发改委 五县五区政府`)?
  func startsWithListLabel(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
    listLabels.contains { w in
      line.count > w.count && s[line].starts(with: w) && (s[line.lowerBound + w.count] == "：" || s[line.lowerBound + w.count] == ":")
    }
  }

  /// Are there at least `cellSpaceMinRun` Han characters before `i` and from `j` on, within `line`?
  func namesApart(_ s: [Unicode.Scalar], _ i: Int, _ j: Int, _ line: Range<Int>) -> Bool {
    guard i - line.lowerBound >= cellSpaceMinRun, line.upperBound - j >= cellSpaceMinRun else { return false }
    return (1...cellSpaceMinRun).allSatisfy { CharClass.isHan(s[i - $0]) && CharClass.isHan(s[j + $0 - 1]) }
  }


  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let s = text.scalars
    let n = s.count
    guard s.contains(CharClass.space) else { return }
    let m = try marker.rule.matcher()
    var dels = Deletions()
    var lineStart = 0
    var inTable = false
    while lineStart < n {
      // the line's end, and whether a space sits inside it (not first or last): most lines have
      // none after the whitespace step, and then nothing on them can change
      var lineEnd = lineStart
      var inner = false
      s.withUnsafeBufferPointer { buf in
        while lineEnd < n, buf[lineEnd] != CharClass.newline {
          if buf[lineEnd] == CharClass.space, lineEnd > lineStart { inner = true }
          lineEnd += 1
        }
        if inner, buf[lineEnd - 1] == CharClass.space {
          inner = (lineStart + 1..<lineEnd - 1).contains { buf[$0] == CharClass.space }
        }
      }
      let line = lineStart..<lineEnd
      lineStart = lineEnd + 1
      if !inTable, !tableHeader.isEmpty, isTableHeaderLine(s[line], words: tableHeader) { inTable = true }
      guard line.count > 2, inner else { continue }
      // a label line lists names apart by spaces as a cell does (Corpus/heldout33 3401)
      let labelLine = !listLabels.isEmpty && startsWithListLabel(s, line)
      // a marker is only looked for when a space follows closely on the line start
      var markerEnd = -1
      if let sp = s[line].prefix(markerWindow).firstIndex(of: CharClass.space) {
        do {
          if let end = try GongwenNormalize.markerEnd(marker, m, s, line), end == sp { markerEnd = end }
        } catch { throw marker.rule.failure(error, stage: "normalize") }
      }
      var i = line.lowerBound + 1
      while i < line.upperBound - 1 {
        guard s[i] == CharClass.space else { i += 1; continue }
        var j = i
        while j < line.upperBound, s[j] == CharClass.space { j += 1 }
        guard j < line.upperBound else { break }
        let p = s[i - 1], n = s[j]
        let pCJK = CharClass.isCJK(p), nCJK = CharClass.isCJK(n)
        let pNum = CharClass.isDigit(p) || numericTail.contains(p)
        var remove = (pCJK && (nCJK || CharClass.isDigit(n))) || (pNum && nCJK)
        if remove, inTable || labelLine, namesApart(s, i, j, line) { remove = false }
        if !remove, latin { remove = (pCJK && CharClass.isLatinLetter(n)) || (CharClass.isLatinLetter(p) && nCJK) }
        if !remove, i == markerEnd, nCJK || CharClass.isHan(n) { remove = true }
        if remove {
          dels.delete(i..<j, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
        }
        i = j
      }
    }
    guard dels.deleted > 0 else { return }
    ctx.count("cjk_spaces_removed", dels.deleted)
    dels.apply(to: &text, &ctx)
  }
}
