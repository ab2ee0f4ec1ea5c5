import GongwenCore

// Tables a page prints one row per line with `|` between the cells and no `序号` column, the clause markers inside the cells:
// `工作任务 | 具体要求 | 责任部门` / `一、做好财政信息公开。 | 1.积极推进…公开。 | 财务科` (Corpus/heldout188 18803, heldout82 8204).
// Segment reads the markers as clauses; a row's cells under a column named like a label are its last clause's departments.

/// A header line of such a table and the lines of its rows.
struct BarTable {
  /// The column names, as written (spaces removed).
  var columns: [[Unicode.Scalar]]
  /// Each row line's range, after the header, up to the first line without a bar.
  var rows: [Range<Int>]
}

extension Engine {
  /// Longest cell read as a list of departments (a longer one is a task's text, a row read out of line).
  static let barCellMax = 60

  /// Whether `c` separates the cells of a row (`|`, `｜`).
  @inline(__always) static func isBar(_ c: Unicode.Scalar) -> Bool { c == "|" || c == "｜" }

  /// The cells of the line `line`, trimmed, without the empty cell after a final bar.
  func barCells(_ s: [Unicode.Scalar], _ line: Range<Int>) -> [Range<Int>] {
    var cells: [Range<Int>] = []
    var start = line.lowerBound
    for i in line where Self.isBar(s[i]) {
      cells.append(start..<i)
      start = i + 1
    }
    cells.append(start..<line.upperBound)
    let trimmed = cells.map { c -> Range<Int> in
      var a = c.lowerBound, b = c.upperBound
      while a < b, whitespace.contains(s[a]) { a += 1 }
      while b > a, whitespace.contains(s[b - 1]) { b -= 1 }
      return a..<b
    }
    return trimmed.last?.isEmpty == true ? Array(trimmed.dropLast()) : trimmed
  }

  /// The bar tables of a text: a line of at least three cells, each a short name without sentence punctuation or a colon,
  /// one of them a label column (`columnRoles`: `责任部门`, `责任单位`), then the lines holding a bar after it.
  func barTables(in s: [Unicode.Scalar], from lo: Int) -> [BarTable] {
    guard s[lo...].contains(where: Self.isBar) else { return [] }
    var tables: [BarTable] = []
    var lines: [Range<Int>] = []
    var p = lo
    while p < s.count {
      var e = p
      while e < s.count, s[e] != "\n" { e += 1 }
      lines.append(p..<e)
      p = e + 1
    }
    var k = 0
    while k < lines.count {
      let line = lines[k]
      k += 1
      guard s[line].contains(where: Self.isBar) else { continue }
      let cells = barCells(s, line)
      guard cells.count >= 3, cells.count <= 12, cells.allSatisfy({ !$0.isEmpty && $0.count <= 24 }),
        cells.allSatisfy({ c in !s[c].contains { r.colons.contains($0) || sentenceEnds.contains($0) || $0 == "。" || $0 == "，" } })
      else { continue }
      let columns = cells.map { Array(s[$0].filter { !whitespace.contains($0) }) }
      guard columns.contains(where: { columnRoles($0) != nil }) else { continue }
      var rows: [Range<Int>] = []
      while k < lines.count, s[lines[k]].contains(where: Self.isBar) {
        rows.append(lines[k])
        k += 1
      }
      if !rows.isEmpty { tables.append(BarTable(columns: columns, rows: rows)) }
    }
    return tables
  }

  /// The departments of the bar-table row that holds `unit`'s marker, when `unit` is the last clause whose marker stands in
  /// that row (`nextMarker`: where the next unit's marker starts). The row's cells are matched to the columns from the right
  /// (a merged cell on the left, a category spanning rows, is not printed in the rows after its first), and each cell under a
  /// label column is read as that label's list. Nil unless every such cell inside the unit's text reads as a list (short, no sentence end).
  func barRow(in s: [Unicode.Scalar], unit: ClauseUnit, tables: [BarTable], nextMarker: Int?) throws(StageFailure) -> Found? {
    let at = unit.markerRange.lowerBound
    guard let table = tables.first(where: { t in t.rows.contains { $0.contains(at) } }),
      let row = table.rows.first(where: { $0.contains(at) })
    else { return nil }
    if let next = nextMarker, row.contains(next) { return nil }
    let cells = barCells(s, row)
    guard !cells.isEmpty, cells.count <= table.columns.count else { return nil }
    let shift = table.columns.count - cells.count
    let body = unit.bodyRange
    var parsed = ParsedAttribution(items: [], unknown: [], hasRoleEvidence: true)
    var first: Int? = nil, last: Int? = nil
    for (k, cell) in cells.enumerated() where !cell.isEmpty {
      guard let label = columnRoles(table.columns[k + shift]) else { continue }
      guard cell.lowerBound >= body.lowerBound, cell.upperBound <= body.upperBound, cell.count <= Self.barCellMax,
        !s[cell].contains(where: { $0 == "。" || sentenceEnds.contains($0) }), let p = try cellNames(cell, s, label: label)
      else { return nil }
      parsed.add(p)
      first = first ?? cell.lowerBound
      last = cell.upperBound
    }
    guard !parsed.items.isEmpty, let first, let last else { return nil }
    return Found(range: first..<last, parsed: parsed)
  }
}
