import GongwenCore
import ICUKit
import Synchronization

/// Stage 5: clause units -> department attributions with roles.
///
/// For every unit the attribution is looked for at the END of the unit's own text
/// (`bodyRange`): the last bracket group, possibly followed only by `trailing` characters
/// (whitespace, 。). If the unit's end has none, the ends of its earlier paragraphs are tried,
/// last first (a unit may run on into closing remarks). Earlier paragraphs of the unit that end
/// with an attribution of their own add to it: all of them are merged into one `Attribution`
/// (`extraRanges`, `raw` joined by a space; see `merged`). Three shapes are recognised:
///
/// 1. a bracket group `（…）` whose content reads as a department list (a label, role words, or
///    only department-like names);
/// 2. a lost opening bracket `。责任部门:省卫生厅)`: the sentence before a stray closing bracket;
/// 3. an unbracketed labelled list closing the unit (`牵头单位：A；配合单位：B、C`).
///
/// A row of a flattened table (`ClauseUnit.table`, found by Segment) is read differently: its
/// lines after the task text are its cells, each read against its column's name as if written
/// `<column>：<cell>` (see `tableRow`); only where that gives nothing is the row searched like any
/// other unit.
///
/// Everything about the wording comes from `AttributeRules` (Rules/attribute.yaml).
public struct Attributor: Sendable {
  public let rules: AttributeRules
  /// Engines (compiled matchers and test results) kept across the documents of a run (see
  /// `EnginePool`, `EngineMemo`).
  let engines = EnginePool()
  public init(rules: AttributeRules) { self.rules = rules }

  public func attribute(_ outline: Outline, text: CleanText) throws(StageFailure) -> AttributedOutline {
    let engine = try engines.take(rules)
    defer { engines.put(engine) }
    let s = text.scalars
    // The first-listed-lead declaration (下同) is looked for in the preamble (before the first
    // unit) and in every attribution; from the first one found on, it applies.
    let preambleEnd = outline.units.first.map { max(0, min($0.markerRange.lowerBound, s.count)) } ?? 0
    var declared = try engine.declaresFirstListedLead(s[0..<preambleEnd])
    // a lead's mark declared anywhere before an attribution (a table column's note: `加*号为牵头部门`), looked for once, when
    // a name with a mark is first met (most texts have none)
    var markDeclaration: (mark: Unicode.Scalar, rest: Bool, at: Int)?? = nil

    var attributions: [Attribution?] = []
    attributions.reserveCapacity(outline.units.count)
    var unknown: [String] = []
    var unknownSeen: Set<String> = []
    var firstUnknownRange: Range<Int>?
    var unknownColumns: [String] = []
    var sectionStatements: [(unit: Int, found: Found)] = []
    // standing notes (`standing_note`: 以下均需X落实，不再列出), in text order: the unit holding each, the bodies it gives, and whether
    // its own unit is given them too
    var standing: [(unit: Int, attribution: Attribution, includesSelf: Bool)] = []
    // units whose text a list closes (a bracket or a label line: see `Engine.closing`), and those where it is their only
    // attribution (perhaps the section's: see `liftingSectionBrackets`)
    var closingKind: [Engine.Closing?] = Array(repeating: nil, count: outline.units.count)
    var closingOnly: [Bool] = Array(repeating: false, count: outline.units.count)
    // sections whose heading names who leads every item under them (一、县示范区管委会牵头工作（8项）)
    var sectionSubjects: [(path: [Int], attribution: Attribution)] = []
    // (parents whose items list bodies' duties, decided once each: `listsDuties`)
    var dutyLists: [Int: Bool] = [:]
    func noteUnknown(_ found: Found) {
      for name in found.parsed.unknown where !unknownSeen.contains(name) {
        unknownSeen.insert(name)
        unknown.append(name)
        if firstUnknownRange == nil { firstUnknownRange = found.range }
      }
    }

    // lists of bodies: sections where most clauses (three or more) have a heading line of names only
    // (一、市财政局 / 二、市教育局 / …, a 成员单位职责 list); there a clause's text need not say 负责
    // (each clause's heading names, read once here and used in the loop below)
    var bodyLists: Set<[Int]> = []
    var headings = [Found?](repeating: nil, count: outline.units.count)
    if let rule = rules.leading, !rule.headingNames.isEmpty {
      var counts: [[Int]: (names: Int, all: Int)] = [:]
      for (k, u) in outline.units.enumerated() where u.table == nil {
        let parent = Array(u.path.dropLast())
        headings[k] = try engine.headingNames(in: s, unit: u, rule: rule)
        let c = counts[parent] ?? (0, 0)
        counts[parent] = (c.names + (headings[k] != nil ? 1 : 0), c.all + 1)
      }
      bodyLists = Set(counts.filter { $0.value.names >= 3 && 2 * $0.value.names >= $0.value.all }.keys)
    }

    // tables printed one row per line with bars between the cells and the markers inside them (`Engine+BarRows`)
    let barTables = engine.barTables(in: s, from: 0)

    for (index, unit) in outline.units.enumerated() {
      if let header = unit.table {
        for c in engine.unknownColumns(header) where !unknownColumns.contains(c) { unknownColumns.append(c) }
      }
      // (a bar table's row: its cells under label columns, read instead of the row's text)
      let barRow = barTables.isEmpty || unit.table != nil ? nil
        : try engine.barRow(in: s, unit: unit, tables: barTables, nextMarker: outline.units[(index + 1)...].first?.markerRange.lowerBound)
      // (a standing note, in a bracket or alone, looked for in the unit's own text)
      if unit.table == nil, let note = try engine.standingNote(in: s, unit.bodyRange.clamped(to: 0..<s.count)),
        let parsed = try engine.parse(s, note.names, shape: .bracketed)
      {
        let given = Found(range: note.names, parsed: parsed)
        standing.append((index, engine.makeAttribution(given, scalars: s, firstListedLead: false), note.includesSelf))
      }
      var all: [Found]
      if let barRow { all = [barRow] } else { all = try engine.findAll(in: s, unit: unit) }
      // a section headed by a label alone, its names on the next line (二、主办单位 / 高楼镇人民政府)
      if all.isEmpty, unit.table == nil, let f = try engine.labelHeading(in: s, unit: unit) { all = [f] }
      // a section heading closed by its lead in brackets (一、强化科技创新（区科技局牵头）) leads its items too
      // (its lead only: the departments taking part in the section's own work are not passed down)
      // (a role word's bracket, `（区科技局牵头）`; a labelled one, `（牵头部门：…；配合部门：…）`, is the heading's own: Corpus/heldout116 11602)
      if rules.sectionHeadingLeads, var heading = all.first(where: { engine.closesHeadingLine($0, unit: unit, in: s) }),
        !s[heading.range.clamped(to: 0..<s.count)].contains(where: { engine.colonSet.contains($0) })
      {
        heading.parsed.items = heading.parsed.items.filter { $0.roles.contains(.lead) }.map { var it = $0; it.roles = [.lead]; return it }
        sectionSubjects.append((unit.path, engine.makeAttribution(heading, scalars: s, firstListedLead: declared)))
      }
      // departments as the subject of the unit's first words come first (（一）省监察厅牵头的工作 …
      // 协同单位：…), and the closing lists add to them; a subject after a title sentence counts only
      // without a closing list (the list is the notice's own allocation)
      // (an item numbered inside a table's cell, `1.区社会事业局负责对接…` in a 负责事项 cell after the row's 责任单位 cell, is read
      // as a clause too, when its row has departments of its own cells: a row's marker is its bare number; Corpus/heldout144
      // 14401. Where the department cells follow the last item, they are the row's, below; Corpus/heldout114 11401)
      var cellItem = false
      if unit.table != nil, all.isEmpty, let m = unit.markers.last, !m.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }),
        let parent = outline.units[..<index].lastIndex(where: { $0.path == Array(unit.path.dropLast()) }),
        !(attributions[parent]?.departmentsRaw.isEmpty ?? true)
      {
        cellItem = true
      }
      if barRow == nil, unit.table == nil || cellItem, let subject = try engine.leading(in: s, unit: unit, afterTitle: all.isEmpty),
        !all.contains(where: { $0.range.overlaps(subject.range) })
      {
        if engine.headsItsSection(subject, unit: unit, in: s) {
          sectionSubjects.append((unit.path, engine.makeAttribution(subject, scalars: s, firstListedLead: declared)))
        }
        all.insert(subject, at: 0)
        if all.count == 1 { all += try engine.laterSubjects(in: s, unit: unit, after: subject.range.upperBound) }
      } else if barRow == nil, unit.table == nil, all.isEmpty, let rule = rules.leading {
        // a division of duties that begins later in the paragraph, without a subject at its start
        if rule.laterClausesAlone > 0 {
          let later = try engine.laterSubjects(in: s, unit: unit, after: unit.bodyRange.lowerBound)
          if later.count >= rule.laterClausesAlone { all = later }
        }
        // an item of a section headed as a division of duties (四、工作职责 / 1.县国动办、县文旅广电局确保…)
        // (also when a later clause named a body with a role word of its own: `（二）区公安局（交管部门）要对…。驻岚武警部队要积极参与
        // 春运工作`; Corpus/heldout156 15602)
        var duties = headedAsDuties(parentOf: index, in: outline.units, rule: rule)
        if !duties { duties = try listsDuties(parentOf: index, in: outline.units, text: s, engine: engine, rule: rule, memo: &dutyLists) }
        if duties,
          let f = try engine.dutySubject(in: s, unit: unit, rule: rule),
          !all.contains(where: { $0.range.lowerBound <= f.range.upperBound })
        {
          let more = try engine.laterDutySubjects(in: s, unit: unit, after: f.range.upperBound, rule: rule)
          all = ([f] + all + more.filter { m in !all.contains { $0.range.overlaps(m.range) } }).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        // a heading line of names only: the duties of those departments
        if all.isEmpty, let h = headings[index],
          bodyLists.contains(Array(unit.path.dropLast())) || engine.dutyWordFollows(h, in: s, unit: unit, rule: rule)
        {
          all = [h]
        }
      }
      // the lines of a list of duties inside the unit (…具体职责为： / 区发展改革委对项目立项出具预审意见；), in text order
      if barRow == nil, unit.table == nil, let rule = rules.leading {
        let list = try engine.dutyList(in: s, unit: unit, rule: rule).filter { f in !all.contains { $0.range.overlaps(f.range) } }
        if !list.isEmpty {
          all += list
          all.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
      }
      // a line saying who does the whole section (此项工作由…) after the section's last item: set
      // aside, given to the section below when no item of it names its own departments
      if let last = all.last, last.forSection {
        sectionStatements.append((index, last))
        all.removeLast()
        noteUnknown(last)
      }
      if let f = all.last, !f.inSentence, unit.table == nil, let how = engine.closing(f, unit: unit, in: s) {
        if all.count == 1 { closingOnly[index] = true }
        closingKind[index] = how
      }
      // an item under such a section without a lead of its own is led by the section's subject
      let inherited = sectionSubjects.last(where: { unit.path.count > $0.path.count && unit.path.starts(with: $0.path) })
      guard !all.isEmpty else {
        attributions.append(inherited?.attribution)
        continue
      }
      // each attribution in text order: the 下同 state may be declared by an earlier one and
      // apply to the next one of the same unit
      var parts: [Attribution] = []
      for found in all {
        if !declared { declared = try engine.declaresFirstListedLead(s[found.range]) }
        var marked: (mark: Unicode.Scalar, rest: Bool)? = nil
        if found.parsed.items.contains(where: { $0.mark != nil }) {
          if markDeclaration == nil { markDeclaration = .some(try engine.markedLeadDeclaration(in: s)) }
          if let d = markDeclaration ?? nil, found.range.lowerBound >= d.at { marked = (d.mark, d.rest) }
        }
        parts.append(engine.makeAttribution(found, scalars: s, firstListedLead: declared, marked: marked))
        noteUnknown(found)
      }
      var own = merged(parts)
      if let inherited, own.lead.isEmpty {
        own = merged([inherited.attribution, own])
      }
      attributions.append(own)
    }

    // A table row whose task cell numbers items (`1.…` `2.…` in one 任务内容 cell) and whose department cells follow the
    // last item only — every item before it one line, no cells of its own: those cells are the row's, not its last item's
    // (Corpus/heldout105 10503, one 责任单位 cell per row). Rows whose items each have cells of their own keep them (Corpus/heldout6
    // 701, heldout20 2101).
    for (r, row) in outline.units.enumerated() where row.table != nil && (attributions[r]?.departmentsRaw.isEmpty ?? true) {
      // (its subtree: the units right after it under its path; its items are the direct children, and the last has none)
      var items: [Int] = []
      var lastDeeper = -1
      var k = r + 1
      while k < outline.units.count, outline.units[k].path.count > row.path.count, outline.units[k].path.starts(with: row.path) {
        if outline.units[k].path.count == row.path.count + 1 { items.append(k) } else { lastDeeper = k }
        k += 1
      }
      guard items.count >= 2, let last = items.last, lastDeeper < last, let a = attributions[last], !a.departmentsRaw.isEmpty,
        items.dropLast().allSatisfy({ attributions[$0]?.departmentsRaw.isEmpty ?? true }),
        items.dropLast().allSatisfy({ k in
          let b = outline.units[k].bodyRange.clamped(to: 0..<s.count)
          return !s[b].contains("\n")
        }),
        // (and the last item is one line plus one per column after the one holding the items — the task's, or, when the
        // row has text of its own, the column after its cells, one line each: its task text, 2101's row 2, or a name cell
        // before the task column, `品牌名称` / `工作举措` / `落实推进单位`, Corpus/heldout114 11401; no cell for each item, as 2101's
        // row 2 has)
        let header = row.table,
        case let own = row.bodyRange.clamped(to: 0..<s.count), case let ownCells = engine.nonBlankLines(s, own.lowerBound, own.upperBound).count,
        case let itemColumn = ownCells == 0 ? header.taskColumn : ownCells,
        case let b = outline.units[last].bodyRange.clamped(to: 0..<s.count),
        engine.nonBlankLines(s, b.lowerBound, b.upperBound).count == header.columns.count - itemColumn
      else { continue }
      attributions[r] = a
      attributions[last] = nil
    }

    if rules.sectionClosingBrackets { liftingSectionBrackets(outline.units, &attributions, closingOnly, closingKind) }

    var unplaced: [String] = []
    for (index, found) in sectionStatements {
      let units = outline.units
      let path = units[index].path
      let parent = path.dropLast()
      // the section's items: the units under the parent path; the statement must follow its last
      let last = index + 1 >= units.count || !units[index + 1].path.starts(with: parent) || units[index + 1].path.count <= parent.count
      let items = units.indices.filter { units[$0].path.count > parent.count && units[$0].path.starts(with: parent) }
      let section = parent.isEmpty ? nil : units.indices.last(where: { $0 < index && units[$0].path.elementsEqual(parent) })
      let a = engine.makeAttribution(found, scalars: s, firstListedLead: declared)
      if !parent.isEmpty, last, items.allSatisfy({ attributions[$0] == nil }) {
        if let k = section {
          attributions[k] = attributions[k].map { merged([$0, a]) } ?? a
        } else {
          unplaced.append("\(units[index].markers.dropLast().joined()): \(a.departmentsRaw.joined(separator: "、"))")
        }
        continue
      }
      // the unit's own statement after all
      attributions[index] = attributions[index].map { merged([$0, a]) } ?? a
    }

    // A standing note gives its bodies to every later task of its task's level (and to its own with `self`), up to the next
    // note (`（…负责，以下均需各地级以上市人民政府落实，不再一一列出）` in `（一）`: `（二）`–`（二十）` each get 各地级以上市人民政府;
    // Corpus/heldout165 16501, heldout167 16705, heldout73 7302, heldout193 19303). Section headings above that level get nothing.
    // The bodies come after the task's own, the note's range before its own (it stands earlier in the text).
    for (k, note) in standing.enumerated() {
      let depth = outline.units[note.unit].path.count
      // (one note per unit: the next one stands in a later unit)
      let end = k + 1 < standing.count ? standing[k + 1].unit : outline.units.count
      for j in (note.includesSelf ? note.unit : note.unit + 1)..<end where outline.units[j].path.count == depth {
        guard let own = attributions[j] else {
          attributions[j] = note.attribution
          continue
        }
        // only bodies the task does not name itself, with the note's role (a name it names keeps its own role)
        var extra = note.attribution
        let fresh = zip(extra.departments, extra.departmentsRaw).filter { !own.departments.contains($0.0) }
        guard !fresh.isEmpty else { continue }
        extra.departments = fresh.map(\.0)
        extra.departmentsRaw = fresh.map(\.1)
        extra.lead.removeAll { own.departments.contains($0) }
        extra.responsible.removeAll { own.departments.contains($0) }
        extra.participating.removeAll { own.departments.contains($0) }
        // (a unit whose own attribution holds the note's range takes the names alone; another takes the note's range too)
        let holdsNote = j == note.unit || own.range == note.attribution.range || own.extraRanges.contains(note.attribution.range)
        var a = holdsNote ? own : merged([extra, own])
        if holdsNote {
          a.departments += extra.departments
          a.lead += extra.lead
          a.responsible += extra.responsible
          a.participating += extra.participating
        }
        // the task's own bodies first, in its own order, the note's after them
        func ownFirst(_ names: [String], _ ownNames: [String]) -> [String] {
          ownNames.filter { names.contains($0) } + names.filter { !ownNames.contains($0) }
        }
        a.departments = ownFirst(a.departments, own.departments)
        a.lead = ownFirst(a.lead, own.lead)
        a.responsible = ownFirst(a.responsible, own.responsible)
        a.participating = ownFirst(a.participating, own.participating)
        a.departmentsRaw = own.departmentsRaw + extra.departmentsRaw
        attributions[j] = a
      }
    }

    var warnings = missingAttributionWarnings(outline.units, attributions)
    /// A warning that lists `names` after `message`; none when there are no names.
    func listing(_ code: String, _ message: String, _ names: [String], separator: String, at range: Range<Int>? = nil) {
      guard !names.isEmpty else { return }
      warnings.append(DocumentWarning(code: code, stage: "attribute", message: message + names.joined(separator: separator),
                                      span: range.map { Span($0) }))
    }
    listing("unplaced_attribution",
            "a line saying who does a whole section follows a section whose own marker is not in the text (an excerpt); its departments are given to no task: ",
            unplaced, separator: "；")
    listing("unknown_table_column",
            "table column(s) neither a label nor ignored (add them to 'labels', 'ignored_labels' or 'ignored_columns' in Rules/attribute.yaml); their cells are not read: ",
            unknownColumns, separator: "、")
    listing("unknown_department",
            "\(unknown.count) department name(s) not in the lexicon (add them to 'departments' in Rules/attribute.yaml): ",
            unknown, separator: "、", at: firstUnknownRange)
    return AttributedOutline(attributions: attributions, warnings: warnings)
  }

  /// A bracket that closes the last item of a section whose other units close with no list of their own is the section's
  /// (`…4.建立激励约束机制。…（责任单位：区社会事业局、医改办…）（二）…`, each section closed so; Corpus/heldout143 14301,
  /// heldout138 13805): it moves up to the highest section that it closes — no unit under that section but its last
  /// closes with a list of its own (a subject in a sentence does not count), the section itself has no attribution, and
  /// it has two items or more. A section of one item, or one whose items carry brackets of their own, keeps the bracket
  /// on its last item (the innermost clause).
  /// A label line closing the last item (`…（4）…收费政策。` / `牵头部门：…推进单位：…` / `（二）…`; Corpus/heldout152 15201) moves so
  /// too, unless a label line closing a unit as deep as that item stays where it is: then label lines are the items' own in
  /// this notice (`（二）…` / `责任单位：…牵头，…配合`, one under each item; Corpus/heldout150 15001).
  func liftingSectionBrackets(_ units: [ClauseUnit], _ attributions: inout [Attribution?], _ closingOnly: [Bool],
                              _ closing: [Engine.Closing?]) {
    var lifts: [(from: Int, to: Int)] = []
    var staying: Set<Int> = []  // depths of label lines that stay on their unit
    for u in units.indices where closing[u] == .labelLine && !closingOnly[u] { staying.insert(units[u].path.count) }
    for u in units.indices where closingOnly[u] && attributions[u] != nil {
      // a leaf: no unit under it
      if u + 1 < units.count, units[u + 1].path.count > units[u].path.count, units[u + 1].path.starts(with: units[u].path) {
        if closing[u] == .labelLine { staying.insert(units[u].path.count) }
        continue
      }
      var target: Int? = nil
      var path = units[u].path
      while path.count > 1 {
        let parentPath = Array(path.dropLast())
        guard let p = units[..<u].lastIndex(where: { $0.path == parentPath }), attributions[p] == nil else { break }
        // the bracket's unit is the section's last: nothing under the section after it
        if u + 1 < units.count, units[u + 1].path.count > parentPath.count, units[u + 1].path.starts(with: parentPath) { break }
        let under = ((p + 1)..<(u + 1)).filter { units[$0].path.count > parentPath.count && units[$0].path.starts(with: parentPath) }
        let items = under.filter { units[$0].path.count == parentPath.count + 1 }
        guard items.count >= 2, under.allSatisfy({ $0 == u || closing[$0] == nil }) else { break }
        target = p
        path = parentPath
      }
      if let t = target {
        lifts.append((u, t))
      } else if closing[u] == .labelLine {
        staying.insert(units[u].path.count)
      }
    }
    for (u, t) in lifts where closing[u] != .labelLine || !staying.contains(units[u].path.count) {
      attributions[t] = attributions[u]
      attributions[u] = nil
    }
  }

  /// The index of the parent of unit `index`: the nearest unit before it whose path is its path's parent.
  func parent(of index: Int, in units: [ClauseUnit]) -> Int? {
    let path = units[index].path
    guard path.count > 1 else { return nil }
    var k = index - 1
    while k >= 0, units[k].path.count >= path.count { k -= 1 }
    guard k >= 0, units[k].path.count == path.count - 1, units[k].path.elementsEqual(path.dropLast()) else { return nil }
    return k
  }

  /// Are the items under the parent of unit `index` a list of bodies' duties without a heading naming them
  /// (`leading.duty_list_min_items`: `第二十九条 …` / `（一）残联要…` / `（二）发展改革部门要…` / … `（十三）医疗保障部门要…`; Corpus/heldout165
  /// 16504)? At least that many items, and two thirds of them, start with department names followed by a `modals` word, the
  /// names distinct. Decided once per parent (`memo`).
  func listsDuties(parentOf index: Int, in units: [ClauseUnit], text s: [Unicode.Scalar], engine: Engine,
                   rule: AttributeRules.Leading, memo: inout [Int: Bool]) throws(StageFailure) -> Bool {
    guard rule.dutyListMinItems > 0, !rule.modals.isEmpty, let k = parent(of: index, in: units) else { return false }
    if let known = memo[k] { return known }
    let depth = units[k].path.count + 1
    var children: [ClauseUnit] = []
    var j = k + 1
    while j < units.count, units[j].path.count >= depth {
      if units[j].path.count == depth { children.append(units[j]) }
      j += 1
    }
    // (most parents are no such list: stop once too many items have failed, and look for the names only in an item
    // with a modal close enough to its start to follow them)
    let needed = max(rule.dutyListMinItems, (children.count * 2 + 2) / 3)
    var subjects: Set<String> = []
    var failed = 0
    for child in children where children.count - failed >= needed {
      let lo = min(child.bodyRange.lowerBound, s.count), hi = min(child.bodyRange.upperBound, s.count, lo + rule.maxLength + 1)
      if (lo..<hi).contains(where: { engine.modal(at: $0, in: s, to: s.count, rule: rule) }),
        let f = try engine.dutySubject(in: s, unit: child, rule: rule)
      {
        var e = f.range.upperBound
        while e < s.count, s[e] == " " { e += 1 }
        if engine.modal(at: e, in: s, to: s.count, rule: rule), subjects.insert(String(scalars: s[f.range])).inserted { continue }
      }
      failed += 1
    }
    let answer = subjects.count >= needed
    memo[k] = answer
    return answer
  }

  /// Is the parent of unit `index` (the nearest unit before it whose path is its path's parent) headed as a division
  /// of duties (`leading.duty_headings`: `四、工作职责`)?
  func headedAsDuties(parentOf index: Int, in units: [ClauseUnit], rule: AttributeRules.Leading) -> Bool {
    guard !rule.dutyHeadings.isEmpty, let k = parent(of: index, in: units), let h = units[k].heading else { return false }
    let hs = Array(h.unicodeScalars)
    return rule.dutyHeadings.contains { w in
      hs.count >= w.count && hs.indices.contains { i in i + w.count <= hs.count && hs[i..<(i + w.count)].elementsEqual(w) }
    }
  }

  /// One attribution from several of the same unit (given in text order): departments as
  /// written concatenated, canonical departments and each role the union in order of first
  /// appearance, `raw` the texts joined by a single space, `range` the last one's range and
  /// `extraRanges` the earlier ones'.
  func merged(_ parts: [Attribution]) -> Attribution {
    guard var out = parts.last else { preconditionFailure("merged() needs at least one attribution") }
    guard parts.count > 1 else { return out }
    let union = ExactText.union
    out.extraRanges = parts.dropLast().map(\.range)
    out.rangesInText = parts.flatMap(\.rangesInText)
    out.raw = parts.map(\.raw).joined(separator: " ")
    out.departmentsRaw = parts.flatMap(\.departmentsRaw)
    out.departments = union(parts.map(\.departments))
    out.lead = union(parts.map(\.lead))
    out.responsible = union(parts.map(\.responsible))
    out.participating = union(parts.map(\.participating))
    // a body named again later by its short form, the full name's end (街道消委办 … 消委办负责…; Corpus/heldout100 10005): one
    // body, under its full name; never a name with a jurisdiction of its own (市民政部门 beside 市、区（县）民政部门)
    // (bytes for inert names, as `ExactText` compares them; String comparison otherwise)
    var short: Set<String> = []
    let names = out.departments
    if names.count >= 2 {
      let inert = names.map(ExactText.isInert)
      func endsWith(_ i: Int, _ j: Int) -> Bool {
        inert[i] && inert[j] ? ExactText.bytesHaveSuffix(names[i], names[j]) && !ExactText.sameBytes(names[i], names[j])
          : names[i] != names[j] && names[i].hasSuffix(names[j])
      }
      for j in names.indices where names[j].unicodeScalars.count >= 3 && names.indices.contains(where: { endsWith($0, j) })
        && !rules.jurisdictionPrefixes.contains(where: { names[j].hasPrefix($0) }) && !rules.collectivePrefixes.contains(where: { names[j].hasPrefix($0) })
      {
        short.insert(names[j])
      }
    }
    if !short.isEmpty {
      out.departments.removeAll { short.contains($0) }
      out.lead.removeAll { short.contains($0) }
      out.responsible.removeAll { short.contains($0) }
      out.participating.removeAll { short.contains($0) }
    }
    return out
  }

  /// `missing_attribution` for a leaf clause without attribution when most of its sibling
  /// leaves (same parent path) have one.
  func missingAttributionWarnings(_ units: [ClauseUnit], _ attributions: [Attribution?]) -> [DocumentWarning] {
    // the paths once (reading `units[i].path` copies the whole unit); parents as slices of them
    let paths = units.withUnsafeBufferPointer { $0.map { $0.path } }
    var isLeaf = [Bool](repeating: true, count: units.count)
    for i in units.indices where i + 1 < units.count {
      let next = paths[i + 1], p = paths[i]
      if next.count > p.count && next.starts(with: p) { isLeaf[i] = false }
    }
    var groups = [ArraySlice<Int>: (leaves: Int, attributed: Int)](minimumCapacity: units.count)
    for i in units.indices where isLeaf[i] {
      let key = paths[i].dropLast()
      var g = groups[key] ?? (0, 0)
      g.leaves += 1
      if attributions[i] != nil { g.attributed += 1 }
      groups[key] = g
    }
    var out: [DocumentWarning] = []
    for i in units.indices where isLeaf[i] && attributions[i] == nil {
      guard let g = groups[paths[i].dropLast()] else { continue }
      let siblings = g.leaves - 1
      if siblings >= 1 && g.attributed * 2 > siblings {
        let path = units[i].path.map(String.init).joined(separator: ".")
        out.append(DocumentWarning(
          code: "missing_attribution", stage: "attribute",
          message: "clause \(path) names no responsible department, though \(g.attributed) of its \(siblings) sibling clause(s) do",
          span: Span(units[i].ownRange)))
      }
    }
    return out
  }
}
