import GongwenCore
import ICUKit

/// Units: the accepted markers as clause units with their ranges, headings and tables.
extension SegmentRun {
  // MARK: Units

  mutating func units() throws(StageFailure) -> [ClauseUnit] {
    try scan()
    try findTables()
    findRunTogetherRows()
    try acceptMarkers()
    guard !accepted.isEmpty else {
      // (the pipeline reports `no_numbered_clauses` for a document without tasks)
      // without clauses the header is still at the top: look for metadata in the first few pages only
      preambleEnd = min(n, 4000)
      return []
    }
    preambleEnd = accepted.first(where: \.emit)?.start ?? accepted[0].start
    // own ranges
    var ends = [Int](repeating: 0, count: accepted.count)
    for i in accepted.indices {
      guard i + 1 < accepted.count else {
        ends[i] = lastUnitEnd(accepted[i])
        continue
      }
      let next = accepted[i + 1].start
      if let p = plans.first(where: { $0.range.contains(accepted[i].start) }), next >= p.range.upperBound {
        // an attached plan's last clause: it ends where the plan does, not at the next attachment's first clause
        ends[i] = lastUnitEnd(accepted[i], limit: p.range.upperBound)
      } else if accepted[i].start < bodyClosingLimit, next >= bodyClosingLimit {
        // the notice's last clause before an attached table read after the signature: it ends at
        // the closing block, as the last clause does
        ends[i] = lastUnitEnd(accepted[i], limit: bodyClosingLimit)
      } else if let p = plans.first(where: { $0.range.lowerBound > accepted[i].start && $0.range.lowerBound <= next }) {
        // the last clause or row before an attached plan: it ends before the plan's attachment line
        ends[i] = lastUnitEnd(accepted[i], limit: p.range.lowerBound)
      } else if let t = accepted[i].table, let h = tableStarts.firstIndex(where: { $0 > accepted[i].start && $0 < next }) {
        if tables[h].columns == tables[t].columns,
          !tableAttachmentLines.contains(where: { $0 > accepted[i].start && $0 < tableStarts[h] })
        {
          // a table's last row before its header printed again on the next page: every line up to that header (a PDF's
          // cells wrapped over more lines than there are columns; Corpus/heldout166 16602)
          ends[i] = trimmed(accepted[i].start..<lineStart(tableStarts[h])).upperBound
        } else {
          // a table's last row before another table: its cells, not the next table's title and header
          ends[i] = lastRowEnd(accepted[i], lines: rowHeader(t).columns.count, limit: lineStart(tableStarts[h]))
        }
      } else if let t = accepted[i + 1].table, repeatedLeadingCells.contains(t), let cell = previousLine(next), cell.lowerBound > accepted[i].end {
        // before a row of a table whose leading column's cell stands before every row: that cell is the next row's
        ends[i] = cell.lowerBound
      } else if let l = tableAttachmentLines.first(where: { $0 > accepted[i].start && $0 < next }) {
        // the last clause before a table printed as an attachment: it ends before the attachment's line (`附件1`, or the
        // table's title line, `tables.titled_attachment`), which belongs to the table
        ends[i] = lastUnitEnd(accepted[i], limit: l)
      } else {
        ends[i] = next
      }
    }
    // per marker-rowed table: where it ends and how deep its first row is (`markerTableColumns`), found once
    var markerRows: [Int: (end: Int, depth: Int)] = [:]
    for t in markerTables {
      if let firstRow = accepted.first(where: { $0.start > tableStarts[t] }) {
        markerRows[t] = (closingAfter(tableStarts[t]), firstRow.path.count)
      }
    }
    var units: [ClauseUnit] = []
    units.reserveCapacity(accepted.count)
    for i in accepted.indices where accepted[i].emit {
      let a = accepted[i]
      let own = a.start..<max(a.end, ends[i])
      let body = trimmed(a.end..<own.upperBound)
      // end of this unit's subtree (for "is the heading followed by more text")
      var j = i + 1
      var subtreeEnd = own.upperBound
      while j < accepted.count, accepted[j].path.count > a.path.count,
        accepted[j].path.starts(with: a.path)
      {
        subtreeEnd = ends[j]
        j += 1
      }
      var table = a.table.map { rowHeader($0) } ?? markerTableColumns(a, markerRows)
      // a numbered line inside a row's task cell (heldout6 701: row `1`, its items `1.`…`7.`, each with
      // its own 牵头领导 / 责任单位 cells): read against the row's columns from the task column on
      // (looked for only in a document with a table: the search for the parent runs back over the units)
      if table == nil, !tables.isEmpty, let parent = accepted[..<i].last(where: { $0.path == Array(a.path.dropLast()) }),
        let t = parent.table
      {
        let h = rowHeader(t)
        table = TableHeader(columns: Array(h.columns[h.taskColumn...]), taskColumn: 0)
      }
      let sectionRow = table == nil ? sectionRows[a.start] : nil
      if let sectionRow { table = tables[sectionRow] }
      units.append(ClauseUnit(path: a.path, markers: a.markers, schemes: a.schemes, markerRange: a.start..<a.end,
                              ownRange: own, bodyRange: body,
                              heading: try heading(body: body, subtreeEnd: subtreeEnd, tableRow: a.table != nil || sectionRow != nil),
                              table: table, runTogetherRow: a.runTogether))
    }
    return units
  }

  /// The columns a clause marker in a marker-rowed table (`markerTables`) stands for: its level under the table's first
  /// row's is its column (`一、` the 类别 column, `1.` the 项目 column), and its unit is read against the columns from there
  /// on; nil outside such a table (after the next table's start or its closing line), or below the task column. `rows`: per
  /// marker-rowed table, where it ends and its first row's depth.
  func markerTableColumns(_ a: AcceptedMarker, _ rows: [Int: (end: Int, depth: Int)]) -> TableHeader? {
    guard a.table == nil, !rows.isEmpty, let t = tableStarts.lastIndex(where: { $0 < a.start }), let row = rows[t], a.start < row.end
    else { return nil }
    let d = a.path.count - row.depth
    let header = tables[t]
    guard d >= 0, d <= header.taskColumn else { return nil }
    return TableHeader(columns: Array(header.columns[d...]), taskColumn: header.taskColumn - d)
  }

  /// The first closing line after `p`, or the text's end.
  func closingAfter(_ p: Int) -> Int { closingStarts.first(where: { $0 > p }) ?? n }

  /// Where the last clause ends: a heading-only clause (`（四）强化人员培训和舆论引导`) runs on to the
  /// closing block; a clause whose marker line is running text ends with its paragraph (continuing
  /// over line breaks that fall mid-sentence), so a closing paragraph after it (004's
  /// `全市深化医药卫生体制改革工作任务艰巨…`) and the signature are not part of it.
  func lastUnitEnd(_ a: AcceptedMarker, limit: Int? = nil) -> Int {
    let limit = limit ?? closingLimit
    if let t = a.table { return lastRowEnd(a, lines: rowHeader(t).columns.count, limit: limit) }
    var bs = a.end
    while bs < limit, isHSpace(s[bs]) { bs += 1 }
    let le = min(lineEnd(bs), limit)
    // a heading line: short, and either one sentence ending at the end of the line
    // (`（三）严格绩效考核。`) or no sentence punctuation and no comma at all (a line with a comma and no
    // sentence end is a sentence broken over lines, handled below)
    let line = trimmed(bs..<max(bs, le))
    var headingOnly = !line.isEmpty && line.count <= rules.headingMaxLength
    if headingOnly {
      let endsSentence = rules.headingTerminators.contains(s[line.upperBound - 1])
      for i in line.lowerBound..<(line.upperBound - (endsSentence ? 1 : 0)) {
        if rules.sentenceMarks.contains(s[i]) || (!endsSentence && (s[i] == "，" || s[i] == ",")) {
          headingOnly = false
          break
        }
      }
    }
    var end = le
    if headingOnly || labelIntroducesList(line)
      || a.schemes.last.flatMap({ id in rules.schemes.first { $0.id == id } })?.wholeParagraphs == true
    {
      end = limit
    } else {
      while end < limit {
        var q = end - 1
        while q >= bs, isSpaceOrNewline(s[q]) { q -= 1 }
        if q < bs { break }
        let c = s[q]
        // a line ending in a colon introduces the lines after it (其职责分工为：⏎教委：负责…⏎建委：负责…;
        // Corpus/heldout42 4304): they are the clause's, up to the closing block
        if c == "：" || c == ":" { return trimmed(a.start..<limit).upperBound }
        let final = rules.sentenceMarks.contains(c) || isCloseBracket(c)
          || c.properties.generalCategory == .finalPunctuation || c.properties.generalCategory == .closePunctuation
        if final { break }
        // mid-sentence line break: the paragraph continues on the next non-blank line
        var k = end
        while k < limit, isSpaceOrNewline(s[k]) { k += 1 }
        if k >= limit { break }
        end = min(lineEnd(k), limit)
      }
      // label lines right after it (牵头单位：区发改局 / 主要协作单位：… on their own lines) are its
      // attribution, not a closing paragraph; so are paragraphs of a department's duties (公安部门负责…;
      // `heading.duty_lines`)
      let ownEnd = end
      while end < limit {
        var k = end
        while k < limit, isSpaceOrNewline(s[k]) { k += 1 }
        if k >= limit { break }
        let next = min(lineEnd(k), limit)
        let line = trimmed(k..<next)
        guard isLabelLine(line) || isDutyLine(line) || isFieldLine(line) else { break }
        end = next
      }
      if end == ownEnd, !endsWithAttribution(trimmed(bs..<end)) { end = attributedParagraphs(after: end, limit: limit) }
    }
    return trimmed(a.start..<end).upperBound
  }

  /// Where the last clause ends when one of the next `sequence.attributed_paragraphs_after_last` paragraphs closes with a
  /// department attribution: that paragraph and those before it are the clause's, as an attribution closes a clause and no
  /// numbered clause follows (`十、加强组织领导 各片区…信息保障。` / `区管委会根据…同等的社会救助待遇。（责任单位：各片区开发管理局、
  /// …）`; Corpus/heldout148 14801). Otherwise `end`. Only asked for a clause whose own paragraph has no attribution of its
  /// own: after one that has, a paragraph with its own may be a clause whose marker was lost (Corpus/unseen 106's garbled
  /// `？。ㄎ澹┘…（牵头单位：市金融办；…）` after `（四）…（牵头单位：市交委；…）`). A regex error or timeout counts as no attribution.
  func attributedParagraphs(after end: Int, limit: Int) -> Int {
    var p = end
    for _ in 0..<rules.attributedParagraphsAfterLast {
      var k = p
      while k < limit, isSpaceOrNewline(s[k]) { k += 1 }
      if k >= limit { break }
      let next = min(lineEnd(k), limit)
      let line = trimmed(k..<next)
      guard !line.isEmpty else { break }
      if endsWithAttribution(line) { return next }
      p = next
    }
    return end
  }

  /// Does `r` end with a department attribution's closing bracket? A regex error or timeout counts as no.
  func endsWithAttribution(_ r: Range<Int>) -> Bool {
    guard let last = r.last, isCloseBracket(s[last]) else { return false }
    return (try? attributionCloses(at: last)) ?? false
  }

  /// A marker line that starts with a short title ending in a colon, running on into the first entry of
  /// what it introduces (`5、部门主要职责：省民政厅组织、协调救灾工作；…`, the other departments' duties on the
  /// lines after it; Corpus/heldout44 4504): the title is at most `heading.label_max_length` characters of
  /// Chinese text, with no punctuation.
  func labelIntroducesList(_ line: Range<Int>) -> Bool { labelTitleColon(line) != nil }

  /// Where the colon after a line's short title stands (`heading.label_max_length` Chinese characters at most, at least two,
  /// more text after the colon); nil when the line does not start so.
  func labelTitleColon(_ line: Range<Int>) -> Int? {
    guard rules.labelMaxLength > 0 else { return nil }
    var k = line.lowerBound
    let cap = min(line.upperBound, k + rules.labelMaxLength + 1)
    while k < cap, isIdeographic(s[k]) { k += 1 }
    guard k > line.lowerBound + 1, k < cap, s[k] == "：" || s[k] == ":", k + 1 < line.upperBound else { return nil }
    return k
  }

  /// A label that names a body or its duties (`heading.label_title_exclude`, matched against the whole label): no title.
  /// A regex error or timeout counts as yes.
  func isExcludedLabelTitle(_ r: Range<Int>) -> Bool {
    guard let rule = rules.labelTitleExclude else { return false }
    let text = Array(s[r])
    do {
      guard let m = try rule.matcher().match(in: text, at: 0) else { return false }
      return m.range.upperBound == text.count
    } catch {
      return true
    }
  }

  /// A paragraph that starts like a department's duties (`heading.duty_lines`, matched at its start). A regex error
  /// or timeout counts as no.
  func isDutyLine(_ r: Range<Int>) -> Bool {
    guard let rule = rules.dutyLines, !r.isEmpty else { return false }
    let text = Array(s[r.lowerBound..<min(r.upperBound, r.lowerBound + 60)])
    // (an anchored match: it starts at the paragraph's start)
    guard let re = try? rule.matcher(), (try? re.match(in: text, at: 0)) != nil else { return false }
    return true
  }

  /// A line of a task's other field (`牵头领导：刘兴达`, `完成时限：2023年底`; `sequence.field_line_labels`): a label and its colon
  /// at the line's start, among the label lines of the last clause (Corpus/heldout178 17801).
  func isFieldLine(_ r: Range<Int>) -> Bool {
    guard !r.isEmpty, r.count <= 80 else { return false }
    return rules.fieldLineLabels.contains { w in
      r.count > w.count && hasPrefix(w, at: r.lowerBound) && (s[r.lowerBound + w.count] == "：" || s[r.lowerBound + w.count] == ":")
    }
  }

  /// A line that is a labelled attribution on its own (`牵头单位：区发改局`, `主要协作单位：…`): a
  /// colon within its first eight characters, and the line in brackets is a whole
  /// `sequence.attribution` match. A regex error or timeout counts as no.
  func isLabelLine(_ r: Range<Int>) -> Bool {
    guard !r.isEmpty, r.count <= 240 else { return false }
    guard s[r.lowerBound..<min(r.upperBound, r.lowerBound + 8)].contains(where: { $0 == "：" || $0 == ":" }) else {
      return false
    }
    let text: [Unicode.Scalar] = ["（"] + Array(s[r]) + ["）"]
    guard let re = try? rules.attributionRegex.matcher(), let m = try? re.match(in: text, at: 0) else { return false }
    return m.range.upperBound == text.count
  }

  /// A title glued to the first words of its body (`heading.run_on_openers`): `明确网格监管工作重点一是加强巡查报告。…二是…`. The
  /// title is at least four Chinese characters (names apart by 、 may stand in it), within `heading.max_length`, and an opener
  /// counting from one (一是, 一要) must have its second (二是, 二要) later in the unit.
  func runOnOpenerTitle(_ line: Range<Int>, subtreeEnd: Int) -> String? {
    guard !rules.runOnOpeners.isEmpty else { return nil }
    let minTitle = 4
    var k = line.lowerBound
    let cap = min(line.upperBound, line.lowerBound + rules.headingMaxLength + 1)
    while k < cap, isIdeographic(s[k]) || s[k] == "、" {
      if k - line.lowerBound >= minTitle, isIdeographic(s[k - 1]) {
        for w in rules.runOnOpeners where k + w.count < line.upperBound && hasPrefix(w, at: k) {
          if w[0] == "一" {
            let second: [Unicode.Scalar] = ["二"] + w.dropFirst()
            let end = min(subtreeEnd, n)
            guard ((k + w.count)..<max(k + w.count, end)).contains(where: { i in i + second.count <= end && hasPrefix(second, at: i) })
            else { continue }
          }
          return text(line.lowerBound..<k)
        }
      }
      k += 1
    }
    return nil
  }

  /// A table row's task cell wrapped over lines of its own (a PDF's narrow column: `文化执法领域（含文化` / `、旅游、文物、出版、` /
  /// `广播、电视、电影）`; Corpus/heldout166 16602), as one line: from `line`, the next lines while a bracket is still open or the
  /// next line starts with `、` or `，` (no cell starts so), within `heading.max_length`. nil when the cell is one line.
  func wrappedCell(from line: Range<Int>, limit: Int) -> String? {
    /// The brackets still open after `r`, `d` open before it.
    func depth(_ r: Range<Int>, after d: Int) -> Int {
      r.reduce(d) { d, i in isOpenBracket(s[i]) ? d + 1 : isCloseBracket(s[i]) ? max(0, d - 1) : d }
    }
    var parts = [line]
    var open = depth(line, after: 0)
    var length = line.count
    while let next = nextLine(after: parts[parts.count - 1].lowerBound), next.lowerBound < limit {
      let r = trimmed(next.lowerBound..<min(next.upperBound, limit))
      guard !r.isEmpty, open > 0 || s[r.lowerBound] == "、" || s[r.lowerBound] == "，", length + r.count <= rules.headingMaxLength
      else { break }
      parts.append(r)
      length += r.count
      open = depth(r, after: open)
    }
    guard parts.count > 1, open == 0 else { return nil }
    return parts.map { text($0) }.joined()
  }

  /// The heading of a unit. A table row's task cell without a sentence end is its heading only
  /// when cells follow it (a row cut off after its task text, as at the end of an excerpt, has none).
  func heading(body: Range<Int>, subtreeEnd: Int, tableRow: Bool = false) throws(StageFailure) -> String? {
    guard !body.isEmpty else { return nil }
    let bs = body.lowerBound
    let le = lineEnd(bs, limit: body.upperBound)
    var line = trimmed(bs..<le)
    var firstMark: Int? = nil
    var firstTerm: Int? = nil
    let marks = rules.sentenceMarks, terminators = rules.headingTerminators
    s.withUnsafeBufferPointer { s in
      for i in line {
        let c = s[i]
        if firstMark == nil, marks.contains(c) { firstMark = i }
        if firstTerm == nil, terminators.contains(c) { firstTerm = i }
        if firstMark != nil, firstTerm != nil { break }
      }
    }
    // (a title the scrape ran together with the body's first words: `（一）落实网格监管工作责任一是建立…`; Corpus/heldout156 15601)
    if !tableRow, let title = runOnOpenerTitle(line, subtreeEnd: subtreeEnd) { return title }
    if firstMark == nil {
      // a heading line closed by its own attribution: 一、加快调整能源结构（省发改委总牵头）
      if let last = line.last, isCloseBracket(s[last]), let open = try attributionStart(closingAt: last), open > line.lowerBound {
        line = line.lowerBound..<open
      }
      while !line.isEmpty, rules.headingTrim.contains(s[line.upperBound - 1]) || isHSpace(s[line.upperBound - 1]) {
        line = line.lowerBound..<(line.upperBound - 1)
      }
      guard !line.isEmpty, line.count <= rules.headingMaxLength else { return nil }
      if tableRow, !hasText(from: le, to: subtreeEnd) { return nil }
      if tableRow, let wrapped = wrappedCell(from: line, limit: subtreeEnd) { return wrapped }
      return text(line)
    }
    guard let t = firstTerm, t > bs, t - bs <= rules.headingMaxLength else {
      // (a first sentence too long for a heading that starts with a short title and a colon: the title,
      // `1、工矿仓储用地：列入…的企业;存在…的企业;…`; Corpus/heldout153 15301)
      if let title = runOnTitle(line) { return title }
      guard let colon = labelTitleColon(line), !isExcludedLabelTitle(line.lowerBound..<colon) else { return nil }
      return text(line.lowerBound..<colon)
    }
    guard hasText(from: t + 1, to: subtreeEnd) else { return nil }
    var h = trimmed(bs..<t)
    while !h.isEmpty, rules.headingTrim.contains(s[h.upperBound - 1]) { h = h.lowerBound..<(h.upperBound - 1) }
    return h.isEmpty ? nil : text(h)
  }
}
