import GongwenCore
import ICUKit

// Subjects and lists: names as the subject of a sentence, region levels, splitting a list into
// items, the checks that a candidate is a department list.

extension Engine {
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

  /// How an attribution closes its unit (`closing(_:unit:in:)`).
  enum Closing { case bracket, labelLine }

  /// Does `found` close the unit's text, only closing brackets, whitespace and sentence ends after it to the unit's end: as a
  /// bracket (it opens with one, a label inside it aside), or as a labelled list on a line of its own after the unit's text
  /// (`…实行差别化收费政策。` / `牵头部门：区交通与建设局、财政金融局推进单位：…`; Corpus/heldout152 15201)? nil: it does not.
  func closing(_ found: Found, unit: ClauseUnit, in s: [Unicode.Scalar]) -> Closing? {
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    guard found.range.lowerBound >= lo, found.range.upperBound <= hi else { return nil }
    var e = found.range.upperBound
    while e < hi, whitespace.contains(s[e]) || closeSet.contains(s[e]) || sentenceEnds.contains(s[e]) { e += 1 }
    guard e == hi else { return nil }
    let a = found.range.lowerBound
    if (a < hi && openSet.contains(s[a])) || (a > lo && openSet.contains(s[a - 1])) { return .bracket }
    // a line of its own, or after a sentence end (`…完善工程。牵头部门：…`), with text of the unit's before it
    var b = a
    while b > lo, whitespace.contains(s[b - 1]), s[b - 1] != "\n" { b -= 1 }
    guard b > lo, s[b - 1] == "\n" || sentenceEnds.contains(s[b - 1]) else { return nil }
    // (starting with a label)
    return labelMatch(s[..<hi], at: a) != nil ? .labelLine : nil
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
    return sc.count >= 2 && sc.count <= r.placeNameMax + 2 && sc.allSatisfy({ isIdeographic($0) }) && !isZhouCity(sc)
      && r.regionLevels.contains(where: { sc.count > $0.count && sc.suffix($0.count).elementsEqual($0) })
  }

  /// A city of two characters ending in 州 (`广州`, `杭州`): its 州 is part of its name, no level (an autonomous 州 has two
  /// characters or more before its 州: `恩施州`). `广州、深圳市政府` -> `广州市政府`, not `广州政府` (Corpus/heldout164 16404).
  func isZhouCity<C: BidirectionalCollection<Unicode.Scalar>>(_ sc: C) -> Bool { sc.count == 2 && sc.last == "州" }

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
    if try itemByItemDepartmentLike(names, shared: shared) { return true }
    return try readAsDepartments(names)
  }

  /// Several names that are departments only as a list reads them: places sharing the body named after the last of them
  /// (`澳前、岚城、金井湾片区开发管理局`; Corpus/heldout148 14802) or bodies joined by an `and_words` word (`外经贸、监狱管理部门和武警部队`;
  /// Corpus/heldout59 5902). Parsed as a bracket would be, every item must look like a department and no item be lost.
  func readAsDepartments(_ names: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    guard names.count >= 4, names.contains("、"), let w = r.roleWords.first(where: { $0.roles == [.responsible] }) else { return false }
    // (the cheap tests first: short items of Chinese characters before the last, which looks like a department itself)
    var items = 1
    var depth = 0
    var itemStart = names.startIndex
    for k in names.indices {
      let c = names[k]
      if openSet.contains(c) { depth += 1 } else if closeSet.contains(c) { depth = max(0, depth - 1) }
      if c == "、", depth == 0 {
        guard k - itemStart <= Self.sharedItemMax,
          names[itemStart..<k].allSatisfy({ isIdeographic($0) || openSet.contains($0) || closeSet.contains($0) })
        else { return false }
        items += 1
        itemStart = k + 1
      }
    }
    guard itemStart < names.endIndex, try departmentLike(String(scalars: names[itemStart...])) else { return false }
    let list = Array(names) + w.text
    guard let parsed = try parse(list, 0..<list.count, shape: .bracketed), parsed.items.count >= items else { return false }
    for item in parsed.items where try !departmentLike(item.name) { return false }
    return true
  }

  /// Longest item before the last of a list read by `readAsDepartments` (a place or a field: `金井湾`, `外经贸`, `各管理局（管委会）`).
  static let sharedItemMax = 8

  func itemByItemDepartmentLike(_ names: ArraySlice<Unicode.Scalar>, shared: String? = nil) throws(StageFailure) -> Bool {
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
      // (or a short field label opening its line: 排查整治内容：消防支队筹建组负责…; Corpus/heldout143 14303)
      guard c == "；" || c == ";" || c == "。" || c == "\n" || c == "，" || c == "“" && p >= 2 && r.colons.contains(s[p - 2])
        || r.colons.contains(c) && depth == 0 && fieldLabelOpensLine(s, colonAt: p - 1, lo: max(0, min(unit.bodyRange.lowerBound, s.count)))
      else { continue }
      // (a clause opening with a role noun and a copula, after any separator: …合一，责任主体为平潭综合实验区管委会。)
      if depth == 0, let f = try nounSubject(in: s, from: p, to: hi, rule: rule) {
        out.append(f)
        p = f.range.upperBound
        continue
      }
      // (after a comma only names that are bodies for sure: the lexicon's, or a kind of body (工商行政管理部门), as in
      // …制定规划，工商行政管理部门负责监督实施 (Corpus/heldout85 8503); a clause's verb and object are none: 成立…专班负责)
      if c == "，" {
        guard depth == 0 else { continue }
        guard let f = try leading(in: s, from: p, to: hi, rule: rule) else {
          // (or a clause of its own naming who does it after 由: …，县道、乡道由县（区）人民政府交通运输主管部门或者乡镇人民政府负责；
          // Corpus/heldout176 17602)
          if let f = try innerSubject(in: s, from: p - 1, to: hi, rule: rule) {
            out.append(f)
            p = f.range.upperBound
          }
          continue
        }
        // (a generic tail after such bodies stays: …予以拆除，交通、海事部门等有关部门要积极配合; Corpus/heldout159 15904)
        // (after a body for sure, a later short item that only ends like one stays when most items are sure: …，区规划资源局、区房管局、
        // 街道办事处按照各自职责分工负责; a name with its short name in brackets is sure by the name: 区文化旅游局（区文物局）;
        // Corpus/heldout170 17002)
        var sure = true, anySure = false, sureCount = 0, likeCount = 0
        for (i, item) in f.parsed.items.enumerated() {
          if try bodyForSure(withoutBracketedTail(item.name)) { anySure = true; sureCount += 1; continue }
          if i > 0, anySure {
            if try isGeneric(item.name) { continue }
            // (not levels alone: 各市、县文物部门 is one body, Corpus/heldout60 6105)
            if item.name.unicodeScalars.count <= 8, names.endsLikeDepartment(item.name, fast: names.fast(item.name)),
              try departmentLike(item.name)
            {
              likeCount += 1
              continue
            }
          }
          sure = false
        }
        guard sure, likeCount == 0 || sureCount * 2 > f.parsed.items.count else { continue }
        out.append(f)
        p = f.range.upperBound
        continue
      }
      var found = try leading(in: s, from: p, to: hi, rule: rule)
      // (or after a clause of grounds that opens the sentence: 按属地管理原则，街道办事处、乡镇人民政府负责…; Corpus/heldout89
      // 8902; `leading.opening_clauses`, as at the start of a text)
      if found == nil {
        for comma in openingClauseCommas(s, from: p, to: hi, rule: rule) where found == nil {
          found = try leading(in: s, from: comma + 1, to: hi, rule: rule)
        }
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

  /// Is the text before the colon at `colon` a short field label alone at its line's start (2 to 8 Chinese characters:
  /// `排查整治内容：`), inside the unit's body? A label that names bodies itself (`省直有关部门：省发展改革、…等有关部门参与…`,
  /// Corpus/heldout70 7001) is a list's, not a field's.
  func fieldLabelOpensLine(_ s: [Unicode.Scalar], colonAt colon: Int, lo: Int) -> Bool {
    var k = colon
    while k > lo, isIdeographic(s[k - 1]) { k -= 1 }
    let n = colon - k
    guard n >= 2, n <= 8, k > lo, s[k - 1] == "\n" else { return false }
    let label = String(scalars: s[k..<colon])
    return !names.endsLikeDepartment(label, fast: names.fast(label))
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

  /// A clause that starts with a `leading.role_nouns` word and a copula, the names after it to the clause's end (，。；
  /// or a line break): `…我区一、二级网格合一，责任主体为平潭综合实验区管委会。` (Corpus/heldout156 15601), `牵头单位为市发改委；`.
  /// The names take the noun's roles; each must look like a department (`责任主体为按《两办意见》组建的服务管理团队` names none).
  func nounSubject(in s: [Unicode.Scalar], from lo: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    var p = lo
    while p < hi, whitespace.contains(s[p]) { p += 1 }
    guard p < hi, !rule.roleNouns.isEmpty,
      let noun = rule.roleNouns.filter({ hasPrefix(s[p..<hi], $0.text) }).max(by: { $0.text.count < $1.text.count }),
      let cop = rule.copulas.first(where: { hasPrefix(s[(p + noun.text.count)..<hi], $0) }),
      let w = r.roleWords.first(where: { $0.roles == noun.roles })
    else { return nil }
    let a = p + noun.text.count + cop.count
    var e = a
    let limit = min(hi, a + rule.maxLength)
    while e < limit, !sentenceEnds.contains(s[e]), s[e] != "，", s[e] != ",", s[e] != "；", s[e] != ";", s[e] != "\n" { e += 1 }
    guard e > a + 1, e < limit || e == hi, s[a..<e].allSatisfy({ isIdeographic($0) || $0 == "、" || openSet.contains($0) || closeSet.contains($0) }),
      try everyItemDepartmentLike(s[a..<e], shared: sharedSuffix(of: s[a..<e])),
      let parsed = try parse(Array(s[a..<e]) + w.text, 0..<(e - a + w.text.count), shape: .bracketed), parsed.hasRoleEvidence
    else { return nil }
    return Found(range: a..<e, parsed: parsed, inSentence: true)
  }

  /// At a copula (`leading.copulas`: 是) after names, the clause up to the next ，。；: when it ends with a
  /// `leading.role_nouns` word (…的责任主体), or its first such word is followed, after a short bracket note perhaps, by a
  /// role word (作为责任主体（业主单位）负责实施), a role word with that noun's roles and the clause's end.
  func roleNounClause(_ s: [Unicode.Scalar], at q: Int, limit: Int, rule: AttributeRules.Leading) -> (RoleWord, Int)? {
    guard !rule.roleNouns.isEmpty, let cop = rule.copulas.first(where: { q + $0.count < limit && hasPrefix(s[q..<limit], $0) })
    else { return nil }
    var e = q + cop.count
    while e < limit, !sentenceEnds.contains(s[e]), s[e] != "，", s[e] != ",", s[e] != "\n" { e += 1 }
    guard let noun = rule.roleNouns.first(where: { e - q > $0.text.count && hasSuffix(s[q..<e], $0.text) })
      ?? roleNounBeforeRoleWord(s, from: q + cop.count, to: e, limit: limit, rule: rule),
      let w = r.roleWords.first(where: { $0.roles == noun.roles })
    else { return nil }
    return (w, e)
  }

  /// The first `leading.role_nouns` word (the longest at its place) in `s[from..<to]` when a role word follows it, perhaps
  /// after a short note in brackets (…作为责任主体（业主单位）负责实施; Corpus/heldout160 16002); nil when the first such word
  /// has none after it, or there is none.
  func roleNounBeforeRoleWord(_ s: [Unicode.Scalar], from: Int, to e: Int, limit: Int, rule: AttributeRules.Leading) -> RoleWord? {
    var k = from
    while k < e {
      if let noun = rule.roleNouns.filter({ hasPrefix(s[k..<e], $0.text) }).max(by: { $0.text.count < $1.text.count }) {
        var b = k + noun.text.count
        if b < e, openSet.contains(s[b]), let close = shortBracketEnd(s, at: b, limit: e) { b = close + 1 }
        guard b < e, roleWord(at: b, in: s, to: limit, rule: rule) != nil else { return nil }
        return noun
      }
      k += 1
    }
    return nil
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
    // notes in brackets stepped over inside the names (（以下简称运管机构）)
    var notes: [Range<Int>] = []
    scan: while q < limit {
      let c = s[q]
      if (c == "，" || c == ","), end == q {
        // a comma right after a role word: the next step
        listStart = q + 1
        q += 1
        continue
      }
      if (c == "，" || c == ","), end != q, namesEnd == nil, q + 1 < limit, sharedSuffix(of: s[listStart..<q]) != nil {
        // (or a modal and a scope between that comma and the role word: …等有关行政部门，应当在各自职责范围内协同做好…;
        // Corpus/heldout90 9004; `leading.modals`)
        if let k = scopeEnd(s, from: q + 1, limit: limit, hi: hi, rule: rule) {
          namesEnd = q
          q = k
          continue
        }
      }
      // names, then a modal without a comma before it, a scope and the role word: …等有关部门应当按照各自的职责配合做好…
      // (Corpus/heldout113)
      if end == nil, listStart == start, namesEnd == nil, q > start,
        rule.modals.contains(where: { $0[0] == c && hasPrefix(s[q..<limit], $0) }),
        !rule.catchAllWords.contains(where: { hasPrefix(s[start..<q], $0) }),
        let k = scopeEnd(s, from: q, limit: limit, hi: hi, rule: rule),
        try everyItemDepartmentLike(s[start..<q], shared: sharedSuffix(of: s[start..<q]))
      {
        namesEnd = q
        q = k
        continue
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
        try departmentsOrPlaces(s[start..<q])
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
      // (and a unit of the body named in brackets after it, kept in the name: 区经济发展局（海洋与渔业执法支队）负责…, 区综合执法局
      // （环保国土建设执法支队）负责…; Corpus/heldout145 14501); not a note on the body (`（县环卫所为业主单位）`, heldout142 14204:
      // `leading.unit_note_words`, `unit_note_endings`); a unit's name may hold a Latin abbreviation (区财政金融局（区PPP管理中心）
      // 牵头，…; Corpus/heldout159 15903), but at least two Chinese characters
      if openSet.contains(c), q > start, q + 3 < limit, let close = (q + 3..<min(limit, q + 20)).first(where: { closeSet.contains(s[$0]) }),
        s[(q + 1)..<close].allSatisfy({ isIdeographic($0) || isASCIILetter($0) }),
        s[(q + 1)..<close].lazy.filter(isIdeographic).count >= 2, isIdeographic(s[q - 1]),
        case let unit = String(String.UnicodeScalarView(s[(q + 1)..<close])),
        !rule.unitNoteWords.contains(where: { unit.contains($0) }), !rule.unitNoteEndings.contains(where: { unit.hasSuffix($0) }),
        try departmentLike(unit)
      {
        q = close + 1
        continue
      }
      // (and a name's short form in brackets, a note: 市道路运输管理机构（以下简称运管机构）负责…; Corpus/heldout87 8707)
      // (its short form may list names in quotes: …管委会（以下简称“相关街镇、园区”）负责…; Corpus/heldout122 12204)
      if openSet.contains(c), q > start, q + 2 < limit, let close = (q + 2..<min(limit, q + 24)).first(where: { closeSet.contains(s[$0]) }),
        !containsOutsideQuotes(s[(q + 1)..<close], { openSet.contains($0) || separators.contains($0) }), try isNote(s[(q + 1)..<close])
      {
        notes.append(q..<(close + 1))
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
      // (without the notes stepped over: a short form, perhaps in quotes, is no part of a name)
      if notes.contains(where: { names.indices.overlaps($0) }) {
        names = ArraySlice(names.indices.filter { k in !notes.contains { $0.contains(k) } }.map { s[$0] })
      }
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

  /// Where the role word starts after names and their comma (`from`): at once (any role word), or after a modal (`leading.modals`: 应当, 应), then
  /// perhaps a scope — `在…范围内` (`underClauseEnd`) or a `role_word_modifiers` phrase (按照各自的职责, 依据各自职责) — and its
  /// comma, then perhaps another modifier (积极): …等有关部门，应当按照各自的职责，积极配合… (Corpus/heldout113), …有关部门应依据
  /// 各自职责，协助… . Nil unless a role word follows.
  func scopeEnd(_ s: [Unicode.Scalar], from: Int, limit: Int, hi: Int, rule: AttributeRules.Leading) -> Int? {
    // (a role word right after the comma, nothing between: any role word, with or without `modals`; 各级消防、人防…等部门，
    // 负责做好…, Corpus/heldout20 2102)
    if from < limit, r.roleWords.contains(where: { hasPrefix(s[from..<hi], $0.text) }) { return from }
    guard !rule.modals.isEmpty else { return nil }
    var k = from
    func roleWordAt(_ k: Int) -> Bool {
      guard k < limit else { return false }
      if rule.modalRoleWords.isEmpty { return r.roleWords.contains(where: { hasPrefix(s[k..<hi], $0.text) }) }
      return rule.modalRoleWords.contains(where: { hasPrefix(s[k..<hi], $0) })
    }
    /// Where a role word starts at `k`, or after an adverb there (积极, 主动, 共同).
    func roleWordStart(_ k: Int) -> Int? {
      if roleWordAt(k) { return k }
      guard let m = r.roleWordModifiers.first(where: { $0.count <= 2 && hasPrefix(s[k..<limit], $0) }), roleWordAt(k + m.count)
      else { return nil }
      return k + m.count
    }
    if k < limit, let m = rule.modals.first(where: { hasPrefix(s[k..<limit], $0) }) { k += m.count }
    if roleWordAt(k) { return k }
    if k < limit, s[k] == "在", let after = underClauseEnd(s, from: k, limit: limit) {
      k = after
    } else if k < limit, let m = r.roleWordModifiers.first(where: { $0.count >= 4 && hasPrefix(s[k..<limit], $0) }) {
      k += m.count
      if k < limit, s[k] == "，" || s[k] == "," {
        k += 1
        // (after the scope's comma, one or two short duties listed before the role word: 互通信息、积极配合; Corpus/heldout113
        // 11301)
        var j = k
        for _ in 0..<2 {
          var e = j
          while e < limit, e - j < 6, isIdeographic(s[e]) { e += 1 }
          guard e > j + 1, e < limit, s[e] == "、" else { break }
          j = e + 1
          if roleWordStart(j) != nil {
            k = j
            break
          }
        }
      }
    }
    return roleWordStart(k)
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

  /// Whether a scalar of `text` outside quotation marks (“…”, 「…」) satisfies `test`.
  func containsOutsideQuotes(_ text: ArraySlice<Unicode.Scalar>, _ test: (Unicode.Scalar) -> Bool) -> Bool {
    var quoted = 0
    for c in text {
      if c == "“" || c == "「" { quoted += 1 } else if c == "”" || c == "」" { quoted = max(0, quoted - 1) }
      else if quoted == 0, test(c) { return true }
    }
    return false
  }

  /// Whether every item of a subject list looks like a department (perhaps with the word the list shares), or every item
  /// is a department or a place, at least one a place (江阳区、龙马潭区、纳溪区按照属地管理原则，负责…; Corpus/heldout119 11901).
  func departmentsOrPlaces(_ names: ArraySlice<Unicode.Scalar>) throws(StageFailure) -> Bool {
    if try everyItemDepartmentLike(names, shared: sharedSuffix(of: names)) { return true }
    return try placesOrDepartments(names)
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

  /// `name` without a bracketed part closing it (`区文化旅游局（区文物局）` -> `区文化旅游局`; `trailingBracketStart`); `name`
  /// itself when it has none or is nothing but one.
  func withoutBracketedTail(_ name: String) -> String {
    let sc = name.unicodeScalars
    return trailingBracketStart(sc).map { String(sc[..<$0]) } ?? name
  }

  /// Is `name` a body for sure: a lexicon name (perhaps with a jurisdiction prefix) or a short kind of body ending with
  /// a shared word (工商行政管理部门), not words of a clause that end like one (召开调研工作动员会, 协调各成员单位)?
  func bodyForSure(_ name: String) throws(StageFailure) -> Bool {
    let fast = names.fast(name)
    if names.lookup(name, fast: fast) != nil { return true }
    if names.splitPrefix(name, fast: fast).contains(where: { !$0.collective && names.lookup($0.rest, fast: fast) != nil }) { return true }
    let u = Array(name.unicodeScalars)
    // (a government of levels only, or their collective: 镇（乡）人民政府, 市、区（县）人民政府, Corpus/heldout42 4307;
    // 各乡镇人民政府, heldout140 14003)
    if isLevelsGovernment(u[...]) { return true }
    // (a name outside the lexicon after a jurisdiction, ending like a body: …，区森林与园林管理局负责设计; Corpus/heldout160 16002)
    if let rule = r.leading, u.count <= rule.sureNameMaxLength, rule.dutyNameEndings.contains(where: { name.hasSuffix($0) }),
      names.splitPrefix(name, fast: fast).contains(where: { !$0.collective && $0.rest.count >= 2 }),
      try departmentLike(name), try !isGeneric(name)
    {
      return true
    }
    guard u.count <= 10, sharedWord(endingLonger: u[...]) != nil else { return false }
    return try !isGeneric(name) && !r.collectivePrefixes.contains(where: { name.hasPrefix($0) })
      && !(r.leading?.collectiveWords ?? []).contains(where: { name.contains($0) })
  }

  /// Is `u` the government of levels only, or of their collective (镇（乡）人民政府, 市、区（县）人民政府, 各乡镇人民政府): levels,
  /// then a government word (a `place_suffixes` entry after the entry's level: 人民政府, 政府)?
  func isLevelsGovernment(_ u: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let e = levelsEnd(u, collective: true) ?? r.sharedLevelsEnd(u), e < u.endIndex else { return false }
    return governmentWords.contains(where: { $0.elementsEqual(u[e...]) })
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
      !holdsRoleWord(s, a, b)
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
  /// 负责, C共同牵头: `role_word_modifiers`); returns the role word, if any. A role word right before it is
  /// dropped too and returned instead (负责组织实施: 负责).
  func droppingClosingRoleWord(_ body: inout ArraySlice<Unicode.Scalar>) -> RoleWord? {
    guard let w = closingRoleWord(body) else { return nil }
    body.removeLast(w.text.count)
    droppingModifier(&body)
    // (a role word as the object of another: 市财政局负责组织实施, 牵头组织实施; Corpus/heldout137 13704)
    if let v = closingRoleWord(body) {
      body.removeLast(v.text.count)
      droppingModifier(&body)
      return v
    }
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
    guard let tail = tailWord(ending: last) else { return nil }
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
          // (a lexicon name on the right too when the left names one jurisdiction's body: 区市场监督管理局和社会事业局 ->
          // 区社会事业局; Corpus/heldout143 14301)
          if names.endsLikeDepartment(l, fast: names.fast(l)), names.endsLikeDepartment(rr, fast: names.fast(rr)),
            names.lookup(rr, fast: names.fast(rr)) == nil || singleJurisdictionBody(l)
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

  /// Whether `name` is a body of one jurisdiction named with its prefix (区市场监督管理局): a `jurisdiction_prefixes` word
  /// (not a party committee's), then a lexicon name.
  func singleJurisdictionBody(_ name: String) -> Bool {
    let fast = names.fast(name)
    return names.splitPrefix(name, fast: fast).contains { p, rest, collective in
      !collective && !r.partyPrefixes.contains(p) && names.lookup(rest, fast: fast) != nil
    }
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
}

/// An ASCII letter (A–Z, a–z): Latin abbreviations inside a body's name (区PPP管理中心) are ASCII after Normalize's width step.
@inline(__always) func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
  let v = c.value
  return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
}
