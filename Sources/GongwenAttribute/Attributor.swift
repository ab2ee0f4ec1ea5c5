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

    var attributions: [Attribution?] = []
    attributions.reserveCapacity(outline.units.count)
    var unknown: [String] = []
    var unknownSeen: Set<String> = []
    var firstUnknownRange: Range<Int>?
    var unknownColumns: [String] = []
    var sectionStatements: [(unit: Int, found: Found)] = []
    // sections whose heading names who leads every item under them (一、县示范区管委会牵头工作（8项）)
    var sectionSubjects: [(path: [Int], attribution: Attribution)] = []
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

    for (index, unit) in outline.units.enumerated() {
      if let header = unit.table {
        for c in engine.unknownColumns(header) where !unknownColumns.contains(c) { unknownColumns.append(c) }
      }
      var all = try engine.findAll(in: s, unit: unit)
      // a section headed by a label alone, its names on the next line (二、主办单位 / 高楼镇人民政府)
      if all.isEmpty, unit.table == nil, let f = try engine.labelHeading(in: s, unit: unit) { all = [f] }
      // a section heading closed by its lead in brackets (一、强化科技创新（区科技局牵头）) leads its items too
      // (its lead only: the departments taking part in the section's own work are not passed down)
      if rules.sectionHeadingLeads, var heading = all.first(where: { engine.closesHeadingLine($0, unit: unit, in: s) }) {
        heading.parsed.items = heading.parsed.items.filter { $0.roles.contains(.lead) }.map { var it = $0; it.roles = [.lead]; return it }
        sectionSubjects.append((unit.path, engine.makeAttribution(heading, scalars: s, firstListedLead: declared)))
      }
      // departments as the subject of the unit's first words come first (（一）省监察厅牵头的工作 …
      // 协同单位：…), and the closing lists add to them; a subject after a title sentence counts only
      // without a closing list (the list is the notice's own allocation)
      if unit.table == nil, let subject = try engine.leading(in: s, unit: unit, afterTitle: all.isEmpty),
        !all.contains(where: { $0.range.overlaps(subject.range) })
      {
        if engine.headsItsSection(subject, unit: unit, in: s) {
          sectionSubjects.append((unit.path, engine.makeAttribution(subject, scalars: s, firstListedLead: declared)))
        }
        all.insert(subject, at: 0)
        if all.count == 1 { all += try engine.laterSubjects(in: s, unit: unit, after: subject.range.upperBound) }
      } else if unit.table == nil, all.isEmpty, let rule = rules.leading {
        // a division of duties that begins later in the paragraph, without a subject at its start
        if rule.laterClausesAlone > 0 {
          let later = try engine.laterSubjects(in: s, unit: unit, after: unit.bodyRange.lowerBound)
          if later.count >= rule.laterClausesAlone { all = later }
        }
        // an item of a section headed as a division of duties (四、工作职责 / 1.县国动办、县文旅广电局确保…)
        if all.isEmpty, !rule.dutyHeadings.isEmpty, headedAsDuties(parentOf: index, in: outline.units, rule: rule),
          let f = try engine.dutySubject(in: s, unit: unit, rule: rule)
        {
          all = [f]
        }
        // a heading line of names only: the duties of those departments
        if all.isEmpty, let h = headings[index],
          bodyLists.contains(Array(unit.path.dropLast())) || engine.dutyWordFollows(h, in: s, unit: unit, rule: rule)
        {
          all = [h]
        }
      }
      // a line saying who does the whole section (此项工作由…) after the section's last item: set
      // aside, given to the section below when no item of it names its own departments
      if let last = all.last, last.forSection {
        sectionStatements.append((index, last))
        all.removeLast()
        noteUnknown(last)
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
        parts.append(engine.makeAttribution(found, scalars: s, firstListedLead: declared))
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
        // (and the last item is one line plus one per column after the one holding the items — the task's, or the next
        // when the row has a task text of its own: no cell for each item, as 2101's row 2 has)
        let header = row.table,
        case let itemColumn = header.taskColumn + (row.bodyRange.isEmpty ? 0 : 1),
        case let b = outline.units[last].bodyRange.clamped(to: 0..<s.count),
        s[b].split(separator: "\n").filter({ !$0.allSatisfy(\.properties.isWhitespace) }).count
          == header.columns.count - itemColumn
      else { continue }
      attributions[r] = a
      attributions[last] = nil
    }

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

  /// One attribution from several of the same unit (given in text order): departments as
  /// written concatenated, canonical departments and each role the union in order of first
  /// appearance, `raw` the texts joined by a single space, `range` the last one's range and
  /// `extraRanges` the earlier ones'.
  /// Is the parent of unit `index` (the nearest unit before it whose path is its path's parent) headed as a division
  /// of duties (`leading.duty_headings`: `四、工作职责`)?
  func headedAsDuties(parentOf index: Int, in units: [ClauseUnit], rule: AttributeRules.Leading) -> Bool {
    let path = units[index].path
    guard path.count > 1 else { return false }
    var k = index - 1
    while k >= 0, units[k].path.count >= path.count { k -= 1 }
    guard k >= 0, units[k].path.count == path.count - 1, units[k].path.elementsEqual(path.dropLast()),
      let h = units[k].heading
    else { return false }
    let hs = Array(h.unicodeScalars)
    return rule.dutyHeadings.contains { w in
      hs.count >= w.count && hs.indices.contains { i in i + w.count <= hs.count && hs[i..<(i + w.count)].elementsEqual(w) }
    }
  }

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

// MARK: - parsed attribution

/// One department of an attribution, as parsed.
struct ParsedItem: Equatable {
  var raw: String
  /// The name canonicalisation starts from (raw, or raw plus a shared suffix).
  var name: String
  var roles: [AttributionRole]
  var canonical: String = ""
  /// `canonical` is inert (`ExactText`): compared by bytes.
  var canonicalInert = false
  /// A partner joined to the lead by a joiner that names it (A会同B: B): participating, whatever role
  /// word closes the list.
  var partner = false
}

struct ParsedAttribution {
  var items: [ParsedItem]
  var unknown: [String]
  /// A label (责任单位：) or a role word (负责, 参与, …) was seen, not only a bare list of names.
  var hasRoleEvidence = false

  /// Adds `other`'s items after these, and its unknown names not yet listed.
  mutating func add(_ other: ParsedAttribution) {
    items += other.items
    for u in other.unknown where !unknown.contains(u) { unknown.append(u) }
  }
}

struct Found {
  var range: Range<Int>
  var parsed: ParsedAttribution
  /// Departments as the subject of the unit's first sentence (`leading`): kept in the task's text.
  var inSentence = false
  /// A line of its own with a `section_lead_ins` word (此项工作由…): perhaps the section's.
  var forSection = false
}

/// How a candidate was found; decides how much evidence is needed to accept it.
enum Shape { case bracketed, lostBracket, labelled }

/// A candidate's text and shape (the key of `parse`'s memo).
struct ParseKey: Hashable {
  let text: ScalarKey
  let shape: Shape

  private var combined: UInt64 {
    switch shape {
    case .bracketed: text.hash
    case .lostBracket: text.hash ^ 0x9e37_79b9_7f4a_7c15
    case .labelled: text.hash ^ 0x3c6e_f372_fe94_f82a
    }
  }

  func hash(into hasher: inout Hasher) { hasher.combine(combined) }
  func _rawHashValue(seed: Int) -> Int { bucketHash(combined, seed: seed) }
}

// MARK: - engine (one per thread: holds the regex matchers and the memo)

/// The matchers and memo of one thread of a run. An engine is lent to one document at a time by
/// the attributor's `EnginePool` (so it needs no lock), and kept for the next document: compiling
/// the matchers and building the word sets per document cost more than attributing a short one.
final class Engine: @unchecked Sendable {
  let r: AttributeRules
  /// The `notes` rules and their matchers, by index.
  let noteRules: [RuleRegex]
  let noteMatchers: [ICURegex]
  /// Every character a `notes` match can start with (`PatternFirstCharacters`, read from the
  /// rules); nil when some pattern is beyond that analysis. A text holding none of them is no note.
  let noteStarts: ScalarBitmap?
  let firstListed: ICURegex
  let notDepartment: ICURegex
  let generic: ICURegex
  let whitespace = ScalarBitmap([" ", "\u{3000}", "\t", "\n", "\r", "\u{00A0}"])
  /// The rules' character sets tested per character, as bitmaps.
  let trailing: ScalarBitmap
  let sentenceEnds: ScalarBitmap
  let separators: ScalarBitmap
  /// Where a labelled list may start (besides a line start, whitespace and an opening bracket).
  let labelBoundary: ScalarSet = ["。", "；", ";", "，", ","]
  /// `standsAlone`: what may precede and follow a bare list of names that is a sentence of its own.
  let aloneBefore: ScalarSet = ["。", "；", ";", "！", "!", "？", "?", "：", ":", "\n"]
  let aloneAfter: ScalarSet = ["。", "；", ";"]

  /// Every `shared_suffixes` entry is inert (`ExactText`).
  let sharedSuffixesInert: Bool
  /// Labels and role words: never department names themselves (（牵头单位）).
  let reserved: Set<String>
  /// `reserved` by bytes, for inert names (nil unless every reserved word is inert).
  let inertReserved: Set<NameKey>?
  /// Lexicon, prefixes and suffixes, with byte fast paths for inert names.
  let names: NameRules
  /// First and last characters of the role words, first characters of the ignored labels (cheap
  /// pre-checks: each word is non-empty, so it can start or end only with one of these).
  let roleWordStarts: ScalarBitmap
  /// First characters of `leading.copulas` (是, 为): where a role noun's clause may start.
  let copulaStarts: ScalarBitmap
  /// `leading.opening_clauses` words that open a clause of grounds (all but 在, whose clause is `underClauseEnd`'s), and
  /// their first characters.
  let groundsWords: [[Unicode.Scalar]]
  let groundsStarts: ScalarBitmap
  /// The words of a government after its level (`place_suffixes` without their first character: 人民政府, 政府).
  let governmentWords: [[Unicode.Scalar]]
  /// The last characters of a table cell's line that the cell goes on after (、 and the list separators ， ,).
  let cellContinues = ScalarSet(["、", "，", ","] as [Unicode.Scalar])
  /// The colon a label is read with when a table column stands for it (the first of `colons`).
  let labelColon: Unicode.Scalar
  /// Last characters of the `lead_in_ends` words (a body without one holds none of them).
  let leadInEndLasts: ScalarSet
  /// First characters of the tail words (等).
  let tailWordStarts: ScalarBitmap
  let roleWordEnds: ScalarSet
  /// First characters of the joiners: a body without one after its first character has no joiner.
  let joinerStarts: ScalarSet
  /// Labels by their first scalar (each list in the rules' order: longest first).
  let labelsByFirst: [Unicode.Scalar: [RoleWord]]
  /// Last characters of `officials` titles.
  let officialEnds: ScalarSet
  /// First characters of `region_levels` words and of the collective prefixes that may start a list
  /// of levels.
  let levelOrCollectiveStarts: ScalarSet
  /// The last scalar shared by every `place_suffixes` entry (府), if they share one.
  let placeSuffixLast: Unicode.Scalar?
  let markerDigits = ScalarSet("0123456789０１２３４５６７８９")
  let markerNumerals = ScalarSet("一二三四五六七八九十")
  /// Collective prefixes holding no administrative level (各, 相关, 有关), longest first: they may
  /// start a list of levels (相关市、县政府).
  let levelFreeCollectives: [[Unicode.Scalar]]
  let ignoredLabelStarts: ScalarSet
  /// Where a `first_listed_lead` match can start (nil: beyond `PatternFirstCharacters`).
  let firstListedStarts: ScalarBitmap?
  /// First characters of the labels and the rules' colons as bitmaps, for the labelled-list scan.
  let labelStartSet: ScalarBitmap
  let colonSet: ScalarBitmap
  /// The rules' opening and closing brackets as sets (the rules keep them as paired arrays).
  let openSet: ScalarBitmap
  let closeSet: ScalarBitmap
  /// Collective and jurisdiction prefixes as scalars (for `and_words`).
  let prefixScalars: [[Unicode.Scalar]]
  /// Characters of the one-character jurisdiction prefixes (市, 县, 区, …).
  let jurisdictionChars: ScalarSet
  /// Longest `note_items` entry, in scalars.
  let maxNoteItem: Int

  /// Results of the short per-item tests (names and sentences recur within and across notices, and
  /// each ICU call copies its input), kept across the documents this engine attributes.
  let memo = EngineMemo()

  init(rules: AttributeRules) throws(StageFailure) {
    r = rules
    maxNoteItem = rules.noteItems.map { $0.unicodeScalars.count }.max() ?? 0
    jurisdictionChars = ScalarSet(rules.jurisdictionPrefixes.filter { $0.unicodeScalars.count == 1 }
      .compactMap { $0.unicodeScalars.first })
    roleWordStarts = ScalarBitmap(ScalarSet(rules.roleWords.compactMap { $0.text.first }))
    copulaStarts = ScalarBitmap(ScalarSet((rules.leading?.copulas ?? []).compactMap { $0.first }))
    groundsWords = (rules.leading?.openingClauses ?? []).filter { $0 != ["在"] }
    groundsStarts = ScalarBitmap(ScalarSet(groundsWords.compactMap { $0.first }))
    var government: [[Unicode.Scalar]] = []
    for w in rules.placeSuffixes.map({ Array($0.unicodeScalars.dropFirst()) }) where !w.isEmpty && !government.contains(w) { government.append(w) }
    governmentWords = government
    labelColon = rules.colons.members.first.flatMap(Unicode.Scalar.init) ?? "："
    leadInEndLasts = ScalarSet(rules.leadInEnds.compactMap(\.last))
    tailWordStarts = ScalarBitmap(ScalarSet(rules.tailWords.compactMap { $0.first }))
    trailing = ScalarBitmap(rules.trailing)
    sentenceEnds = ScalarBitmap(rules.sentenceEnds)
    separators = ScalarBitmap(rules.separators)
    roleWordEnds = ScalarSet(rules.roleWords.compactMap { $0.text.last })
    joinerStarts = ScalarSet(rules.joiners.compactMap { $0.text.first })
    ignoredLabelStarts = ScalarSet(rules.ignoredLabels.compactMap { $0.first })
    firstListedStarts = PatternFirstCharacters.of(rules.firstListedLead.pattern).map(ScalarBitmap.init)
    prefixScalars = (rules.collectivePrefixes + rules.jurisdictionPrefixes).map { Array($0.unicodeScalars) }
    var byFirst: [Unicode.Scalar: [RoleWord]] = [:]
    for l in rules.labels { if let f = l.text.first { byFirst[f, default: []].append(l) } }
    labelsByFirst = byFirst
    officialEnds = ScalarSet(rules.officials.compactMap { $0.last })
    let lasts = Set(rules.placeSuffixes.compactMap { $0.unicodeScalars.last })
    placeSuffixLast = lasts.count == 1 ? lasts.first : nil
    levelFreeCollectives = rules.collectivePrefixes.map { Array($0.unicodeScalars) }
      .filter { c in !rules.regionLevels.contains { l in c.indices.contains { c[$0...].starts(with: l) } } }
      .sorted { $0.count > $1.count }
    levelOrCollectiveStarts = ScalarSet(rules.regionLevels.compactMap(\.first) + levelFreeCollectives.compactMap(\.first))
    labelStartSet = ScalarBitmap(ScalarSet(rules.labels.compactMap { $0.text.first }))
    colonSet = ScalarBitmap(rules.colons)
    openSet = ScalarBitmap(ScalarSet(rules.openBrackets))
    closeSet = ScalarBitmap(ScalarSet(rules.closeBrackets))
    reserved = Set((rules.labels + rules.roleWords + rules.inlineRoles).map { String(String.UnicodeScalarView($0.text)) })
    inertReserved = ExactText.allInert(reserved) ? Set(reserved.map { NameKey($0) }) : nil
    names = NameRules(rules)
    sharedSuffixesInert = ExactText.allInert(rules.sharedSuffixes)
    noteRules = rules.notes
    var n: [ICURegex] = []
    for rule in rules.notes { n.append(try rule.matcher()) }
    noteMatchers = n
    var starts: ScalarSet? = ScalarSet()
    for rule in rules.notes {
      guard let first = PatternFirstCharacters.of(rule.pattern) else { starts = nil; break }
      for v in first.members { starts?.insert(v) }
    }
    noteStarts = starts.map(ScalarBitmap.init)
    firstListed = try rules.firstListedLead.matcher()
    notDepartment = try rules.notDepartment.matcher()
    generic = try rules.generic.matcher()
  }

  /// Does `rule` (compiled as `re`) match somewhere in `text`?
  func matches(_ re: ICURegex, _ rule: RuleRegex, _ text: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    do { return try re.firstMatch(in: text) != nil } catch { throw rule.failure(error, stage: "attribute") }
  }

  /// `matches` for a name, memoised in `table` of the memo.
  func memoisedMatch(_ re: ICURegex, _ rule: RuleRegex, _ name: String,
                     _ table: ReferenceWritableKeyPath<EngineMemo, [NameKey: Bool]>) throws(StageFailure) -> Bool {
    let key = NameKey(name)
    if let hit = memo[keyPath: table][key] { return hit }
    let result = try matches(re, rule, ArraySlice(name.unicodeScalars))
    memo[keyPath: table][key] = result
    memo.entries += 1
    return result
  }

  /// `matches` for the `not_department` rule on a name, memoised.
  func isNotDepartment(_ name: String) throws(StageFailure) -> Bool {
    try memoisedMatch(notDepartment, r.notDepartment, name, \.notDepartment)
  }

  /// `matches` for the `generic` rule on a name, memoised.
  func isGeneric(_ name: String) throws(StageFailure) -> Bool {
    try memoisedMatch(generic, r.generic, name, \.generic)
  }

  /// Does this text declare that the first-listed department leads?
  func declaresFirstListedLead(_ s: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    guard !s.isEmpty else { return false }
    // no match can start outside `firstListedStarts`
    if let starts = firstListedStarts, !s.contains(where: { starts.contains($0) }) { return false }
    do { return try firstListed.firstMatch(in: s) != nil } catch {
      throw r.firstListedLead.failure(error, stage: "attribute")
    }
  }

  // MARK: finding

  func find(in s: [Unicode.Scalar], unit: ClauseUnit) throws(StageFailure) -> Found? {
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    guard lo < hi else { return nil }
    if let f = try tryEnd(s, end: hi, lo: lo) { return try droppingCutName(f, s) }
    if let f = try cutAtTextEnd(s, end: hi, lo: lo) { return f }
    // a label whose colon a garbled copy lost: …乱倒垃圾等方面的问题责任单位城管科、各农工商公司
    if let f = try colonlessLabelled(s, end: hi, lo: lo) { return f }
    // earlier paragraph ends, last first
    let title = titleBracketStart(s, lo: lo, hi: hi)
    var p = hi - 1
    var tries = 0
    while p > lo && tries < 200 {
      if s[p] == "\n" {
        tries += 1
        if let f = try tryEnd(s, end: p, lo: lo), !isTitleBracket(f, at: title) { return f }
      }
      p -= 1
    }
    return nil
  }

  /// An unbracketed list that runs to the end of a text cut inside it (the text ends in neither a
  /// sentence end nor a closing bracket: `责任部门:市安监局牵头,市发改委、市监察`): its last name, when it
  /// does not look like a department, was cut and is dropped (Corpus/heldout2 302, heldout16 1702).
  func droppingCutName(_ f: Found, _ s: [Unicode.Scalar]) throws(StageFailure) -> Found? {
    guard f.parsed.items.count > 1, s[f.range.upperBound...].allSatisfy({ whitespace.contains($0) }),
      let lastChar = s[..<f.range.upperBound].last(where: { !whitespace.contains($0) }),
      !sentenceEnds.contains(lastChar), !closeSet.contains(lastChar), !trailing.contains(lastChar),
      let last = f.parsed.items.last, try !departmentLike(last.name)
    else { return f }
    var parsed = f.parsed
    parsed.items.removeLast()
    parsed.unknown.removeAll { $0 == last.raw }
    return Found(range: f.range, parsed: parsed, inSentence: f.inSentence)
  }

  /// An attribution cut by the end of the text (a page's excerpt, a truncated file): a bracket opened
  /// within `max_length` of the end and never closed, whose list up to its last role word (or, after a
  /// label, its last separator) reads as departments with role evidence: `（市生态环境局、发展和改革局
  /// 牵头督导，市公安局、自然资源局、` gives the three leads; the names after them, whose role word was
  /// cut, and a name cut in the middle give nothing (Corpus/heldout10 1103).
  func cutAtTextEnd(_ s: [Unicode.Scalar], end hi: Int, lo: Int) throws(StageFailure) -> Found? {
    guard s[hi...].allSatisfy({ whitespace.contains($0) }) else { return nil }
    // the last bracket still open at the end
    var depth = 0
    var open: Int? = nil
    var p = hi - 1
    let limit = max(lo, hi - r.maxLength)
    // (a 。 right after a role word ends the list inside the bracket, before a note that was cut:
    // （区发展改革委、区财政局等负责。列第一位者为牵头单位,下; Corpus/heldout51 5204)
    while p >= limit {
      let c = s[p]
      if c == "\n" || (c == "。" && closingRoleWord(s[lo..<p]) == nil) { break }
      if closeSet.contains(c) { depth += 1 } else if openSet.contains(c) {
        if depth == 0 { open = p; break }
        depth -= 1
      }
      p -= 1
    }
    guard let open else { return nil }
    // the end of the last role word followed by a separator; else, after a label, the last separator
    var cut: Int? = nil
    var sawLabel = false
    var depthIn = 0
    for k in (open + 1)..<hi {
      let c = s[k]
      if openSet.contains(c) { depthIn += 1 } else if closeSet.contains(c) { depthIn = max(0, depthIn - 1) }
      if labelMatch(s[(open + 1)..<hi], at: k) != nil { sawLabel = true }
      guard depthIn == 0, separators.contains(c) || c == "。" else { continue }
      if closingRoleWord(s[open..<k]) != nil || (sawLabel && c != "。") {
        cut = k
      }
    }
    if cut == nil, let completed = completingRoleWord(s[(open + 1)..<hi]) {
      // the page ends right after a role word's modifier (（发展改革和统计局、农业农村局按职责分工, the 负责 of
      // 按职责分工负责 cut; Corpus/heldout34 3504): the names take that role word
      guard let parsed = try parse(completed, 0..<completed.count, shape: .bracketed), parsed.hasRoleEvidence else { return nil }
      return Found(range: open..<hi, parsed: parsed)
    }
    guard let cut, let parsed = try parse(s, (open + 1)..<cut, shape: .bracketed), parsed.hasRoleEvidence else { return nil }
    return Found(range: open..<hi, parsed: parsed)
  }

  /// `text` completed with the role word its last words start (按职责分工 -> 按职责分工负责), when it ends with
  /// a `role_word_modifiers` word after names and every role word starting with that word gives the same
  /// roles (not 分别: 分别牵头 or 分别负责); nil otherwise.
  func completingRoleWord(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
    guard let m = r.roleWordModifiers.first(where: { text.count > $0.count && hasSuffix(text, $0) }) else { return nil }
    let completions = r.roleWords.filter { $0.text.count > m.count && $0.text.starts(with: m) }
    guard let w = completions.first, completions.allSatisfy({ $0.roles == w.roles }) else { return nil }
    return Array(text) + w.text[m.count...]
  }

  /// Where the bracket opening a unit's body starts (its first character after spaces), if it opens with one: perhaps its
  /// article's title (第四条（管理部门）; Corpus/heldout90 9002, heldout94 9401).
  func titleBracketStart(_ s: [Unicode.Scalar], lo: Int, hi: Int) -> Int? {
    var first = lo
    while first < hi, whitespace.contains(s[first]) { first += 1 }
    return first < hi && openSet.contains(s[first]) ? first : nil
  }

  /// Is `f` the bracket at `title` (`titleBracketStart`) without a role word or label: the article's title, no attribution?
  func isTitleBracket(_ f: Found, at title: Int?) -> Bool {
    guard let title else { return false }
    return f.range.lowerBound <= title + 1 && !f.parsed.hasRoleEvidence
  }

  /// Every attribution that closes a paragraph of the unit's own text, in text order: the one
  /// `find` returns (the unit's closing attribution), then, scanning back from its start, each
  /// earlier paragraph end that holds one too (an unnumbered paragraph with its own
  /// `（责任单位：…）` inside the unit). Only paragraph-final candidates are tried, with the same
  /// evidence checks as the closing one; a parenthetical inside a sentence never counts.
  func findAll(in s: [Unicode.Scalar], unit: ClauseUnit) throws(StageFailure) -> [Found] {
    if let header = unit.table, let row = try tableRow(in: s, unit: unit, header: header) { return [row] }
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    let last = try find(in: s, unit: unit)
    var out: [Found] = last.map { [$0] } ?? []
    var p = (last?.range.lowerBound ?? hi) - 1
    var tries = 0
    let title = titleBracketStart(s, lo: lo, hi: hi)
    while p > lo && tries < 200 {
      if s[p] == "\n" {
        tries += 1
        if let f = try tryEnd(s, end: p, lo: lo), standsAlone(f, s, lo: lo, paragraphEnd: p), !isTitleBracket(f, at: title) {
          out.append(f)
          p = f.range.lowerBound - 1
          continue
        }
      } else if closeSet.contains(s[p]) {
        // a bracket group inside a paragraph (line breaks lost in a scrape) that ends a sentence
        // (…着力解决农药兽药残留问题（市农业局分别负责，食品药品监管局配合）。严格农业投入品监管…),
        // whose own text ends with one (〔市生态环境局牵头，…负责落实。以下…不再列出。〕按省的要求…),
        // that follows one and runs on into the task (…1150万人左右。(市人口计生委、市公安局牵头)万元
        // 地区生产总值…) or ends a clause (…(…等负责。…下同),建设一批…), when it names roles or a label
        let sentenceFinal = p + 1 < s.count && s[p + 1] == "。"
        if let open = findOpener(s, closeAt: p, lo: lo),
          sentenceFinal || s[p - 1] == "。" || clauseEndFollows(s, after: p) || opensAfterSentenceEnd(s, open: open, close: p, lo: lo)
        {
          tries += 1
          if mayNameRoles(s, open + 1..<p), let f = try tryEnd(s, end: p + 1, lo: lo), f.range.upperBound == p + 1,
            f.parsed.hasRoleEvidence
          {
            out.append(f)
            p = f.range.lowerBound - 1
            continue
          }
        }
      }
      p -= 1
    }
    return out.reversed()
  }

  /// Departments named as the subject at the start of the unit (`leading` in the rules), for a
  /// unit without a closing attribution: `市城乡规划局负责城市规划…`, `A、B协同C负责…`,
  /// `由A牵头，B配合，做好…`. From the body's first character, each step is a list of names up to a
  /// role word; a step follows the previous one after a comma or a `links` word. Every name must
  /// look like a department, else the step (and the search) ends. The steps read are parsed as the
  /// list `A、B协同，C负责` would be, in brackets; the range is kept in the task's text.
  func leading(in s: [Unicode.Scalar], unit: ClauseUnit, afterTitle: Bool = true) throws(StageFailure) -> Found? {
    guard let rule = r.leading else { return nil }
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    if let f = try leading(in: s, from: lo, to: hi, rule: rule) { return f }
    if let f = try groupMembers(in: s, from: lo, to: hi, rule: rule) { return f }
    if let f = try carriedSubject(in: s, from: lo, to: hi, rule: rule) { return f }
    if rule.colonSubjects, let f = try colonSubject(in: s, from: lo, to: hi, rule: rule) { return f }
    guard afterTitle else { return nil }
    // after a short title sentence (三、加强督导，健全推进机制。市发展改革委负责…) or a heading line
    // (一、有关职责⏎市发改委负责…)
    var p = lo
    while p < min(hi, lo + rule.maxHeading), s[p] != "。", s[p] != "\n" { p += 1 }
    if p < hi, s[p] == "。" || s[p] == "\n", let f = try leading(in: s, from: p + 1, to: hi, rule: rule) { return f }
    // after a clause of grounds that opens the text or its sentence after the title (根据干部管理权限，市委组织部…分别
    // 负责; `leading.opening_clauses`)
    if !rule.openingClauses.isEmpty {
      for from in [lo, p + 1] where from < hi {
        if let c = openingClauseComma(s, from: from, to: hi, rule: rule), let f = try leading(in: s, from: c + 1, to: hi, rule: rule) {
          return f
        }
      }
    }
    // after a clause naming the matter (关于“…”的问题，由发展改革委会同…; `leading.after_clauses`)
    let window = s[lo..<min(hi, lo + rule.maxLeadIn)]
    for w in rule.afterClauses {
      var k = window.startIndex
      while k + w.count <= window.endIndex {
        // (a clause ending so that names none: the search goes on, 梳理发现执行中存在的问题，确保…)
        if window[k] == w[0], window[k..<(k + w.count)].elementsEqual(w),
          let f = try leading(in: s, from: k + w.count, to: hi, rule: rule)
        {
          return f
        }
        k += 1
      }
    }
    // after the matter, inside the first sentence: 两轮摩托车非法载客由县公安局负责牵头管理，县交通局协管
    // (`leading.inner_lead_ins`; the names must look like departments and reach a role word)
    if !rule.innerLeadIns.isEmpty {
      // (from the body's first paragraph: after a heading line, 二、部门自查⏎…)
      var from = lo
      if p < hi, s[p] == "\n" { from = p + 1 }
      var k = from + 1
      let end = min(hi, from + rule.maxLength)
      while k < end, s[k] != "。", s[k] != "\n" {
        if let f = try subjectAfterLeadIn(at: k, in: s, within: end, to: hi, rule: rule) { return f }
        k += 1
      }
      // in a later sentence of the paragraph (…19个方面督查重点，由所涉及的省政府办公厅、…等省级主管部门牵头完成
      // 自查报告, Corpus/heldout27 2801; 因此，这项工作由外交部和总参谋部统一归口管理, 2803)
      while k < hi, s[k] != "\n" {
        if let f = try subjectAfterLeadIn(at: k, in: s, within: hi, to: hi, rule: rule) { return f }
        k += 1
      }
    }
    return nil
  }

  /// The comma ending a clause of grounds (`leading.opening_clauses`: 根据…，按照…，在…下，) that opens the text at `from`
  /// (after whitespace), within 30 characters and one sentence; nil when none opens there.
  func openingClauseComma(_ s: [Unicode.Scalar], from: Int, to hi: Int, rule: AttributeRules.Leading) -> Int? {
    var a = from
    while a < hi, whitespace.contains(s[a]) { a += 1 }
    guard a < hi, rule.openingClauses.contains(where: { hasPrefix(s[a..<hi], $0) }) else { return nil }
    // (a comma inside brackets is no end of the clause: 按照（省发展改革委牵头，省人社厅参与） names no grounds)
    var c = a
    var depth = 0
    while c < min(hi, a + 30), s[c] != "。", s[c] != "\n" {
      if openSet.contains(s[c]) { depth += 1 } else if closeSet.contains(s[c]) { depth = max(0, depth - 1) }
      if depth == 0, s[c] == "，" || s[c] == "," { return c }
      c += 1
    }
    return nil
  }

  /// A working group's members, named after the group and a colon, whose duties follow in a sentence that starts
  /// with a role word: `（1）捐赠接收组：市民政局、市慈善会、市红十字会。负责向国内外提出捐赠倡议…` (an emergency
  /// plan's groups; Corpus/heldout50 5103). The group's name is at most `leading.max_heading` characters of Chinese
  /// text; every member must look like a department; the names are read as `A、B、C负责` would be.
  func groupMembers(in s: [Unicode.Scalar], from lo: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    var colon = lo
    let cap = min(hi, lo + rule.maxHeading)
    while colon < cap, isIdeographic(s[colon]) { colon += 1 }
    guard colon > lo + 1, colon < cap, s[colon] == "：" || s[colon] == ":" else { return nil }
    var stop = colon + 1
    let limit = min(hi, stop + rule.maxLength)
    while stop < limit, s[stop] != "。", s[stop] != "\n", !sentenceEnds.contains(s[stop]) { stop += 1 }
    guard stop < limit, s[stop] == "。", stop > colon + 1, stop + 1 < hi,
      let w = roleWord(at: stop + 1, in: s, to: hi, rule: rule),
      try everyItemDepartmentLike(s[(colon + 1)..<stop])
    else { return nil }
    let list = Array(s[(colon + 1)..<stop]) + w.text
    guard let parsed = try parse(list, 0..<list.count, shape: .bracketed), parsed.hasRoleEvidence else { return nil }
    return Found(range: (colon + 1)..<(stop + 1), parsed: parsed, inSentence: true)
  }

  /// The departments an item of a division of duties starts with, without a role word: `县国动办、县文旅广电局确保
  /// 应急广播终端…`, `县供电分公司保障…` (under `四、工作职责`; Corpus/heldout50 5105). Names apart by 、; each must
  /// be a lexicon name (after a jurisdiction, perhaps), or start with a jurisdiction, end with a
  /// `leading.duty_name_endings` word, be at most `duty_name_max_length` long and look like a department (`明确政府职责…`, `统筹协调…` and
  /// `省励和引导社会资本…` name nobody). The last name ends where its item first reads as such a name, taken up to three
  /// characters further when that still does (`乡村振兴办` -> `乡村振兴办公室`, `市委` -> `市委宣传部`). Read as
  /// `A、B负责` would be (their role: responsible).
  func dutySubject(in s: [Unicode.Scalar], unit: ClauseUnit, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    var lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    while lo < hi, whitespace.contains(s[lo]) { lo += 1 }
    guard let w = r.roleWords.first(where: { $0.roles == [.responsible] }) else { return nil }
    var start = lo
    var end: Int? = nil
    let limit = min(hi, lo + rule.maxLength)
    while start < limit, end == nil {
      var k = start
      while k < limit, isIdeographic(s[k]) { k += 1 }
      if k < limit, s[k] == "、", k > start, try named(s, start, k, rule: rule) {
        start = k + 1
        continue
      }
      let cap = min(k, start + 16)
      // (or a whole first sentence that is one name of a body, without prefix: `4.建管中心。积极依托…`, `5.管理办。协调…`;
      // Corpus/heldout100 10005)
      if k < limit, s[k] == "。" || s[k] == "：", k - start >= 2, k - start <= rule.dutyNameMaxLength,
        try departmentLike(String(scalars: s[start..<k]))
      {
        end = k
        break
      }
      guard let e = try nameEnd(s, from: start, to: cap, rule: rule) else { return nil }
      end = e
    }
    // (or the name closed by a full stop: alone on its line, `1.农业部门。` over its duties (1)–(10), Corpus/heldout67 6705, or
    // before them, `4.建管中心。积极依托…协同开展…`, Corpus/heldout100 10005)
    guard let end, end < hi, s[end] != "的",
      isIdeographic(s[end]) || s[end] == "：" || s[end] == ":" || s[end] == "。"
    else { return nil }
    let list = Array(s[lo..<end]) + w.text
    guard let parsed = try parse(list, 0..<list.count, shape: .bracketed), parsed.hasRoleEvidence else { return nil }
    return Found(range: lo..<end, parsed: parsed, inSentence: true)
  }

  /// Is `s[a..<b]` a name read without a role word after it: a lexicon name (after a jurisdiction, perhaps), or a
  /// name starting with a jurisdiction, ending with a `leading.duty_name_endings` word, at most
  /// `duty_name_max_length` long, that looks like a department?
  func named(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Bool {
    let name = String(scalars: s[a..<b])
    let fast = names.fast(name)
    if names.lookup(name, fast: fast) != nil { return true }
    let splits = names.splitPrefix(name, fast: fast)
    if splits.contains(where: { names.lookup($0.rest, fast: fast) != nil }) { return true }
    guard !splits.isEmpty, b - a <= rule.dutyNameMaxLength, rule.dutyNameEndings.contains(where: { name.hasSuffix($0) })
    else { return false }
    return try departmentLike(name)
  }

  /// Where the name starting at `start` ends (`named`), looked for up to `cap`: the first place it reads as one,
  /// taken up to three characters further when that still does (`乡村振兴办` -> `乡村振兴办公室`, `市委` ->
  /// `市委宣传部`).
  func nameEnd(_ s: [Unicode.Scalar], from start: Int, to cap: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Int? {
    var e = start + 2
    while e <= cap {
      if try named(s, start, e, rule: rule) { break }
      // (a kind of body, short and holding no role word: 卫生部门职责、任务, not 协助教育部门 or 公安机关应当积极配合有关部门)
      if e - start <= rule.dutyNameMaxLength, sharedWord(endingLonger: s[start..<e]) != nil,
        !(start..<e).contains(where: { k in roleWordStarts.contains(s[k]) && r.roleWords.contains { hasPrefix(s[k..<e], $0.text) } }),
        try departmentLike(String(scalars: s[start..<e]))
      {
        break
      }
      e += 1
    }
    guard e <= cap else { return nil }
    var longest = e
    // (or a kind of body ending with a shared word: `农业部门` past the lexicon's `农业部`, Corpus/heldout67 6705)
    for f in (e + 1)..<max(e + 1, min(cap, e + 3) + 1) where try named(s, start, f, rule: rule) || sharedWord(endingLonger: s[start..<f]) != nil {
      longest = f
    }
    return longest
  }

  /// A numbered item that starts with department names and a colon, its duties after it without a role word:
  /// `(10)省民政厅：核实全省干旱灾害的损失，组织安排救灾…` (`leading.colon_subjects`; the keys of Corpus/heldout43
  /// 4403, heldout44 4505, heldout59 6001); also names alone before a full stop (`3.人民检察院。依法开展…`,
  /// heldout58 5907) and before a `colon_subject_tails` word (`工商部门职责：…`, heldout58 5905). The names (several
  /// may share their last word: `公安、司法部门：`) must each look like a department and be no label (`责任单位：`)
  /// or generic body alone (`有关部门：`); they are responsible.
  func colonSubject(in s: [Unicode.Scalar], from lo: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    var start = lo
    while start < hi, whitespace.contains(s[start]) { start += 1 }
    var q = start
    let cap = min(hi, start + rule.maxHeading)
    while q < cap {
      if isIdeographic(s[q]) || s[q] == "、" {
        q += 1
      } else if openSet.contains(s[q]), let close = shortBracketEnd(s, at: q, limit: cap) {
        q = close + 1
      } else {
        break
      }
    }
    // (a colon, or a full stop after names alone: `3.人民检察院。依法开展…`)
    // (the duties may start on the next line: `一、农业、沼气部门：` / `要把…`; Corpus/heldout61 6205)
    guard q > start + 1, q + 1 < hi, q < cap, r.colons.contains(s[q]) || s[q] == "。", !whitespace.contains(s[q + 1])
      || (s[q + 1] == "\n" && r.colons.contains(s[q]))
    else { return nil }
    var names = s[start..<q]
    // (before a full stop only a body of a kind, `财政部门。`, or a lexicon name: `鼓励发展非公立医疗机构。` is a heading;
    // the cheapest test first, as most short first sentences are headings)
    if s[q] == "。" {
      let whole = String(scalars: names)
      // (or one with its jurisdiction: (五)市监察局。…, Corpus/heldout97 9701)
      let kindOrKnown = sharedWord(endingLonger: names) != nil || self.names.lookup(whole, fast: self.names.fast(whole)) != nil
      if !kindOrKnown {
        guard try named(s, start, q, rule: rule) else { return nil }
      }
    }
    guard !holdsLabel(s, start, q) else { return nil }
    // (`工商部门职责：`: the word naming the duties is dropped)
    if let t = rule.colonSubjectTails.first(where: { names.count > $0.count + 1 && hasSuffix(names, $0) }) {
      names = names.dropLast(t.count)
    }
    let shared = sharedSuffix(of: names)
    guard try !isGeneric(String(scalars: names)),
      try everyItemDepartmentLike(names, shared: shared),
      let w = r.roleWords.first(where: { $0.roles == [.responsible] })
    else { return nil }
    let list = Array(names) + w.text
    guard let parsed = try parse(list, 0..<list.count, shape: .bracketed), parsed.hasRoleEvidence else { return nil }
    return Found(range: start..<(q + 1), parsed: parsed, inSentence: true)
  }

  /// A department that starts a sentence without a role word, whose later clause (after ；) starts with one, the
  /// subject carried over: `省水利厅承担省防汛抗旱指挥部的日常工作；负责水情…的监测` (Corpus/heldout44 4504),
  /// `市卫生局对可能发生的传染病进行监测预警…；负责监测饮用水…` (Corpus/heldout57 5802). The name is read as in
  /// `dutySubject`; the role word must follow the ； at once, in the same sentence.
  func carriedSubject(in s: [Unicode.Scalar], from lo: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    var start = lo
    while start < hi, whitespace.contains(s[start]) { start += 1 }
    // (the cheap test first: a ； followed at once by a role word, in the same sentence)
    var q = start
    var carried: RoleWord? = nil
    let limit = min(hi, start + r.maxLength * 2)
    while q < limit, !sentenceEnds.contains(s[q]), s[q] != "\n" {
      if s[q] == "；" || s[q] == ";", q + 1 < hi, let w = roleWord(at: q + 1, in: s, to: hi, rule: rule) {
        carried = w
        break
      }
      q += 1
    }
    guard let w = carried else { return nil }
    let cap = min(q, start + 16)
    var k = start
    while k < cap, isIdeographic(s[k]) { k += 1 }
    guard let end = try nameEnd(s, from: start, to: k, rule: rule), end < q, isIdeographic(s[end]),
      roleWord(at: end, in: s, to: hi, rule: rule) == nil
    else { return nil }
    let list = Array(s[start..<end]) + w.text
    guard let parsed = try parse(list, 0..<list.count, shape: .bracketed), parsed.hasRoleEvidence else { return nil }
    return Found(range: start..<end, parsed: parsed, inSentence: true)
  }

  /// A line of its own, or the last sentence of a paragraph, that only says who does the task: a
  /// lead-in (由), departments, a role word at its end (由漯阜铁路公司、市发展改革委，川汇区、商水县人民政府，市经济开发区管委会负责落实;
  /// Corpus/heldout15 1605). Read as a list without brackets; like a bracket list it is not part of the
  /// task's text. Without the lead-in only a whole line whose every name looks like a department.
  /// A line of its own starting with a `section_lead_ins` word (此项工作由…) is marked `forSection`.
  /// A whole line of names, every one looking like a department, right after a line that ends a
  /// sentence (`bare_list_lines`): the 责任单位 cell of a table row whose header the reader did not
  /// take (Corpus/heldout13 1404: `2.纳入…设备购置费用。` / `市经信局、市财政局等，各县、市、区政府，咸宁
  /// 高新区管委会`). Two names or more, apart by 、 or ，, and nothing else (no role word: a line with one
  /// is `statementLine`'s); no colon or sentence end in the line.
  func namesLine(_ s: [Unicode.Scalar], end: Int, lo: Int) throws(StageFailure) -> Found? {
    guard r.bareListLines, end > lo else { return nil }
    var ls = end
    let limit = max(lo, end - r.maxLength)
    while ls > limit && s[ls - 1] != "\n" { ls -= 1 }
    guard ls > lo, s[ls - 1] == "\n", end - ls >= 3 else { return nil }
    // the line before ends a sentence
    var pe = ls - 1
    while pe > lo && whitespace.contains(s[pe - 1]) { pe -= 1 }
    guard pe > lo, s[pe - 1] == "。" || s[pe - 1] == "；" else { return nil }
    guard !s[ls..<end].contains(where: { $0 == "。" || $0 == "；" || r.colons.contains($0) }),
      let parsed = try parse(s, ls..<end, shape: .bracketed), parsed.items.count >= 2, !parsed.hasRoleEvidence
    else { return nil }
    // (one name alone may be a signature line, the issuer under a clause: 淄博市人民政府办公厅; a sentence
    // naming them is no such line: 该目标责任单位为市经委)
    for item in parsed.items {
      guard try departmentLike(item.name) else { return nil }
      // (a clause given the list's shared word is no name: 按照国务院关于行政案件移送的规定，国土资源部门对于…，…退回国土资源
      // 部门; Corpus/heldout76 7606)
      if r.sharedFieldMax > 0, item.name != item.raw, item.raw.unicodeScalars.count > r.sharedFieldMax { return nil }
      let sc = Array(item.raw.unicodeScalars)
      if r.labels.contains(where: { l in sc.indices.contains { sc[$0...].starts(with: l.text) } }) { return nil }
    }
    return Found(range: ls..<end, parsed: parsed)
  }

  func statementLine(_ s: [Unicode.Scalar], end: Int, lo: Int) throws(StageFailure) -> Found? {
    guard end > lo, roleWordEnds.contains(s[end - 1]) else { return nil }
    // from the line's start or its last sentence end (…确保补贴总金额高于上年。由市财政局…负责落实)
    var ls = end
    let limit = max(lo, end - r.maxLength)
    while ls > limit && s[ls - 1] != "\n" && s[ls - 1] != "。" { ls -= 1 }
    guard s[ls..<end].count > 3, closingRoleWord(s[ls..<end]) != nil else { return nil }
    if ls == lo || s[ls - 1] == "\n", let lead = r.sectionLeadIns.first(where: { hasPrefix(s[ls..<end], $0) }) {
      guard let parsed = try parse(s, (ls + lead.count)..<end, shape: .lostBracket), parsed.hasRoleEvidence else { return nil }
      return Found(range: ls..<end, parsed: parsed, forSection: true)
    }
    guard let lead = r.leadIns.first(where: { hasPrefix(s[ls..<end], $0) }) else {
      // without a lead-in only a whole line of names and a role word (the 责任单位 cells of a table
      // whose rows lost their numbers: 市金融办、人民银行潍坊市中心支行分别牵头落实; Corpus/heldout16 1704)
      guard ls == lo || s[ls - 1] == "\n",
        !s[ls..<end].contains(where: { $0 == "，" || $0 == "," || $0 == "。" || openSet.contains($0) || closeSet.contains($0) }),
        let parsed = try parse(s, ls..<end, shape: .lostBracket), parsed.hasRoleEvidence, !parsed.items.isEmpty
      else { return nil }
      for item in parsed.items where try !departmentLike(item.raw) { return nil }
      return Found(range: ls..<end, parsed: parsed)
    }
    guard let parsed = try parse(s, (ls + lead.count)..<end, shape: .lostBracket), parsed.hasRoleEvidence else { return nil }
    return Found(range: ls..<end, parsed: parsed)
  }

  /// Does `found`, a bracket with a lead, close the unit's first line, a short heading (at most
  /// `leading.max_heading` characters before the bracket) followed by more lines?
  func closesHeadingLine(_ found: Found, unit: ClauseUnit, in s: [Unicode.Scalar]) -> Bool {
    guard let rule = r.leading, found.parsed.items.contains(where: { $0.roles.contains(.lead) }) else { return false }
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    var e = found.range.upperBound
    while e < hi, whitespace.contains(s[e]) && s[e] != "\n" { e += 1 }
    return e < hi && s[e] == "\n" && found.range.lowerBound >= lo && found.range.lowerBound - lo <= rule.maxHeading
      && !s[lo..<found.range.lowerBound].contains(where: { $0 == "\n" || sentenceEnds.contains($0) })
  }

  /// Does the subject of a unit's heading line lead every item of its section: the heading is the
  /// unit's first line, holds the subject, and ends (a bracketed count aside: （8项）) with a
  /// `section_subject_endings` word right after the subject's role word (县示范区管委会牵头工作,
  /// 省监察厅牵头的工作; Corpus/heldout9 1004)?
  func headsItsSection(_ subject: Found, unit: ClauseUnit, in s: [Unicode.Scalar]) -> Bool {
    guard !r.sectionSubjectEndings.isEmpty, !subject.parsed.items.isEmpty, subject.parsed.items.contains(where: { $0.roles.contains(.lead) })
    else { return false }
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    var e = lo
    while e < s.count, s[e] != "\n" { e += 1 }
    guard subject.range.lowerBound == lo, subject.range.upperBound <= e else { return false }
    // the heading line without a bracketed note at its end
    var hi = e
    while hi > subject.range.upperBound, whitespace.contains(s[hi - 1]) { hi -= 1 }
    if hi > subject.range.upperBound, closeSet.contains(s[hi - 1]), let open = findOpener(s, closeAt: hi - 1, lo: subject.range.upperBound) {
      hi = open
    }
    let rest = s[subject.range.upperBound..<hi]
    return r.sectionSubjectEndings.contains { rest.elementsEqual($0) }
  }

  /// The body named after a collective of places (`各州食品药品监管局`: 食品药品监管局, `各县区教育局`: 教育局):
  /// `各`, place words ending with a region level, then a name that looks like a department and does not
  /// itself start with a level. The bare place names listed right before such an item share it.
  /// The body a place names after it (`神农架林区发改委` -> `发改委`, `临夏州发展改革部门` -> `发展改革部门`): the
  /// shortest start of two characters or more ending with a `region_levels` word, after which the rest looks
  /// like a department and starts with no level.
  func placeBody(_ raw: String) throws(StageFailure) -> String? {
    let sc = Array(raw.unicodeScalars)
    guard sc.count >= 4, sc[0] != "各" else { return nil }
    return try body(after: sc[...], placeLengths: 2..<(r.placeNameMax + 3), bareLevel: false)
  }

  /// A place's bare name: Chinese characters only, at most `place_name_max` + 2 of them, ending with a
  /// `region_levels` word (`襄阳市`, `神农架林区`).
  func isBarePlace(_ raw: String) -> Bool {
    // (the cheap test first, without copying: the name ends like a level)
    guard let last = raw.unicodeScalars.last, r.regionLevels.contains(where: { $0.last == last }) else { return false }
    let sc = Array(raw.unicodeScalars)
    return sc.count >= 2 && sc.count <= r.placeNameMax + 2 && sc.allSatisfy({ isIdeographic($0) })
      && r.regionLevels.contains(where: { sc.count > $0.count && sc.suffix($0.count).elementsEqual($0) })
  }

  func placesBody(_ raw: String) throws(StageFailure) -> String? {
    let sc = Array(raw.unicodeScalars)
    guard sc.count >= 4, sc[0] == "各" else { return nil }
    return try body(after: sc[1...], placeLengths: 1..<(r.placeNameMax + 1), bareLevel: true)
  }

  /// The body after the shortest place at the start of `sc` (a length in `placeLengths`, leaving at least
  /// two characters) that ends with a `region_levels` word and is Chinese characters only, or is that word
  /// alone when `bareLevel` (`各州食品药品监管局`): the rest, when it starts with no level and looks like a
  /// department. Shared by `placeBody` and `placesBody`.
  func body(after sc: ArraySlice<Unicode.Scalar>, placeLengths: Range<Int>, bareLevel: Bool) throws(StageFailure) -> String? {
    for length in placeLengths.lowerBound..<min(sc.count - 1, placeLengths.upperBound) {
      let place = sc.prefix(length), body = sc.dropFirst(length)
      guard bareLevel || place.allSatisfy({ isIdeographic($0) }),
        r.regionLevels.contains(where: { (bareLevel ? place.count >= $0.count : place.count > $0.count) && place.suffix($0.count).elementsEqual($0) }),
        !r.regionLevels.contains(where: { body.starts(with: $0) })
      else { continue }
      let name = String(String.UnicodeScalarView(body))
      if try departmentLike(name) { return name }
    }
    return nil
  }


  /// Does a clause end (，；) follow the bracket group closing at `c` (…等负责。列第一位的为牵头部门，
  /// 下同），建设一批…; Corpus/heldout14 1502)?
  func clauseEndFollows(_ s: [Unicode.Scalar], after c: Int) -> Bool {
    c + 1 < s.count && (s[c + 1] == "，" || s[c + 1] == "," || s[c + 1] == "；" || s[c + 1] == ";")
  }

  /// Does the bracket group closing at `c` open right after a sentence end and run on into more of
  /// the task's text (。(市经委牵头)万元工业增加值…)? Not when another bracket follows it at once: in a
  /// scramble the list closes a clause whose marker comes next (（卫生厅负责）（6）完善…, seed 000).
  func opensAfterSentenceEnd(_ s: [Unicode.Scalar], open: Int, close c: Int, lo: Int) -> Bool {
    guard open > lo, !markerLikeFollows(s, after: c), mayNameRoles(s, open + 1..<c) else { return false }
    // (a line break may stand between: …耕地保有量面积。⏎(市国土房管局牵头)主要污染物…)
    var b = open - 1
    while b > lo, whitespace.contains(s[b]) { b -= 1 }
    return s[b] == "。" || s[b] == "；"
  }


  /// Could `s[r]` name roles or a label (does it hold the last character of a role word, or a colon)?
  /// A cheap test before a bracket group inside a paragraph is parsed.
  func mayNameRoles(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    s[r].contains { roleWordEnds.contains($0) || colonSet.contains($0) }
  }

  /// Does something that looks like a clause marker follow position `c` (spaces aside): a bracket,
  /// digits before . ． 、, or Chinese numerals before 、? (A marker Segment did not take: the list
  /// before it closes that clause, not a sentence of this one.)
  func markerLikeFollows(_ s: [Unicode.Scalar], after c: Int) -> Bool {
    var k = c + 1
    while k < s.count, s[k] == " " || s[k] == "\u{3000}" { k += 1 }
    guard k < s.count else { return true }
    if openSet.contains(s[k]) { return true }
    var q = k
    if markerDigits.contains(s[q]) {
      while q < s.count, markerDigits.contains(s[q]) { q += 1 }
      return q < s.count && (s[q] == "." || s[q] == "．" || s[q] == "、")
    }
    if markerNumerals.contains(s[q]) {
      while q < s.count, markerNumerals.contains(s[q]) { q += 1 }
      return q < s.count && s[q] == "、"
    }
    return false
  }

  /// The names of a step `由A会同B、C等部门…` (from `start` up to the tail word at `q`) as a list to parse,
  /// when they start with a lead-in, hold a joiner that names the lead and every item looks like a
  /// department; nil otherwise. The tail word is kept, so the list parses as `A会同B、C等部门`, and the
  /// tail is dropped as in any list.
  func joinedStep(_ s: [Unicode.Scalar], from start: Int, tailAt q: Int, tail: [Unicode.Scalar]) throws(StageFailure) -> [Unicode.Scalar]? {
    var names = s[start..<q]
    let leadIn = r.leadIns.first(where: { names.count > $0.count && names.starts(with: $0) })
    if let leadIn { names.removeFirst(leadIn.count) }
    // (without 由, only a joiner that names a subject on its own: 要组织, not 会同)
    var hit: (at: Int, joiner: Joiner)? = nil
    for k in names.indices.dropFirst() {
      if let j = r.joiners.first(where: { j in j.firstIsLead && (leadIn != nil || j.namesSubject)
        && k + j.text.count < names.endIndex && names[k..<(k + j.text.count)].elementsEqual(j.text) })
      {
        hit = (k, j)
        break
      }
    }
    guard let (k, joiner) = hit else { return nil }
    // the names after the joiner may be fields sharing the tail's body (省建设、监察、发改等部门)
    guard try everyItemDepartmentLike(names[..<k]),
      try everyItemDepartmentLike(names[(k + joiner.text.count)...], shared: sharedWord(endingLonger: tail))
    else { return nil }
    return Array(names) + tail
  }

  /// Does every item of `names` (split at 、) look like a department? (A subject step's names.) With
  /// `shared` (the 部门 a list ends with, `sharedSuffix(of:)`), an item may look like one with it
  /// (各级消防、人防、交警、气象、卫生等部门: 人防部门).
  func everyItemDepartmentLike(_ names: ArraySlice<Unicode.Scalar>, shared: String? = nil) throws(StageFailure) -> Bool {
    var itemStart = names.startIndex
    // (a 、 inside brackets splits no item: 各县（市、区）人民政府)
    var depth = 0
    for k in names.indices {
      let c = names[k]
      if openSet.contains(c) { depth += 1 } else if closeSet.contains(c) { depth = max(0, depth - 1) }
      guard c == "、" && depth == 0 || k == names.endIndex - 1 else { continue }
      let item = names[itemStart..<(c == "、" && depth == 0 ? k : k + 1)]
      guard !item.isEmpty else { return false }
      let name = String(scalars: item)
      if try departmentLike(name) {
      } else if let shared, try departmentLike(name + shared) {
      } else if c == "、", depth == 0, levelsEnd(item, collective: true) == item.endIndex {
        // levels only, sharing the body after them (市、区人民政府, 各市、县人民政府): the next item decides
      } else {
        return false
      }
      itemStart = k + 1
    }
    return true
  }

  /// The `shared_suffixes` word (部门, 单位) a list of several names ends with, if any.
  func sharedSuffix(of names: ArraySlice<Unicode.Scalar>) -> String? {
    names.contains("、") ? sharedWord(endingLonger: names) : nil
  }

  /// The `shared_suffixes` word `x` ends with, with more before it (等部门: 部门), if any.
  func sharedWord<C: BidirectionalCollection<Unicode.Scalar>>(endingLonger x: C) -> String? {
    r.sharedSuffixes.first { w in
      let sc = Array(w.unicodeScalars)
      return x.count > sc.count && x.suffix(sc.count).elementsEqual(sc)
    }
  }

  /// The departments that start the unit's clauses after `start` (`leading.later_clauses`):
  /// in a division of duties each clause names its own (市发改委负责项目立项工作；市规划局负责新项目
  /// 规划选址…。市房改办负责…). A clause starts after ；, 。 or a line break; one that does not start
  /// with departments and a role word adds nothing.
  func laterSubjects(in s: [Unicode.Scalar], unit: ClauseUnit, after start: Int) throws(StageFailure) -> [Found] {
    guard let rule = r.leading, rule.laterClauses else { return [] }
    let hi = max(0, min(unit.bodyRange.upperBound, s.count))
    var out: [Found] = []
    var p = start
    // (brackets open at p: a comma inside one is a list's, 〔市财政局牵头，省委宣传部…参与〕)
    var depth = 0
    while p < hi {
      let c = s[p]
      p += 1
      if openSet.contains(c) { depth += 1 } else if closeSet.contains(c) { depth = max(0, depth - 1) }
      // (or a quotation after a colon: …中规定：“文化部负责…。国家广播电影电视总局负责…”, Corpus/heldout69 6901)
      guard c == "；" || c == ";" || c == "。" || c == "\n" || c == "，" || c == "“" && p >= 2 && r.colons.contains(s[p - 2]) else { continue }
      // (after a comma only names that are bodies for sure: the lexicon's, or a kind of body (工商行政管理部门), as in
      // …制定规划，工商行政管理部门负责监督实施 (Corpus/heldout85 8503); a clause's verb and object are none: 成立…专班负责)
      if c == "，" {
        guard depth == 0, let f = try leading(in: s, from: p, to: hi, rule: rule) else { continue }
        var sure = true
        for item in f.parsed.items where try !bodyForSure(item.name) { sure = false }
        guard sure else { continue }
        out.append(f)
        p = f.range.upperBound
        continue
      }
      var found = try leading(in: s, from: p, to: hi, rule: rule)
      // (or after a clause of grounds that opens the sentence: 按属地管理原则，街道办事处、乡镇人民政府负责…; Corpus/heldout89
      // 8902; `leading.opening_clauses`, as at the start of a text)
      if found == nil, let comma = openingClauseComma(s, from: p, to: hi, rule: rule) {
        found = try leading(in: s, from: comma + 1, to: hi, rule: rule)
      }
      if found == nil { found = try innerSubject(in: s, from: p, to: hi, rule: rule) }
      if found == nil, c != "；", c != ";" { found = try carriedSubject(in: s, from: p, to: hi, rule: rule) }
      if let f = found {
        out.append(f)
        p = f.range.upperBound
      }
    }
    return out
  }

  /// The role word starting at `k` (longest first), unless followed by a `leading.not_followed_by` word
  /// (负责人, 负责制) that is not the start of a `followed_anyway` one (负责制定).
  func roleWord(at k: Int, in s: [Unicode.Scalar], to hi: Int, rule: AttributeRules.Leading) -> RoleWord? {
    guard roleWordStarts.contains(s[k]) else { return nil }
    return r.roleWords.first { w in
      k + w.text.count <= hi && hasPrefix(s[k..<hi], w.text)
        && (!rule.notFollowedBy.contains { hasPrefix(s[(k + w.text.count)...], $0) }
          || rule.followedAnyway.contains { hasPrefix(s[(k + w.text.count)...], $0) })
    }
  }

  /// The first role word (`roleWord(at:)`) from `from` to the end of its line.
  func firstRoleWord(in s: [Unicode.Scalar], from: Int, to hi: Int, rule: AttributeRules.Leading) -> RoleWord? {
    var k = from
    while k < hi, s[k] != "\n" {
      if let w = roleWord(at: k, in: s, to: hi, rule: rule) { return w }
      k += 1
    }
    return nil
  }

  /// At a copula (`leading.copulas`: 是) after names, the clause up to the next ，。；: when it ends with a
  /// `leading.role_nouns` word (…的责任主体), a role word with that noun's roles and the clause's end.
  func roleNounClause(_ s: [Unicode.Scalar], at q: Int, limit: Int, rule: AttributeRules.Leading) -> (RoleWord, Int)? {
    guard !rule.roleNouns.isEmpty, let cop = rule.copulas.first(where: { q + $0.count < limit && hasPrefix(s[q..<limit], $0) })
    else { return nil }
    var e = q + cop.count
    while e < limit, !sentenceEnds.contains(s[e]), s[e] != "，", s[e] != ",", s[e] != "\n" { e += 1 }
    guard let noun = rule.roleNouns.first(where: { e - q > $0.text.count && hasSuffix(s[q..<e], $0.text) }),
      let w = r.roleWords.first(where: { $0.roles == noun.roles })
    else { return nil }
    return (w, e)
  }

  /// The departments after a lead-in inside the clause starting at `from` (`leading.inner_lead_ins`, not
  /// after 应): `小水泥厂的关闭按照权限分别由市、区人民政府负责` (Corpus/heldout41 4201). Nil when the clause
  /// (up to ；, 。 or a line break) holds none that reads as a subject step.
  func innerSubject(in s: [Unicode.Scalar], from: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    guard !rule.innerLeadIns.isEmpty else { return nil }
    var k = from + 1
    while k < hi, s[k] != "；", s[k] != ";", s[k] != "。", s[k] != "\n" {
      if let f = try subjectAfterLeadIn(at: k, in: s, within: hi, to: hi, rule: rule) { return f }
      k += 1
    }
    return nil
  }

  /// The subject step after a `leading.inner_lead_ins` word starting at `k` (ending before `bound`), read up
  /// to `hi`; not after 应 (应由…: what the law assigns, before the notice's own assignment; Corpus/heldout25
  /// 2603).
  func subjectAfterLeadIn(at k: Int, in s: [Unicode.Scalar], within bound: Int, to hi: Int,
                          rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    guard s[k - 1] != "应", rule.innerLeadIns.contains(where: { k + $0.count < bound && hasPrefix(s[k..<bound], $0) }) else {
      return nil
    }
    return try leading(in: s, from: k, to: hi, rule: rule)
  }

  /// The closing bracket of a short bracket opening at `k` inside a name (`（市、区）`, `（单位）`, `（牵头）`):
  /// within six characters, holding only Chinese characters and `、`; nil for anything else.
  func shortBracketEnd(_ s: [Unicode.Scalar], at k: Int, limit: Int) -> Int? {
    var e = k + 1
    let cap = min(limit, k + 8)
    while e < cap {
      let c = s[e]
      if closeSet.contains(c) { return e > k + 1 ? e : nil }
      guard c == "、" || isIdeographic(c) else { return nil }
      e += 1
    }
    return nil
  }

  func leading(in s: [Unicode.Scalar], from lo: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    var p = lo
    while p < hi && whitespace.contains(s[p]) { p += 1 }
    let start = p
    let limit = min(hi, start + rule.maxLength)
    var listStart = start
    var synthetic: [Unicode.Scalar] = []
    var end: Int? = nil
    var q = start
    // a comma between a list ending with a shared word and its role word (各级消防、人防、交警、气象、卫生等部门，
    // 负责做好…; Corpus/heldout20 2102): where the names end
    var namesEnd: Int? = nil
    scan: while q < limit {
      let c = s[q]
      if (c == "，" || c == ","), end == q {
        // a comma right after a role word: the next step
        listStart = q + 1
        q += 1
        continue
      }
      if (c == "，" || c == ","), end != q, namesEnd == nil, q + 1 < limit, sharedSuffix(of: s[listStart..<q]) != nil {
        var k = q + 1
        // (or a modal and a scope between that comma and the role word: …等有关行政部门，应当在各自职责范围内协同做好…;
        // Corpus/heldout90 9004; `leading.modals`)
        if !rule.modals.isEmpty {
          if let m = rule.modals.first(where: { hasPrefix(s[k..<limit], $0) }) { k += m.count }
          if k < limit, s[k] == "在", let after = underClauseEnd(s, from: k, limit: limit) { k = after }
        }
        if k < limit, r.roleWords.contains(where: { hasPrefix(s[k..<hi], $0.text) }) {
          namesEnd = q
          q = k
          continue
        }
      }
      // (or the names, a modifier of their role word and a comma before it: 其他有关部门按照各自职责，协同做好…;
      // Corpus/heldout46, heldout94 9401; not names holding 的, 市和区、县的计划、规划…等有关管理部门, whose levels this does
      // not read)
      if (c == "，" || c == ","), end == nil, listStart == start, namesEnd == nil, q + 1 < limit,
        let m = r.roleWordModifiers.first(where: { q - start > $0.count + 1 && hasSuffix(s[start..<q], $0) }),
        !s[start..<q].contains("的"),
        r.roleWords.contains(where: { hasPrefix(s[(q + 1)..<hi], $0.text) }),
        try everyItemDepartmentLike(s[start..<(q - m.count)], shared: sharedSuffix(of: s[start..<(q - m.count)]))
      {
        namesEnd = q - m.count
        q += 1
        continue
      }
      // who leads them, between the names and their role word (防汛抗旱指挥部各成员单位在本级政府和防汛抗旱指挥部的领导下，
      // 负责…; Corpus/heldout67 6702): the names end before it
      // (or a short clause of how, after 要, then a `how_clause_role_words` word: 各区县政府要高度重视，负责本地区调查工作…;
      // Corpus/heldout66 6602)
      if c == "在" || c == "要", end == nil, listStart == start, namesEnd == nil, q > start,
        let after = c == "在" ? underClauseEnd(s, from: q, limit: limit) : shortClauseEnd(s, from: q, limit: limit),
        c == "在" ? r.roleWords.contains(where: { hasPrefix(s[after..<hi], $0.text) })
          : rule.howClauseRoleWords.contains(where: { hasPrefix(s[after..<hi], $0) }),
        try everyItemDepartmentLike(s[start..<q], shared: sharedSuffix(of: s[start..<q]))
      {
        namesEnd = q
        q = after
        continue
      }
      // a clause of grounds between the names and their role word, perhaps after a comma (…等有关部门，按照一九八三年度财务成本
      // 调查的基本内容负责调查汇总; …管理机构按照本规定…的规定，负责…; Corpus/heldout87 8703, 8707; `leading.opening_clauses`):
      // the names end before it
      let open = c == "，" || c == "," ? q + 1 : q
      if open < limit, groundsStarts.contains(s[open]), end == nil, listStart == start, namesEnd == nil, q > start,
        groundsWords.contains(where: { hasPrefix(s[open..<limit], $0) }),
        let after = groundsClauseEnd(s, from: open, limit: limit, rule: rule),
        try everyItemDepartmentLike(s[start..<q], shared: sharedSuffix(of: s[start..<q]))
      {
        namesEnd = q
        q = after
        continue
      }
      // a heading of names only, then a sentence that starts with a role word (（十七）首都综治办、市委督查室、
      // 市监察局。负责组织…; Corpus/heldout12 1305): where the names end
      // (or a colon: 省发展改革委：负责联系南京市雨花台区；省财政厅：负责联系…; Corpus/heldout24 2501)
      if c == "。" || r.colons.contains(c), end == nil, listStart == start, namesEnd == nil, q > start, q + 1 < limit,
        r.roleWords.contains(where: { hasPrefix(s[(q + 1)..<hi], $0.text) }),
        try everyItemDepartmentLike(s[start..<q])
      {
        namesEnd = q
        q += 1
        continue
      }
      // a line naming its department before a colon, its duties after it with a role word later in the
      // same line (17、市林业局：编制和实施林业建设总体规划…，负责组织…; Corpus/heldout44 4505): the
      // names take the first role word's roles; not a generic body or a label (…成员单位：, 责任部门：), but a list
      // sharing its last word (公安、司法、安监部门：…；负责…; Corpus/heldout57 5803) or one body of that kind (财政部门：…，
      // 负责…; heldout58 5902)
      if r.colons.contains(c), end == nil, listStart == start, namesEnd == nil, q > start,
        try colonNamesAllowed(s, start, q),
        let w = firstRoleWord(in: s, from: q + 1, to: hi, rule: rule),
        try everyItemDepartmentLike(s[start..<q], shared: sharedSuffix(of: s[start..<q])),
        let parsed = try parse(Array(s[start..<q]) + w.text, 0..<(q - start + w.text.count), shape: .bracketed),
        parsed.hasRoleEvidence
      {
        return Found(range: start..<(q + 1), parsed: parsed, inSentence: true)
      }
      // a short bracket inside a name is stepped over (各县（市、区）人民政府负责…, 各有关部门（单位）负责…,
      // 省教育厅（牵头）); any other bracket ends the step
      if openSet.contains(c), let close = shortBracketEnd(s, at: q, limit: limit) {
        q = close + 1
        continue
      }
      // (and a name's short form in brackets, a note: 市道路运输管理机构（以下简称运管机构）负责…; Corpus/heldout87 8707)
      if openSet.contains(c), q > start, q + 2 < limit, let close = (q + 2..<min(limit, q + 20)).first(where: { closeSet.contains(s[$0]) }),
        !s[(q + 1)..<close].contains(where: { openSet.contains($0) || separators.contains($0) }), try isNote(s[(q + 1)..<close])
      {
        q = close + 1
        continue
      }
      if c == "\n" || separators.contains(c) && c != "、" || openSet.contains(c) || closeSet.contains(c) { break }
      // 由A会同B、C等部门研究提出落实意见: names joined by a joiner that names the lead (会同) end at a
      // tail word (等部门) even without a role word; nothing follows such a step
      if end == nil, listStart == start, tailWordStarts.contains(c), let tail = r.tailWords.first(where: { hasPrefix(s[q..<hi], $0) }),
        !r.roleWords.contains(where: { hasPrefix(s[(q + tail.count)..<hi], $0.text) }),
        !r.roleWordModifiers.contains(where: { hasPrefix(s[(q + tail.count)..<hi], $0) }),
        let stepEnd = try joinedStep(s, from: start, tailAt: q, tail: tail)
      {
        synthetic = stepEnd
        end = q + tail.count
        break scan
      }
      // `A是…的责任主体`: a copula, then a clause ending with a role noun, stands for a role word
      // (市直行业主管部门是市级项目的责任主体，县区政府和市行业主管部门是…的责任主体; Corpus/heldout41 4204)
      var nounClauseEnd: Int? = nil
      var stepWord: RoleWord? = nil
      if q > listStart, copulaStarts.contains(c), let (w, e) = roleNounClause(s, at: q, limit: limit, rule: rule) {
        stepWord = w
        nounClauseEnd = e
      } else {
        stepWord = roleWord(at: q, in: s, to: hi, rule: rule)
      }
      guard let w = stepWord else {
        q += 1
        continue
      }
      // the names before the role word
      var names = s[listStart..<(namesEnd ?? q)]
      namesEnd = nil
      for lead in r.leadIns where listStart == start && names.count > lead.count && names.starts(with: lead) {
        names.removeFirst(lead.count)
        break
      }
      guard !names.isEmpty else { break }
      // an adverb before the role word (A、B分工负责) is not part of the last name
      var listed = names
      droppingModifier(&listed)
      // a department's own people (由市安监局1名县级领导带队): the department is named
      if let cut = staffStart(listed, rule: rule) {
        names = names[..<cut]
        listed = listed[..<cut]
      }
      // an official's step (由杨志武副市长负责，市发改委牵头，…): no department; the departments follow
      // after a comma
      if r.officials.contains(where: { listed.count > $0.count && hasSuffix(listed, $0) }) {
        q += w.text.count
        guard q < limit, s[q] == "，" || s[q] == "," else { break }
        q += 1
        listStart = q
        continue
      }
      // (a lead-in inside the names is a sentence, not a name: 人车分行按照规定应由公安部门负责)
      // (or without a bare 等 after the last name, dropped later as in any list: 市农业局、市林业局等负责)
      var namesLookRight = try everyItemDepartmentLike(listed, shared: sharedSuffix(of: listed))
      if !namesLookRight, listed.count > 1, listed.last == "等" { namesLookRight = try everyItemDepartmentLike(listed.dropLast()) }
      // (places are their governments: …，灵宝市负责… (Corpus/heldout68 6802); 亭子镇、浙水乡负责… (places of three characters
      // or more, or departments, Corpus/heldout71 7101))
      if !namesLookRight, try placesOrDepartments(listed) { namesLookRight = true }
      guard !r.leadIns.contains(where: { w in listed.indices.dropFirst().contains { hasPrefix(listed[$0...], w) } }), namesLookRight
      else { break scan }
      if !synthetic.isEmpty { synthetic.append("，") }
      synthetic += names
      synthetic += w.text
      q = nounClauseEnd ?? q + w.text.count
      end = q
      // after a link word the next names follow directly; after any other, only after a comma, which may
      // come after the role word's object (由县公安局负责牵头管理，县交通局协管; Corpus/heldout25 2603)
      if rule.links.contains(w.text) { listStart = q; continue }
      // (an object may list things: 负责乡村教师队伍建设统筹管理、规划和指导，县编办…配合; Corpus/heldout65 6504)
      var comma = q
      while comma < limit, comma - q < rule.maxRoleObject, isIdeographic(s[comma]) || s[comma] == "、" { comma += 1 }
      guard comma < limit, s[comma] == "，" || s[comma] == "," else { break }
      if comma > q {
        // (after an object, only a clause of names and a role word: `，县交通局协管。`, `，县编办、…等部门要按照职责
        // 分工积极配合，主动履责…`; not `，其他相关部门配合做好…，于6月20日前报送…`)
        var e = comma + 1
        while e < hi, !sentenceEnds.contains(s[e]), s[e] != "，", s[e] != ",", s[e] != "\n" { e += 1 }
        if e < hi, s[e] == "，" || s[e] == "," {
          guard try namesKnownBody(s[(comma + 1)..<e]) else { break }
        }
        if closingRoleWord(s[(comma + 1)..<e]) == nil {
          guard try subjectStarts(s, from: comma + 1, to: e, rule: rule) else { break }
        }
        q = comma + 1
        listStart = q
      }
    }
    guard let end, !synthetic.isEmpty else { return try joinedWithoutTail(s, from: start, to: limit, rule: rule) }
    guard let parsed = try parse(synthetic, 0..<synthetic.count, shape: .bracketed), parsed.hasRoleEvidence
    else { return nil }
    return Found(range: start..<end, parsed: parsed, inSentence: true)
  }

  /// The end (after its comma) of a clause `在…下，` or `在…内，` starting at `q` (在市政府的领导下，, 在各自职责范围内，),
  /// within 40 characters and one sentence; nil when there is none.
  func underClauseEnd(_ s: [Unicode.Scalar], from q: Int, limit: Int) -> Int? {
    var k = q + 1
    let cap = min(limit - 1, q + 40)
    while k < cap {
      let c = s[k]
      if sentenceEnds.contains(c) || c == "。" || c == "\n" { return nil }
      // (or within a scope: 在各自职责范围内，协助做好…; Corpus/heldout88 8804)
      if c == "下" || c == "内", s[k + 1] == "，" || s[k + 1] == "," { return k + 2 }
      // (…在各自职责范围内负责…, the role word right after the scope; Corpus/heldout95 9508)
      if c == "内", r.roleWords.contains(where: { hasPrefix(s[(k + 1)..<limit], $0.text) }) { return k + 1 }
      k += 1
    }
    return nil
  }

  /// Where the role word after a clause of grounds starting at `q` begins (按照…的规定，负责…, 按照…的基本内容负责…): the
  /// first `how_clause_role_words` word within 40 characters of one sentence that is followed by its object; nil when there
  /// is none.
  func groundsClauseEnd(_ s: [Unicode.Scalar], from q: Int, limit: Int, rule: AttributeRules.Leading) -> Int? {
    var k = q + 2
    let cap = min(limit, q + 40)
    while k < cap {
      let c = s[k]
      if sentenceEnds.contains(c) || c == "。" || c == "\n" || c == "；" || openSet.contains(c) { return nil }
      // (the role word and its object, not a word of a principle listed in the clause: 以块为主、分级负责、各尽其职的原则)
      if let w = rule.howClauseRoleWords.first(where: { hasPrefix(s[k..<limit], $0) }), k + w.count < limit,
        isIdeographic(s[k + w.count]), s[k - 1] != "、"
      {
        return k
      }
      k += 1
    }
    return nil
  }

  /// The end (after its comma) of a short clause of Chinese characters starting at `q` (要高度重视，), at most 8
  /// characters long; nil when there is none.
  func shortClauseEnd(_ s: [Unicode.Scalar], from q: Int, limit: Int) -> Int? {
    var k = q + 1
    while k < limit, k - q <= 8, isIdeographic(s[k]) { k += 1 }
    guard k < limit, k - q > 1, s[k] == "，" || s[k] == "," else { return nil }
    return k + 1
  }

  /// `由A会同B、C研究制定…` without a tail word (等部门) or a role word after the names: a lead-in, names, a
  /// joiner that names the lead, and names each of which is a body of the lexicon (or a prefix and one), the
  /// last ending where its name ends (Corpus/heldout65 6505's form, common in State Council notices).
  func joinedWithoutTail(_ s: [Unicode.Scalar], from start: Int, to limit: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    guard let leadIn = r.leadIns.first(where: { start + $0.count < limit && hasPrefix(s[start..<limit], $0) }) else { return nil }
    let first = start + leadIn.count
    // the joiner, after the first names and before any punctuation
    var k = first + 2
    var joiner: Joiner? = nil
    while k < limit, isIdeographic(s[k]) || s[k] == "、" {
      if let j = r.joiners.first(where: { $0.firstIsLead && hasPrefix(s[k..<limit], $0.text) }) { joiner = j; break }
      k += 1
    }
    guard let joiner, try everyItemDepartmentLike(s[first..<k]) else { return nil }
    // the names after it, one by one
    var itemStart = k + joiner.text.count
    var end = itemStart
    while itemStart < limit {
      guard let e = try nameEnd(s, from: itemStart, to: min(limit, itemStart + r.maxDepartmentLength), rule: rule) else { break }
      end = e
      guard e < limit, s[e] == "、" else { break }
      itemStart = e + 1
    }
    // (a role word right after the names is read by the steps; here only names and another verb)
    guard end > k + joiner.text.count, end < limit, isIdeographic(s[end]), roleWord(at: end, in: s, to: limit, rule: rule) == nil,
      !r.roleWordModifiers.contains(where: { hasPrefix(s[end..<limit], $0) })
    else { return nil }
    let synthetic = Array(s[first..<end])
    guard let parsed = try parse(synthetic, 0..<synthetic.count, shape: .bracketed) else { return nil }
    return Found(range: start..<end, parsed: parsed, inSentence: true)
  }

  /// A clause whose own text is a label alone on its line (`主办单位`, `承办单位：`) and one line of names after it
  /// (`二、主办单位` / `高楼镇人民政府`; an event plan's sections, Corpus/heldout71 7106): the names with the label's roles.
  func labelHeading(in s: [Unicode.Scalar], unit: ClauseUnit) throws(StageFailure) -> Found? {
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    let lines = nonBlankLines(s, lo, hi, atMost: 3)
    guard lines.count == 2 else { return nil }
    var head = s[lines[0]]
    if let l = head.last, r.colons.contains(l) { head = head.dropLast() }
    // (the names as a label's list, not a sentence: no sentence end in the line)
    guard let label = r.labels.first(where: { $0.text.elementsEqual(head) }),
      !s[lines[1]].contains(where: { sentenceEnds.contains($0) || $0 == "。" }),
      let parsed = try cellNames(lines[1], s, label: label)
    else { return nil }
    return Found(range: lines[1], parsed: parsed)
  }

  /// A place named in running text: a bare place of three characters or more whose name before its level holds no
  /// other level (亭子镇, 灵宝市; not 统筹旗区 of 统筹旗区协同发展, Corpus/heldout75 7502).
  func namedPlace(_ item: ArraySlice<Unicode.Scalar>) -> Bool {
    item.count >= 3 && !item.dropLast().contains(where: { jurisdictionChars.contains($0) }) && isBarePlace(String(scalars: item))
  }

  /// The non-blank lines of `lo..<hi`, each without its leading and trailing whitespace (at most `atMost` of them).
  func nonBlankLines(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int, atMost: Int = .max) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    var p = lo
    while p < hi, lines.count < atMost {
      var e = p
      while e < hi, s[e] != "\n" { e += 1 }
      var a = p, b = e
      while a < b, whitespace.contains(s[a]) { a += 1 }
      while b > a, whitespace.contains(s[b - 1]) { b -= 1 }
      if a < b { lines.append(a..<b) }
      p = e + 1
    }
    return lines
  }

  /// Whether every item of a list is a department or a place of three characters or more (亭子镇、浙水乡), at least
  /// one of them a place.
  func placesOrDepartments(_ names: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    // (the cheap test first: some item ends like a level)
    let items = names.split(separator: "、")
    guard items.contains(where: { item in item.last.map { l in r.regionLevels.contains { $0.last == l } } ?? false }) else { return false }
    var place = false
    for item in items {
      let name = String(scalars: item)
      if namedPlace(item) { place = true; continue }
      guard try departmentLike(name) else { return false }
    }
    return place
  }

  /// Is `clause` names and a role word whose first name is a body of the lexicon (`县编办、县发改局…等部门要
  /// 按照职责分工积极配合`), not a vague one (`其他相关部门（单位）配合`)?
  func namesKnownBody(_ clause: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    var body = clause
    guard droppingClosingRoleWord(&body) != nil, let first = body.split(separator: "、").first, !first.isEmpty else { return false }
    return try canonicalize(String(scalars: first), context: nil).1
  }

  /// Is `name` a body for sure: a lexicon name (perhaps with a jurisdiction prefix) or a short kind of body ending with
  /// a shared word (工商行政管理部门), not words of a clause that end like one (召开调研工作动员会, 协调各成员单位)?
  func bodyForSure(_ name: String) throws(StageFailure) -> Bool {
    let fast = names.fast(name)
    if names.lookup(name, fast: fast) != nil { return true }
    if names.splitPrefix(name, fast: fast).contains(where: { !$0.collective && names.lookup($0.rest, fast: fast) != nil }) { return true }
    let u = Array(name.unicodeScalars)
    // (a government of levels only, no collective: 镇（乡）人民政府, 市、区（县）人民政府; Corpus/heldout42 4307; its word is a
    // `place_suffixes` entry after the entry's level: 人民政府, 政府)
    if let e = levelsEnd(u[...], collective: false) ?? r.sharedLevelsEnd(u[...]), e < u.count,
      governmentWords.contains(where: { $0.elementsEqual(u[e...]) })
    {
      return true
    }
    guard u.count <= 10, sharedWord(endingLonger: u[...]) != nil else { return false }
    return try !isGeneric(name) && !r.collectivePrefixes.contains(where: { name.hasPrefix($0) })
      && !(r.leading?.collectiveWords ?? []).contains(where: { name.contains($0) })
  }

  /// May the words `start..<q` before a colon be a line's subject: no list ending with a shared word alone
  /// (`…成员单位：`) unless several names share it (`公安、司法部门：`) or it is one body of that kind that is no label
  /// and no generic body (`财政部门：`, not `责任部门：` or `有关部门：`)?
  func colonNamesAllowed(_ s: [Unicode.Scalar], _ start: Int, _ q: Int) throws(StageFailure) -> Bool {
    if sharedWord(endingLonger: s[start..<q]) == nil || s[start..<q].contains("、") { return true }
    guard !holdsLabel(s, start, q) else { return false }
    return try !isGeneric(String(scalars: s[start..<q]))
  }

  /// Do the words `start..<q` before a colon start with a label (`责任单位：`) or end with one
  /// (`县城园林路绿化点补充责任单位：财政局`)? Then they name no body.
  func holdsLabel(_ s: [Unicode.Scalar], _ start: Int, _ q: Int) -> Bool {
    label(at: start, in: s, before: q + 1) != nil || r.labels.contains { hasSuffix(s[start..<q], $0.text) }
  }

  /// Does the clause `from..<to` start with department names right before a role word (`市农业局负责日常工作`, after
  /// `市政府办公厅负责统一协调，`; Corpus/heldout57 5803)?
  func subjectStarts(_ s: [Unicode.Scalar], from: Int, to: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Bool {
    var k = from + 2
    while k < to {
      if roleWordStarts.contains(s[k]), roleWord(at: k, in: s, to: to, rule: rule) != nil {
        let names = s[from..<k]
        guard names.allSatisfy({ isIdeographic($0) || $0 == "、" }) else { return false }
        // (a place alone is its government: …，灵宝市负责…; Corpus/heldout68 6802)
        return try everyItemDepartmentLike(names) || !names.contains("、") && namedPlace(names)
      }
      k += 1
    }
    return false
  }

  /// Where a department's name ends before the words naming its people (`leading.staff_words`) that
  /// end `names`: 市安监局1名县级领导 -> before 1名, 市发改委的主要负责同志 -> before 的. Nil when no
  /// staff word ends the names or nothing would be left.
  func staffStart(_ names: ArraySlice<Unicode.Scalar>, rule: AttributeRules.Leading) -> Int? {
    guard let w = rule.staffWords.first(where: { names.count > $0.count && hasSuffix(names, $0) }) else { return nil }
    var k = names.endIndex - w.count
    if names[k - 1] == "的" {
      k -= 1
    } else if names[k - 1] == "名" {
      var j = k - 1
      while j > names.startIndex && Self.countDigits.contains(names[j - 1]) { j -= 1 }
      if j < k - 1 { k = j }
    }
    return k > names.startIndex ? k : nil
  }

  /// Digits of a head count (1名, 两名, 十二名).
  static let countDigits: Set<Unicode.Scalar> = Set("0123456789０１２３４５６７８９一二两三四五六七八九十".unicodeScalars)

  /// The departments a clause's heading line names when the line is only names (`leading.heading_names`):
  /// `（二）县（市）区政府` / `具体负责对本行政区域内…的全面监管，并负全面监管责任。` The line has no
  /// sentence punctuation and every name looks like a department. It counts when the rest of the
  /// clause holds one of the rule's words (`dutyWordFollows`), or in a list of bodies, most of whose
  /// clauses have such headings. The names are `bare_list_role`; the line stays in the task's text.
  func headingNames(in s: [Unicode.Scalar], unit: ClauseUnit, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    guard !rule.headingNames.isEmpty else { return nil }
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    // (the first line, looked for no further than a heading can run)
    var e = lo
    let cap = min(hi, lo + rule.maxHeading + 8)
    while e < cap && s[e] != "\n" { e += 1 }
    // (the line may be the unit's whole own text, its items following as children: 十二、市民政局 / 1、督促…;
    // Corpus/heldout48 4906)
    guard e == hi || s[e] == "\n" else { return nil }
    var a = lo, b = e
    while a < b && whitespace.contains(s[a]) { a += 1 }
    while b > a && whitespace.contains(s[b - 1]) { b -= 1 }
    // (or names and a word for their duties: 一、民政部门职责, 第七条 区科委工作职责：, whose items follow as children;
    // Corpus/heldout77 7701, 7707)
    let colon = b > a && r.colons.contains(s[b - 1])
    if colon { b -= 1 }
    var duties = false
    if let t = rule.colonSubjectTails.first(where: { b - a > $0.count + 1 && hasSuffix(s[a..<b], $0) }) {
      b -= t.count
      duties = true
    } else if colon {
      return nil
    }
    guard a < b, b - a <= rule.maxHeading,
      !s[a..<b].contains(where: { sentenceEnds.contains($0) || ($0 != "、" && separators.contains($0)) || r.colons.contains($0) }),
      !(a..<b).contains(where: { k in roleWordStarts.contains(s[k]) && r.roleWords.contains { hasPrefix(s[k..<b], $0.text) } })
    else { return nil }
    // (names of a kind of body may share its word: 公安、城管综合执法部门职责)
    guard try everyItemDepartmentLike(s[a..<b], shared: duties ? sharedSuffix(of: s[a..<b]) : nil),
      let parsed = try parse(s, a..<b, shape: .bracketed),
      // (a role noun is no body: 一、联系单位, 责任单位)
      !parsed.items.contains(where: { $0.name.hasSuffix("单位") })
    else { return nil }
    // (the duties of a kind of body, not of a collective: 各区有关行政部门职责, 成员部门（单位）职责, 相关部门工作职责 name
    // none, as the keys read them; `leading.collective_words`)
    if duties {
      for item in parsed.items where try isGeneric(item.name) || rule.collectiveWords.contains(where: { item.raw.contains($0) }) {
        return nil
      }
    }
    return Found(range: a..<b, parsed: parsed, inSentence: true)
  }

  /// Whether the clause's text after its heading line of names (`headingNames`) holds one of the
  /// `leading.heading_names` words (负责, 职责 …).
  func dutyWordFollows(_ heading: Found, in s: [Unicode.Scalar], unit: ClauseUnit, rule: AttributeRules.Leading) -> Bool {
    let hi = max(heading.range.upperBound, min(unit.bodyRange.upperBound, s.count))
    let rest = s[heading.range.upperBound..<hi]
    // (the heading's own word for the duties: 民政部门职责)
    if rule.colonSubjectTails.contains(where: { hasPrefix(rest, $0) }) { return true }
    return rule.headingNames.contains { w in rest.indices.contains { hasPrefix(rest[$0...], w) } }
  }

  /// Drops the role word `body` ends with (`closingRoleWord`) and an adverb right before it (A、B分工
  /// 负责, C共同牵头: `role_word_modifiers`); returns the role word, if any.
  func droppingClosingRoleWord(_ body: inout ArraySlice<Unicode.Scalar>) -> RoleWord? {
    guard let w = closingRoleWord(body) else { return nil }
    body.removeLast(w.text.count)
    droppingModifier(&body)
    return w
  }

  /// Drops the adverbs that stand before a role word (分工, 共同: `role_word_modifiers`) from the end of `names`,
  /// while one ends it with more before it: several in a row too (…等部门要按照职责分工积极配合: 积极, 按照职责分工, 要;
  /// Corpus/heldout65 6504).
  func droppingModifier(_ names: inout ArraySlice<Unicode.Scalar>) {
    while let m = r.roleWordModifiers.first(where: { names.count > $0.count && hasSuffix(names, $0) }) { names.removeLast(m.count) }
  }

  /// The role word `body` ends with, with more before it (in the rules' order), if any.
  func closingRoleWord(_ body: ArraySlice<Unicode.Scalar>) -> RoleWord? {
    guard let last = body.last, roleWordEnds.contains(last) else { return nil }
    return r.roleWords.first { body.count > $0.text.count && hasSuffix(body, $0.text) }
  }

  /// Does `item` name an official (分管副省长, 杨志武副市长负责: an `officials` title, perhaps followed by
  /// a role word)?
  func isOfficial(_ item: ArraySlice<Unicode.Scalar>) -> Bool {
    // (an official's title ends in one of a few characters (长, 记, 志): a name holding none is no
    // official, without the suffix tests)
    guard item.contains(where: { officialEnds.contains($0) }) else { return false }
    var body = item
    if let w = closingRoleWord(body) { body.removeLast(w.text.count) }
    return r.officials.contains { body.count >= $0.count && hasSuffix(body, $0) }
  }

  /// Where a role word ends inside `item` with a note right after it (安监局等负责排首位的为牵头部门:
  /// the 。 between them lost), if anywhere.
  func roleWordEndBeforeNote(_ item: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Int? {
    for k in item.indices.dropFirst() where roleWordStarts.contains(item[k]) {
      for w in r.roleWords where hasPrefix(item[k...], w.text) {
        let e = k + w.text.count
        if e < item.endIndex, try isNote(item[e...]) { return e }
      }
    }
    return nil
  }

  /// Pieces of a list with those that name only administrative levels joined to the piece after
  /// them, whose body the levels share (`region_levels`): 各市、县人民政府, 各州、市、县（市）人民政府,
  /// 各市（县）、区政府 are one body each, not 各市 + 县人民政府. A piece joins the next when it is
  /// levels only (the first may start with 各; a bracket may hold levels: 市（县）, 县（市、区）), the
  /// two are separated by 、, and the next is levels followed by a body that looks like a department
  /// (its role word aside). 各区、县级市 stays two collectives: nothing follows the levels.
  func joiningRegionLevels(_ pieces: [ArraySlice<Unicode.Scalar>], of sentence: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> [ArraySlice<Unicode.Scalar>] {
    var out: [ArraySlice<Unicode.Scalar>] = []
    out.reserveCapacity(pieces.count)
    var i = 0
    while i < pieces.count {
      var j = i
      // (the first piece may start with the list's label: 主要责任单位：市、县（市、区）人民政府)
      func afterLabel(_ p: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard let m = labelMatch(p, at: p.startIndex) else { return p }
        return p[m.end...]
      }
      while j + 1 < pieces.count, pieces[j].endIndex < sentence.endIndex, sentence[pieces[j].endIndex] == "、",
        levelsEnd(j == i ? afterLabel(pieces[j]) : pieces[j], collective: j == i) == pieces[j].endIndex
      {
        j += 1
      }
      // pieces[i..<j] are levels only; pieces[j] must be levels and a body
      if j > i, let e = levelsEnd(pieces[j], collective: false), e < pieces[j].endIndex {
        var body = pieces[j][e...]
        if let w = closingRoleWord(body) {
          body.removeLast(w.text.count)
        }
        // (or is one with the word its run's 等部门 shares: 市、县（市、区）公安交警、交通管理等部门)
        var like = try departmentLike(String(scalars: body))
        if !like, let w = runShares(pieces, from: j, of: sentence) { like = try departmentLike(String(scalars: body) + w) }
        // (after 各 + levels, only a body the levels share: 各市、县人民政府, but 各区 and 市住房城乡建设管理委 in
        // 各区、市住房城乡建设管理委、市房屋管理局…; Corpus/heldout109 10902)
        if like, !r.regionCollectiveBodies.isEmpty, afterLabel(pieces[i]).first == "各",
          !r.regionCollectiveBodies.contains(where: { body.starts(with: $0) })
        {
          like = false
        }
        if like {
          out.append(sentence[pieces[i].startIndex..<pieces[j].endIndex])
          i = j + 1
          continue
        }
      }
      out.append(pieces[i])
      i += 1
    }
    return out
  }

  /// The word (部门) that the run of pieces from `j` to the next separator other than 、 shares
  /// through a tail word on its last piece (公安、交通管理等部门负责: 部门), if any.
  func runShares(_ pieces: [ArraySlice<Unicode.Scalar>], from j: Int, of sentence: ArraySlice<Unicode.Scalar>) -> String? {
    var m = j
    while m + 1 < pieces.count, pieces[m].endIndex < sentence.endIndex, sentence[pieces[m].endIndex] == "、" { m += 1 }
    var last = pieces[m]
    _ = droppingClosingRoleWord(&last)
    guard let tail = r.tailWords.first(where: { last.count > $0.count && hasSuffix(last, $0) }) else { return nil }
    return sharedWord(endingLonger: tail)
  }

  /// The length of the administrative level (`region_levels`) starting at `k` in `s`, if any.
  func regionLevel(at k: Int, in s: ArraySlice<Unicode.Scalar>) -> Int? {
    r.regionLevelEnd(s, at: k).map { $0 - k }
  }

  /// Where the administrative levels at the start of `piece` end (市, 县（市）, 县（市、区）; with
  /// `collective`, 各 may come first); nil when it does not start with one.
  func levelsEnd(_ piece: ArraySlice<Unicode.Scalar>, collective: Bool) -> Int? {
    guard let first = piece.first, levelOrCollectiveStarts.contains(first) else { return nil }
    var k = piece.startIndex
    // 各 / 相关 / 有关 (a collective prefix without a level in it)
    if collective, let c = levelFreeCollectives.first(where: { piece.count > $0.count && hasPrefix(piece, $0) }) { k += c.count }
    guard let first = regionLevel(at: k, in: piece) else { return nil }
    k += first
    while k < piece.endIndex {
      if let n = regionLevel(at: k, in: piece) {
        k += n
        continue
      }
      // a bracket holding only levels: 市（县）, 县（市、区）
      guard let e = r.levelBracketEnd(piece, at: k) else { break }
      k = e
    }
    return k
  }

  /// `part` cut at an `and_words` word when the text after it starts with a jurisdiction or collective
  /// prefix, or both sides end with a department suffix, and both look like departments; a name
  /// holding 和 (人力资源和社会保障厅) stays whole.
  func splitAtAndWords(_ part: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> [ArraySlice<Unicode.Scalar>] {
    var k = part.startIndex + 1
    while k < part.endIndex - 1 {
      for w in r.andWords where k + w.count < part.endIndex && part[k] == w[0] && part[k..<(k + w.count)].elementsEqual(w) {
        let left = part[..<k], right = part[(k + w.count)...]
        // (or both sides end like departments: 各区县政府和地区管委会; never 人力资源和社会保障厅, whose left
        // side does not, nor 各县（市、区）党委和人民政府, whose right side is a bare body of the left's level:
        // a generic one or a lexicon name without a prefix, Corpus/heldout24 2503)
        var split = prefixScalars.contains(where: { right.count > $0.count && right.starts(with: $0) })
        if !split {
          let l = String(scalars: left), rr = String(scalars: right)
          if names.endsLikeDepartment(l, fast: names.fast(l)), names.endsLikeDepartment(rr, fast: names.fast(rr)),
            names.lookup(rr, fast: names.fast(rr)) == nil
          {
            // (a government with its own place is no bare body: 水电部和宜昌市人民政府, Corpus/heldout69 6903)
            split = try !isGeneric(rr) || r.placeSuffixes.contains { suffix in
              let place = rr.unicodeScalars.dropLast(suffix.unicodeScalars.count)
              return rr.hasSuffix(suffix) && place.count >= 2 && place.count <= r.placeNameMax && place.allSatisfy { isIdeographic($0) }
            }
          }
        }
        guard split, try departmentLike(String(scalars: left)) else { continue }
        let rest = try splitAtAndWords(right)
        guard let first = rest.first, try departmentLike(String(scalars: first)) else { continue }
        return [left] + rest
      }
      k += 1
    }
    return [part]
  }

  /// An earlier paragraph's candidate that is only a bare list of names (`（市财政局）`, no label and
  /// no role word) may be a parenthetical at a broken line inside a sentence (Normalize never
  /// joins a line ending in `）`), so it counts only when it stands as a sentence of its own:
  /// after a sentence end or at the start of the paragraph, or followed by 。/；.
  func standsAlone(_ f: Found, _ s: [Unicode.Scalar], lo: Int, paragraphEnd p: Int) -> Bool {
    if f.parsed.hasRoleEvidence { return true }
    let before = aloneBefore, after = aloneAfter
    var b = f.range.lowerBound
    while b > lo && whitespace.contains(s[b - 1]) && s[b - 1] != "\n" { b -= 1 }
    if b == lo || before.contains(s[b - 1]) { return true }
    for i in f.range.upperBound..<max(f.range.upperBound, p) where !whitespace.contains(s[i]) {
      return after.contains(s[i])
    }
    return false
  }

  func tryEnd(_ s: [Unicode.Scalar], end e: Int, lo: Int) throws(StageFailure) -> Found? {
    var end = e
    while end > lo && trailing.contains(s[end - 1]) { end -= 1 }
    guard end > lo else { return nil }
    let close = end - 1
    var noteOpen: Int? = nil
    if closeSet.contains(s[close]) {
      if let open = findOpener(s, closeAt: close, lo: lo) {
        if let p = try parse(s, open + 1..<close, shape: .bracketed) {
          // a bare name in brackets that ends a labelled list is that list's last item's other name
          // (责任处室：…、人事处（人才工作处）), not a list of its own
          if !p.hasRoleEvidence, let l = try labelled(s, end: end, lo: lo), l.range.lowerBound < open { return l }
          return Found(range: open..<end, parsed: p)
        }
        // a bracket of digits only after the list (…(责任单位：市发改委、财政局、卫生局)(1216), a running number):
        // the list ends before it
        if open > lo + 1, close > open + 1, s[(open + 1)..<close].allSatisfy({ $0.value &- 0x30 < 10 || $0.value &- 0xFF10 < 10 }),
          let f = try tryEnd(s, end: open, lo: lo)
        {
          return f
        }
        noteOpen = open
      } else {
        // lost opening bracket: the sentence before the stray closing bracket
        var b = close
        let limit = max(lo, close - r.maxLength)
        while b > limit {
          let c = s[b - 1]
          if sentenceEnds.contains(c) || closeSet.contains(c) || openSet.contains(c) { break }
          b -= 1
        }
        while b < close && whitespace.contains(s[b]) { b += 1 }
        if b < close, let p = try parse(s, b..<close, shape: .lostBracket) { return Found(range: b..<end, parsed: p) }
      }
    }
    // an unbracketed labelled list (possibly ending with an inline role such as （牵头）)
    if let f = try labelled(s, end: end, lo: lo) { return f }
    // a line that only states who does it: 由市发展改革委，各县市区人民政府负责落实
    if let f = try statementLine(s, end: end, lo: lo) { return f }
    // a line of names only after a sentence: 市经信局、市财政局等，各县、市、区政府，咸宁高新区管委会
    if let f = try namesLine(s, end: end, lo: lo) { return f }
    // a note in brackets after an unbracketed labelled list (责任单位：A、B（除标注外，列第一位为牵头
    // 单位，下同）): the list ends before the note, and the note stays in the attribution's text,
    // where a 下同 declaration is looked for
    if let open = noteOpen {
      var before = open
      while before > lo && trailing.contains(s[before - 1]) { before -= 1 }
      if before > lo, let f = try labelled(s, end: before, lo: lo) {
        return Found(range: f.range.lowerBound..<end, parsed: f.parsed)
      }
    }
    return nil
  }

  // MARK: table rows

  /// The roles a table column gives its cells: a column named like a label (`主要责任单位`,
  /// `协同配合单位`, `牵头责任单位`) gives that label's roles; nil for any other column (a person
  /// column such as `分管县领导` or a deadline column is never read as departments).
  func columnRoles(_ name: [Unicode.Scalar]) -> RoleWord? {
    if let l = r.labels.first(where: { $0.text == name }) { return l }
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
    let content = label.text + [labelColon] + value
    return try parse(content, 0..<content.count, shape: .labelled)
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
    guard colon else { return nil }
    var start: Int?
    var p = ls
    while p < end {
      // the cheap first-character test first (`label(at:)` makes it again; all are pure)
      if labelStartSet.contains(s[p]) || ignoredLabelStarts.contains(s[p]) || Self.opensLabel(s[p]),
        p == ls || labelBoundary.contains(s[p - 1]) || whitespace.contains(s[p - 1]) || openSet.contains(s[p - 1]),
        label(at: p, in: s, before: end) != nil
          // (or an ignored label, a listed one run on after its value: 牵头领导：张三　牵头单位：市住建局, the
          // space folded away; the parse skips the ignored part and splits at the listed label)
          || r.ignoredLabels.contains(where: { startsWithLabel(s[p..<end], $0) })
      {
        start = p
        break
      }
      p += 1
    }
    guard var st = start else { return nil }
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
    while ls > lo {
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

  // MARK: parsing

  func hasSuffix(_ a: ArraySlice<Unicode.Scalar>, _ b: [Unicode.Scalar]) -> Bool {
    guard a.count >= b.count else { return false }
    let off = a.endIndex - b.count
    for k in 0..<b.count where a[off + k] != b[k] { return false }
    return true
  }

  /// Characters after which a label word is a noun in a sentence (各牵头单位对…, 有关责任单位, 和配合单位).
  static let beforeNoLabel = ScalarSet("各等和及与、的其该有关本")
  /// A copula after the label makes a sentence (该目标责任单位为市经委: Corpus/heldout15 1604 keys nobody).
  static let copulaAfterLabel = ScalarSet("为是")
  /// A labelled list at the end of a paragraph whose colons a garbled copy lost (punctuation dropped from a
  /// document-sharing site's text: `…业户垃圾清运费没有收到位责任单位环卫分公司配合单位办事处、城管中队`;
  /// Corpus/heldout53 5402): from a `labels` word directly followed by Chinese text to the paragraph's end, read as
  /// if each label there had its colon. The label does not follow 各, 等, 的… (`各牵头单位对…负总责`), the list
  /// holds no sentence end and ends with a Chinese character (a copy that lost its colons lost its full stops too), at
  /// least half its names as written look like a department and none is ruled out (`…落实责任单位和责任人` names
  /// nobody); the first label that gives such a list wins.
  func colonlessLabelled(_ s: [Unicode.Scalar], end: Int, lo: Int) throws(StageFailure) -> Found? {
    // (a copy that lost its colons lost its full stops too: a clause ending with one is not such a copy)
    var last = end - 1
    while last > lo, whitespace.contains(s[last]) { last -= 1 }
    guard last > lo, isIdeographic(s[last]) else { return nil }
    var ls = end
    let limit = max(lo, end - r.maxLength)
    while ls > limit && s[ls - 1] != "\n" { ls -= 1 }
    // (a `labels` word at `k` followed at once by Chinese text: its colon lost)
    func labelWithoutColon(at k: Int) -> RoleWord? {
      guard labelStartSet.contains(s[k]), let candidates = labelsByFirst[s[k]],
        let l = candidates.first(where: { k + $0.text.count < end && hasPrefix(s[k..<end], $0.text) }),
        isIdeographic(s[k + l.text.count])
      else { return nil }
      return l
    }
    var p = ls
    var depth = 0
    while p < end - 4 {
      defer { p += 1 }
      // (not inside brackets: a bracket cut by the page's end is `cutAtTextEnd`'s)
      if openSet.contains(s[p]) { depth += 1 } else if closeSet.contains(s[p]) { depth = max(0, depth - 1) }
      guard depth == 0, let l = labelWithoutColon(at: p), !Self.copulaAfterLabel.contains(s[p + l.text.count]),
        p == ls || !Self.beforeNoLabel.contains(s[p - 1]),
        !s[p..<end].contains(where: { $0 == "。" || $0 == "；" || $0 == ";" })
      else { continue }
      // the list with a colon after each label in it
      var list: [Unicode.Scalar] = []
      var k = p
      while k < end {
        if let m = labelWithoutColon(at: k) {
          list += m.text
          list.append("：")
          k += m.text.count
          continue
        }
        list.append(s[k])
        k += 1
      }
      guard let parsed = try parse(list, 0..<list.count, shape: .labelled), !parsed.items.isEmpty else { continue }
      var like = 0
      var plausible = true
      for item in parsed.items {
        if try departmentLike(item.raw) { like += 1 } else if try !plausibleName(item.raw, fast: names.fast(item.raw)) {
          plausible = false
        }
      }
      guard plausible, 2 * like >= parsed.items.count else { continue }
      return Found(range: p..<end, parsed: parsed)
    }
    return nil
  }

  /// Where a listed label (or an ignored one: 完成时限) that ends at the colon `colon` starts, when it
  /// is run on after text of its own (`县教育局配合单位：`): the longest such label, when it leaves at
  /// least one character before it after `lo` (a piece that is all label, `完成时限：`, is not cut at
  /// its shorter `时限`). Only the rules' own labels count here, never an inferred one, so a name
  /// holding a colon is not cut on a guess.
  func embeddedLabelStart(_ a: ArraySlice<Unicode.Scalar>, colon: Int, after lo: Int) -> Int? {
    var best: Int? = nil
    func consider(_ text: [Unicode.Scalar]) {
      let k = colon - text.count
      guard k >= lo, best.map({ k < $0 }) ?? true, a[k..<colon].elementsEqual(text) else { return }
      best = k
    }
    for l in r.labels { consider(l.text) }
    for l in r.ignoredLabels { consider(l) }
    guard let best, best > lo else { return nil }
    return best
  }

  /// `a` starts with the label `text` followed by a colon (`责任单位：…`), with more after the label.
  func startsWithLabel(_ a: ArraySlice<Unicode.Scalar>, _ text: [Unicode.Scalar]) -> Bool {
    labelEnd(a, from: a.startIndex, text) != nil
  }

  /// The label that starts at `k` in `a` (the first of the rules' labels that does, longest first), and
  /// where it ends after its colon (`labelEnd`).
  func labelMatch(_ a: ArraySlice<Unicode.Scalar>, at k: Int) -> (label: RoleWord, end: Int)? {
    guard k < a.endIndex else { return nil }
    // (the bitmap first: most characters start no label, and the dictionary hashes every one)
    if labelStartSet.contains(a[k]), let candidates = labelsByFirst[a[k]] {
      for l in candidates {
        if let e = labelEnd(a, from: k, l.text) { return (l, e) }
      }
    }
    if let e = bracketedLabel(a, at: k) { return e }
    return inferredLabel(a, at: k)
  }

  /// A listed label in square brackets instead of before a colon: `【牵头单位】市数据局【配合单位】市司法局`.
  func bracketedLabel(_ a: ArraySlice<Unicode.Scalar>, at k: Int) -> (label: RoleWord, end: Int)? {
    guard k + 3 < a.endIndex, Self.opensLabel(a[k]), let close = Self.labelBrackets[a[k]], let candidates = labelsByFirst[a[k + 1]]
    else { return nil }
    for l in candidates where hasPrefix(a[(k + 1)...], l.text) {
      let c = k + 1 + l.text.count
      if c < a.endIndex, a[c] == close { return (l, c + 1) }
    }
    return nil
  }

  /// The square brackets a label may stand in, opening to closing.
  static let labelBrackets: [Unicode.Scalar: Unicode.Scalar] = ["【": "】", "［": "］", "[": "]", "〔": "〕"]

  /// Whether `c` opens a bracket a label may stand in (the cheap test before `bracketedLabel`).
  @inline(__always) static func opensLabel(_ c: Unicode.Scalar) -> Bool {
    c == "【" || c == "［" || c == "[" || c == "〔"
  }

  /// Whether `c` closes a bracket a label may stand in (a line holding one may hold a label).
  @inline(__always) static func closesLabel(_ c: Unicode.Scalar) -> Bool {
    c == "】" || c == "］" || c == "]" || c == "〕"
  }

  /// A label not in the rules' list (`label_inference`): Chinese characters up to a colon, ending in
  /// an ending (单位, 部门) and holding a keyword (`共同责任单位：` → responsible; `协同推进单位：` →
  /// participating). A recipients line (`各有关部门：`) holds no keyword.
  func inferredLabel(_ a: ArraySlice<Unicode.Scalar>, at k: Int) -> (label: RoleWord, end: Int)? {
    guard let li = r.labelInference else { return nil }
    // (cheapest test first: a colon within reach; this runs wherever a listed label did not match)
    var p = k
    let limit = min(a.endIndex, k + li.maxLength + 1)
    while p < limit, !r.colons.contains(a[p]) { p += 1 }
    guard p < limit, p > k else { return nil }
    let name = a[k..<p]
    guard li.endings.contains(where: { name.count > $0.count && hasSuffix(name, $0) }),
      let kw = li.keywords.first(where: { w in name.indices.contains { hasPrefix(name[$0...], w.text) } }),
      name.allSatisfy({ isIdeographic($0) })
    else { return nil }
    return (RoleWord(text: Array(name), roles: kw.roles), p + 1)
  }

  /// Where the label `text` starting at `k` in `a` ends, after its colon: the label, then perhaps a
  /// second short name after 、 (责任处室、单位) and a bracketed note (（按处室、单位顺序排列，下同）),
  /// then the colon (Corpus/heldout12 1302). nil when `a` has no such label at `k`.
  func labelEnd(_ a: ArraySlice<Unicode.Scalar>, from k: Int, _ text: [Unicode.Scalar]) -> Int? {
    guard k + text.count < a.endIndex, hasPrefix(a[k...], text) else { return nil }
    var p = k + text.count
    if r.colons.contains(a[p]) { return p + 1 }
    // 、 and a short name (单位, 部门)
    if a[p] == "、" {
      var q = p + 1
      while q < a.endIndex, q - p <= 5, !r.colons.contains(a[q]), !openSet.contains(a[q]), !separators.contains(a[q]),
        !whitespace.contains(a[q]) { q += 1 }
      guard q < a.endIndex, q > p + 1 else { return nil }
      p = q
      if r.colons.contains(a[p]) { return p + 1 }
    }
    // a bracketed note
    guard openSet.contains(a[p]) else { return nil }
    var q = p + 1
    while q < a.endIndex, q - p <= 40, !closeSet.contains(a[q]), a[q] != "\n", !openSet.contains(a[q]) { q += 1 }
    guard q + 1 < a.endIndex, closeSet.contains(a[q]), r.colons.contains(a[q + 1]) else { return nil }
    return q + 2
  }

  /// A sentence, an item or a bracketed remark that one of the `notes` rules calls a note.
  /// No match can start outside `noteStarts`, so a text without those characters is no note
  /// (most sentences and items). The rest is memoised as a whole (one hash of the text, not one
  /// lookup per rule): the rules are tried in order as before, and a failing rule throws before
  /// anything is stored.
  func isNote(_ text: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    if let noteStarts, !text.contains(where: { noteStarts.contains($0) }) { return false }
    let key = ScalarKey(text)
    if let hit = memo.notes[key] { return hit }
    var result = false
    for k in noteMatchers.indices where try matches(noteMatchers[k], noteRules[k], text) {
      result = true
      break
    }
    memo.notes[key.owned()] = result
    memo.entries += 1
    return result
  }

  func hasPrefix(_ a: ArraySlice<Unicode.Scalar>, _ b: [Unicode.Scalar]) -> Bool {
    guard a.count >= b.count else { return false }
    var i = a.startIndex
    for k in 0..<b.count {
      if a[i] != b[k] { return false }
      i += 1
    }
    return true
  }

  /// The attribution a candidate's text reads as (nil: none). It depends only on the text and the
  /// shape, and the same candidates recur (a notice repeats `（责任单位：市卫生局）` clause after clause,
  /// notices repeat each other's lists), so results are memoised by both.
  func parse(_ s: [Unicode.Scalar], _ range: Range<Int>, shape: Shape) throws(StageFailure) -> ParsedAttribution? {
    guard !range.isEmpty, range.count <= r.maxLength else { return nil }
    let key = ParseKey(text: ScalarKey(s[range]), shape: shape)
    if let hit = memo.parses[key] { return hit }
    let result = try parseUncached(s, range, shape: shape)
    memo.parses[ParseKey(text: key.text.owned(), shape: shape)] = result
    memo.entries += 1
    return result
  }

  func parseUncached(_ s: [Unicode.Scalar], _ range: Range<Int>, shape: Shape) throws(StageFailure) -> ParsedAttribution? {
    // 1. whitespace: a newline inside brackets is a broken line (joined); in a labelled list it
    //    separates entries.
    var content: [Unicode.Scalar] = []
    content.reserveCapacity(range.count)
    for i in range {
      let c = s[i]
      if c == "\n" && shape == .labelled {
        content.append("；")
      } else if !whitespace.contains(c) {
        content.append(c)
      } else if shape == .labelled, c == " ", i > range.lowerBound, i + 1 < range.upperBound,
        isIdeographic(s[i - 1]), isIdeographic(s[i + 1]), content.last != "、"
      {
        // a space Normalize kept between two names of a label line (责任单位:市发改委 五县五区政府,
        // `cjk_spacing.list_labels`; Corpus/heldout33 3401) separates them
        content.append("、")
      }
    }
    // 2. sentences, notes dropped
    var items: [ParsedItem] = []
    var pending: [ParsedItem] = []
    var labelRoles: [AttributionRole]?
    var sawLabel = false, sawRoleWord = false
    var ignoring = false
    // the shared word of a tail dropped from the run's last item (消防、人防等部门负责: 部门)
    var tailShared: String? = nil
    // a joiner naming the lead was met in the run (A会同B、C): the items after it are partners
    var partnersFollow = false

    func flush(_ roles: [AttributionRole]) throws(StageFailure) {
      guard !pending.isEmpty else { return }
      defer { tailShared = nil; partnersFollow = false }
      // a shared word alone after a name ending with another: the name's stem with it (市直有关部门、单位 -> 市直有关单位;
      // Corpus/heldout73 7302)
      for k in pending.indices.dropFirst() where pending[k].name == pending[k].raw && r.sharedSuffixes.contains(pending[k].raw) {
        let prev = pending[k - 1].raw
        if let suffix = sharedWord(endingLonger: prev.unicodeScalars) {
          pending[k].name = String(prev.unicodeScalars.dropLast(suffix.unicodeScalars.count)) + pending[k].raw
        }
      }
      // places sharing the body named after the last of them: 襄阳市、十堰市、随州市、神农架林区发改委,
      // 海东市、兰州市、临夏州发展改革部门 (Corpus/heldout30 3103, 3105)
      // (the cheap test first: every earlier item a bare place)
      var placesFirst = pending.count > 1 && pending.dropLast().allSatisfy({ $0.name == $0.raw && isBarePlace($0.raw) })
      if placesFirst {
        for item in pending.dropLast() where try departmentLike(item.raw) { placesFirst = false }
      }
      if placesFirst, let body = try placeBody(pending[pending.count - 1].raw) {
        for k in pending.indices.dropLast() { pending[k].name = pending[k].raw + body }
        tailShared = nil
      }
      // shared generic suffix: 各级卫生计生、发展改革、财政部门
      if let last = pending.last, pending.dropLast().allSatisfy({ $0.name == $0.raw }),
        let suffix = sharedSuffixesInert && ExactText.isInert(last.raw)
          ? r.sharedSuffixes.first(where: { ExactText.bytesHaveSuffix(last.raw, $0) && !ExactText.sameBytes(last.raw, $0) })
          : r.sharedSuffixes.first(where: { last.raw.hasSuffix($0) && last.raw != $0 })
      {
        for k in pending.indices.dropLast() where try !departmentLike(pending[k].raw) {
          pending[k].name = pending[k].raw + suffix
        }
      } else if let suffix = tailShared,
        !pending.contains(where: { item in r.regionLevels.contains { $0.elementsEqual(item.raw.unicodeScalars) } })
      {
        // …等部门 dropped from the last item: every item that is no department on its own is one with
        // it (各级消防、人防、交警、气象、卫生等部门 -> 各级消防部门 … 卫生部门; Corpus/heldout20 2102); not
        // when an item is a bare level (市、县(市、区)公安交警…等部门: the levels share the rest, which
        // this does not read)
        for k in pending.indices where try !departmentLike(pending[k].raw) {
          if try departmentLike(pending[k].raw + suffix) { pending[k].name = pending[k].raw + suffix }
        }
      }
      // a government shared by the place names before it: 哈尔滨、黑河、绥芬河市政府
      if !r.placeSuffixes.isEmpty {
        for j in pending.indices.dropFirst() {
          // (every place suffix ends like the last one checked here: 政府; a name that does not is
          // passed over without String comparisons)
          guard placeSuffixLast == nil || pending[j].raw.unicodeScalars.last == placeSuffixLast,
            let suffix = r.placeSuffixes.first(where: { pending[j].raw.hasSuffix($0) && pending[j].raw != $0 })
          else {
            // any body after a collective of places: 西宁市、海东、各州食品药品监管局 -> 西宁市食品药品监管局,
            // 海东食品药品监管局 (Corpus/heldout20 2101)
            if let body = try placesBody(pending[j].raw) {
              var k = j - 1
              while k >= 0, pending[k].name == pending[k].raw, pending[k].raw.unicodeScalars.count <= r.placeNameMax,
                pending[k].raw.unicodeScalars.allSatisfy({ isIdeographic($0) }), try !departmentLike(pending[k].raw)
              {
                pending[k].name = pending[k].raw + body
                k -= 1
              }
            }
            continue
          }
          var k = j - 1
          while k >= 0, pending[k].name == pending[k].raw, pending[k].raw.unicodeScalars.count <= r.placeNameMax,
            pending[k].raw.unicodeScalars.allSatisfy({ isIdeographic($0) }), try !departmentLike(pending[k].raw)
          {
            // a name that ends with its own level takes the government without the level (川汇区、
            // 商水县人民政府 -> 川汇区人民政府; 哈尔滨、黑河市政府 -> 哈尔滨市政府)
            let raw = pending[k].raw.unicodeScalars
            if let level = suffix.unicodeScalars.first, r.regionLevels.contains([level]),
              let own = raw.last, r.regionLevels.contains([own])
            {
              pending[k].name = pending[k].raw + String(suffix.unicodeScalars.dropFirst())
            } else {
              pending[k].name = pending[k].raw + suffix
            }
            k -= 1
          }
        }
      }
      // (an item without roles of its own shares `roles` when it has no duplicate: the same list
      // the appends would build)
      let distinct = roles.indices.allSatisfy { i in !roles[..<i].contains(roles[i]) }
      for k in pending.indices where !pending[k].partner {
        if pending[k].roles.isEmpty && distinct {
          pending[k].roles = roles
        } else {
          for role in roles where !pending[k].roles.contains(role) { pending[k].roles.append(role) }
        }
      }
      items.append(contentsOf: pending)
      pending.removeAll(keepingCapacity: true)
    }

    var sentences: [ArraySlice<Unicode.Scalar>] = []
    var sStart = 0
    for (i, c) in content.enumerated() where sentenceEnds.contains(c) || c == "。" {
      sentences.append(content[sStart..<i])
      sStart = i + 1
    }
    sentences.append(content[sStart..<content.count])

    for sentence in sentences where !sentence.isEmpty {
      // a declaration that the first-listed leads, after names: it names the list's roles as a role word
      // does (（A、B、中储粮株洲直属库。排名第一的为牵头单位，下同）, Corpus/heldout31 3202)
      if !items.isEmpty || !pending.isEmpty, try declaresFirstListedLead(sentence) {
        sawRoleWord = true
        continue
      }
      if try isNote(sentence) { continue }
      // Once a sentence has given departments, a later sentence (after 。) is a note unless it
      // starts with a label or names a role: 〔责任单位：A、B负责。具体任务均涉及相关市(州)人民政府，
      // 不再做分工，下同。〕 — but （牵头单位：A。配合单位：B） keeps B.
      if !items.isEmpty || !pending.isEmpty {
        // a declaration that the first-listed leads is a note, whatever else it says (一项任务涉及多个
        // 部门的，原则上由排名首位的部门牵头负责; read above)
        // (after the 。 a line break became ；: 牵头单位：A。⏎责任单位：A、B, Corpus/heldout32 3305)
        var first = sentence.startIndex
        while first < sentence.endIndex, separators.contains(sentence[first]) { first += 1 }
        let labelled = labelMatch(sentence, at: first) != nil
        // some role word starts at some index (role words are never empty: tested only where
        // one can start)
        let namesRole = sentence.indices.contains { i in
          roleWordStarts.contains(sentence[i]) && r.roleWords.contains { hasPrefix(sentence[i...], $0.text) }
        }
        if !labelled && !namesRole { continue }
      }
      var iStart = sentence.startIndex
      var pieces: [ArraySlice<Unicode.Scalar>] = []
      var depth = 0
      // a label is never split, whatever it holds (责任处室、单位（按处室、单位顺序排列，下同）：)
      var labelUntil = sentence.startIndex
      for i in sentence.indices {
        let c = sentence[i]
        if i == iStart, let m = labelMatch(sentence, at: i) { labelUntil = m.end }
        if openSet.contains(c) { depth += 1 } else if closeSet.contains(c) { depth = max(0, depth - 1) }
        if depth == 0 && i >= labelUntil && separators.contains(c) {
          pieces.append(sentence[iStart..<i])
          iStart = i + 1
        } else if i > iStart, i >= labelUntil, Self.opensLabel(c), let m = bracketedLabel(sentence, at: i) {
          // 【牵头单位】市数据局【配合单位】市司法局: a bracketed label after a name starts its own piece
          pieces.append(sentence[iStart..<i])
          iStart = i
          labelUntil = m.end
        } else if depth == 0 && i > labelUntil && colonSet.contains(c), let k = embeddedLabelStart(sentence, colon: i, after: iStart) {
          // a label run on after the last name, the space between them folded away (责任单位：县教育局
          // 配合单位：县卫健委 -> …县教育局配合单位：…): a piece of its own
          pieces.append(sentence[iStart..<k])
          iStart = k
          labelUntil = i + 1
        }
      }
      pieces.append(sentence[iStart..<sentence.endIndex])
      if !r.regionLevels.isEmpty, pieces.count > 1 { pieces = try joiningRegionLevels(pieces, of: sentence) }

      for piece in pieces {
        var it = piece
        if it.isEmpty { continue }
        if it.count <= maxNoteItem && r.noteItems.contains(String(scalars: it)) { continue }
        // an official (分管副省长、协管副秘书长负责，省科技厅牵头): a person, not a department, dropped
        // with the role word written after it
        if !r.officials.isEmpty, isOfficial(it) { continue }
        // a note in brackets after the last name keeps the name (各镇人民政府（县政府部门中列在首位的为牵头部门，下同）;
        // Corpus/heldout71 7104): the bracket goes before the item is tested as a note
        if !noteMatchers.isEmpty, let l = it.last, closeSet.contains(l), let open = it.lastIndex(where: { openSet.contains($0) }),
          open > it.startIndex, open + 1 < it.endIndex - 1, try isNote(it[(open + 1)..<(it.endIndex - 1)])
        {
          it = it[..<open]
        }
        // an item that is a note (a deadline such as 6月底完成 between the departments)
        if !noteMatchers.isEmpty, try isNote(it) {
          // unless the 。 before the note was lost (（A、B等负责排首位的为牵头部门，下同）): the names
          // and role word before it still count
          guard let cut = try roleWordEndBeforeNote(it) else { continue }
          it = it[..<cut]
        }
        // label
        if let m = labelMatch(it, at: it.startIndex) {
          try flush(labelRoles ?? [r.bareListRole])
          labelRoles = m.label.roles
          sawLabel = true
          ignoring = false
          it = it[m.end...]
          if it.isEmpty { continue }
        } else if ignoredLabelStarts.contains(it[it.startIndex]), r.ignoredLabels.contains(where: { startsWithLabel(it, $0) }) {
          // 完成时限：2016年底 — not departments, up to the next label
          try flush(labelRoles ?? [r.bareListRole])
          ignoring = true
          continue
        }
        if ignoring { continue }
        // `body` narrows the piece in place (a slice of `content`: no copies until the items'
        // strings are made)
        // a bare role word closes the run before it (A、B，负责)
        if roleWordStarts.contains(it[it.startIndex]), let w = r.roleWords.first(where: { $0.text.elementsEqual(it) }) {
          try flush(w.roles)
          sawRoleWord = true
          continue
        }
        var body = it
        // ★区发改委: a mark before the name
        while body.count > 1, let f = body.first, r.itemMarks.contains(f) { body.removeFirst() }
        // 市经信委*: a mark after the name (Corpus/heldout30 3104)
        while body.count > 1, let l = body.last, r.itemMarks.contains(l) { body.removeLast() }
        for lead in r.leadIns where body.count > lead.count && body.starts(with: lead) {
          body.removeFirst(lead.count)
          break
        }
        // a phrase before the names: 各项政策措施均需各市政府 -> 各市政府
        if !r.leadInEnds.isEmpty, body.count > 2, body.contains(where: { leadInEndLasts.contains($0) }) {
          var k = body.endIndex - 1
          search: while k > body.startIndex {
            for w in r.leadInEnds where k - w.count >= body.startIndex && body[(k - w.count)..<k].elementsEqual(w) {
              body = body[k...]
              break search
            }
            k -= 1
          }
        }
        var closing: [AttributionRole]?
        if let w = droppingClosingRoleWord(&body) { closing = w.roles }
        var tailed = false
        for tail in r.tailWords where body.count > tail.count && hasSuffix(body, tail) {
          body.removeLast(tail.count)
          tailShared = sharedWord(endingLonger: tail)
          tailed = true
          break
        }
        // 省科技、发展改革、经济和信息化等有关部门: after a field, 等有关部门 shares 部门 as 等部门 does
        if !tailed, !r.fieldTailWords.isEmpty {
          for tail in r.fieldTailWords where body.count > tail.count && hasSuffix(body, tail) {
            guard try !departmentLike(String(scalars: body.dropLast(tail.count))) else { break }
            body.removeLast(tail.count)
            tailShared = sharedWord(endingLonger: tail)
            break
          }
        }
        var extra: [AttributionRole] = []
        if let last = body.last, closeSet.contains(last),
          let open = body.lastIndex(where: { openSet.contains($0) }), open > body.startIndex
        {
          let inner = body[(open + 1)..<(body.endIndex - 1)]
          if let w = r.inlineRoles.first(where: { $0.text.elementsEqual(inner) }) {
            extra = w.roles
            body = body[..<open]
          } else if !inner.isEmpty {
            // a note in brackets after the last department: 市财政局（第一责任单位为牵头单位，下同）
            if try isNote(inner) { body = body[..<open] }
          }
        }
        // joiners: A会同B
        // (a joiner counts only inside a part, neither first nor last; the text between two
        // occurrences becomes a part, even when empty)
        var parts: [ArraySlice<Unicode.Scalar>] = [body]
        var firstLead = false
        if body.dropFirst().contains(where: { joinerStarts.contains($0) }) {
          for j in r.joiners {
            let n = j.text.count
            var next: [ArraySlice<Unicode.Scalar>] = []
            for part in parts {
              var start = part.startIndex
              var k = part.startIndex + 1
              while k + n < part.endIndex {
                if part[k] == j.text[0], part[k..<(k + n)].elementsEqual(j.text) {
                  next.append(part[start..<k])
                  k += n
                  start = k
                  // a joiner that names the lead (A会同B) is itself a statement of roles
                  if j.firstIsLead { firstLead = true; sawRoleWord = true }
                  continue
                }
                k += 1
              }
              next.append(part[start...])
            }
            parts = next
          }
        }
        // 和 / 与 / 等 between two departments, the second with its own prefix (省直各部门和各市人民政府)
        if !r.andWords.isEmpty {
          var split: [ArraySlice<Unicode.Scalar>] = []
          for part in parts { split += try splitAtAndWords(part) }
          parts = split
        }
        for (k, whole) in parts.enumerated() where !whole.isEmpty {
          // a department's people after its name (责任单位及责任人：…市公安消防支队主要领导; Corpus/heldout49 5002):
          // the department is named
          var part = whole
          if let rule = r.leading, let cut = staffStart(part, rule: rule) { part = part[..<cut] }
          let raw = String(scalars: part)
          var roles = extra
          if k == 0 && firstLead && parts.count > 1 && !roles.contains(.lead) { roles.append(.lead) }
          // (由国土资源部会同农业部等部门负责落实: 农业部 takes part; the keys of Corpus/heldout10, heldout27)
          let partner = partnersFollow || k > 0 && firstLead
          if partner && !roles.contains(.participating) { roles.append(.participating) }
          pending.append(ParsedItem(raw: raw, name: raw, roles: roles, partner: partner))
        }
        if firstLead { partnersFollow = true }
        if let closing {
          try flush(closing)
          sawRoleWord = true
        }
      }
    }
    try flush(labelRoles ?? [r.bareListRole])
    guard !items.isEmpty else { return nil }

    // 3. evidence
    //    With a label every item must at least be a plausible name and one must look like a
    //    department; with role words but no label, the same, and most items must look like
    //    departments (（省发展改革委牵头，省统计局及有关市政府、企业配合）); with neither, every item
    //    must look like a department.
    //    A bare place named with a role word is that place's government (（沾化县牵头负责）, （邹平县、市交通局
    //    负责）; Corpus/heldout64 6401).
    var likeCount = 0
    for it in items {
      if try departmentLike(it.name) || (sawLabel || sawRoleWord) && isBarePlace(it.name) { likeCount += 1 }
      else if !sawLabel && !sawRoleWord { return nil } else {
        // (under a label a college or a hospital is a body: 责任单位：职业技术学院、轵城镇人民政府)
        guard try plausibleName(it.name, fast: names.fast(it.name))
          || sawLabel && r.labelledBodies.contains(where: { it.name.hasSuffix($0) && it.name != $0 })
            && it.name.unicodeScalars.count <= r.maxDepartmentLength
            && !it.name.unicodeScalars.contains(where: { ("0"..."9").contains($0) || r.colons.contains($0) })
        else { return nil }
      }
    }
    guard likeCount >= 1 else { return nil }
    if !sawLabel, 2 * likeCount <= items.count { return nil }
    switch shape {
    case .bracketed: break
    case .lostBracket: guard sawLabel || sawRoleWord else { return nil }
    case .labelled: guard sawLabel else { return nil }
    }

    // 4. canonical names
    var ctx: String?
    var unknown: [String] = []
    for k in items.indices {
      let (canon, known, prefix) = try canonicalize(items[k].name, context: ctx)
      if let prefix { ctx = prefix }
      items[k].canonical = canon
      items[k].canonicalInert = ExactText.isInert(canon)
      // (reported as written: the name a maintainer adds to the lexicon, without an inherited prefix)
      if !known { unknown.append(items[k].name) }
    }
    return ParsedAttribution(items: items, unknown: unknown, hasRoleEvidence: sawLabel || sawRoleWord)
  }

  /// Could be a department name: right length, no colon, nothing `not_department` rules out.
  /// `fast`: the name is inert (`NameRules.fast`), so `reserved` may be searched by bytes.
  func plausibleName(_ name: String, fast: Bool) throws(StageFailure) -> Bool {
    if fast, let inertReserved {
      if inertReserved.contains(NameKey(name)) { return false }
    } else if reserved.contains(name) {
      return false
    }
    let n = name.unicodeScalars.count
    guard n >= 2, n <= r.maxDepartmentLength, !name.unicodeScalars.contains(where: { r.colons.contains($0) }) else {
      return false
    }
    return try !isNotDepartment(name)
  }


  func departmentLike(_ name: String) throws(StageFailure) -> Bool {
    let key = NameKey(name)
    if let hit = memo.like[key] { return hit }
    let result = try departmentLikeUncached(name)
    memo.like[key] = result
    memo.entries += 1
    return result
  }

  func departmentLikeUncached(_ name: String) throws(StageFailure) -> Bool {
    let fast = names.fast(name)
    guard try plausibleName(name, fast: fast) else { return false }
    if names.lookup(name, fast: fast) != nil || names.endsLikeDepartment(name, fast: fast) { return true }
    // a collective on its own (各地) or over jurisdictions only (各县区, 各市州); 各项任务 is not
    if fast ? r.collectivePrefixes.contains(where: { ExactText.sameBytes($0, name) }) : r.collectivePrefixes.contains(name) {
      return true
    }
    // (the rest of an inert name is inert)
    for (_, rest, collective) in names.splitPrefix(name, fast: fast) {
      if names.lookup(rest, fast: fast) != nil { return true }
      if collective && rest.unicodeScalars.allSatisfy({ jurisdictionChars.contains($0) }) { return true }
    }
    // a name followed by another in brackets (省发改委（省能源局）, 市委办（市政府办）): the first one
    let sc = name.unicodeScalars
    if let last = sc.last, closeSet.contains(last), let open = sc.lastIndex(where: { openSet.contains($0) }),
      open > sc.startIndex
    {
      return try departmentLike(String(sc[..<open]))
    }
    return try isGeneric(name)
  }

  /// Canonical name, whether it is known (lexicon, collective or generic), and the prefix it
  /// sets for later items of the same attribution.
  func canonicalize(_ name: String, context: String?) throws(StageFailure) -> (String, Bool, String?) {
    let key = NameKey(name, context: context)
    if let hit = memo.canon[key] { return hit }
    let result = try canonicalizeUncached(name, context: context)
    memo.canon[key] = result
    memo.entries += 1
    return result
  }

  func canonicalizeUncached(_ name: String, context: String?) throws(StageFailure) -> (String, Bool, String?) {
    let fast = names.fast(name)
    // 0. levels several jurisdictions share (市、县（市、区）公安部门): they are the prefix, and the
    //    later names of the list inherit them (`sharedLevelsEnd`)
    let sc = name.unicodeScalars
    if let e = r.sharedLevelsEnd(sc) {
      let levels = String(sc[..<e]), rest = String(sc[e...])
      if let c = names.lookup(rest, fast: fast) { return (levels + c, true, levels) }
      return (name, try isGeneric(rest), levels)
    }
    let splits = names.splitPrefix(name, fast: fast)
    // 1. prefix + lexicon entry: 省人社厅 -> 省 + 人力资源和社会保障厅
    for (p, rest, _) in splits {
      if let c = names.lookup(rest, fast: fast) { return (p + c, true, p) }
    }
    // 2. lexicon entry without prefix: inherits the list's jurisdiction prefix (卫生局 after
    //    市人社局), never a collective one (各街道，税务局 is not 各税务局)
    if let c = names.lookup(name, fast: fast) {
      let inherited = context.flatMap { r.collectivePrefixes.contains($0) ? nil : $0 } ?? ""
      return (inherited + c, true, nil)
    }
    // 3. prefix + unknown name
    if let (p, _, collective) = splits.first {
      if collective { return (name, true, p) }
      return (name, try isGeneric(name), p)
    }
    // 4. unknown without prefix: only a generic body (…部门) inherits, a collective prefix
    //    (各级卫生计生、发展改革、财政部门 -> 各级发展改革部门; never 各市州甘肃保监局), shared levels
    //    (市、县（市、区）公安、交通运输等部门 -> 市、县（市、区）交通运输部门)
    //    or a jurisdiction prefix (省科技、发展改革等有关部门 -> 省发展改革部门; Corpus/heldout29 3001)
    if let context, r.sharedSuffixes.contains(where: { name.hasSuffix($0) && name != $0 }) {
      return (context + name, true, nil)
    }
    // 5. a short unknown body inherits the list's jurisdiction prefix as a lexicon name does
    //    (市发改局、工业园区 -> 市工业园区; 省发改委、铁路办 -> 省铁路办; `inherit_unknown_max`), unless
    //    its name before its department suffix holds a jurisdiction character (团市委 stays)
    if let context, !r.collectivePrefixes.contains(context), name.count <= r.inheritUnknownMax,
      let suffix = names.departmentSuffix(name, fast: fast),
      !name.unicodeScalars.dropLast(suffix.unicodeScalars.count).contains(where: { jurisdictionChars.contains($0) }),
      !r.inheritUnknownExcept.contains(where: { name.hasSuffix($0) })
    {
      return (context + name, try isGeneric(name), nil)
    }
    return (name, try isGeneric(name), nil)
  }

  /// Whether a list's prefix is levels several jurisdictions share (`sharedLevelsEnd`): no
  /// `jurisdiction_prefixes` or `collective_prefixes` word holds 、 or a bracket.
  func isSharedLevels(_ prefix: String) -> Bool {
    prefix.unicodeScalars.contains { $0 == "、" || openSet.contains($0) }
  }

  func makeAttribution(_ f: Found, scalars s: [Unicode.Scalar], firstListedLead: Bool) -> Attribution {
    let raw = f.parsed.items.map(\.raw)
    var departments: [String] = []
    departments.reserveCapacity(raw.count)
    // inert names are equal exactly when their bytes are (see `ExactText`)
    let bytewise = f.parsed.items.allSatisfy(\.canonicalInert)
    var lead: [String] = [], responsible: [String] = [], participating: [String] = []
    for it in f.parsed.items {
      let c = it.canonical
      func isC(_ x: String) -> Bool { bytewise ? ExactText.sameBytes(x, c) : x == c }
      if !departments.contains(where: isC) { departments.append(c) }
      for role in it.roles {
        switch role {
        case .lead: if !lead.contains(where: isC) { lead.append(c) }
        case .responsible: if !responsible.contains(where: isC) { responsible.append(c) }
        case .participating: if !participating.contains(where: isC) { participating.append(c) }
        }
      }
    }
    if firstListedLead && lead.isEmpty, let first = responsible.first { lead = [first] }
    let text = String(scalars: s[f.range])
    return Attribution(range: f.range, raw: text, departmentsRaw: raw, departments: departments, lead: lead,
                       responsible: responsible, participating: participating, inSentence: f.inSentence)
  }
}


/// Results of the per-name and per-sentence tests, which depend only on the rules and the text:
/// kept across the documents of a run, because department names and notes recur from notice to
/// notice. A memo belongs to one `Engine`, used by one document at a time, so it needs no lock; it
/// is emptied when it passes `limit` entries, so a long run's memory stays bounded. Keys compare
/// exact scalars (see `ScalarKey`, `NameKey`).
final class EngineMemo: @unchecked Sendable {
  /// Entries kept before the memo is emptied. With 20,000 the memo of each thread kept growing
  /// past what a 10 MB corpus needs (peak RSS 84 MB on 100 MB vs 59 MB on 10 MB with two threads);
  /// 4,000 holds the recurring names and notes as well (same speed on the benchmark corpus).
  static let limit = 4_000
  /// `isNote` by text.
  var notes: [ScalarKey: Bool] = [:]
  /// `parse` by text and shape.
  var parses: [ParseKey: ParsedAttribution?] = [:]
  var notDepartment: [NameKey: Bool] = [:]
  var generic: [NameKey: Bool] = [:]
  var like: [NameKey: Bool] = [:]
  var canon: [NameKey: (String, Bool, String?)] = [:]
  var entries = 0

  func trimIfLarge() {
    guard entries > Self.limit else { return }
    notes = [:]
    parses = [:]
    notDepartment = [:]
    generic = [:]
    like = [:]
    canon = [:]
    entries = 0
  }
}

/// The engines of one `Attributor`: a document takes one (a new one when all are in use, so each
/// thread of a batch ends up with its own) and gives it back when done.
final class EnginePool: Sendable {
  private let free = Mutex<[Engine]>([])

  func take(_ rules: AttributeRules) throws(StageFailure) -> Engine {
    if let engine = free.withLock({ $0.popLast() }) { return engine }
    return try Engine(rules: rules)
  }

  func put(_ engine: Engine) {
    engine.memo.trimIfLarge()
    free.withLock { $0.append(engine) }
  }
}
