import GongwenCore
import ICUKit

/// Tables flattened to text (任务分解表): headers, row numbers, attachments above them.
extension SegmentRun {
  /// Something other than spaces and line breaks stands in `from..<to`.
  func hasText(from: Int, to: Int) -> Bool {
    var i = from
    while i < min(to, n) {
      if !isSpaceOrNewline(s[i]) { return true }
      i += 1
    }
    return false
  }

  // MARK: Tables

  /// Tables flattened to text (任务分解表), one cell per line: a line holding only a `tables.header`
  /// word (`序号`), then the column names one per line (short, no punctuation but brackets) up to
  /// the first line that is not one. The header counts only when one column is a task column
  /// (`重点工作任务`); without that, `序号` is just a word. From the header to the end of the text (a
  /// flattened table runs to the end of its page) a line that is wholly a row number
  /// (`tables.row`: `3`, `68`) is a row candidate of that table, merged into `candidateList`; a
  /// later header starts the next table. Outside a table a bare number line is never a candidate
  /// (page numbers, counts).
  mutating func findTables() throws(StageFailure) {
    let tr = rules.tables
    var rows: [Candidate] = []
    // the last row number of the current table and the lines since it: within a row's cells (one
    // line per column) a bare number is a cell (`2024`, `300` in 建设时间 / 投资金额 columns) unless it
    // is the next row's number (a row with empty cells ends early)
    var lastNumber = 0
    var linesSinceRow: Int? = nil
    var afterTotal = false
    // lines that are cells of a column other than the task's, in document order
    var otherCells: [Range<Int>] = []
    var parenRows: [Int: Int] = [:]
    var leadingTables: Set<Int> = []
    var tableOpen = true
    // bare-numbered category rows (`tables.section_row`), and the last one's number per table
    var sections: [Candidate] = []
    var lastSection: [Int: Int] = [:]
    // the next nonblank line is the first after a header
    var afterHeader = false
    var p = 0
    while p < n {
      var le = lineEnd(p)
      let line = trimmed(p..<le)
      var isLabel = false
      if !line.isEmpty, let a = try attachmentLine(line) {
        isLabel = true
        attachmentLabelLines.append(line.lowerBound)
        if a.number == nil, line.count <= a.marker.unicodeScalars.count + 1 { bareAttachmentLabelLines.append(line.lowerBound) }
      }
      // (the header word wrapped over two lines: `序` / `号`, a narrow cell; Corpus/heldout73 7301)
      let headerWord = isTableHeaderWord(line)
      let wrappedHeader = headerWord ? nil : wrappedHeaderWordEnd(line)
      if let w = wrappedHeader { le = w }
      /// Records a table found at `line` and steps to its first row.
      func register(_ header: TableHeader, attached: (number: Int?, marker: String)?, owner: Int, labelLine: Int?, next: Int) {
        tables.append(header)
        tableOpen = true
        tableStarts.append(line.lowerBound)
        tableAttachments.append(attached)
        tableAttachmentOwners.append(owner)
        if let labelLine { tableAttachmentLines.append(labelLine) }
        lastNumber = 0
        linesSinceRow = nil
        afterHeader = true
        p = next
      }
      if !headerWord, wrappedHeader == nil, !tr.leadingColumns.isEmpty, let (header, next) = try markerTableHeader(line) {
        let label = try attachment(above: line.lowerBound)
        markerTables.insert(tables.count)
        register(header, attached: label.map { (number: $0.number, marker: $0.marker) }, owner: tables.count, labelLine: label?.line,
                 next: next)
        continue
      }
      if headerWord || wrappedHeader != nil {
        // a column before 序号 (`分类`): its first cell stands between the header and the first row
        // (or a name ending in one, `改革领域` / `创建领域`, at most six characters; Corpus/heldout114 11401)
        let leading = previousLine(line.lowerBound).map { prev in
          rules.tables.leadingColumns.contains { w in
            w.elementsEqual(s[prev])
          } || prev.count <= 6 && rules.tables.namesACategory(s[prev])
        } ?? false
        if let (header, next) = try tableHeader(after: le, leadingColumn: leading) {
          if leading { leadingTables.insert(tables.count) }
          // (a header printed again over the same columns, at a page break, continues the table above and its attachment;
          // Corpus/heldout100 10004)
          // (above a leading column's name, `类别` / `序号`: Corpus/heldout105 10505)
          let label = try attachment(above: leading ? previousLine(line.lowerBound)?.lowerBound ?? line.lowerBound : line.lowerBound)
          var attached = label.map { (number: $0.number, marker: $0.marker) }
          var owner = tables.count
          if attached == nil, let previous = tables.last, previous.columns == header.columns, let a = tableAttachments.last ?? nil {
            attached = a
            owner = tableAttachmentOwners[tables.count - 1]
            // (and its category rows go on: `二` / … / the header again / `三`; Corpus/heldout104 10401's 附件3)
            lastSection[tables.count] = lastSection[tables.count - 1]
          }
          register(header, attached: attached, owner: owner, labelLine: label?.line, next: next)
          continue
        }
        unreadTable(line)
      } else if startsWithTableHeaderWord(line) {
        // a header written on one line (序号 | 工作任务 | 责任单位 |, 序号 名称 工作任务 牵头责任单位):
        // rows on one line each are not read
        unreadTable(line)
      }
      // a totals row (`总分` / `100`): its number is no row
      if !tables.isEmpty, !line.isEmpty, tr.totalWords.contains(where: { $0.elementsEqual(s[line]) }) {
        afterTotal = true
        p = le + 1
        continue
      }
      if afterTotal, !line.isEmpty {
        afterTotal = false
        if try rowNumber(line) != nil {
          p = le + 1
          continue
        }
      }
      // (an attachment's label ends the table before it: bare numbers after it are no rows of that table, Corpus/heldout101
      // 10104's 附件3, whose header is not read, after 附件1's rows)
      if !tables.isEmpty, tableOpen, isLabel { tableOpen = false }
      let firstAfterHeader = afterHeader && !line.isEmpty
      if !line.isEmpty { afterHeader = false }
      if !tables.isEmpty, tableOpen, !line.isEmpty, !markerTables.contains(tables.count - 1) {
        let header = rowHeader(tables.count - 1)
        if let num = try rowNumber(line), num >= 1, num <= rules.schemes[tr.rowScheme].max,
          linesSinceRow.map({ $0 >= header.columns.count }) ?? true
            || num == lastNumber + 1 && !isNumberCell(linesSinceRow, of: header)
        {
          rows.append(Candidate(start: line.lowerBound, end: line.upperBound, scheme: tr.rowScheme, number: num,
                                lineStart: true, table: tables.count - 1))
          lastNumber = num
          linesSinceRow = 0
        } else if parenRowNumber(line) != nil {
          // a row numbered in brackets on a line of its own (`(1)` / 地区生产总值增长6%以上。 / 市发展改革委 / …,
          // Corpus/heldout30 3101): the candidate its scheme found there is read as this table's row
          // (its number is of its own scheme: bare row numbers go on from theirs)
          parenRows[line.lowerBound] = tables.count - 1
          linesSinceRow = 0
        } else if isSectionLine(line) {
          // a section row (`一、` / its title / its score): numbers in its cells are no rows either, and
          // its cells are read as a row's (a department cell of its own, Corpus/heldout28 2901 `三、`)
          linesSinceRow = 0
          sectionRows[line.lowerBound] = tables.count - 1
        } else if let (number, title) = try bareSection(line, firstAfterHeader: firstAfterHeader && lastSection[tables.count - 1] == nil),
          number == (lastSection[tables.count - 1] ?? 0) + 1
        {
          // a category row numbered with a bare numeral (`一` / `推进碳达峰碳中和综合管理` / then rows `1`…`5`, `二` / … / `6`…;
          // Corpus/heldout134 13401): a marker of `tables.section_row`'s scheme, taken in order from the first
          let t = tables.count - 1
          lastSection[t] = number
          sections.append(Candidate(start: line.lowerBound, end: line.upperBound, scheme: rules.tables.sectionRowScheme,
                                    number: number, lineStart: true, bareSection: true))
          sectionRows[line.lowerBound] = t
          linesSinceRow = 0
          // its title alone, then the next row: the title is the cell of the column after the row numbers, merged over the
          // category's rows, which print one cell fewer (their own cells are read against the columns after it)
          if header.columns.count > 2, let after = nextLine(after: title.lowerBound), try rowNumber(after) == lastNumber + 1 {
            mergedSectionCells.insert(t)
          }
        } else if let k = linesSinceRow {
          linesSinceRow = k + 1
          // a cell of a column that holds no task words (`考核指标`, `责任单位`): items numbered in it
          // (`1.…得2分。2.…得6分。`) are the cell's text, not clauses (Corpus/heldout28 2901); in a `内容`
          // column they are the row's items (Corpus/heldout20 2101)
          if k < header.columns.count, k != header.taskColumn, !isTaskLikeColumn(header.columns[k]) {
            otherCells.append(line)
          }
        }
      }
      p = le + 1
    }
    if !parenRows.isEmpty {
      for i in candidateList.indices where candidateList[i].table == nil {
        if let t = parenRows[candidateList[i].start] { candidateList[i].table = t }
      }
    }
    if !sections.isEmpty {
      candidateList = merging(candidateList, sections)
    }
    guard !rows.isEmpty || !parenRows.isEmpty else { return }
    // a leading column's cell printed before every row: the lines right above a table's first two rows are the same cell
    for t in leadingTables {
      let first = rows.filter { $0.table == t }.prefix(2)
      if first.count == 2, let a = previousLine(first[first.startIndex].start), let b = previousLine(first[first.startIndex + 1].start),
        s[a].elementsEqual(s[b])
      {
        repeatedLeadingCells.insert(t)
      }
    }
    // (only a line holding two items or more: a cell counted wrongly, its column's text wrapped over
    // two lines, may put a row's own items one per line into the next column, Corpus/heldout20 2101)
    if !otherCells.isEmpty {
      var inCell = [Int](repeating: -1, count: candidateList.count)
      var perCell = [Int](repeating: 0, count: otherCells.count)
      var c = 0
      for (i, cand) in candidateList.enumerated() {
        while c < otherCells.count, otherCells[c].upperBound <= cand.start { c += 1 }
        if c < otherCells.count, otherCells[c].contains(cand.start) {
          inCell[i] = c
          perCell[c] += 1
        }
      }
      var i = -1
      candidateList.removeAll { _ in
        i += 1
        return inCell[i] >= 0 && perCell[inCell[i]] >= 2
      }
    }
    candidateList = merging(candidateList, rows)
  }

  /// Rows of tables run together with no separator between their cells (`tables.run_together`; a newspaper's or a document
  /// preview's text: `序号工作任务责任单位21树立婚育新风。…省妇联牵头;…配合;各州(市)党委和政府落实22根据…`, Corpus/heldout70 7006;
  /// `序号工作内容目标任务责任单位备注1将…`, heldout49 5003). The header: a `tables.header` word glued to its column names
  /// (Chinese characters and brackets only, at most `header_max_length`), among them a task column (`task_columns`, or a
  /// name holding a `task_column_words` word) and a department column (holding a `department_column_endings` word), glued to
  /// the first row's number. Each next row is the next number, found further on before the closing block: glued between a
  /// Chinese character, a closing bracket or a sentence end and a Chinese character that is no `counters` character (`3个`,
  /// `2021年` are counts and dates). Two rows at least. The rows join `candidateList` as row-scheme candidates of their table,
  /// accepted as table rows are, and read as running text (their cells are no lines).
  mutating func findRunTogetherRows() {
    let tr = rules.tables
    guard let headerMax = tr.runTogetherHeaderMax, !tr.header.isEmpty, !tr.departmentColumnEndings.isEmpty else { return }
    let firsts = ScalarSet(tr.header.compactMap(\.first))
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    /// The number of 1–3 ASCII digits at `p` followed by a Chinese character that is no counter, and its end.
    func gluedNumber(at p: Int) -> (number: Int, end: Int)? {
      var e = p, v = 0
      while e < n, e - p < 4, isDigit(s[e]) { v = v * 10 + Int(s[e].value - 0x30); e += 1 }
      guard e > p, e - p <= 3, e < n, isHan(s[e]), !tr.runTogetherCounters.contains(s[e]) else { return nil }
      return (v, e)
    }
    var rows: [Candidate] = []
    var table = 0
    var i = 0
    while i < n {
      guard firsts.contains(s[i]), let w = tr.header.first(where: { hasPrefix($0, at: i) }) else { i += 1; continue }
      // the glued column names, up to the first digit
      let from = i + w.count
      var d = from
      while d < n, d - from <= headerMax, isHan(s[d]) || isOpenBracket(s[d]) || isCloseBracket(s[d]) { d += 1 }
      let names = s[from..<d]
      guard d - from >= 4, d - from <= headerMax, d < n, isDigit(s[d]), let first = gluedNumber(at: d), first.number >= 1,
        tr.taskColumns.contains(where: { names.firstRange(of: $0) != nil })
          || tr.taskColumnWords.contains(where: { names.firstRange(of: $0) != nil }),
        tr.departmentColumnEndings.contains(where: { names.firstRange(of: $0) != nil })
      else { i = from; continue }
      let limit = closingAfter(i)
      var found = [Candidate(start: d, end: first.end, scheme: tr.rowScheme, number: first.number, lineStart: atLineStart(d),
                             runTogether: table)]
      var p = first.end + 1
      var next = first.number + 1
      let digits = { (k: Int) in Array(String(k).unicodeScalars) }
      var want = digits(next)
      while p < limit {
        if s[p] == want[0], hasPrefix(want, at: p), let r = gluedNumber(at: p), r.number == next {
          let b = s[p - 1]
          if isHan(b) && b != "第" || isCloseBracket(b) || b == "。" || b == "；" || b == ";" {
            found.append(Candidate(start: p, end: r.end, scheme: tr.rowScheme, number: next, lineStart: atLineStart(p),
                                   runTogether: table))
            next += 1
            want = digits(next)
            p = r.end + 1
            continue
          }
        }
        p += 1
      }
      if found.count >= 2 {
        droppingPreviewPageNumbers(headerLine: lineStart(i), table: d..<limit)
        rows += found
        table += 1
        i = found[found.count - 1].end
      } else {
        i = from
      }
    }
    if !rows.isEmpty { candidateList = merging(candidateList, rows) }
  }

  /// A document preview's page numbers around a run-together table (`findRunTogetherRows`): a marker opening the header's
  /// line (`1、贯彻落实…分工表序号工作内容…`) and the next numbers of its scheme opening lines inside the table after a line cut
  /// mid-word (`…市商务局,市` / `2、住建局、…`, then `…分类设` / `3、施建…`; Corpus/heldout49 5003): no clauses, dropped from the
  /// candidates when two or more are found.
  mutating func droppingPreviewPageNumbers(headerLine: Int, table: Range<Int>) {
    guard let opener = candidateList.firstIndex(where: { $0.start == headerLine && $0.lineStart && $0.table == nil && $0.runTogether == nil })
    else { return }
    var drop = [opener]
    var next = candidateList[opener].number + 1
    for (j, c) in candidateList.enumerated() where table.contains(c.start) && c.lineStart && c.scheme == candidateList[opener].scheme {
      guard c.number == next else { continue }
      var b = lineStart(c.start) - 1
      while b > 0, isSpaceOrNewline(s[b]) { b -= 1 }
      guard b >= 0, isHan(s[b]) else { break }
      drop.append(j)
      next += 1
    }
    guard drop.count >= 2 else { return }
    let dropped = Set(drop)
    candidateList = candidateList.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
  }

  /// Two candidate lists, each in document order, merged in document order (`a`'s first at a tie).
  func merging(_ a: [Candidate], _ b: [Candidate]) -> [Candidate] {
    var merged: [Candidate] = []
    merged.reserveCapacity(a.count + b.count)
    var i = 0, j = 0
    while i < a.count || j < b.count {
      if j >= b.count || (i < a.count && a[i].start <= b[j].start) {
        merged.append(a[i])
        i += 1
      } else {
        merged.append(b[j])
        j += 1
      }
    }
    return merged
  }

  /// The columns a table's numbered rows are read against: its header's, without the column after the row numbers where
  /// its category rows hold that cell for all their rows (`mergedSectionCells`).
  func rowHeader(_ t: Int) -> TableHeader {
    let h = tables[t]
    guard mergedSectionCells.contains(t), h.columns.count > 1 else { return h }
    return TableHeader(columns: Array(h.columns.dropFirst()), taskColumn: max(0, h.taskColumn - 1))
  }

  /// A category row's bare number (`tables.section_row`: `一`, `十四`) wholly on `line`, and its title, the next line: neither a
  /// row number nor a cell of numbers or numerals; nil otherwise.
  /// `firstAfterHeader`: the line is the first after a table's header, before any row: a `first_lookalikes` line there (`—`
  /// where `一` belongs; Corpus/heldout104 10401's 附件3) is the first category row.
  func bareSection(_ line: Range<Int>, firstAfterHeader: Bool = false) throws(StageFailure) -> (number: Int, title: Range<Int>)? {
    guard let rule = rules.tables.sectionRow else { return nil }
    // (the line first, matched whole: most lines are no category number and stop here)
    let number: Int?
    if firstAfterHeader, rules.tables.sectionRowFirstLookalikes.contains(where: { $0.elementsEqual(s[line]) }) {
      number = 1
    } else {
      guard let hit = try wholeLineMatch(line, rule, maxLength: 4), rules.tables.sectionRowNumberGroup - 1 < hit.groups.count,
        let g = hit.groups[rules.tables.sectionRowNumberGroup - 1]
      else { return nil }
      let digits = (line.lowerBound + g.lowerBound)..<(line.lowerBound + g.upperBound)
      number = parseNumber(Array(s[digits]), rules.schemes[rules.tables.sectionRowScheme].numerals)
    }
    guard let number, let title = nextLine(after: line.lowerBound), title.count >= 2,
      !s[title].allSatisfy({ "0"..."9" ~= $0 || "一二三四五六七八九十".unicodeScalars.contains($0) }), try rowNumber(title) == nil
    else { return nil }
    return (number, title)
  }

  /// The number of a line that is wholly a bracketed number (`(1)`, `（12）`, at most three digits; `（一）`, `（十二）`: rows
  /// numbered like the text's second level, one cell per line after them, Corpus/heldout104 10401's 附件3).
  func parenRowNumber(_ line: Range<Int>) -> Int? {
    guard line.count >= 3, line.count <= 5, s[line.lowerBound] == "(" || s[line.lowerBound] == "（",
      s[line.upperBound - 1] == ")" || s[line.upperBound - 1] == "）"
    else { return nil }
    let inside = Array(s[(line.lowerBound + 1)..<(line.upperBound - 1)])
    if inside.allSatisfy({ "一二三四五六七八九十".unicodeScalars.contains($0) }) {
      return parseNumber(inside, .chinese)
    }
    var num = 0
    for c in inside {
      let v = c.value
      guard v >= 0x30, v <= 0x39 else { return nil }
      num = num * 10 + Int(v - 0x30)
    }
    return num >= 1 ? num : nil
  }

  /// Whether the line after `linesSinceRow` lines of a row is the cell of a column holding numbers
  /// (`各项分值`, `tables.number_column_words`): a number there is the cell's, even the next row's number.
  func isNumberCell(_ linesSinceRow: Int?, of header: TableHeader) -> Bool {
    guard let k = linesSinceRow, k < header.columns.count, !rules.tables.numberColumnWords.isEmpty else { return false }
    return Self.holds(header.columns[k], anyOf: rules.tables.numberColumnWords)
  }

  /// Whether a column's name holds a `tables.task_column_words` word (`内容`, `措施`).
  func isTaskLikeColumn(_ name: String) -> Bool {
    Self.holds(name, anyOf: rules.tables.taskColumnWords)
  }

  /// Whether a column's name holds one of `words` (compared as scalars, as `tableHeader` finds a task column).
  static func holds(_ name: String, anyOf words: [[Unicode.Scalar]]) -> Bool {
    let scalars = Array(name.unicodeScalars)
    return words.contains { scalars.firstRange(of: $0) != nil }
  }

  /// The line is only a first-level marker (`一、`): a section row between a table's rows, whose
  /// cells (title, score, …) follow one per line. A marker with its title on the line (`一、2025年…`)
  /// is a heading line, counted as any other line.
  func isSectionLine(_ line: Range<Int>) -> Bool {
    var k = line.lowerBound
    while k < line.upperBound, "一二三四五六七八九十".unicodeScalars.contains(s[k]) { k += 1 }
    return k > line.lowerBound && k - line.lowerBound <= 3 && k + 1 == line.upperBound && s[k] == "、"
  }

  /// The trimmed line is a `tables.header` word, spaces aside.
  /// Does the line start with a table header word followed by more cells on the same line (a space
  /// or a bar after the word)?
  func startsWithTableHeaderWord(_ line: Range<Int>) -> Bool {
    rules.tables.header.contains { w in
      line.count > w.count + 1 && s[line].starts(with: w)
        && (isHSpace(s[line.lowerBound + w.count]) || s[line.lowerBound + w.count] == "|" || s[line.lowerBound + w.count] == "｜")
    }
  }

  /// Warns once per document that a table was seen whose rows are not read as tasks, so that a
  /// reader checks it by hand (`unread_table`).
  mutating func unreadTable(_ line: Range<Int>) {
    guard !warnings.contains(where: { $0.code == "unread_table" }) else { return }
    warn("unread_table", "a table (\(text(line).prefix(24))…) was found but its rows are not read as tasks (a header or layout the table reader does not know: one cell per line with the column names under 序号 is read): check them by hand", line)
  }

  /// The end of the next line when `line` and it, together, are a `tables.header` word (`序` / `号`); nil otherwise.
  func wrappedHeaderWordEnd(_ line: Range<Int>) -> Int? {
    guard line.count == 1, rules.tables.header.contains(where: { $0.count == 2 && $0.first == s[line.lowerBound] }),
      let next = nextLine(after: line.lowerBound), next.count == 1,
      rules.tables.header.contains(where: { $0.count == 2 && $0.first == s[line.lowerBound] && $0.last == s[next.lowerBound] })
    else { return nil }
    return lineEnd(next.lowerBound)
  }

  func isTableHeaderWord(_ line: Range<Int>) -> Bool {
    guard !line.isEmpty, line.count <= 16 else { return false }
    // (the line's characters other than spaces, compared in place)
    return rules.tables.header.contains { $0.elementsEqual(s[line].lazy.filter { !isHSpace($0) }) }
  }

  /// A table without a row-number column whose rows are clause markers (Corpus/heldout109 10903: `类别` / `项目` / `主要任务` /
  /// `牵头单位` / `配合单位`, then `一、做好政策保障` / `1.做好规划配套` / its task / its cells; heldout108 10802: `任务` / `分类` / …):
  /// its first column is a `leading_columns` name (perhaps wrapped over two lines), no `序号` follows, the columns after it
  /// hold a task column, and the line after them starts with a clause marker. Each marker level is a column from the first
  /// on (`markerTableColumns`). The header, and where its first row starts.
  func markerTableHeader(_ line: Range<Int>) throws(StageFailure) -> (TableHeader, Int)? {
    // (the cheap test first: most short lines start with no leading column's first character)
    guard !line.isEmpty, line.count <= rules.tables.columnMaxLength,
      rules.tables.leadingColumns.contains(where: { $0.first == s[line.lowerBound] })
    else { return nil }
    var first = Array(s[line].filter { !isHSpace($0) })
    var end = lineEnd(line.lowerBound)
    if !rules.tables.leadingColumns.contains(first) {
      guard let next = nextLine(after: line.lowerBound), next.count <= rules.tables.columnMaxLength,
        case let both = first + s[next].filter({ !isHSpace($0) }), rules.tables.leadingColumns.contains(both)
      else { return nil }
      first = both
      end = lineEnd(next.lowerBound)
    }
    guard let after = nextLine(after: end - 1), !isTableHeaderWord(after), wrappedHeaderWordEnd(after) == nil,
      let (header, next) = try tableHeader(after: end, stopAtMarkers: true), header.columns.count >= 2
    else { return nil }
    // the first row: a clause marker opening the line after the header
    var q = next
    while q < n, isSpaceOrNewline(s[q]) { q += 1 }
    guard q < n, candidateList.contains(where: { $0.start == q && $0.lineStart && $0.table == nil }) else { return nil }
    return (TableHeader(columns: [String(String.UnicodeScalarView(first))] + header.columns, taskColumn: header.taskColumn + 1), q)
  }

  /// The column lines after a header word ending at `headerEnd`: the header, and where the lines
  /// after it start. nil when no column is a task column. With `stopAtMarkers`, a line opening with a clause marker
  /// (`（一）`) is the first row, no column.
  func tableHeader(after headerEnd: Int, leadingColumn: Bool = false, stopAtMarkers: Bool = false) throws(StageFailure) -> (TableHeader, Int)? {
    var columns: [[Unicode.Scalar]] = []
    var p = headerEnd + 1
    var lastStart = p
    var atRow = false
    while p < n {
      let le = lineEnd(p)
      let line = trimmed(p..<le)
      if line.isEmpty {
        p = le + 1
        continue
      }
      let name = s[line].filter { !isHSpace($0) }
      if try rowNumber(line) != nil {
        atRow = true
        break
      }
      if stopAtMarkers, candidateList.contains(where: { $0.start == line.lowerBound && $0.lineStart }) { break }
      // (the first bare-numbered category row, `一` / its title / `1`, ends the header: Corpus/heldout134 13401; so does a row
      // numbered in brackets, `（二）` after a header printed again mid-table, Corpus/heldout104 10401's 附件3)
      if try bareSection(line)?.number == 1 || parenRowNumber(line) != nil { break }
      // (punctuation inside brackets is a column's note: `重点任务（2024-2026）`, Corpus/heldout108 10802)
      var depth = 0
      let punctuated = name.contains { c in
        if isOpenBracket(c) { depth += 1 } else if isCloseBracket(c) { depth = max(0, depth - 1) }
        return depth == 0 && isPunctuation(c) && !isCloseBracket(c)
      }
      // (a bracketed note after the name does not count towards its length: `责任部门（加*号为牵头部门，其余为参与部门）`;
      // Corpus/heldout186 18601)
      var named = name.count
      if let last = name.last, isCloseBracket(last), let open = name.firstIndex(where: isOpenBracket), open > 0,
        name.count - open <= 2 * rules.tables.columnMaxLength
      {
        named = open
      }
      guard named <= rules.tables.columnMaxLength, !punctuated,
        !rules.tables.totalWords.contains(name)
      else { break }
      lastStart = line.lowerBound
      // a cell wrapped over two lines: `市政府` / `分管领导` is one column (Corpus/heldout14 1501), and so are two
      // lines that together make a `wrapped_columns` name (`牵头` / `部门`; Corpus/heldout74 7403)
      // (and a line wholly a bracketed note after a name is that column's: `责任部门` / `（单位）`; Corpus/heldout114 11402)
      let note = name.count >= 3 && isOpenBracket(name[0]) && isCloseBracket(name[name.count - 1])
        && !name.dropFirst().dropLast().contains(where: { isOpenBracket($0) || isCloseBracket($0) })
      if let last = columns.last, note || rules.tables.columnQualifiers.contains(last) || rules.tables.wrappedColumns.contains(last + name) {
        columns[columns.count - 1] = last + name
      } else {
        columns.append(name)
      }
      p = le + 1
    }
    // with a column before 序号, the name right above the first row is that row's cell in it (分类 / 序号 /
    // 事项 / 责任单位 / 牵头单位 / 发展目标 / 1; Corpus/heldout47 4802): a section row, no column
    if leadingColumn, atRow, columns.count > 2 {
      columns.removeLast()
      p = lastStart
    }
    // a task column by its name, else the first whose name holds a task word (具体工作任务和要求)
    guard let task = columns.firstIndex(where: { c in rules.tables.taskColumns.contains { $0 == c } })
      // (a column of one year's work, `2024年工作任务` / `2025年工作计划` after `内容`, is no task column while another column
      // names a task, Corpus/heldout101 10105; nor a category column, named with a leading column's word at its end,
      // `任务类型` before `改革任务`, Corpus/heldout114 11402)
      ?? rules.tables.taskColumnWords.lazy.compactMap({ w in
        columns.firstIndex(where: { c in
          c.firstRange(of: w) != nil && !(c.first.map { "0"..."9" ~= $0 } ?? false)
            && !rules.tables.namesACategory(c)
        })
      }).first
      ?? rules.tables.taskColumnWords.lazy.compactMap({ w in columns.firstIndex(where: { $0.firstRange(of: w) != nil }) }).first
      // (else, with a column of departments after the first, the first: what each row is about, `交通子行业` in `序号` / `交通子行业` /
      // `建设区域` / `十四五装机计划（MW）` / `责任单位`; Corpus/heldout127 12702)
      ?? firstColumnBeforeDepartments(columns)
    else { return nil }
    return (TableHeader(columns: columns.map { String(String.UnicodeScalarView($0)) }, taskColumn: task), min(p, n))
  }

  /// The first column as a header's task column, when no column names a task: with a department column after it
  /// (`tables.department_column_endings`), the first being neither one nor a column of officials (`person_column_endings`:
  /// `市政府` / `分管领导` / `牵头单位` is no table's).
  func firstColumnBeforeDepartments(_ columns: [[Unicode.Scalar]]) -> Int? {
    func ends(_ c: [Unicode.Scalar], _ words: [[Unicode.Scalar]]) -> Bool {
      words.contains { c.count > $0.count && c.suffix($0.count).elementsEqual($0) }
    }
    guard let first = columns.first, !ends(first, rules.tables.departmentColumnEndings), !ends(first, rules.tables.personColumnEndings),
      columns.dropFirst().contains(where: { ends($0, rules.tables.departmentColumnEndings) })
    else { return nil }
    return 0
  }

  /// The attachment a table is printed as: a `tables.attachment` line (`附件1`) among the lines above its header
  /// (`tables.attachment_lines_above`; a title line, a note may stand between): its number and its text up to the number.
  /// Without a number (`附件：…分解表`, `附件`): nil number, the marker the line's text before its colon or title.
  /// With no label there, a title line right above the header that `tables.titled_attachment` matches
  /// (`全面推进…任务分解表`, after a body numbered 一、–四、; Corpus/heldout101 10105) is an attachment without a number.
  func attachment(above headerStart: Int) throws(StageFailure) -> (number: Int?, marker: String, line: Int)? {
    var ls = headerStart
    var above: Range<Int>? = nil
    for _ in 0..<rules.tables.attachmentLinesAbove {
      guard let line = previousLine(ls) else { break }
      ls = line.lowerBound
      if above == nil { above = line }
      if let a = try attachmentLine(line) { return (a.number, a.marker, line.lowerBound) }
    }
    // (not a numbered line: `一、10件民生实事任务分解表` is a section of the notice, Corpus/heldout13 1403)
    if let rule = rules.tables.titledAttachment, let line = above.map(trimmed),
      !candidateList.contains(where: { $0.start == line.lowerBound && $0.lineStart }),
      try wholeLineMatch(line, rule, maxLength: 80) != nil
    {
      return (nil, rules.tables.titledAttachmentMarker, line.lowerBound)
    }
    return nil
  }

  /// A line that is wholly an attachment's label (`tables.attachment`: `附件1`, `附件：…分解表`, `附件`): its number, if
  /// it has one, and its marker as written.
  func attachmentLine(_ line: Range<Int>) throws(StageFailure) -> (number: Int?, marker: String)? {
    guard let rule = rules.tables.attachment, !line.isEmpty, rules.tables.attachmentFirst.map({ $0.contains(s[line.lowerBound]) }) ?? true,
      let hit = try wholeLineMatch(line, rule, maxLength: 80)
    else { return nil }
    let g = rules.tables.attachmentNumberGroup - 1
    if g < hit.groups.count, let digits = hit.groups[g] {
      let d = (line.lowerBound + digits.lowerBound)..<(line.lowerBound + digits.upperBound)
      // (the marker runs on over a sub-number, `附件1.1`)
      var e = d.upperBound
      while e + 1 < line.upperBound, s[e] == "." || s[e] == "．", parseNumber([s[e + 1]], .arabic) != nil {
        e += 2
        while e < line.upperBound, parseNumber([s[e]], .arabic) != nil { e += 1 }
      }
      return parseNumber(Array(s[d]), .arabic).map { ($0, text(line.lowerBound..<e)) }
    }
    var e = line.lowerBound
    while e < line.upperBound, isIdeographic(s[e]) { e += 1 }
    return (nil, text(line.lowerBound..<e))
  }

  /// The number of a line that is wholly a row number (`tables.row`).
  func rowNumber(_ line: Range<Int>) throws(StageFailure) -> Int? {
    try wholeLineNumber(line, rules.tables.row, group: rules.tables.rowNumberGroup)?.number
  }

  /// A short line matched whole by `rule` (its pattern ends with `$`; matched from the line's start):
  /// the Arabic number of its group `group` and where its digits are.
  func wholeLineNumber(_ line: Range<Int>, _ rule: RuleRegex, group: Int) throws(StageFailure) -> (number: Int, digits: Range<Int>)? {
    guard let hit = try wholeLineMatch(line, rule, maxLength: 16), group - 1 < hit.groups.count, let g = hit.groups[group - 1]
    else { return nil }
    let digits = (line.lowerBound + g.lowerBound)..<(line.lowerBound + g.upperBound)
    return parseNumber(Array(s[digits]), .arabic).map { ($0, digits) }
  }

  /// `rule`'s match of a line of at most `maxLength` characters, from its start (the pattern ends with `$`).
  func wholeLineMatch(_ line: Range<Int>, _ rule: RuleRegex, maxLength: Int) throws(StageFailure) -> ICURegex.Match? {
    guard !line.isEmpty, line.count <= maxLength else { return nil }
    let m = try rule.matcher()
    do {
      guard let hit = try m.match(in: s[line], at: 0), hit.range.lowerBound == 0 else { return nil }
      return hit
    } catch { throw rule.failure(error, stage: "segment") }
  }

  /// Where the last row of a table ends: after its cells, one line per column (`lines`), and no
  /// further, so whatever follows the table (a closing paragraph, page furniture) is not read as
  /// a cell.
  func lastRowEnd(_ a: AcceptedMarker, lines: Int, limit: Int) -> Int {
    var end = a.end
    var p = a.end
    var k = 0
    while k < lines {
      while p < limit, isSpaceOrNewline(s[p]) { p += 1 }
      if p >= limit { break }
      // (an attachment's label is no cell: the next attachment starts there, Corpus/heldout101 10104's 附件2 after a row
      // whose cells are fewer than the columns)
      if k > 0, (try? attachmentLine(trimmed(p..<min(lineEnd(p), limit)))) ?? nil != nil { break }
      end = min(lineEnd(p), limit)
      p = end
      k += 1
    }
    // (a cell wrapped after a list separator runs on: `嘉定区、青浦区、松江区、奉贤区政府，` / `临港新片区管委会` as the text's last
    // row; Corpus/heldout170 17001)
    while k == lines, let last = trimmed(a.start..<end).last, Self.cellContinuations.contains(s[last]) {
      var q = end
      while q < limit, isSpaceOrNewline(s[q]) { q += 1 }
      guard q < limit, (try? attachmentLine(trimmed(q..<min(lineEnd(q), limit)))) ?? nil == nil else { break }
      end = min(lineEnd(q), limit)
    }
    // (and a name's last characters wrapped onto a line of their own, up to three Chinese characters and nothing after them
    // before the limit: `省海洋综合执法总` / `队` as the text's last row; Corpus/heldout166 16602)
    if k == lines {
      var q = end
      while q < limit, isSpaceOrNewline(s[q]) { q += 1 }
      if q < limit {
        let tail = trimmed(q..<min(lineEnd(q), limit))
        if tail.count <= 3, s[tail].allSatisfy(isIdeographic), !hasText(from: tail.upperBound, to: limit) { end = tail.upperBound }
      }
    }
    return trimmed(a.start..<end).upperBound
  }

  /// Characters ending a table cell's line that say the cell goes on on the next line.
  static let cellContinuations: Set<Unicode.Scalar> = ["、", "，", ","]

  /// A known section title (`heading.run_on_titles`, or an entry's title in the notice's table of contents) that a scrape ran
  /// together with the body after it (`一、总体要求全面贯彻…`, `2.1应急指挥机构区经济发展局在…`): the title, if more text follows
  /// it on the line.
  func runOnTitle(_ line: Range<Int>) -> String? {
    for title in rules.runOnTitles + tableOfContentsTitles where title.count < line.count {
      var ok = true
      for (k, c) in title.enumerated() where s[line.lowerBound + k] != c {
        ok = false
        break
      }
      if ok, !isPunctuation(s[line.lowerBound + title.count]) {
        return text(line.lowerBound..<(line.lowerBound + title.count))
      }
    }
    return nil
  }
}
