import GongwenCore
import ICUKit
import Synchronization

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
  /// `marked_lead`'s declaration and rest matchers (nil without the rule).
  let markedLead: ICURegex?
  /// `standing_note`, and its `names` and `self` groups.
  let standingNoteRule: (re: ICURegex, names: Int, includesSelf: Int?)?
  let markedRest: ICURegex?
  let notDepartment: ICURegex
  let generic: ICURegex
  let township: ICURegex?
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
    markedLead = try rules.markedLead?.matcher()
    if let re = try rules.standingNote?.matcher(), let names = re.groupNumber(named: "names") {
      standingNoteRule = (re, names, re.groupNumber(named: "self"))
    } else {
      standingNoteRule = nil
    }
    markedRest = try rules.markedRestParticipating?.matcher()
    notDepartment = try rules.notDepartment.matcher()
    generic = try rules.generic.matcher()
    township = try rules.townshipNames?.matcher()
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

  /// `matches` for the `township_names` rule on a name, memoised (false without the rule).
  func isTownship(_ name: String) throws(StageFailure) -> Bool {
    guard let township, let rule = r.townshipNames else { return false }
    return try memoisedMatch(township, rule, name, \.township)
  }

  /// The `marked_lead` declaration of a text (`责任部门（加*号为牵头部门，其余为参与部门）`, a table column's note; Corpus/heldout186
  /// 18601): the mark it names (an `item_marks` character in the match), whether it says the other names take part (a
  /// `rest_participating` match within 40 characters after it), and where it starts; nil when the text has none. Looked for
  /// only in a text where a name with a mark was found.
  func markedLeadDeclaration(in s: [Unicode.Scalar]) throws(StageFailure) -> (mark: Unicode.Scalar, rest: Bool, at: Int)? {
    guard let re = markedLead, let rule = r.markedLead else { return nil }
    let found: ICURegex.Match?
    do { found = try re.firstMatch(in: s) } catch { throw rule.failure(error, stage: "attribute") }
    guard let m = found, let mark = s[m.range].first(where: { r.itemMarks.contains($0) }) else { return nil }
    var rest = false
    if let rr = markedRest, let rule = r.markedRestParticipating {
      let after = s[m.range.upperBound..<min(s.count, m.range.upperBound + 40)]
      do { rest = try rr.firstMatch(in: after) != nil } catch { throw rule.failure(error, stage: "attribute") }
    }
    return (mark, rest, m.range.lowerBound)
  }

  /// A standing note in `range` of `s` (`standing_note`: `以下均需各县（市、区）人民政府落实，不再列出`): where its bodies and role word
  /// stand, and whether it names its own task too (`此项及以下…`).
  func standingNote(in s: [Unicode.Scalar], _ range: Range<Int>) throws(StageFailure) -> (names: Range<Int>, includesSelf: Bool)? {
    guard let note = standingNoteRule, let rule = r.standingNote, range.count >= 4 else { return nil }
    // (every such note says 以下 and 均需: most units are passed over without ICU, which would try the pattern at every position)
    var saysBelow = false, saysAll = false
    var i = range.lowerBound
    while i + 1 < range.upperBound, !(saysBelow && saysAll) {
      if s[i] == "以", s[i + 1] == "下" { saysBelow = true } else if s[i] == "均", s[i + 1] == "需" { saysAll = true }
      i += 1
    }
    guard saysBelow, saysAll else { return nil }
    let found: ICURegex.Match?
    do { found = try note.re.firstMatch(in: s[range]) } catch { throw rule.failure(error, stage: "attribute") }
    guard let m = found, note.names - 1 < m.groups.count, let names = m.groups[note.names - 1] else { return nil }
    let includesSelf = note.includesSelf.map { $0 - 1 < m.groups.count && m.groups[$0 - 1] != nil } ?? false
    return ((names.lowerBound + range.lowerBound)..<(names.upperBound + range.lowerBound), includesSelf)
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
  var township: [NameKey: Bool] = [:]
  var like: [NameKey: Bool] = [:]
  var canon: [NameKey: (String, Bool, String?)] = [:]
  var entries = 0

  func trimIfLarge() {
    guard entries > Self.limit else { return }
    notes = [:]
    parses = [:]
    notDepartment = [:]
    generic = [:]
    township = [:]
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
