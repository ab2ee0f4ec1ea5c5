import GongwenCore
import ICUKit

/// Plans printed after a cover notice: one after its signature (`sequence.plan_after_signature`), and
/// numbered plans under attachment lines (`附件1`, `附件2`, … each read under its attachment's level).
extension SegmentRun {
  /// Lines above a plan's first clause searched for its title (the title, a bracketed subtitle, an intro).
  static let planTitleLinesAbove = 3

  /// Where a plan printed after the cover notice's signature starts, when the cover numbers its own
  /// requirements (`sequence.plan_after_signature`): the first line-start marker is before a closing
  /// line (the signature), and after that line comes a plan title line (no sentence punctuation, a title
  /// ending, perhaps a bracketed count: `…分工方案（共计121项）`) and right under it a line-start marker
  /// numbered 1 of a level no lower than the cover's first.

  func attachedPlanStart(_ cands: [Candidate]) -> Int? {
    // (the cover ends at its closing block, or at its attachments line when the signature is run into
    // other text: `…电子邮箱：…市人大社会建设委员会2023年7月24日` / `附件：` / title / `一、`; heldout25 2604)
    guard let first = cands.first(where: { $0.lineStart && $0.table == nil }) else { return nil }
    // (a first clause already after a closing line, under its plan's title, is the attached plan's own: the plan starts
    // there, and a later plan is one of its attachments; Corpus/heldout104 10401)
    if closingStarts.contains(where: { $0 < first.start }), first.number == 1, !first.onlyIfExpected, underPlanTitle(first, after: 0) {
      return first.start
    }
    guard let closing = [closingStarts.first(where: { $0 > first.start }),
                     attachmentHits.first(where: { $0.lowerBound > first.start }).map { lineStart($0.lowerBound) }]
        .compactMap({ $0 }).min()
    else { return nil }
    let firstRank = rules.schemes[first.scheme].rank
    // (ended by its attachments line alone, clauses with children of their own are a plan's body, not a cover's requirements:
    // what follows is its attachment, read as such (`attachedPlans`; `一、总体要求` / `（一）整合范围` … `附件` / `…任务分工` /
    // `一、加快资源整合`, the cover's signature run into the plan's title; Corpus/heldout139 13902))
    if attachmentHits.contains(where: { lineStart($0.lowerBound) == closing }),
      cands.contains(where: { $0.start > first.start && $0.start < closing && $0.lineStart && $0.table == nil && $0.number == 1
        && !$0.onlyIfExpected && rules.schemes[$0.scheme].rank > firstRank })
    {
      return nil
    }
    for c in cands where c.start > closing && c.lineStart {
      // a table's first row: the title is above its header (Corpus/heldout21 2201: the cover notice's
      // 一、二、三、, its signature, `2016年《政府工作报告》量化指标任务分工`, `序号 工作任务 牵头负责部门`)
      if let t = c.table {
        guard c.number == 1, t < tableStarts.count, tableStarts[t] > closing else { continue }
        // (a table printed under an attachment line is an attachment of the notice, read under its own level: the
        // clauses before it stay tasks; Corpus/heldout101 10104)
        if t < tableAttachments.count, tableAttachments[t] != nil { return nil }
        guard let title = previousLine(lineStart(tableStarts[t])), title.lowerBound > closing, isPlanTitle(title) else { return nil }
        return c.start
      }
      guard c.number == 1, !c.onlyIfExpected, rules.schemes[c.scheme].rank <= firstRank else { continue }
      return underPlanTitle(c, after: closing) ? c.start : nil
    }
    return nil
  }

  /// The first clause of the plan printed after a cover's signature when the text's line breaks were lost (see
  /// `attachedPlanStart`, which reads the same notice by its lines): the only attached plan was found inline, under a label
  /// without a number (`…2026年9月7日附件广东省…行动方案为落实…一、总体要求…`), its first clause of the cover's first clause's
  /// level or above, and the cover's clauses before the label, numbered from 1, have no child (a clause numbered 1 of a deeper
  /// level): a cover's requirements, not a plan's body with an attachment of its own (Corpus/heldout167 16702). Nil otherwise.
  func inlineCoverPlanStart(_ cands: [Candidate], plans: [AttachedPlan]) -> Int? {
    guard plans.count == 1, let plan = plans.first, plan.inline, plan.number == nil,
      let first = cands.first(where: { $0.table == nil }), first.number == 1, first.start < plan.range.lowerBound,
      let c = cands.first(where: { $0.start == plan.clause })
    else { return nil }
    let firstRank = rules.schemes[first.scheme].rank
    guard rules.schemes[c.scheme].rank <= firstRank,
      !cands.contains(where: { $0.start > first.start && $0.start < plan.range.lowerBound && $0.table == nil && $0.number == 1
        && !$0.onlyIfExpected && rules.schemes[$0.scheme].rank > firstRank })
    else { return nil }
    return plan.clause
  }

  /// Plans attached after a body (`sequence.attached_plans`): a line-start clause numbered 1 with a plan title above it
  /// and, above the title, an attachment line (`附件1` / `青浦区建筑垃圾管理细则` / `一、概念定义`; Corpus/heldout104 10401).
  /// Each runs from its attachment line to the next plan's or attached table's attachment line, or the first closing line
  /// after its first clause. None when the notice's first clause is itself under such a line (a cover's plan).
  func attachedPlans(_ cands: [Candidate]) throws(StageFailure) -> [AttachedPlan] {
    // (a notice whose clauses all run on in one line, its breaks lost, has no line-start clause: its first clause then)
    guard rules.tables.attachment != nil,
      let first = cands.first(where: { $0.lineStart && $0.table == nil }) ?? cands.first(where: { $0.table == nil })
    else { return [] }
    // (the attachment lines were found by `findTables`, which reads every line: most notices have none after their first
    // clause, and then no clause is looked at, unless the text runs its attachments on inline, its line breaks lost)
    guard let firstLabel = attachmentLabelLines.first(where: { $0 > first.start }) else {
      return plans(from: inlineAttachedPlanStarts(cands), first: first).map { var p = $0; p.inline = true; return p }
    }
    // (the notice's first clause may be a plan's own under an attachment line, a cover with no clauses before it: looked at
    // too, see below)
    let from = attachmentLabelLines.last(where: { $0 < first.start }) ?? firstLabel
    var found: [(line: Int, clause: Int, number: Int?, marker: String)] = []
    for c in cands where c.start > from && c.table == nil && c.number == 1 && !c.onlyIfExpected && c.components == nil {
      // (or run on after the plan's intro, the scrape having lost the line break: `附件：…预案` / `…预案` / `为落实…，特制定本方案。一、区
      // 旅游发展局…`; Corpus/heldout157 15703; the intro is then the one line between the title and the clause)
      let runOn = !c.lineStart && c.start > 0 && s[c.start - 1] == "。"
      guard c.lineStart || runOn else { continue }
      var line = previousLine(lineStart(c.start))
      if runOn, let l = line, !isPlanTitle(l) && !isAttachmentTitle(l, cands) { continue }
      var title = false
      for _ in 0...Self.planTitleLinesAbove {
        guard let l = line else { break }
        if let a = try attachmentLine(l) {
          // (one plan per attachment line: its first clause numbered 1, not a child numbered 1 under its first heading)
          if title, found.last?.line != l.lowerBound { found.append((l.lowerBound, c.start, a.number, a.marker)) }
          break
        }
        // (under an attachment line any title-like line will do: `附件1` / `机关、团体、企业、事业等单位消防安全职责` / an intro /
        // `一、单位共同职责`; Corpus/heldout120 12001)
        if isPlanTitle(l) || isAttachmentTitle(l, cands) { title = true }
        line = previousLine(l.lowerBound)
      }
    }
    return plans(from: found, first: first)
  }

  /// The attached plans whose attachment labels and first clauses are `found`, in order: each runs from its label to the next
  /// plan's label, the next attached table's attachment line or the first closing line after its first clause. None when the
  /// notice's first clause (`first`) is the first plan's, a cover's plan, and no other numbered plan follows it.
  func plans(from found: [(line: Int, clause: Int, number: Int?, marker: String)], first: Candidate) -> [AttachedPlan] {
    var found = found
    guard let head = found.first else { return [] }
    // a cover's plan (the first clause is under the attachment line) is the notice's tasks, no level of its own, unless
    // more numbered plans follow it (see `numberedPlans` in `acceptMarkers`)
    if head.clause <= first.start, !Self.severalNumbered(found.map(\.number)) {
      found.removeFirst()
      guard found.first.map({ $0.clause > first.start }) ?? false else { return [] }
    }
    // (the attachment line of an attached table ends the plan before it)
    return found.enumerated().map { k, f in
      let ends = [k + 1 < found.count ? found[k + 1].line : nil, tableAttachmentLines.first(where: { $0 > f.clause }),
                  closingStarts.first(where: { $0 > f.clause })].compactMap { $0 }
      return AttachedPlan(range: f.line..<(ends.min() ?? n), number: f.number, marker: f.marker, clause: f.clause)
    }
  }

  /// Plans attached inline, the text's line breaks lost (`…2020年10月19日附件1奉贤区…保护工作方案为贯彻…，制定本方案。一、总体要求…`;
  /// `…按上级政策执行。附件：…政策举措附件杭州市…政策举措一、分担创新成本…`): a clause numbered 1 inside a line, after the nearest
  /// attachment label before it (`附件`, `附表` or `附录`, perhaps a number and a colon) with no marker of its level or above
  /// between them. The label stands after a sentence end, a closing bracket, a date's `日`, a title's end (the cover's
  /// attachments line naming the plan) or a line start, and a plan's title follows it: a run of at most `title_max_length`
  /// characters ending with a `title_endings` word, starting with no digit, holding no comma or sentence end. An intro may stand
  /// between the title and the clause, or none (the clause is then taken right after the title; see `acceptMarkers`).
  func inlineAttachedPlanStarts(_ cands: [Candidate]) -> [(line: Int, clause: Int, number: Int?, marker: String)] {
    var found: [(line: Int, clause: Int, number: Int?, marker: String)] = []
    // (where a label's word stands, found once: most notices have none)
    let words = (0..<n).filter { s[$0] == "附" && startsAttachmentWord(at: $0) }
    guard !words.isEmpty else { return [] }
    var searchFrom = 0
    for (k, c) in cands.enumerated()
    where !c.lineStart && c.table == nil && c.number == 1 && !c.onlyIfExpected && c.components == nil && c.start > searchFrom {
      guard let w = words.last(where: { $0 < c.start - 1 }), w >= searchFrom,
        let label = inlineAttachmentLabel(at: w, before: c.start)
      else { continue }
      let rank = rules.schemes[c.scheme].rank
      // (nothing of its level or above between: the label is this clause's plan's, not an earlier plan's)
      if cands[..<k].contains(where: { $0.start > label.end && rules.schemes[$0.scheme].rank <= rank && $0.table == nil }) { continue }
      found.append((label.start, c.start, label.number, label.marker))
      searchFrom = c.start
    }
    return found
  }

  /// The inline attachment label whose word (`附件`) starts at `a`, when it has a plan's title after it before `end`; see
  /// `inlineAttachedPlanStarts`.
  func inlineAttachmentLabel(at a: Int, before end: Int) -> (start: Int, end: Int, number: Int?, marker: String)? {
    // what stands before it: a sentence end, a closing bracket, a date's 日, a line start
    var b = a - 1
    while b >= 0, isHSpace(s[b]) { b -= 1 }
    // (or the end of a title: the cover's attachments line naming it, `…执行。附件：杭州市…若干政策举措附件杭州市…若干政策举措一、…`;
    // Corpus/heldout167 16702 run together)
    guard b < 0 || s[b] == "\n" || rules.inlineAfter.contains(s[b]) || isCloseBracket(s[b])
      || s[b] == "日" && b > 0 && (parseNumber([s[b - 1]], .arabic) != nil || parseNumber([s[b - 1]], .chinese) != nil)
      || rules.titleEndings.contains(where: { w in b + 1 >= w.count && hasPrefix(w, at: b + 1 - w.count) })
    else { return nil }
    var e = a + 2
    while e < end, isHSpace(s[e]) { e += 1 }
    var digits = e
    while digits < end, digits - e < 2, parseNumber([s[digits]], .arabic) != nil { digits += 1 }
    let number = digits > e ? parseNumber(Array(s[e..<digits]), .arabic) : nil
    let marker = text(a..<digits).filter { !$0.isWhitespace }
    e = digits
    while e < end, isHSpace(s[e]) || s[e] == "：" || s[e] == ":" { e += 1 }
    // the plan's title
    guard e < end, parseNumber([s[e]], .arabic) == nil else { return nil }
    var t = e
    while t < end, t - e < rules.titleMaxLength {
      let ch = s[t]
      if ch == "\n" || ch == "，" || ch == "," || rules.sentenceMarks.contains(ch) { return nil }
      t += 1
      if rules.titleEndings.contains(where: { w in t - e >= w.count && hasPrefix(w, at: t - w.count) }) {
        return (a, a + 2, number, marker)
      }
    }
    return nil
  }

  /// Whether a plan's title stands right above clause `c`, or above a subtitle and an intro paragraph (`附件：` /
  /// `铜仁市2026年项目建设提升年行动方案` / `（公开征求意见稿）` / `为深入贯彻…` / `一、工作目标`; Corpus/heldout33 3404), all after `after`.
  func underPlanTitle(_ c: Candidate, after: Int) -> Bool {
    var line = previousLine(lineStart(c.start))
    for _ in 0..<Self.planTitleLinesAbove {
      guard let l = line, l.lowerBound > after else { return false }
      if isPlanTitle(l) { return true }
      line = previousLine(l.lowerBound)
    }
    return false
  }

  /// The lines of attachments lists (`附件：1. 2022年…目标任务分解表`, then `2. …`) that name an
  /// attachment: the rest of the `附件：` line and the numbered lines after it, each passing `isName` (`isPlanTitle`: reading
  /// as a title; `coverAttachmentLines`: any short line); the list ends at the first line that does not. A numbered line that reads as a
  /// clause (with sentence punctuation) ends it too, so a plan printed right after `附件：` keeps its
  /// clauses. `numbered`: the rest of the `附件：` line must start with a list number too.
  func attachmentNameLines(_ isName: (Range<Int>) -> Bool, numbered: Bool = false) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for hit in attachmentHits {
      let rest = trimmed(hit.upperBound..<lineEnd(hit.lowerBound))
      if !rest.isEmpty {
        guard !numbered || startsWithListNumber(rest), isName(rest) else { continue }
        out.append(rest)
      }
      var at = hit.lowerBound
      while let next = nextLine(after: at), out.count < 50, startsWithListNumber(next), isName(next) {
        out.append(next)
        at = next.lowerBound
      }
    }
    return out
  }

  /// A cover's list of attachments before its first clause, named any way (`附件：1.《…跟踪推进方案》` / `2.《…任务分解汇总表》…`):
  /// numbered lines of at most 100 characters without a sentence end (a plan printed right after `附件：` has them).
  func coverAttachmentLines() -> [Range<Int>] {
    attachmentNameLines({ r in
      r.count <= 100 && !s[r].contains(where: { $0 == "。" || $0 == "；" || $0 == ";" || $0 == "！" || $0 == "？" })
    }, numbered: true)
  }

  /// Does the line start with a list number (`1.`, `1．`, `1、`)?
  func startsWithListNumber(_ r: Range<Int>) -> Bool {
    listNumberMark(r) != nil
  }

  /// The list number `r` starts with (`12、` -> 12); nil when it starts with none.
  func listNumber(_ r: Range<Int>) -> Int? {
    guard let p = listNumberMark(r) else { return nil }
    return parseNumber(Array(s[r.lowerBound..<p]), .arabic)
  }

  /// Where the mark (`.`, `．`, `、`) of the list number `r` starts with is (`1.`, `12、`); nil when it starts with none.
  func listNumberMark(_ r: Range<Int>) -> Int? {
    var p = r.lowerBound
    while p < r.upperBound, parseNumber([s[p]], .arabic) != nil { p += 1 }
    return p > r.lowerBound && p < r.upperBound && (s[p] == "." || s[p] == "．" || s[p] == "、") ? p : nil
  }

  /// Two or more attached plans, each with its attachment's number (`附件1`, `附件2`) or each under a bare `附件` line (a
  /// plan, then its own 分工方案; Corpus/heldout122 12203): after a cover with no clauses each is read under its own level
  /// (`attachedPlans`, `numberedPlans` in `acceptMarkers`; bare ones numbered in order, `planNumber`).
  static func severalNumbered(_ numbers: [Int?]) -> Bool {
    numbers.count > 1 && (numbers.allSatisfy { $0 != nil } || numbers.allSatisfy { $0 == nil })
  }

  /// The level number of attached plan `i` among several read each under its own level: its attachment's number, or for
  /// bare `附件` lines its place among them.
  func planNumber(_ i: Int) -> Int {
    plans[i].number ?? (plans.allSatisfy { $0.number == nil } ? i + 1 : 1)
  }

  /// Whether a line under an attachment line can be its plan's title: short, no sentence mark or comma, not bracketed, no
  /// marker of its own (`机关、团体、企业、事业等单位消防安全职责`). Looser than `isPlanTitle`: the attachment line above is the evidence.
  func isAttachmentTitle(_ line: Range<Int>, _ cands: [Candidate]) -> Bool {
    let r = trimmed(line)
    guard !r.isEmpty, r.count <= Self.attachmentTitleMaxLength else { return false }
    if r.contains(where: { rules.sentenceMarks.contains(s[$0]) || s[$0] == "，" || s[$0] == "," }) { return false }
    // (a bracketed line is an attribution or a note, no title)
    if isOpenBracket(s[r.lowerBound]) || isCloseBracket(s[r.upperBound - 1]) { return false }
    return !cands.contains { $0.lineStart && r.contains($0.start) }
  }
  /// Longest attachment title `isAttachmentTitle` takes, in characters.
  static let attachmentTitleMaxLength = 40

  /// A line that reads as a plan's title: no sentence punctuation, a title ending before an optional
  /// bracketed note (`2023年区政府工作报告重点工作分工方案（共计121项）`).
  func isPlanTitle(_ line: Range<Int>) -> Bool {
    var r = trimmed(line)
    guard !r.isEmpty, r.count <= rules.titleMaxLength else { return false }
    if isCloseBracket(s[r.upperBound - 1]), let open = r.lastIndex(where: { isOpenBracket(s[$0]) }), open > r.lowerBound {
      r = r.lowerBound..<open
    }
    if r.contains(where: { rules.sentenceMarks.contains(s[$0]) || s[$0] == "，" }) { return false }
    return rules.titleEndings.contains { e in r.count >= e.count && hasPrefix(e, at: r.upperBound - e.count) }
  }
}
