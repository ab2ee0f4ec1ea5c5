import GongwenCore
import ICUKit

// Rows of flattened tables read against their columns, and labelled lists (`牵头单位：…`).

extension Engine {
  /// The roles a table column gives its cells: a column named like a label (`主要责任单位`,
  /// `协同配合单位`, `牵头责任单位`) gives that label's roles; nil for any other column (a person
  /// column such as `分管县领导` or a deadline column is never read as departments).
  func columnRoles(_ name: [Unicode.Scalar]) -> RoleWord? {
    if let l = r.labels.first(where: { $0.text == name }) { return l }
    // a name with a bracketed note after it is that name's column (`责任部门（单位）`; Corpus/heldout114 11402)
    if name.count > 3, let last = name.last, closeSet.contains(last), let open = name.lastIndex(where: { openSet.contains($0) }), open > 0,
      !name[..<open].contains(where: { openSet.contains($0) || closeSet.contains($0) })
    {
      return columnRoles(Array(name[..<open]))
    }
    // a column named like a label not in the list (`label_inference`): 牵头负责部门, 共同责任单位; never one
    // the rules ignore (persons, deadlines)
    guard !name.isEmpty, !r.ignoredLabels.contains(name), !r.ignoredColumns.contains(name) else { return nil }
    let probe = name + [labelColon]
    guard let m = inferredLabel(probe[...], at: 0), m.end == probe.count else { return nil }
    return m.label
  }

  /// Columns after the task column that are neither labels nor ignored: their cells are skipped.
  func unknownColumns(_ header: TableHeader) -> [String] {
    header.columns.dropFirst(header.taskColumn + 1).filter { c in
      let name = Array(c.unicodeScalars)
      return columnRoles(name) == nil && !r.ignoredLabels.contains(name) && !r.ignoredColumns.contains(name)
    }
  }

  /// A table row: the unit's lines are the cells of the columns from the task column on (after any
  /// columns before it), one line each. When the row has at least one line per column, the cells
  /// after the task text are its last lines (a task text over several lines, as from a cell with
  /// paragraphs, keeps the rest aligned); with fewer lines (empty cells leave none) they are paired
  /// with the columns in order. Each cell of a role column is parsed as `<label>：<cell>`, so it is
  /// split like any list (、，,；, or a space between two names) and canonicalised like any attribution. The range runs from the
  /// first cell after the task text to the last, so the task text stays the unit's text.
  func tableRow(in s: [Unicode.Scalar], unit: ClauseUnit, header: TableHeader) throws(StageFailure) -> Found? {
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    // (a cell wrapped over lines: a line ending with 、 or ， goes on in the next one, `区建设管理委、区发展改革委、⏎区水务局、
    // 区交通委，⏎各街镇`; Corpus/heldout100 10004)
    var lines: [Range<Int>] = []
    for line in nonBlankLines(s, lo, hi) {
      if let previous = lines.last, let end = s[previous].last, cellContinues.contains(end) {
        lines[lines.count - 1] = previous.lowerBound..<line.upperBound
      } else {
        lines.append(line)
      }
    }
    let task = header.taskColumn
    let after = header.columns.count - task - 1
    // (`columns` and `lines` leave out the row's number: `lines[k]` is under `columns[k]` in a full row)
    guard lines.count >= 2 else { return nil }
    // (a name wrapped inside a narrow cell, `区土方工作` / `专班`, in a row with more lines than columns: one line; Corpus/heldout104
    // 10401's 附件3)
    if lines.count > header.columns.count { try joinWrappedNames(&lines, s) }
    // (a role cell written as labelled lists over lines of their own reads by its labels, whatever columns the lines fall under)
    if after > 0, let f = try labelledLines(Array(lines.dropFirst(task + 1)), s) { return f }
    // a department column before the task (`序号 涉及部门 职责分工`, Corpus/heldout22 2303): read in a row
    // with every cell, where its line is known
    // (with more lines than columns, a cell wrapped over lines: its first lines are read so only when every cell of a names
    // column there is names only — the task's own cell, the last column, over several paragraphs; Corpus/heldout106 10605)
    if task > 0, lines.count >= header.columns.count {
      let wrapped = lines.count > header.columns.count
      var parsed = ParsedAttribution(items: [], unknown: [], hasRoleEvidence: true)
      var range: Range<Int>? = nil
      for k in 0..<task {
        guard let label = columnRoles(Array(header.columns[k].unicodeScalars)),
          let p = try wrapped ? namesOnly(lines[k], s, label: label) : cellNames(lines[k], s, label: label)
        else { continue }
        parsed.add(p)
        range = range.map { $0.lowerBound..<lines[k].upperBound } ?? lines[k]
      }
      if let range, !parsed.items.isEmpty {
        let afterTask = after > 0 ? try tableCells(Array(lines.suffix(after)), s, header) : nil
        if let afterTask { parsed.add(afterTask.parsed) }
        return Found(range: range.lowerBound..<(afterTask?.range.upperBound ?? range.upperBound), parsed: parsed)
      }
    }
    guard after > 0 else { return nil }
    // A row with every cell: its last `after` lines. A row with fewer lines than columns lost its empty
    // cells (a flattened table keeps no trace of them): either cells after the task (an empty 备注),
    // read from the task on, or cells before it (a category cell merged over several rows, heldout14
    // 1506: `序号 名称 工作任务 牵头责任单位`, rows `1` / task / `发改委`), read from the row's end. The
    // reading that gives more departments counts; the first on a tie.
    // (a department cell of several lines, one name each, is read by `namesFromTheEnd`)
    // (sub-rows: the task cell merged over several rows of the columns after it, each `after` lines whose names columns hold
    // names or an empty mark; Corpus/heldout104 10401's 附件3)
    if after >= 2, case let rest = lines.count - task - 1, rest >= 2 * after, rest % after == 0,
      let f = try subRows(Array(lines[(task + 1)...]), s, header)
    {
      return f
    }
    let byNames = try namesFromTheEnd(lines, s, header)
    if lines.count >= task + 1 + after {
      let full = try tableCells(Array(lines.suffix(after)), s, header)
      if let byNames, byNames.parsed.items.count > full?.parsed.items.count ?? 0 { return byNames }
      // (more lines than columns, and no names where the reading from the end puts them: a row with sub-rows, `2018年` /
      // `24.3万户` / `各街道办事处` / `区绿化市容局` / `2019年` / `26.5万户` under 节点 / 指标数 / 责任单位 / 配合单位, Corpus/heldout105
      // 10505): the cells right after the task text, read from the start)
      if byNames == nil, lines.count > task + 1 + after, try !namesOnlyAtRoleColumns(Array(lines.suffix(after)), s, header),
        let f = try namesFromTheStart(Array(lines[(task + 1)...]), s, header)
      {
        return f
      }
      return full
    }
    var best: Found? = byNames
    // (unless that reading puts a line of names under a column known to hold none, `年度目标` /
    // `县经济和信息化局`, and the reading from the end gave names: Corpus/heldout65 6501)
    if lines.count > task + 1, let f = try tableCells(Array(lines[(task + 1)...]), s, header) {
      let misplaced = byNames != nil ? try namesUnderKnownColumn(Array(lines[(task + 1)...]), s, header) : false
      if !misplaced { best = f }
    }
    // (and when even cells after the task are missing, the last lines under the last columns: an item
    // line inside a row's task cell whose 牵头领导 cell is merged over several items, heldout6 701)
    let m = min(after, lines.count - 1)
    if let f = try tableCells(Array(lines.suffix(m)), s, header, skipping: after - m),
      f.parsed.items.count > best?.parsed.items.count ?? 0
    {
      best = f
    }
    return best
  }

  /// The cells after a row's task text as sub-rows of `after` lines each (`推动设施建设…` / `区发展改革委` / `区绿化市容局、…`, then
  /// `建立健全…` / `区建设管理委` / `——`): every names column's line in every sub-row reads as names only or is an empty
  /// mark (`——`), every other column's line does not read as names, and two sub-rows or more name someone. The union of
  /// their names; nil otherwise.
  func subRows(_ cells: [Range<Int>], _ s: [Unicode.Scalar], _ header: TableHeader) throws(StageFailure) -> Found? {
    let task = header.taskColumn
    let after = header.columns.count - task - 1
    let roles = ((task + 1)..<header.columns.count).map { columnRoles(Array(header.columns[$0].unicodeScalars)) }
    guard let someRole = roles.compactMap({ $0 }).first else { return nil }
    var parsed = ParsedAttribution(items: [], unknown: [], hasRoleEvidence: true)
    var naming = 0
    for g in stride(from: 0, to: cells.count, by: after) {
      var named = false
      for k in 0..<after {
        let cell = cells[g + k]
        if isEmptyCell(cell, s) { continue }
        if let label = roles[k] {
          // (names, one of them a department's: a cell may list a body that is no department, `属地街镇、区属企业`)
          guard let p = try cellNames(cell, s, label: label), !p.items.isEmpty, p.items.allSatisfy({ $0.name.unicodeScalars.count <= 15 })
          else { return nil }
          var department = false
          for it in p.items where try departmentLike(it.name) {
            department = true
            break
          }
          guard department else { return nil }
          parsed.add(p)
          named = true
        } else if try namesOnly(cell, s, label: someRole) != nil {
          return nil
        }
      }
      if named { naming += 1 }
    }
    guard naming >= 2, let first = cells.first, let last = cells.last else { return nil }
    return Found(range: first.lowerBound..<last.upperBound, parsed: parsed)
  }

  /// A cell holding only a dash or a slash (`——`, `—`, `/`): printed for an empty cell.
  func isEmptyCell(_ cell: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
    !cell.isEmpty && cell.count <= 4 && s[cell].allSatisfy { "—–-－―/／".unicodeScalars.contains($0) }
  }

  /// Joins a line with the line after it where a name was wrapped between them (a narrow cell), as `wrapsName` tells.
  func joinWrappedNames(_ lines: inout [Range<Int>], _ s: [Unicode.Scalar]) throws(StageFailure) {
    var k = 0
    while k + 1 < lines.count {
      if try wrapsName(lines[k], lines[k + 1], s) {
        lines[k] = lines[k].lowerBound..<lines[k + 1].upperBound
        lines.remove(at: k + 1)
      }
      k += 1
    }
  }

  /// Whether a name runs on from line `a` into line `b` (no punctuation at the join):
  /// - the two lines make one name that neither is, the second at most three characters (`区土方工作` / `专班`; Corpus/heldout104
  ///   10401's 附件3);
  /// - or the name cut at `a`'s end (its last item after a `、`, or the whole line when it starts with a `jurisdiction_prefixes`
  ///   word), at most twelve characters and no department itself, makes one with `b`'s first item, which starts with no
  ///   jurisdiction word (a name of its own would: `区绿化市容局`): `省人力资源社会保` / `障厅`, `省税务局、深圳市` / `税务局`,
  ///   `省能源局、国家能` / `源局南方监管局` (a PDF's table, Corpus/heldout166 16602).
  func wrapsName(_ a: Range<Int>, _ b: Range<Int>, _ s: [Unicode.Scalar]) throws(StageFailure) -> Bool {
    guard a.count >= 2, !b.isEmpty, let end = s[a].last, isIdeographic(end), isIdeographic(s[b.lowerBound]) else { return false }
    func text(_ x: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(x)) }
    if b.count <= 3, a.count <= 20, try departmentLike(text(s[a] + s[b])), try !departmentLike(text(s[a])), try !departmentLike(text(s[b])) {
      return true
    }
    func separates(_ c: Unicode.Scalar) -> Bool { c == "、" || c == "，" || c == "," }
    func startsWithPrefix(_ x: ArraySlice<Unicode.Scalar>) -> Bool {
      r.jurisdictionPrefixes.contains { x.starts(with: $0.unicodeScalars) }
    }
    let cutStart = s[a].lastIndex(where: separates).map { $0 + 1 } ?? a.lowerBound
    let cut = s[cutStart..<a.upperBound]
    let rest = s[b].prefix(while: { !separates($0) })
    guard cut.count >= 2, cut.count <= 12, cutStart > a.lowerBound || startsWithPrefix(cut), !startsWithPrefix(rest),
      try !departmentLike(text(cut)), try departmentLike(text(cut + rest))
    else { return false }
    return true
  }

  /// A role cell written as labelled lists over lines of their own (`牵头单位：` / `岚城片区开发管理局` / `配合单位：` /
  /// `区环境与国土资源局` / `区规划局`, or `牵头单位：区社会事业局配合单位：区经济发展局` / `区环境与国土资源局`: a flattened page's table
  /// whose every space became a cell break; Corpus/heldout144 14401): a line starting with a label is read as a labelled list,
  /// and the lines of names only right after it take the role of its last label. nil without a label line that names
  /// departments itself or is followed by a line of names.
  func labelledLines(_ lines: [Range<Int>], _ s: [Unicode.Scalar]) throws(StageFailure) -> Found? {
    var parsed = ParsedAttribution(items: [], unknown: [], hasRoleEvidence: true)
    var range: Range<Int>? = nil
    var k = 0
    while k < lines.count {
      let line = lines[k]
      k += 1
      guard labelMatch(s[line], at: line.lowerBound) != nil else { continue }
      var last: RoleWord? = nil
      for p in line where labelStartSet.contains(s[p]) || Self.opensLabel(s[p]) {
        if let m = labelMatch(s[line], at: p) { last = m.label }
      }
      guard let last else { continue }
      var taken = false
      if let own = try parse(s, line, shape: .labelled), !own.items.isEmpty {
        parsed.add(own)
        taken = true
      }
      var end = line.upperBound
      while k < lines.count, labelMatch(s[lines[k]], at: lines[k].lowerBound) == nil,
        let p = try namesOnly(lines[k], s, label: last), !p.items.isEmpty
      {
        parsed.add(p)
        end = lines[k].upperBound
        taken = true
        k += 1
      }
      if taken { range = (range?.lowerBound ?? line.lowerBound)..<end }
    }
    guard let range, !parsed.items.isEmpty else { return nil }
    return Found(range: range, parsed: parsed)
  }

  /// A row read from its end by content, when one column after the task gives departments: each
  /// other column takes one line unless it is a known column without names (a deadline, a person)
  /// and that line reads as names (then its cell is empty), and the department
  /// column takes every line before that reads as names (a cell of one name per line: `县水务局` /
  /// `县住建局` / `县护城河指挥部`, then `12月底前`; Corpus/heldout22 2301). At least one line is left for
  /// the task.
  func namesFromTheEnd(_ lines: [Range<Int>], _ s: [Unicode.Scalar], _ header: TableHeader) throws(StageFailure) -> Found? {
    let task = header.taskColumn
    let columns = header.columns.indices.filter { $0 > task }
    let roles = columns.map { columnRoles(Array(header.columns[$0].unicodeScalars)) }
    let labels = roles.compactMap { $0 }
    guard labels.count == 1 else { return nil }
    func names(_ line: Range<Int>, _ label: RoleWord) throws(StageFailure) -> ParsedAttribution? {
      try namesOnly(line, s, label: label)
    }
    func known(_ c: Int) -> Bool { knownColumn(header.columns[columns[c]]) }
    var k = lines.count - 1
    var parsed = ParsedAttribution(items: [], unknown: [], hasRoleEvidence: true)
    var first: Int? = nil, last: Int? = nil
    for c in roles.indices.reversed() {
      guard k >= 1 else { break }
      if let label = roles[c] {
        // (a line is left for each unknown column before it, which takes its line whatever it holds)
        let reserved = roles.indices.filter { $0 < c && roles[$0] == nil && !known($0) }.count
        var taken: [ParsedAttribution] = []
        while k >= 1 + reserved, let p = try names(lines[k], label) {
          taken.append(p)
          if last == nil { last = lines[k].upperBound }
          first = lines[k].lowerBound
          k -= 1
        }
        for p in taken.reversed() { parsed.add(p) }
      } else {
        // a known column that holds no names (a deadline, a person) is empty when its line is names; an
        // unknown column takes its line whatever it holds
        var empty = false
        if known(c) { empty = try names(lines[k], labels[0]) != nil }
        if !empty {
          k -= 1
          // (a cell right after the names' column wrapped over lines, `《本市…海绵` / `城市建设的实施意见》` /
          // `（沪府办发〔2024〕3号）`: its lines above the last, up to three, when a line of names stands right above them;
          // Corpus/heldout100 10004)
          if c > 0, roles[c - 1] != nil {
            var j = k
            while j >= 1, k - j < 3, try names(lines[j], labels[0]) == nil { j -= 1 }
            if j >= 1, j < k, try names(lines[j], labels[0]) != nil { k = j }
          }
        }
      }
    }
    guard !parsed.items.isEmpty, let first, let last else { return nil }
    return Found(range: first..<last, parsed: parsed)
  }

  /// Whether every cell of `cells` (under the columns after the task) that stands under a names column reads as names
  /// only, and one does.
  func namesOnlyAtRoleColumns(_ cells: [Range<Int>], _ s: [Unicode.Scalar], _ header: TableHeader) throws(StageFailure) -> Bool {
    let task = header.taskColumn
    var any = false
    for (k, cell) in cells.enumerated() where task + 1 + k < header.columns.count {
      guard let label = columnRoles(Array(header.columns[task + 1 + k].unicodeScalars)) else { continue }
      guard try namesOnly(cell, s, label: label) != nil else { return false }
      any = true
    }
    return any
  }

  /// A row's cells after the task text read from the start: each column takes one line, the last names column every
  /// line from there that reads as names only (a cell of one name per line: `区文明办` / `区绿化市容局` / `区房管局`); nil
  /// unless the first names column gets a line of names (a later one may be empty: `区绿化市容局` then `2019年`), and what
  /// follows the last column is left alone (later sub-rows of the same row: `2019年` / `440个`).
  func namesFromTheStart(_ lines: [Range<Int>], _ s: [Unicode.Scalar], _ header: TableHeader) throws(StageFailure) -> Found? {
    let task = header.taskColumn
    let columns = Array((task + 1)..<header.columns.count)
    let roles = columns.map { columnRoles(Array(header.columns[$0].unicodeScalars)) }
    guard let lastRole = roles.lastIndex(where: { $0 != nil }) else { return nil }
    var parsed = ParsedAttribution(items: [], unknown: [], hasRoleEvidence: true)
    var range: Range<Int>? = nil
    var k = 0
    for (i, role) in roles.enumerated() {
      guard k < lines.count else { return nil }
      guard let label = role else {
        k += 1
        continue
      }
      var taken = 0
      while k < lines.count, taken == 0 || i == lastRole, let p = try namesOnly(lines[k], s, label: label) {
        parsed.add(p)
        range = range.map { $0.lowerBound..<lines[k].upperBound } ?? lines[k]
        k += 1
        taken += 1
      }
      guard taken > 0 || range != nil else { return nil }
    }
    guard let range, !parsed.items.isEmpty else { return nil }
    return Found(range: range, parsed: parsed)
  }

  /// A cell read as names only: a label lets a list hold a plausible non-department (联合教育部门，邀请…
  /// 家长), a cell read by its content may not.
  func namesOnly(_ line: Range<Int>, _ s: [Unicode.Scalar], label: RoleWord) throws(StageFailure) -> ParsedAttribution? {
    guard let p = try cellNames(line, s, label: label) else { return nil }
    for it in p.items where try !departmentLike(it.name) { return nil }
    return p
  }

  /// A column known to hold no departments (a deadline, a person, a target: `ignored_labels`,
  /// `ignored_columns`).
  func knownColumn(_ name: String) -> Bool {
    let sc = Array(name.unicodeScalars)
    return r.ignoredLabels.contains(sc) || r.ignoredColumns.contains(sc)
  }

  /// Whether reading `cells` under the columns after the task puts a line of names under a known
  /// column that holds none: then the row lost cells before those columns, not after.
  func namesUnderKnownColumn(_ cells: [Range<Int>], _ s: [Unicode.Scalar], _ header: TableHeader) throws(StageFailure) -> Bool {
    let task = header.taskColumn
    var label: RoleWord? = nil
    for c in header.columns.dropFirst(task + 1) where label == nil { label = columnRoles(Array(c.unicodeScalars)) }
    guard let label else { return false }
    for (k, cell) in cells.enumerated() where task + 1 + k < header.columns.count {
      if knownColumn(header.columns[task + 1 + k]), try namesOnly(cell, s, label: label) != nil { return true }
    }
    return false
  }

  /// The names in one table cell under a column that stands for `label`, read as `label：cell`. Names
  /// in a cell may stand apart with a space only (`县教体局 各相关乡镇政府`; Normalize keeps such spaces
  /// inside tables): read as an enumeration comma.
  func cellNames(_ cell: Range<Int>, _ s: [Unicode.Scalar], label: RoleWord) throws(StageFailure) -> ParsedAttribution? {
    // (a cell wrapped over lines after 、 or ， is one list: its line breaks go)
    var value = s[cell].filter { $0 != "\n" }
    for i in value.indices.dropFirst().dropLast() where value[i] == " " && isIdeographic(value[i - 1]) && isIdeographic(value[i + 1]) {
      value[i] = "、"
    }
    value = try gluedNamesApart(value)
    let content = label.text + [labelColon] + value
    return try parse(content, 0..<content.count, shape: .labelled)
  }

  /// A cell's names run together without a separator (`区环境与国土资源局区规划局`, `区交通与建设局区经济发展局`: a flattened
  /// page's table lost the space between them; Corpus/heldout144 14401) get an enumeration comma between them: where a name
  /// of at least four characters ends with a `department_suffixes` word and the cell's jurisdiction prefix (the
  /// `jurisdiction_prefixes` word it starts with) starts a name again, both reading as departments.
  func gluedNamesApart(_ value: [Unicode.Scalar]) throws(StageFailure) -> [Unicode.Scalar] {
    guard value.count >= 8,
      let prefix = r.jurisdictionPrefixes.first(where: { value.starts(with: $0.unicodeScalars) }).map({ Array($0.unicodeScalars) })
    else { return value }
    func separates(_ c: Unicode.Scalar) -> Bool { c == "、" || c == "，" || c == "," }
    var out: [Unicode.Scalar] = []
    var nameStart = 0
    for i in value.indices {
      if i - nameStart >= 4, value[i] == prefix[0], value[i...].starts(with: prefix),
        case let name = String(String.UnicodeScalarView(value[nameStart..<i])), names.departmentSuffix(name, fast: names.fast(name)) != nil,
        case let rest = value[i...].prefix(while: { !separates($0) }), rest.count >= 3,
        try departmentLike(String(String.UnicodeScalarView(rest))), try departmentLike(name)
      {
        out.append("、")
        nameStart = i
      }
      if separates(value[i]) { nameStart = i + 1 }
      out.append(value[i])
    }
    return out
  }

  /// The departments of a row's cells after its task, `cells[k]` under the k-th column after the
  /// task column (after `skipping` more columns).
  func tableCells(_ cells: [Range<Int>], _ s: [Unicode.Scalar], _ header: TableHeader, skipping: Int = 0) throws(StageFailure) -> Found? {
    let task = header.taskColumn + skipping
    var parsed = ParsedAttribution(items: [], unknown: [], hasRoleEvidence: true)
    for (k, cell) in cells.enumerated() where task + 1 + k < header.columns.count {
      guard let label = columnRoles(Array(header.columns[task + 1 + k].unicodeScalars)),
        let p = try cellNames(cell, s, label: label)
      else { continue }
      parsed.add(p)
    }
    guard !parsed.items.isEmpty, let first = cells.first, let last = cells.last else { return nil }
    return Found(range: first.lowerBound..<last.upperBound, parsed: parsed)
  }

  /// The opening bracket matching the closing one at `c`, nesting counted, within `max_length`.
  func findOpener(_ s: [Unicode.Scalar], closeAt c: Int, lo: Int) -> Int? {
    var depth = 1
    var p = c - 1
    let limit = max(lo, c - r.maxLength)
    while p >= limit {
      let ch = s[p]
      if closeSet.contains(ch) { depth += 1 } else if openSet.contains(ch) {
        depth -= 1
        if depth == 0 { return p }
      }
      p -= 1
    }
    return nil
  }

  /// Does a label (with its colon) start at `p`?
  func label(at p: Int, in s: [Unicode.Scalar], before end: Int) -> RoleWord? {
    labelMatch(s[..<end], at: p)?.label
  }

  func lineStart(_ s: [Unicode.Scalar], before end: Int, lo: Int) -> Int {
    var p = end
    let limit = max(lo, end - r.maxLength)
    while p > limit && s[p - 1] != "\n" { p -= 1 }
    return p
  }

  func labelled(_ s: [Unicode.Scalar], end: Int, lo: Int) throws(StageFailure) -> Found? {
    // the line start (`lineStart`), noting whether the line holds a colon: a label is followed
    // by one, so a line without any has no labelled list
    var ls = end
    var colon = false
    let limit = max(lo, end - r.maxLength)
    while ls > limit && s[ls - 1] != "\n" {
      if colonSet.contains(s[ls - 1]) || Self.closesLabel(s[ls - 1]) { colon = true }
      ls -= 1
    }
    // a label alone on the line before, its list on this line (`牵头部门：` / `区流水片区开发管理局、…推进单位：…`, a page's space after
    // the colon read as a line break; Corpus/heldout152 15201)
    if ls > lo, let st = labelAloneOnLine(s, before: ls - 1, lo: lo),
      let f = try labelledList(s, from: st, lineStart: lineStart(s, before: ls - 1, lo: lo), end: end, lo: lo, joinEarlierLines: true)
    {
      return f
    }
    guard colon else { return nil }
    // the first label of the line opens the list; where what follows it does not parse as one (a stage's list run into
    // the next stage's title, `责任单位：区综合执法局，各乡镇第二阶段：自查自纠…。责任单位：区社会事业局`; Corpus/heldout150
    // 15004), a later label on the line does
    var p = ls
    var first = true
    while let st = nextLabelStart(s, from: p, lineStart: ls, end: end) {
      if let f = try labelledList(s, from: st, lineStart: ls, end: end, lo: lo, joinEarlierLines: first) { return f }
      first = false
      p = st + 1
    }
    return nil
  }

  /// Where the label starts when the line ending at `end` holds a label and its colon only (spaces aside); nil otherwise.
  func labelAloneOnLine(_ s: [Unicode.Scalar], before end: Int, lo: Int) -> Int? {
    var e = end
    while e > lo, whitespace.contains(s[e - 1]) { e -= 1 }
    guard e > lo, colonSet.contains(s[e - 1]) else { return nil }
    var q = lineStart(s, before: e, lo: lo)
    while q < e, whitespace.contains(s[q]) { q += 1 }
    guard q < e, let m = labelMatch(s[..<e], at: q), m.end == e else { return nil }
    return q
  }

  /// The next position from `p` on the line starting at `ls` where a label (or an ignored label) starts.
  func nextLabelStart(_ s: [Unicode.Scalar], from start: Int, lineStart ls: Int, end: Int) -> Int? {
    var p = start
    while p < end {
      // the cheap first-character test first (`label(at:)` makes it again; all are pure)
      if labelStartSet.contains(s[p]) || ignoredLabelStarts.contains(s[p]) || Self.opensLabel(s[p]),
        p == ls || labelBoundary.contains(s[p - 1]) || whitespace.contains(s[p - 1]) || openSet.contains(s[p - 1]),
        label(at: p, in: s, before: end) != nil
          // (or an ignored label, a listed one run on after its value: 牵头领导：张三　牵头单位：市住建局, the
          // space folded away; the parse skips the ignored part and splits at the listed label)
          || r.ignoredLabels.contains(where: { startsWithLabel(s[p..<end], $0) })
      {
        return p
      }
      p += 1
    }
    return nil
  }

  /// The labelled list from `start` to `end`, when it parses as one; with `joinEarlierLines`, earlier lines that are
  /// labelled lists too join it (牵头单位：A\n配合单位：B).
  func labelledList(_ s: [Unicode.Scalar], from start: Int, lineStart firstLine: Int, end: Int, lo: Int,
                    joinEarlierLines: Bool) throws(StageFailure) -> Found? {
    var st = start
    var ls = firstLine
    // a label opening a bracket closed before the end is a bracketed list inside the text (…产业（责任单位：
    // A、B）。未来五年…; Corpus/heldout30 3104), not a list running to the end
    if st > lo, openSet.contains(s[st - 1]) {
      var depth = 1
      var k = st
      while k < end {
        if openSet.contains(s[k]) { depth += 1 } else if closeSet.contains(s[k]) {
          depth -= 1
          if depth == 0 { break }
        }
        k += 1
      }
      if k < end, s[(k + 1)..<end].contains(where: { !whitespace.contains($0) }) { return nil }
    }
    // earlier lines that are labelled lists too (牵头单位：A\n配合单位：B)
    while joinEarlierLines, ls > lo {
      let prevEnd = ls - 1
      let prevStart = lineStart(s, before: prevEnd, lo: lo)
      var q = prevStart
      while q < prevEnd && whitespace.contains(s[q]) { q += 1 }
      guard q < prevEnd, end - prevStart <= r.maxLength, label(at: q, in: s, before: prevEnd) != nil else { break }
      st = q
      ls = prevStart
    }
    guard let parsed = try parse(s, st..<end, shape: .labelled) else { return nil }
    return Found(range: st..<end, parsed: parsed)
  }
}
