import GongwenCore
import ICUKit

/// Markers: candidates from the scan, accepted in document order against the stack of open levels
/// (see `Segmenter`), and where the notice's own clauses end.
extension SegmentRun {
  // MARK: Markers

  struct Candidate {
    var start: Int
    var end: Int
    var scheme: Int
    var number: Int
    var lineStart: Bool
    /// Found by the scheme's `pattern_if_expected` (`11.121人才…`, `3.2024年底前…`): a marker only
    /// where it is exactly the next number of a level already open, never a first child, a gap or a
    /// restart.
    var onlyIfExpected = false
    /// A table row (`findTables`): the index of its table.
    var table: Int? = nil
    /// A table's bare-numbered category row (`tables.section_row`): its marker is written as printed (`一`), as a row's number is.
    var bareSection = false
    /// A decimal marker's numbers (`2.4.9` -> [2, 4, 9]): its ancestors' numbers, then its own.
    var components: [Int]? = nil
    /// A row of a table run together with no separator between its cells (`findRunTogetherRows`): the index of its header
    /// among those tables. Its header vouches for it as for a `table` row, but its cells are no lines: its unit is read as
    /// running text.
    var runTogether: Int? = nil
  }

  struct Level {
    var scheme: Int
    var number: Int
    var marker: String
  }

  /// The marker candidate of a scan match, if it is one with a readable number in range.
  func candidate(_ m: ScanHit) -> Candidate? {
    func has(_ g: Int) -> Bool { g >= 1 && m.group(g) != nil }
    for (k, sc) in rules.schemes.enumerated() where sc.branchGroup >= 1 {  // (the table row is not scanned)
      let strict = has(sc.branchGroup)
      guard strict || has(sc.expectedBranchGroup) else { continue }
      let g = strict ? sc.numberGroup : sc.expectedNumberGroup
      guard let nr = m.group(g),
        let num = parseNumber(Array(s[nr]), sc.numerals), num >= 1, num <= sc.max
      else { return nil }
      return Candidate(start: m.range.lowerBound, end: m.range.upperBound, scheme: k, number: num,
                       lineStart: atLineStart(m.range.lowerBound), onlyIfExpected: !strict,
                       components: sc.numerals == .decimal ? decimalComponents(Array(s[nr])) : nil)
    }
    return nil
  }

  /// The bracket group closing at `close` is a department attribution (…负责）.
  func attributionCloses(at close: Int) throws(StageFailure) -> Bool {
    try attributionStart(closingAt: close) != nil
  }

  /// Where the department attribution closing at `close` opens, nil when that bracket group is not one.
  func attributionStart(closingAt close: Int) throws(StageFailure) -> Int? {
    var depth = 0
    var q = close
    let stop = max(0, close - 260)
    while q >= stop {
      let c = s[q]
      if c == "\n" { return nil }
      if isAttributionClose(c) { depth += 1 } else if isAttributionOpen(c) {
        depth -= 1
        if depth == 0 { break }
      }
      q -= 1
    }
    guard q >= stop, depth == 0 else { return nil }
    guard let m = try attribution.lookingAt(q..<(close + 1)), m.upperBound == close + 1 else { return nil }
    return q
  }

  func inlineContextOK(_ c: Candidate, newLevel: Bool, previousMarkerEnd: Int?, parentRank: Int?,
                       parentIsTop: Bool = false, first: Bool = false, runsOn: () -> Bool = { false },
                       runFollows: () -> Bool = { false }) throws(StageFailure) -> Bool {
    var p = c.start - 1
    while p >= 0, isHSpace(s[p]) { p -= 1 }
    if p < 0 || s[p] == "\n" { return true }
    if rules.inlineAfter.contains(s[p]) { return true }
    // (or after a document preview's page number standing between a sentence end and the marker: `…起施行。 2第一章总则…`;
    // Corpus/heldout113 11303)
    if afterPageNumber(p) { return true }
    // the text's first clause, numbered 1, right after a title its line break was lost from (`…行动计划（2019—2021）一、指导思想…`),
    // or after anything, a page's furniture or a heading without a title's ending, when its scheme's 2 and 3 follow, each after
    // a sentence end, an attribution or a labelled field (`…发表时间:2021-05-07 10:49 责任编辑:卫健委政务公开1.落实…。（…）2.…3.…`); or,
    // numbered anything, when its first child follows its heading and opens such a run (`childRunFollows`)
    // (its clause's text on the same line: not a title's part number at its end, `…重点工作分工方案(一)`; Corpus/heldout10 1106)
    if first, c.end < s.count, !isSpaceOrNewline(s[c.end]), c.number == 1 && followsTitle(p) || runFollows() { return true }
    if try followsAttribution(c.start) { return true }
    if newLevel, let e = previousMarkerEnd, e <= c.start, c.start - e <= rules.headingGap {
      var comma = false, enumeration = false
      var i = e
      // (a bracketed note ending the heading, right before the marker: `（一）回眸“十二五”(集中在8月份)1.基础设施…`;
      // Corpus/heldout151 15101)
      let gapEnd = headingNoteStart(from: e, to: c.start) ?? c.start
      while i < gapEnd {
        if s[i] == "\n" { return false }
        if s[i] == "、" {
          enumeration = true
        } else if rules.headingGapQuotes.contains(s[i]) {
          // (a quoted word in the heading: 打好“强基层”基础)
        } else if isPunctuation(s[i]) {
          guard rules.headingGapPunctuation.contains(s[i]) else { return false }
          comma = true
        }
        i += 1
      }
      // a heading with a comma is taken only before the very next level of the hierarchy (一、…，
      // （一）; never （一）…，包括（1）类人员); a top-level heading of two parts joined by 、 (一、优服务、提效能1.…,
      // line breaks lost; Corpus/heldout39 4001) also before the level after it, as notices skip one
      if comma || enumeration {
        guard let parentRank else { return false }
        // (decimal sections stand apart from this hierarchy: line-initial, their levels given by their numbers)
        let below = Set(rules.schemes.filter { $0.numerals != .decimal }.map(\.rank)).filter { $0 > parentRank }.sorted()
        // (a top-level heading with a comma, too, before the level after the next when that level's next number follows: a
        // notice that skips （一） run together, `一、拓宽市场准入、加强项目推介，让民间资本“有得投”1.支持…` … `2.鼓励…`)
        let rank = rules.schemes[c.scheme].rank
        guard below.prefix(1).contains(rank) || parentIsTop && below.prefix(2).contains(rank) && (!comma || runsOn()) else { return false }
      }
      return true
    }
    return false
  }

  /// Whether `p` ends a number of one to three ASCII digits right after an `inline_after` character (spaces between): a page
  /// number a document preview printed into the text (`…起施行。 2第一章…`, the space gone in Normalize).
  func afterPageNumber(_ p: Int) -> Bool {
    var k = p
    while k >= 0, p - k < 3, s[k].value >= 0x30 && s[k].value <= 0x39 { k -= 1 }
    guard k < p else { return false }
    while k >= 0, isHSpace(s[k]) { k -= 1 }
    return k >= 0 && rules.inlineAfter.contains(s[k])
  }

  /// Whether the text up to `p` (inclusive) ends a title: a run since the last line break or `inline_after` character (or the
  /// text's start) of at most `title_max_length` characters, holding no comma, 、 or semicolon, that ends with a `title_endings`
  /// word, perhaps followed by a short bracketed note (`（2019—2021）`, `（试行）`). A plan's title run on into its first clause
  /// when a scrape lost the line breaks.
  func followsTitle(_ p: Int) -> Bool {
    var end = p
    if isAttributionClose(s[end]) {
      var k = end - 1
      while k >= 0, end - k <= 16, !isAttributionOpen(s[k]), s[k] != "\n" { k -= 1 }
      guard k >= 0, isAttributionOpen(s[k]) else { return false }
      end = k - 1
    }
    guard end >= 0 else { return false }
    var start = end
    while start > 0, end - start < rules.titleMaxLength {
      let c = s[start - 1]
      if c == "\n" || rules.inlineAfter.contains(c) { break }
      if c == "，" || c == "," || c == "、" || c == "；" || c == ";" { return false }
      start -= 1
    }
    guard end - start < rules.titleMaxLength else { return false }
    return rules.titleEndings.contains { w in end + 1 - start > w.count && hasPrefix(w, at: end + 1 - w.count) }
  }

  /// Where a bracketed note of at most `heading_gap_note_max` characters that ends right before `end` opens, when it
  /// opens after `start`, holds no bracket, line break or sentence end and stands after some heading text; nil otherwise.
  func headingNoteStart(from start: Int, to end: Int) -> Int? {
    guard rules.headingGapNoteMax > 0 else { return nil }
    var q = end - 1
    while q >= start, isHSpace(s[q]) { q -= 1 }
    guard q > start, isAttributionClose(s[q]) else { return nil }
    var k = q - 1
    while k > start, q - k - 1 <= rules.headingGapNoteMax, !isAttributionOpen(s[k]) {
      if isAttributionClose(s[k]) || s[k] == "\n" || s[k] == "。" || s[k] == "；" { return nil }
      k -= 1
    }
    guard k > start, isAttributionOpen(s[k]), q - k - 1 <= rules.headingGapNoteMax, q - k > 1 else { return nil }
    return k
  }

  /// Whether the text numbers its own clauses from 1 after `c` (a file name `17.…docx`, then `一、`…
  /// `1.`): a later marker numbered 1 of `c`'s level or above, unless a higher level has opened
  /// before it at another number (heldout12 1305: `（十六）`, `（十七）`, then `四、`'s `（一）`, a
  /// child of the next section).
  func numbersItsOwnClausesLater(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    let rank = rules.schemes[c.scheme].rank
    // the highest level opened at a line start after `c` (at a number other than 1: a later section)
    var opened: Int? = nil
    // (a candidate that can never be a marker does not count: a line-start scheme's match inside a line, `1名食品安` where the
    // text was cut, read by `decimal` as a top section `1` before a title; Corpus/heldout183 18301)
    for d in cands where d.start > c.start && d.table == nil && (d.lineStart || rules.schemes[d.scheme].inline) {
      let r = rules.schemes[d.scheme].rank
      // (a first child of that section is its own, not the text's: `14.`…`23.`, `六、`, `（一）`; Corpus/heldout43 4403)
      if d.number == 1 && (r < rank || (r == rank && opened == nil)) && !(opened.map { r > $0 } ?? false) { return true }
      // (inline too, where an item opens: `…推动工作深入开展。六、保障措施（一）…`, the text's line breaks lost; heldout43 4403 run together)
      if r < rank && (d.lineStart || opensItem(d)) { opened = min(opened ?? r, r) }
    }
    return false
  }

  /// Whether the next line-initial candidate of `c`'s scheme after it is `c`'s next number: a run
  /// of clauses, not a stray number.
  func successorOpensLine(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    successorFollows(c, cands, lineStartOnly: true)
  }

  /// Does a closing bracket stand right before `c` (spaces between)?
  func afterClosingBracket(_ c: Candidate) -> Bool {
    var p = c.start - 1
    while p >= 0, isHSpace(s[p]) { p -= 1 }
    return p >= 0 && isAttributionClose(s[p])
  }

  /// Does `c` follow the value of a labelled field on its stretch of text (`…责任单位：区直各部门、各乡镇完成时限：10月23日前2.精简…`):
  /// the nearest colon before it, with no sentence end or line break between, closes an `inline_after_labels` word (perhaps with
  /// a bracketed note between them)?
  func afterLabelledField(_ c: Candidate) -> Bool {
    guard !rules.inlineAfterLabels.isEmpty else { return false }
    var p = c.start - 1
    let floor = max(0, c.start - 80)
    while p >= floor {
      let ch = s[p]
      if ch == "\n" || ch == "。" || ch == "；" || ch == ";" || ch == "！" || ch == "？" { return false }
      if ch == "：" || ch == ":" {
        // (the label may end with a short bracketed note before its colon: 配合处室（单位）：; Corpus/heldout162 16205)
        var end = p
        if end > 0, isCloseBracket(s[end - 1]),
          let open = (max(0, end - 10)..<(end - 1)).last(where: { isOpenBracket(s[$0]) })
        {
          end = open
        }
        return end > 0 && rules.inlineAfterLabels.contains { w in end >= w.count && hasPrefix(w, at: end - w.count) }
      }
      p -= 1
    }
    return false
  }

  /// Is the next marker of `c`'s scheme after it (outside tables; only line-initial ones with `lineStartOnly`) `c`'s next number?
  func successorFollows(_ c: Candidate, _ cands: [Candidate], lineStartOnly: Bool = false) -> Bool {
    nextOfScheme(c, cands, lineStartOnly: lineStartOnly)?.number == c.number + 1
  }

  /// Does an attribution's closing bracket stand right before `p` (spaces aside)?
  func followsAttribution(_ p: Int) throws(StageFailure) -> Bool {
    var i = p - 1
    while i >= 0, isHSpace(s[i]) { i -= 1 }
    guard i >= 0, isAttributionClose(s[i]) else { return false }
    return try attributionCloses(at: i)
  }

  /// Is `c` the last of its scheme's run (the next marker of its scheme, if any, numbers from 1 again) with its first child
  /// right after its heading: the next marker of any scheme is a deeper level's `1`, within `heading_gap` of `c`?
  func endsRunWithFirstChild(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    guard nextOfScheme(c, cands).map({ $0.number == 1 }) ?? true,
      let next = cands.first(where: { $0.start >= c.end && $0.table == nil })
    else { return false }
    return next.number == 1 && next.start - c.end <= rules.headingGap
      && rules.schemes[next.scheme].rank > rules.schemes[c.scheme].rank
  }

  /// Is `c`, a sibling one off the `expected` number, a misprint for it? It is when it stands where a clause may
  /// start (a line start, or after a sentence end) and the next marker of its scheme shows the misprint: the same
  /// number again after a number one too high (`二、` `四、` `四、`), or the number after the expected one after a
  /// repeated number (`二、` `二、` `四、`). Returns that next marker.
  func misprintedSibling(_ c: Candidate, expected: Int, _ cands: [Candidate]) -> Candidate? {
    guard c.number == expected + 1 || c.number == expected - 1, c.table == nil,
      c.lineStart || followsSentenceEnd(c.start),
      let next = nextOfScheme(c, cands), next.number == expected + 1
    else { return nil }
    return next
  }

  /// Whether the next two markers of `c`'s scheme number on from it (`1.` then `2.` then `3.`), each right after a sentence end,
  /// an attribution's bracket, a labelled field's value (`…责任单位：市发改委2.…`) or a line break: the run of clauses a first
  /// marker inside running text opens. (A regex error or timeout while reading an attribution counts as no.)
  func runOfThree(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    guard let second = nextOfScheme(c, cands), second.number == c.number + 1, second.lineStart || opensItem(second),
      let third = nextOfScheme(second, cands), third.number == c.number + 2, third.lineStart || opensItem(third)
    else { return false }
    return true
  }

  /// Whether `c` follows a heading of its own, or a colon, inside running text: the run back to the last line break, sentence
  /// end or colon is at most `heading_gap` characters and holds no comma, 、 or semicolon (`…由哪些部门牵头？大力实施乡村振兴战略（二十四）…`;
  /// Corpus/heldout21 2202 run together).
  func afterHeadingRun(_ c: Candidate) -> Bool {
    var k = c.start - 1
    while k >= 0, c.start - 1 - k <= rules.headingGap {
      let ch = s[k]
      if ch == "\n" || ch == "：" || ch == ":" || rules.inlineAfter.contains(ch) { return true }
      if ch == "，" || ch == "," || ch == "、" || ch == "；" || ch == ";" { return false }
      k -= 1
    }
    return k < 0
  }

  /// Whether `c` stands right after an attachment label's colon (`附件：1.…`, `附表2：1.…`; spaces between): an attachments list.
  func afterAttachmentColon(_ c: Candidate) -> Bool {
    var k = c.start - 1
    while k >= 0, isHSpace(s[k]) { k -= 1 }
    guard k >= 2, s[k] == "：" || s[k] == ":" else { return false }
    k -= 1
    while k >= 0, isHSpace(s[k]) || parseNumber([s[k]], .arabic) != nil { k -= 1 }
    return k >= 1 && startsAttachmentWord(at: k - 1)
  }

  /// Whether an attachment label's word (`附件`, `附表`, `附录`) starts at `i`.
  func startsAttachmentWord(at i: Int) -> Bool {
    i >= 0 && i + 1 < n && s[i] == "附" && (s[i + 1] == "件" || s[i + 1] == "表" || s[i + 1] == "录")
  }

  /// Whether `c` stands right after a colon (spaces and a short bracketed note between: `…通告如下:(资料图)一、`). (An attachments
  /// list's, `附件：1.…`, is skipped before: `afterAttachmentColon`.)
  func afterColon(_ c: Candidate) -> Bool {
    var k = c.start - 1
    while k >= 0, isHSpace(s[k]) { k -= 1 }
    if k >= 0, isCloseBracket(s[k]) {
      var o = k - 1
      while o >= 0, k - o <= 12, !isOpenBracket(s[o]), s[o] != "\n" { o -= 1 }
      guard o >= 0, isOpenBracket(s[o]) else { return false }
      k = o - 1
      while k >= 0, isHSpace(s[k]) { k -= 1 }
    }
    return k >= 1 && (s[k] == "：" || s[k] == ":")
  }

  /// Whether `c` stands where an item opens inside running text: right after a sentence end, an attribution or a labelled
  /// field's value. (A regex error or timeout while reading an attribution counts as no.)
  func opensItem(_ c: Candidate) -> Bool {
    followsSentenceEnd(c.start) || afterLabelledField(c) || ((try? followsAttribution(c.start)) ?? false)
  }

  /// Whether `c`, a first marker inside running text numbered anything, opens a run: its first child follows its heading and
  /// opens one (`childRunFollows`), or its own next two numbers follow (`runOfThree`) and it stands where an item opens or after
  /// a heading of its own or a colon.
  func opensRun(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    childRunFollows(c, cands) || runOfThree(c, cands) && (opensItem(c) || afterHeadingRun(c))
  }

  /// Whether `c`'s first child follows its heading and opens a run of three (`runOfThree`): the next marker after `c` is at a
  /// deeper level, within `heading_gap` of it, its heading holding no sentence end. The child is numbered 1, or on from a number
  /// the excerpt does not hold (`…（附相关部分）：二、加强供给侧结构性改革，增强持续增长动力（五）充分释放…（…牵头）（六）…（七）…`;
  /// Corpus/heldout37 3801 run together). It vouches for a first section whose own next numbers an excerpt cut off
  /// (`…信息来源:丽水市政府一、全市经济社会发展主要预期目标1.生产总值…。责任单位:市发改委2.…3.…`, a page with its line breaks lost;
  /// Corpus/heldout2 311).
  func childRunFollows(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    guard let child = cands.first(where: { $0.start >= c.end && $0.table == nil }),
      child.start - c.end <= rules.headingGap, rules.schemes[child.scheme].rank > rules.schemes[c.scheme].rank,
      !(c.end..<child.start).contains(where: { s[$0] == "\n" || s[$0] == "。" || s[$0] == "；" })
    else { return false }
    return runOfThree(child, cands)
  }

  /// The next marker of `c`'s scheme after it (outside tables; only line-initial ones with `lineStartOnly`). A match of the
  /// scheme's `pattern_if_expected` counts only as `c`'s next number: otherwise it is a number (`1.2个百分点` after `2.`, a run
  /// together list's items; Corpus/heldout32 3303 with its line breaks lost).
  func nextOfScheme(_ c: Candidate, _ cands: [Candidate], lineStartOnly: Bool = false) -> Candidate? {
    cands.first(where: {
      $0.start > c.start && $0.scheme == c.scheme && ($0.lineStart || !lineStartOnly) && $0.table == nil
        && (!$0.onlyIfExpected || $0.number == c.number + 1)
    })
  }

  /// Is the text before `c` only attributions in brackets, one per line: a page that begins with the attribution
  /// closing a clause on the page before (`(牵头单位:市林业局;责任单位:…)` / `(十)涉林旅游观光工程。…`; Corpus/heldout61
  /// 6203)?
  /// (A regex error or timeout counts as no.)
  func onlyAttributionsBefore(_ c: Candidate) -> Bool {
    var ls = 0
    var any = false
    while ls < c.start {
      let le = min(lineEnd(ls), c.start)
      let line = trimmed(ls..<le)
      if !line.isEmpty {
        guard isAttributionClose(s[line.upperBound - 1]),
          let open = (try? attributionStart(closingAt: line.upperBound - 1)) ?? nil, open == line.lowerBound
        else { return false }
        any = true
      }
      ls = le + 1
    }
    return any
  }

  /// Is the text before `c` only heading lines, at most four and none holding a sentence end or a comma: a mirror's
  /// header and the notice's title above a later page that begins with `（十三）…` (法搜网--中国法律信息搜索网 /
  /// 鄂州市政府关于…的实施意见; Corpus/heldout91 9105)?
  func onlyHeadingLinesBefore(_ c: Candidate) -> Bool {
    var ls = 0
    var lines = 0
    while ls < c.start {
      let le = min(lineEnd(ls), c.start)
      let line = trimmed(ls..<le)
      if !line.isEmpty {
        lines += 1
        guard lines <= 4, line.count <= 60,
          !s[line].contains(where: { "。，；！？：,;:!?".unicodeScalars.contains($0) })
        else { return false }
      }
      ls = le + 1
    }
    return lines > 0
  }

  /// Is the next line-initial marker after `c`, on the line right after `c`'s, a first child of it (number 1 of a
  /// lower level)? A page that begins with the last lines of one section, then `七、…` / `1. …` (Corpus/heldout55
  /// 5601): the heading opens its first item at once.
  func firstChildOpensNextLine(_ c: Candidate, _ cands: [Candidate]) -> Bool {
    guard let next = cands.first(where: { $0.start > c.start && $0.lineStart && $0.table == nil }),
      next.number == 1, rules.schemes[next.scheme].rank > rules.schemes[c.scheme].rank
    else { return false }
    return nextLine(after: c.start)?.lowerBound == next.start
  }

  mutating func warn(_ code: String, _ message: String, _ r: Range<Int>) {
    warnings.append(DocumentWarning(code: code, stage: "segment", message: message, span: Span(r)))
  }

  func label(_ sc: Int, _ num: Int) -> String { "\(rules.schemes[sc].id) \(num)" }

  /// The clauses accepted so far sat under levels whose markers the text does not hold (an excerpt's lost
  /// `五、`, a lost section `2.3`): their numbers and markers are written in front of every accepted clause's.
  /// Returns the paths now taken.
  mutating func numberAcceptedUnder(_ numbers: [Int], markers: [String], scheme: String) -> Set<[Int]> {
    for i in accepted.indices {
      accepted[i].path.insert(contentsOf: numbers, at: 0)
      accepted[i].markers.insert(contentsOf: markers, at: 0)
      accepted[i].schemes.insert(contentsOf: Array(repeating: scheme, count: numbers.count), at: 0)
    }
    return Set(accepted.map(\.path))
  }

  /// A decimal section's marker from its numbers (`[2, 4]` -> `2.4`).
  func decimalMarker(_ numbers: ArraySlice<Int>) -> String { numbers.map(String.init).joined(separator: ".") }

  mutating func acceptMarkers() throws(StageFailure) {
    // (where a decimal marker starts, `2.4.9`, its `2.` is no marker of another scheme)
    let decimalStarts = Set(candidateList.filter { $0.components != nil }.map(\.start))
    let cands = candidateList.filter { $0.components != nil || !decimalStarts.contains($0.start) }
    // the numbers of the last decimal marker accepted: the next must come after them
    var lastDecimal: [Int]? = nil
    var stack: [Level] = []
    var last: [Int: Int] = [:]
    var seen: Set<[Int]> = []
    var closingLimit = n
    // an inline marker was taken after a closing bracket with its own next number following it (`inRun`)
    var bracketRun = false
    var previousMarkerEnd: Int? = nil
    // the first clause marker did not number 1: an excerpt of a longer notice (`二、`, then `（五）`)
    var excerpt = false
    var ignoredAfterClosing = 0
    var ignoredAt: Range<Int>? = nil
    var lastRow: [Int: Int] = [:]  // per table and scheme: the last row number accepted
    // per table: how many levels were open above its last row; a section of the table above that depth (a category cell
    // `2.` between rows, Corpus/heldout105 10505) starts its rows' numbering again
    var rowDepth: [Int: Int] = [:]
    // a table whose own numbering restarts inside a clause (一、市政府重点工作任务 / 序号 … / 一、主要预期目标
    // / (1) …; Corpus/heldout30 3101) nests under the levels open at its header: they are the base, below
    // which the table's markers are read as a text of their own (until the next table)
    var baseCount = 0
    var baseTable: Int? = nil
    // attached tables (`附件1` above the header) run from their header to the next closing line; their
    // rows and sections are read after the signature too, under the attachment's level
    plans = rules.attachedPlans ? try attachedPlans(cands) : []
    var planStart = rules.planAfterSignature ? attachedPlanStart(cands) : nil
    // (the same notice with its line breaks lost: the plan found inline after the cover's requirements is the notice's tasks too,
    // not an attachment; Corpus/heldout164 16403 run together)
    var inlineCover = false
    if planStart == nil, rules.planAfterSignature, let start = inlineCoverPlanStart(cands, plans: plans) {
      planStart = start
      plans = []
      inlineCover = true
    }
    // (an attached table also ends where an attached plan after it starts: Corpus/heldout106 10605, 附件1 a table, 附件2 a plan)
    let attachedEnd = tableStarts.map { start in
      min(closingAfter(start), plans.first(where: { $0.range.lowerBound > start })?.range.lowerBound ?? n)
    }
    var attachedLimit = 0
    let attachmentNames = attachmentNameLines(isPlanTitle)
    // per attachment (its owner table): the body's last top-level number when its first row was met; an attachment's
    // level is that number plus its own (`附件2` after a body numbered 一、–五、 is 7; Corpus/heldout101 10104) or plus one
    // without a number (heldout100 10004), so that its rows never share a path with the body's clauses; with no body
    // before it, its own number (附件1 → 1, Corpus/heldout9 1003)
    var attachmentBase: [Int: Int] = [:]
    let attachmentScheme = rules.tables.attachmentScheme
    // a clause of the body, not an attachment's level (`附件1`, above a table's rows or a plan's clauses)
    let attachmentSchemeID = attachmentScheme.map { rules.schemes[$0].id }
    func isBodyClause(_ m: AcceptedMarker) -> Bool { attachmentSchemeID.map { m.schemes.first != $0 } ?? true }
    // (one attached table, no attached plan and no attachments list naming others: a text that may be only that attachment;
    // a cover's `附件：1.… 2.…` keeps the numbers apart, Corpus/heldout67 6707)
    let loneAttachment = attachmentNames.isEmpty && plans.isEmpty
      && Set(tableAttachmentOwners.indices.filter { tableAttachments[$0] != nil }.map { tableAttachmentOwners[$0] }).count == 1
    // per attached plan: the body's last top-level number when its first clause was met (as `attachmentBase`); a plan
    // with no body before it (a cover's plan, read as the notice's tasks) is no level of its own
    var planBase: [Int: Int] = [:]
    // (plans numbered 附件1, 附件2, … with no body before them, a cover without clauses of its own: each restarts its 一、 and
    // is read under its attachment's level, as numbered attached tables are; Corpus/heldout118 11806, heldout9 1003)
    let numberedPlans = Self.severalNumbered(plans.map(\.number))
    if let planStart, case let cover = cands.filter({ $0.start < planStart && $0.lineStart }).count, cover > 0 {
      warn("cover_clauses", "\(cover) numbered line(s) of the cover notice before its signature are not tasks: the plan after it is", cands[0].start..<planStart)
    } else if let planStart, inlineCover {
      warn("cover_clauses", "the cover notice's numbered clauses, run together before the plan attached to it, are not tasks: the plan is", cands[0].start..<planStart)
    }

    let coverAttachments = coverAttachmentLines()
    for c in cands {
      if let planStart, c.start < planStart { continue }
      // the numbered names of an attachments list (附件：1. …分解表 2. …分解表) are no clauses
      if attachmentNames.contains(where: { $0.contains(c.start) }) { continue }
      var attached: Int? = nil
      if let t = tableStarts.lastIndex(where: { $0 <= c.start }), let a = tableAttachments[t], c.start < attachedEnd[t] {
        let o = tableAttachmentOwners[t]
        if attachmentBase[o] == nil {
          let body = accepted.filter(isBodyClause).compactMap(\.path.first).max() ?? 0
          // (a second attachment without a number, after the body and a first one, is the level after that one: two
          // unlabelled tables of one attachment, each numbering its rows from 1; Corpus/heldout114 11401)
          let earlier = a.number == nil && body != 0
            ? accepted.filter { !isBodyClause($0) }.compactMap(\.path.first).max()
            : nil
          // (the body itself printed as an attachment, its numbered label among the lines above its first clause as above a
          // table's header (`附件1` / `首届…跟踪推进方案` / `一、构建组织机构…`), the cover having none: `附件2` after it is the level
          // right after the body's last, not one more; Corpus/heldout144 14401)
          var bodyAttachment = 0
          if let k = a.number, let first = accepted.first(where: isBodyClause),
            let p = try attachment(above: lineStart(first.start))?.number, p < k
          {
            bodyAttachment = p
          }
          // (bare labels of blocks between the body and this unnumbered attachment, each a level though it yields no task:
          // `附表：` over a table without row numbers, then `附录` over this one is the level after both; Corpus/heldout135 13502)
          var blocks = 0
          if a.number == nil, body != 0, let lastBody = accepted.last(where: isBodyClause),
            let own = try attachment(above: tableStarts[t])?.line
          {
            blocks = bareAttachmentLabelLines.filter { $0 > lastBody.start && $0 < own }.count
          }
          attachmentBase[o] = max(body - bodyAttachment + blocks, earlier ?? 0)
        }
        // (an attachment without a number is a level of its own only after clauses of the body; a table under a bare
        // `附件` line with nothing numbered before it keeps its rows' own numbers, Corpus/heldout72 7205, and so does the one
        // attached table of a text that holds nothing else, `附件2` / its title over two lines / its rows, Corpus/heldout73 7301)
        if attachmentBase[o] != 0 || a.number != nil && !loneAttachment { attached = t }
      }
      var plan: Int? = nil
      if attached == nil, let i = plans.lastIndex(where: { $0.range.lowerBound <= c.start }), c.start < plans[i].range.upperBound {
        if planBase[i] == nil {
          planBase[i] = accepted.filter(isBodyClause).compactMap(\.path.first).max() ?? 0
        }
        if planBase[i] != 0 || numberedPlans { plan = i }
      }
      if let sch = attachmentScheme {
        var level: (number: Int, marker: String)? = nil
        if let t = attached, let a = tableAttachments[t] {
          level = ((attachmentBase[tableAttachmentOwners[t]] ?? 0) + (a.number ?? 1), a.marker)
        } else if let i = plan {
          level = ((planBase[i] ?? 0) + (numberedPlans ? planNumber(i) : plans[i].number ?? 1), plans[i].marker)
        }
        if let level {
          if !(stack.first.map { $0.scheme == sch && $0.number == level.number } ?? false) {
            stack = [Level(scheme: sch, number: level.number, marker: level.marker)]
            last = [:]
          }
        } else if stack.first?.scheme == sch {
          stack = []
        }
      }
      // a cover's list of attachments (附件：1.《…方案》 / 2.《…汇总表》) names documents, not clauses
      if accepted.isEmpty, c.table == nil, coverAttachments.contains(where: { $0.contains(c.start) }) { continue }
      // (and so does one run on inline, its line breaks lost: `…严肃追责问责。附件:1.县《政府工作报告》…责任分解2.市…`; Corpus/heldout16
      // 1702 run together)
      if !c.lineStart, c.table == nil, afterAttachmentColon(c) { continue }
      if c.start >= closingLimit, attached == nil, plan == nil {
        if c.lineStart { ignoredAfterClosing += 1; if ignoredAt == nil { ignoredAt = c.start..<c.end } }
        continue
      }
      let sc = rules.schemes[c.scheme]
      var popTo: Int
      var note: (String, String)? = nil
      // (the number the clause is read as: its own, unless it is a misprint, see below)
      var number = c.number
      // (the next sibling of an accepted clause: its number is the one expected)
      var expectedSibling = false
      var newLevel = false
      // the levels above a decimal section that its numbers give (`2`, `2.4` of `2.4.9`)
      var ancestors: [Level] = []
      if let t = tableStarts.lastIndex(where: { $0 < c.start }), t != baseTable, attached == nil {
        baseTable = t
        baseCount = 0
        // its first marker restarts a level open above the header: the table nests under them all
        if c.lineStart, c.number == 1, c.table == nil, !stack.isEmpty, stack.contains(where: { $0.scheme == c.scheme }),
          !accepted.contains(where: { $0.start > tableStarts[t] && $0.start < c.start })
        {
          baseCount = stack.count
        }
      }
      if let parts = c.components {
        // a decimal section (2.4.9, at a line start): its numbers give its ancestors, whose markers the text
        // may not hold (`2`, `2.4`); it follows the last decimal section in order, or it is no marker
        // (a top section alone, `1总则`, opens the sections or follows them)
        guard c.lineStart, parts.count >= 2 || parts.first == 1 || lastDecimal != nil,
          lastDecimal.map({ !parts.lexicographicallyPrecedes($0) && parts != $0 }) ?? true
        else { continue }
        let first = lastDecimal == nil
        lastDecimal = parts
        popTo = stack.firstIndex(where: { $0.scheme == c.scheme }) ?? stack.count
        // (the section the items before it sat in: its previous sibling, `2.3` before `2.4`; before a first
        // child `3.1`, the previous top section `2`; before a deeper first child `2.4.1`, its parent `2.4`)
        var lost: [Int] = []
        if parts[parts.count - 1] > 1 {
          lost = Array(parts.dropLast()) + [parts[parts.count - 1] - 1]
        } else if parts.count == 2, parts[0] > 1 {
          lost = [parts[0] - 1]
        } else if parts.count > 2 {
          lost = Array(parts.dropLast())
        }
        if first, !lost.isEmpty, !stack.isEmpty, stack.allSatisfy({ rules.schemes[$0.scheme].rank > sc.rank }),
          !accepted.isEmpty, accepted.allSatisfy({ a in rules.schemes.first { $0.id == a.schemes.first }.map { $0.rank > sc.rank } ?? false })
        {
          // an excerpt whose first section is `3.1` or `2.4` after items of a lower level (a later page of an
          // emergency plan: `(2)市安监局:…` … `(12)…`, then `3 预警发布` / `3.1 …`, Corpus/heldout50 5102; `(10)`…`(22)`,
          // then `2.4`, heldout59 6001): those items sat in the section before it, which is written into their paths
          // and markers, as for any other level above them
          popTo = 0
          let markers = lost.indices.map { decimalMarker(lost[...$0]) }
          seen = numberAcceptedUnder(lost, markers: markers, scheme: sc.id)
          note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level above the clauses before it, whose own section \(markers.last ?? "") is not in the text: they are numbered under it")
        }
        // (a top section written as an item, `2.组织体系`, then `2.1领导机构`: that item is the section's top, not a level
        // of its own above a `2` the text does not hold; Corpus/heldout168 16804)
        let top = popTo > 0 && rules.schemes[stack[popTo - 1].scheme].numerals == .arabic && stack[popTo - 1].number == parts[0]
        ancestors = parts.indices.dropLast().dropFirst(top ? 1 : 0).map { i in
          Level(scheme: c.scheme, number: parts[i], marker: decimalMarker(parts[...i]))
        }
      } else if c.table != nil || c.runTogether != nil {
        // A table row: its table's header vouches for it, so there is no sequence check and no gap
        // warning (a department's extract of a longer table skips rows: 3, 68, 69, 73). Numbers
        // only go up within a table: a smaller one is a cell holding a bare number.
        // (per scheme: rows `1`, `2` and rows `(1)`…`(10)` of one table number apart; a run-together table's rows
        // under keys of their own, below zero)
        let rowKey = c.table.map { $0 &* 256 &+ c.scheme } ?? -1 - (c.runTogether ?? 0)
        guard lastRow[rowKey].map({ c.number > $0 }) ?? true else { continue }
        lastRow[rowKey] = c.number
        if let t = c.table { rowDepth[t] = stack.count }
        popTo = stack[min(baseCount, stack.count)...].firstIndex(where: { $0.scheme == c.scheme }) ?? stack.count
      } else if let k = stack[min(baseCount, stack.count)...].firstIndex(where: { $0.scheme == c.scheme }) {
        let expected = stack[k].number + 1
        if c.number == expected {
          popTo = k
          expectedSibling = true
        } else if c.onlyIfExpected {
          continue
        } else if let misprint = misprintedSibling(c, expected: expected, cands) {
          // (read as the expected sibling, its marker as printed; Corpus/heldout139 13902)
          popTo = k
          expectedSibling = true
          number = expected
          let printed = text(c.start..<c.end)
          let meant = marker(printed, renumberedTo: expected, sc.numerals) ?? label(c.scheme, expected)
          note = ("numbering_misprint", "\(printed) after \(stack[k].marker) is read as \(meant), a misprint: the next marker of its scheme is \(text(misprint.start..<misprint.end))")
        } else if c.number > expected {
          // (inline only after a sentence end and with its own next number after it: a paragraph run together whose
          // notice skipped numbers, `…指导。（六）市政提升…` after `（三）`, then `（七）`; Corpus/heldout137 13704; or after an
          // attribution, which closes a clause as a sentence end does, and with its own next number or as the last of its
          // run with its first child right after it: `…（区交建局）4.强化…` after `2.`, then `5.`; `…（平潭出入境检验检疫局）
          // （八）其他有关工作1.开展…` after `（六）`, the next `（一）` under `三、`; Corpus/heldout150 15003)
          if !c.lineStart, !(followsSentenceEnd(c.start) && successorFollows(c, cands)) {
            guard successorFollows(c, cands) || endsRunWithFirstChild(c, cands), try followsAttribution(c.start) else { continue }
          }
          if c.number - expected <= rules.maxGap {
            popTo = k
            note = ("numbering_gap", "\(label(c.scheme, c.number)) follows \(stack[k].marker): \(c.number - expected) number(s) missing")
          } else {
            warn("numbering_jump", "\(text(c.start..<c.end)) after \(stack[k].marker) jumps too far; not taken as a clause marker", c.start..<c.end)
            continue
          }
        } else if c.number == 1, c.lineStart {
          popTo = k
          note = ("numbering_restart", "\(text(c.start..<c.end)) restarts numbering after \(stack[k].marker)")
        } else {
          if c.lineStart {
            warn("numbering_jump", "\(text(c.start..<c.end)) after \(stack[k].marker) goes backwards; not taken as a clause marker", c.start..<c.end)
          }
          continue
        }
      } else {
        // a wider match is never a first child: `1.2万人…` at a line start is a number, not item 1;
        // at a line start it may continue numbering that runs on across sections (（二）3、2017年…
        // after （一）1、2、), being exactly the next number of its scheme
        if c.onlyIfExpected, !(c.lineStart && last[c.scheme].map({ $0 + 1 }) == c.number) { continue }
        newLevel = true
        popTo = stack.count
        let runOn = last[c.scheme].map { $0 + 1 }
        if c.number != 1 && c.number != runOn {
          // (inline after a sentence end only to open a level above every open one: an excerpt run on in one
          // paragraph, `…等负责）。 三、加强领导 …`; Corpus/heldout70 7003)
          let opensAbove = last[c.scheme] == nil && !stack.isEmpty && stack.allSatisfy({ rules.schemes[$0.scheme].rank > sc.rank })
          // (or, the text's first marker, inline anywhere when its first child follows its heading and opens a run of three:
          // an excerpt with its line breaks lost, `…其他成员单位四、卢山副省长牵头重点工作1.优化…。责任单位:…2.…3.…`;
          // Corpus/heldout14 1504 run together)
          // (or after a sentence end, an attribution or a labelled field, when its own next two numbers follow so: an excerpt
          // beginning inside a list run together, `…。（责任单位：县旅游局）21、开展…。（…）22、…（…）23、…`; Corpus/heldout96 9602)
          // (or after a heading of its own or a colon, `…牵头？大力实施乡村振兴战略（二十四）健全…（…）（二十五）…（二十六）…`; Corpus/heldout21
          // 2202 run together)
          let firstOpensRun = accepted.isEmpty && stack.isEmpty && opensRun(c, cands)
          // (the first child of an excerpt's first section, run on after its heading, numbered on from a number the excerpt
          // does not hold, when its own next two numbers follow: `…：二、加强供给侧结构性改革，增强持续增长动力（五）充分释放…`;
          // Corpus/heldout37 3801 run together)
          let childOpensRun = !c.lineStart && excerpt && accepted.count == 1 && stack.count == 1
            && previousMarkerEnd.map { $0 <= c.start && c.start - $0 <= rules.headingGap } ?? false && runOfThree(c, cands)
          // (after an attribution too, which closes a clause as a sentence end does: `…（责任单位：市工业和信息化局）五、附则…` after
          // `（十四）`–`（十八）`; Corpus/heldout168 16802 run together)
          var opensAfterClose = false
          if !c.lineStart, opensAbove, sc.inline {
            opensAfterClose = followsSentenceEnd(c.start)
            if !opensAfterClose { opensAfterClose = try followsAttribution(c.start) }
          }
          guard c.lineStart || opensAfterClose || firstOpensRun || childOpensRun else { continue }
          var missing = c.number - 1
          if let r = runOn, c.number > r { missing = min(missing, c.number - r) }
          if opensAbove {
            // the text begins inside a section whose own marker it does not hold (an excerpt, a later
            // page of a scraped notice: `4、…` then `七、…`): a line-initial marker of a level above
            // every open one, its scheme not met before, opens that level at its number
            popTo = 0
            note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level above the clauses before it, whose own marker is not in the text")
            // the clauses before it sat under its previous sibling (`3.`–`5.` then `（二）`: under
            // `（一）`), which is written into their paths and markers, as a reader of the whole notice
            // would number them; no task is made for the lost marker itself
            if let inferred = marker(text(c.start..<c.end), renumberedTo: c.number - 1, sc.numerals) {
              seen = numberAcceptedUnder([c.number - 1], markers: [inferred], scheme: sc.id)
              note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level above the clauses before it, whose own marker \(inferred) is not in the text: they are numbered under it")
            }
          } else if missing <= rules.maxGap {
            note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level without its first number(s)")
          } else if excerpt, let parent = accepted.last, parent.path == stack.map(\.number),
            nextLine(after: parent.start)?.lowerBound == c.start || childOpensRun
          {
            // an excerpt that quotes one clause of a section (a report's `二、…` heading line, then its
            // `（五）…`; Corpus/heldout37 3801): on the line right after its parent's heading, any number
            note = ("numbering_gap", "\(text(c.start..<c.end)) opens a level of an excerpt without its first number(s)")
          } else if accepted.isEmpty, stack.isEmpty,
            !hasText(from: 0, to: c.start) || successorOpensLine(c, cands) || firstChildOpensNextLine(c, cands)
              || onlyAttributionsBefore(c) || onlyHeadingLinesBefore(c) || firstOpensRun,
            !isPlanTitle(trimmed(c.start..<lineEnd(c.start))),
            !numbersItsOwnClausesLater(c, cands)
          {
            // the text begins with it: a later page of a longer notice (`5.完善城乡交通管理长效机制。…`,
            // Corpus/heldout18 1901), whose earlier clauses are on earlier pages; not when the text
            // numbers its own clauses from 1 later on (`17.…政策清单.docx`, a file name, then `一、`), nor
            // when the line reads as a title (`15、关于做好…工作的通知`, an entry of a list of notices). Text
            // before it (a page's chrome, a news report quoting the notice: `（二十四）…` `（二十五）…`,
            // Corpus/heldout21 2202) is allowed when the next line-initial marker of its scheme is its
            // next number, when its first child opens the next line (`七、…` / `1. …`, Corpus/heldout55 5601), or
            // when only attributions in brackets stand before it (the close of the page before's last clause), or only a
            // few heading lines (a mirror's header and the notice's title).
            note = ("numbering_gap", "\(text(c.start..<c.end)) begins the text: an excerpt whose earlier clauses are not in it")
          } else {
            warn("numbering_jump", "\(text(c.start..<c.end)) does not continue any numbering; not taken as a clause marker", c.start..<c.end)
            continue
          }
        }
        // (inline, a new level goes under the open ones, deeper than the deepest; one that opens above them all pops them)
        if !c.lineStart, popTo == stack.count, let top = stack.last, rules.schemes[top.scheme].rank >= sc.rank { continue }
      }
      // (an attached plan's first clause, found inline after its label and title, needs no other context)
      if !c.lineStart, c.runTogether == nil, !(plan.map { plans[$0].clause == c.start } ?? false) {
        // (an expected next sibling may follow any closing bracket, not only an attribution's, when its own next number
        // follows it or it is the last of a run that has gone on that way: `…（区管委会，2016年4月底前完成）2．制定…`, a
        // task-division list run together whose brackets hold bodies and deadlines; `五、强化实施保障31．` after
        // `…（…，2016年9月底前完成）`; Corpus/heldout139 13902; the last of a section's items, the next of its scheme numbering
        // the next section's from 1: `…（区公安局）5.强化…（区经济发展局农业处）（二）种植环节治理…1.`; Corpus/heldout140 14002)
        // (or after a labelled field's value, the list's labels run together without brackets: `…责任单位：区直各部门、各乡镇
        // 完成时限：10月23日前2.精简申办材料。…`; Corpus/heldout143 14302)
        let inRun = expectedSibling && (afterClosingBracket(c) || afterLabelledField(c))
          && nextOfScheme(c, cands).map { $0.number == c.number + 1 || bracketRun && $0.number <= c.number } ?? bracketRun
        guard sc.inline else { continue }
        if !inRun {
          guard try inlineContextOK(c, newLevel: newLevel, previousMarkerEnd: previousMarkerEnd,
                                    parentRank: stack.last.map { rules.schemes[$0.scheme].rank }, parentIsTop: stack.count == 1,
                                    first: accepted.isEmpty, runsOn: { self.successorFollows(c, cands) },
                                    runFollows: {
                                      c.number == 1 && self.runOfThree(c, cands) || self.opensRun(c, cands)
                                        // (a first 1 right after a colon, its 2 following where an item opens:
                                        // `…通告如下:(资料图)一、…区域：即日起，…。二、职责分工…`; Corpus/heldout175 17501 run together)
                                        || c.number == 1 && self.afterColon(c)
                                          && self.nextOfScheme(c, cands).map { $0.number == 2 && ($0.lineStart || self.opensItem($0)) } ?? false
                                    })
          else { continue }
        }
        if inRun { bracketRun = true }
      }
      // accepted
      if let (code, message) = note { warn(code, message, c.start..<c.end) }
      stack.removeSubrange(popTo...)
      baseCount = min(baseCount, popTo)
      stack += ancestors
      stack.append(Level(scheme: c.scheme, number: number, marker: markerText(c)))
      last[c.scheme] = number
      let path = stack.map(\.number)
      if c.table == nil, let t = tableStarts.lastIndex(where: { $0 < c.start }), let depth = rowDepth[t], path.count <= depth {
        lastRow = lastRow.filter { $0.key < 0 || $0.key / 256 != t }
        rowDepth[t] = nil
      }
      let emit = seen.insert(path).inserted
      if !emit {
        warn("duplicate_path", "\(stack.map(\.marker).joined()) repeats an earlier clause path \(path); its text is left out", c.start..<c.end)
      }
      if accepted.isEmpty {
        excerpt = c.number != 1
        // the notice closes at the first closing line after its first clause
        if let i = closingStarts.firstIndex(where: { $0 > c.start }) { closingLimit = closingStarts[i] }
      }
      accepted.append(AcceptedMarker(start: c.start, end: c.end, path: path, markers: stack.map(\.marker),
                                     schemes: stack.map { rules.schemes[$0.scheme].id }, emit: emit, table: c.table,
                                     runTogether: c.runTogether != nil))
      if let t = attached { attachedLimit = max(attachedLimit, attachedEnd[t]) }
      if let i = plan { attachedLimit = max(attachedLimit, plans[i].range.upperBound) }
      previousMarkerEnd = c.end
    }
    if ignoredAfterClosing > 0, let at = ignoredAt {
      warn("clauses_after_closing", "\(ignoredAfterClosing) numbered line(s) after the signature/attachment block were not segmented", at)
    }
    self.bodyClosingLimit = closingLimit
    self.closingLimit = max(closingLimit, attachedLimit)
  }
}
