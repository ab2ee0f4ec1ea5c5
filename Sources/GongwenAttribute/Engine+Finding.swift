import GongwenCore
import ICUKit

// Finding a unit's attribution: at its end, in earlier paragraphs, as the subject of its first
// sentence or of later sentences.

extension Engine {
  func find(in s: [Unicode.Scalar], unit: ClauseUnit) throws(StageFailure) -> Found? {
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count))
    let hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    guard lo < hi else { return nil }
    if unit.runTogetherRow, let f = try runTogetherCell(s, end: hi, lo: lo) { return f }
    if let f = try lineLabelled(s, end: hi, lo: lo) { return f }
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

  /// The department cell of a row of a table run together with no separator between its cells (`ClauseUnit.runTogetherRow`):
  /// the row's text after its last `。` (outside brackets), when it reads as a list whose every name looks like a department,
  /// with or without role words (`…知晓率达90%以上。市委宣传部(市文明办)、市城管委,市住建局…等部门,各区(市)县政府(管委会)`,
  /// Corpus/heldout49 5003; `…构建新型婚育文化。省委宣传部、…、省妇联牵头;省总工会、…配合;各州(市)党委和政府落实`, heldout70
  /// 7006). Read before the row's end bracket, which here is a name's own (`县政府(管委会)`).
  func runTogetherCell(_ s: [Unicode.Scalar], end e: Int, lo: Int) throws(StageFailure) -> Found? {
    var end = e
    while end > lo && trailing.contains(s[end - 1]) { end -= 1 }
    var start = end
    var depth = 0
    let limit = max(lo, end - r.maxLength)
    while start > limit {
      let c = s[start - 1]
      if closeSet.contains(c) { depth += 1 } else if openSet.contains(c) { depth -= 1 }
      if depth == 0 && c == "。" || depth < 0 || r.colons.contains(c) { break }
      start -= 1
    }
    guard start > lo, s[start - 1] == "。", end - start >= 3,
      let parsed = try parse(s, start..<end, shape: .bracketed), !parsed.items.isEmpty
    else { return nil }
    for item in parsed.items where try !departmentLike(item.name) { return nil }
    return Found(range: start..<end, parsed: parsed)
  }

  /// A clause's last line that starts with one of `line_labels` and its colon (`相关部门：区建设管理委、区规划资源局、
  /// 属地街道等。`, after each item of Corpus/heldout125 12503): the names to the line's end, with the label's roles, read
  /// as if a `labels` word with those roles stood there, when they are `mostlyDepartments`.
  func lineLabelled(_ s: [Unicode.Scalar], end e: Int, lo: Int) throws(StageFailure) -> Found? {
    guard !r.lineLabels.isEmpty else { return nil }
    var end = e
    while end > lo && trailing.contains(s[end - 1]) { end -= 1 }
    var q = end
    let limit = max(lo, end - r.maxLength)
    while q > limit && s[q - 1] != "\n" { q -= 1 }
    guard q == lo || s[q - 1] == "\n" else { return nil }
    while q < end && whitespace.contains(s[q]) { q += 1 }
    guard q < end,
      let l = r.lineLabels.first(where: { q + $0.text.count < end && hasPrefix(s[q..<end], $0.text) }),
      r.colons.contains(s[q + l.text.count]),
      let standIn = r.labels.first(where: { $0.roles == l.roles })
    else { return nil }
    let list = standIn.text + ["："] + s[(q + l.text.count + 1)..<end]
    guard let parsed = try parse(list, 0..<list.count, shape: .labelled), try mostlyDepartments(parsed) else { return nil }
    return Found(range: q..<end, parsed: parsed)
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
    // (where `find` found nothing, it has already read every paragraph end of the unit with `tryEnd` and met only
    // nothing or the article's title: those ends are not read again)
    let paragraphEndsRead = last == nil
    // (the start of the text already read: a run-in labelled list ends before it)
    var bound = last?.range.lowerBound ?? hi
    while p > lo && tries < 200 {
      if s[p] == "。" || s[p] == "；" || s[p] == "\n" {
        // a labelled list run into the unit's text after a sentence end or at a line's start, more of the text after it
        var q = p + 1
        while q < bound, whitespace.contains(s[q]), s[q] != "\n" { q += 1 }
        if q < bound, labelMatch(s[..<bound], at: q) != nil {
          tries += 1
          // (at a line's start only a list that runs on into more text of its line: a label line of its own is read as a
          // paragraph's end, or not at all — `项目责任单位:洛克乡、水利局` / `项目责任人:…`, Corpus/heldout110 11001)
          if let f = try runInLabelled(s, from: q, to: bound),
            s[p] != "\n" || s[f.range.upperBound..<bound].prefix(while: { $0 != "\n" }).contains(where: { !whitespace.contains($0) })
          {
            out.append(f)
            bound = f.range.lowerBound
            p = f.range.lowerBound - 1
            continue
          }
        }
      }
      if s[p] == "\n" {
        tries += 1
        if !paragraphEndsRead, let f = try tryEnd(s, end: p, lo: lo), standsAlone(f, s, lo: lo, paragraphEnd: p),
          !isTitleBracket(f, at: title)
        {
          out.append(f)
          bound = f.range.lowerBound
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
            bound = f.range.lowerBound
            p = f.range.lowerBound - 1
            continue
          }
        }
      }
      p -= 1
    }
    return out.reversed()
  }

  /// A labelled list run into a unit's text after a sentence end, more of the unit's text after it, on a page whose line
  /// breaks were lost (`…提升网络化协同制造水平。牵头单位：区行政审批局、社会事业局，配合单位：区党群工作部、通管办“互联网+”医疗卫生：
  /// 积极利用…`; Corpus/heldout160 16001). Each label's names are read up to the first item that is no department: when that
  /// item starts with one (`区通管办大力发展创投基金`, the next paragraph's title run on), the list ends after that name; a
  /// quotation mark, a sentence end, a space or a colon ends it too (`牵头单位：区行政审批局、智慧岛服务管理中心 试点单位：第一批：…`;
  /// Corpus/heldout138 13802). At least one name, and the names mostly departments.
  func runInLabelled(_ s: [Unicode.Scalar], from q: Int, to bound: Int) throws(StageFailure) -> Found? {
    guard let first = labelMatch(s[..<bound], at: q) else { return nil }
    let limit = min(bound, q + r.maxLength)
    var k = first.end
    var end = q
    func named(_ a: Int, _ b: Int) throws(StageFailure) -> Bool {
      guard b - a >= 2 else { return false }
      var e = b
      if s[e - 1] == "等" { e -= 1 }
      guard e - a >= 2 else { return false }
      return try departmentLike(String(scalars: s[a..<e]))
    }
    while k < limit {
      // an item: to the next separator, quotation mark or sentence end, stepping over a short bracket (岚城片区管理局（岚城乡政府）)
      var e = k
      while e < limit, !separators.contains(s[e]), !sentenceEnds.contains(s[e]), !whitespace.contains(s[e]), !r.colons.contains(s[e]),
        s[e] != "“", s[e] != "\"" {
        if openSet.contains(s[e]), let close = (e + 1..<min(limit, e + 14)).first(where: { closeSet.contains(s[$0]) }) {
          e = close + 1
        } else {
          e += 1
        }
      }
      if try named(k, e) {
        end = e
        guard e < limit, separators.contains(s[e]) else { break }
        k = labelMatch(s[..<bound], at: e + 1)?.end ?? e + 1
        continue
      }
      // an item running on into the text: the longest name it starts with
      var j = min(e, k + r.maxDepartmentLength)
      while j > k + 1, try !named(k, j) { j -= 1 }
      if j > k + 1 { end = j }
      break
    }
    guard end > first.end, let parsed = try parse(s, q..<end, shape: .labelled), try mostlyDepartments(parsed) else { return nil }
    return Found(range: q..<end, parsed: parsed)
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
    // after a title the page ran into the text (`2.1应急指挥机构区经济发展局在…负责`, the heading Segment found, from the
    // notice's table of contents or `heading.run_on_titles`): the names start after it, not with it
    if let h = unit.heading {
      let t = Array(h.unicodeScalars)
      if lo + t.count < hi, s[lo..<(lo + t.count)].elementsEqual(t), isIdeographic(s[lo + t.count]),
        let f = try leading(in: s, from: lo + t.count, to: hi, rule: rule)
      {
        return f
      }
    }
    if let f = try leading(in: s, from: lo, to: hi, rule: rule) { return f }
    if let f = try groupMembers(in: s, from: lo, to: hi, rule: rule) { return f }
    if let f = try carriedSubject(in: s, from: lo, to: hi, rule: rule) { return f }
    if rule.colonSubjects, let f = try colonSubject(in: s, from: lo, to: hi, rule: rule) { return f }
    guard afterTitle else { return nil }
    // after a short title sentence (三、加强督导，健全推进机制。市发展改革委负责…), a heading line (一、有关职责⏎市发改委负责…)
    // or a topic and its colon (（1）生产经营性火灾事故：区消防救援局牵头。, an emergency plan's list of who leads for each kind
    // of incident; Corpus/heldout133 13301)
    var p = lo
    while p < min(hi, lo + rule.maxHeading), s[p] != "。", s[p] != "\n", s[p] != "：" { p += 1 }
    if p < hi, s[p] == "。" || s[p] == "\n" || s[p] == "：", let f = try leading(in: s, from: p + 1, to: hi, rule: rule) { return f }
    // after a clause of grounds that opens the text or its sentence after the title (根据干部管理权限，市委组织部…分别
    // 负责; `leading.opening_clauses`)
    if !rule.openingClauses.isEmpty {
      // (a clause of grounds may hold a comma of its own, `按照力量下沉，属地管理的原则，各街道办事处…牵头`; Corpus/heldout105
      // 10506: the subject is tried after each comma of the clause's 30 characters, first to last)
      for from in [lo, p + 1] where from < hi {
        for c in openingClauseCommas(s, from: from, to: hi, rule: rule) {
          if let f = try leading(in: s, from: c + 1, to: hi, rule: rule) { return f }
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

  /// The commas that may end a clause of grounds (`leading.opening_clauses`: 根据…，按照…，在…下，) opening the text at `from`
  /// (after whitespace): those within its first 30 characters and one sentence, in text order; none when no such clause opens
  /// there.
  func openingClauseCommas(_ s: [Unicode.Scalar], from: Int, to hi: Int, rule: AttributeRules.Leading) -> [Int] {
    var a = from
    while a < hi, whitespace.contains(s[a]) { a += 1 }
    guard a < hi, rule.openingClauses.contains(where: { hasPrefix(s[a..<hi], $0) }) else { return [] }
    // (a comma inside brackets is no end of the clause: 按照（省发展改革委牵头，省人社厅参与） names no grounds)
    var commas: [Int] = []
    var c = a
    var depth = 0
    while c < min(hi, a + 30), s[c] != "。", s[c] != "\n" {
      if openSet.contains(s[c]) { depth += 1 } else if closeSet.contains(s[c]) { depth = max(0, depth - 1) }
      if depth == 0, s[c] == "，" || s[c] == "," { commas.append(c) }
      c += 1
    }
    return commas
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
    try dutySubject(in: s, from: unit.bodyRange.lowerBound, to: unit.bodyRange.upperBound, rule: rule)
  }

  /// The lines of a list of duties inside a unit (`leading.duty_list_intros`): after a line ending with an intro word and
  /// a colon (`各相关部门进行…联合预审具体职责为：`), each line starting with department names without a role word (`区发展改革委
  /// 对项目立项出具预审意见；`) names them as responsible, read as `dutySubject` reads an item; the list ends at the first line
  /// that does not (Corpus/heldout122 12204); lines of a name and a colon are left to `colon_subjects`. None without such a
  /// line.
  func dutyList(in s: [Unicode.Scalar], unit: ClauseUnit, rule: AttributeRules.Leading) throws(StageFailure) -> [Found] {
    let lo = max(0, min(unit.bodyRange.lowerBound, s.count)), hi = max(lo, min(unit.bodyRange.upperBound, s.count))
    // (the cheap test first, without building lines: some colon ends a line)
    guard !rule.dutyListIntros.isEmpty, (lo..<hi).contains(where: { k in
      (s[k] == "：" || s[k] == ":") && (k + 1 == hi || whitespace.contains(s[k + 1]))
    }) else { return [] }
    let lines = nonBlankLines(s, lo, hi)
    var found: [Found] = []
    var open = false
    for line in lines {
      if open {
        guard let f = try dutySubject(in: s, from: line.lowerBound, to: line.upperBound, rule: rule) else { break }
        // (a name and a colon, `省民政厅：及时通报灾情…`, is `colon_subjects`' form, read with its role word or not at all: the key
        // of Corpus/heldout77 7703 names only such lines holding one)
        if f.range.upperBound < s.count, s[f.range.upperBound] == "：" || s[f.range.upperBound] == ":" { continue }
        found.append(f)
        continue
      }
      let last = s[line.upperBound - 1]
      guard last == "：" || last == ":" else { continue }
      let body = s[line.lowerBound..<(line.upperBound - 1)]
      open = rule.dutyListIntros.contains { w in body.count > w.count && body.suffix(w.count).elementsEqual(w) }
    }
    return found
  }

  /// `dutySubject` over `lo..<hi`.
  func dutySubject(in s: [Unicode.Scalar], from lo: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Found? {
    var lo = max(0, min(lo, s.count))
    let hi = max(lo, min(hi, s.count))
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
    if let e = end { end = try subUnitEnd(s, after: e, to: hi, rule: rule) }
    // (or the name closed by a full stop: alone on its line, `1.农业部门。` over its duties (1)–(10), Corpus/heldout67 6705, or
    // before them, `4.建管中心。积极依托…协同开展…`, Corpus/heldout100 10005)
    guard let end, end < hi, s[end] != "的",
      isIdeographic(s[end]) || s[end] == "：" || s[end] == ":" || s[end] == "。"
    else { return nil }
    let list = Array(s[lo..<end]) + w.text
    guard let parsed = try parse(list, 0..<list.count, shape: .bracketed), parsed.hasRoleEvidence else { return nil }
    return Found(range: lo..<end, parsed: parsed, inSentence: true)
  }

  /// Later subjects of a duty item (`dutySubject`): a sentence or clause of the item, after its first subject's, that opens with
  /// bodies for sure (`bodyForSure`: lexicon names, or short kinds of body such as `教育部门`, not collectives like `各级公安机关`)
  /// and a `leading.modals` word, without a role word: `（六）区市场监督局食品药品安全监管部门要加强…；物价部门要加强运价监督…`
  /// (Corpus/heldout156 15602). Each is responsible, as the item's first subject is.
  func laterDutySubjects(in s: [Unicode.Scalar], unit: ClauseUnit, after start: Int, rule: AttributeRules.Leading) throws(StageFailure) -> [Found] {
    guard !rule.modals.isEmpty, let w = r.roleWords.first(where: { $0.roles == [.responsible] }) else { return [] }
    let hi = max(0, min(unit.bodyRange.upperBound, s.count))
    func modalAt(_ k: Int) -> Bool { modal(at: k, in: s, to: hi, rule: rule) }
    var out: [Found] = []
    var depth = 0
    var p = max(0, min(start, hi))
    while p < hi {
      let c = s[p]
      p += 1
      if openSet.contains(c) { depth += 1 } else if closeSet.contains(c) { depth = max(0, depth - 1) }
      guard depth == 0, c == "。" || c == "；" || c == ";" || c == "\n" else { continue }
      var a = p
      while a < hi, whitespace.contains(s[a]) { a += 1 }
      var k = a
      let limit = min(hi, a + rule.dutyNameMaxLength + 4)
      while k < limit, isIdeographic(s[k]) || s[k] == "、", !modalAt(k) { k += 1 }
      guard k > a + 1, modalAt(k), !holdsRoleWord(s, a, k) else { continue }
      let parts = s[a..<k].split(separator: "、")
      guard !parts.isEmpty else { continue }
      var sure = true
      for part in parts where try !bodyForSure(String(scalars: part)) { sure = false }
      guard sure else { continue }
      let list = Array(s[a..<k]) + w.text
      guard let parsed = try parse(list, 0..<list.count, shape: .bracketed), parsed.hasRoleEvidence else { continue }
      out.append(Found(range: a..<k, parsed: parsed, inSentence: true))
      p = k
    }
    return out
  }

  /// Where a duty item's name ends when a unit of its body follows it before the modal that opens the duties (`leading.modals`):
  /// glued on, a short kind of body (`区交通与建设局运输管理部门要认真履行…`), or in brackets (`区公安局（交管部门）要对…`;
  /// Corpus/heldout156 15602). The unit must look like a department, hold no role word and no note word
  /// (`leading.unit_note_words`); otherwise the name ends at `end`.
  func subUnitEnd(_ s: [Unicode.Scalar], after end: Int, to hi: Int, rule: AttributeRules.Leading) throws(StageFailure) -> Int {
    guard end < hi, !rule.modals.isEmpty else { return end }
    func modalAt(_ k: Int) -> Bool { modal(at: k, in: s, to: hi, rule: rule) }
    // (a unit's name may be longer than a body's: `食品药品安全监管部门`)
    let maxUnit = 12
    let limit = min(hi, end + maxUnit + 2)
    var a = end, b = end
    let bracketed = openSet.contains(s[end])
    if bracketed {
      guard let close = (end + 1..<limit).first(where: { closeSet.contains(s[$0]) }) else { return end }
      a = end + 1
      b = close
    } else {
      while b < limit, isIdeographic(s[b]), !modalAt(b) { b += 1 }
    }
    let next = bracketed ? b + 1 : b
    guard b - a >= 2, b - a <= maxUnit, s[a..<b].allSatisfy(isIdeographic), modalAt(next),
      sharedWord(endingLonger: s[a..<b]) != nil,
      !holdsRoleWord(s, a, b)
    else { return end }
    let unit = String(scalars: s[a..<b])
    guard !rule.unitNoteWords.contains(where: { unit.contains($0) }), try departmentLike(unit) else { return end }
    return next
  }

  /// Does a `leading.modals` word (要, 应当) start at `k` and end by `hi`?
  func modal(at k: Int, in s: [Unicode.Scalar], to hi: Int, rule: AttributeRules.Leading) -> Bool {
    k < hi && rule.modals.contains { $0[0] == s[k] && hasPrefix(s[k..<hi], $0) }
  }

  /// Does a role word start anywhere in `s[a..<b]` and end by `b`?
  func holdsRoleWord(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
    (a..<b).contains { k in roleWordStarts.contains(s[k]) && r.roleWords.contains { hasPrefix(s[k..<b], $0.text) } }
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
        !holdsRoleWord(s, start, e),
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
}
