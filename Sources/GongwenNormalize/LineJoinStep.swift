import GongwenCore
import ICUKit

/// Line-wrap repair. Joins a line to the next when the break is inside a sentence or word,
/// judged by measurable cues:
/// - never after a line ending a sentence or unit (`sentence_end`, `paragraph_end`);
/// - never before a line that starts with a clause marker (`markers`) or a field label (`索引号：`,
///   at most `field_label_max` Han characters and a colon), and never after a field line unless it
///   is running text; never before the recipients line (`address_starts` … ending in a colon);
/// - never after a heading: a marker line with a short body (`heading_max_chars`) and no running
///   punctuation (at most `heading_max_enumeration_commas` 、), or a marker line shorter than a full line whose body
///   with its commas is at most `heading_max_chars_with_commas`;
/// - a title split over two lines (`关于…` + `…的通知`) is joined, and nothing is joined after it;
/// - never before or after a line that is a date alone (`date_line`: a signature's date under a joint
///   issuer line `A、B`) or a document number alone (`doc_number_line`: `岚综管办〔2016〕196号` between a page's
///   breadcrumb holding the title with its 、 and the title itself; Corpus/heldout151 15102);
/// - never after a short line holding only names, 、 and a `statement_endings` word at its end
///   (`市金融办、市财政局分别牵头落实`: who does the task, a line of its own);
/// - otherwise joined when the line is running text (contains ，、； …) or is a full line, i.e. at
///   least `full_line_ratio` × the document's typical full line length (`full_line_quantile` of
///   the lengths of prose lines, those holding running punctuation); short lines without
///   punctuation (titles, signatures, dates) stay.
/// The cues are measured on the whole (possibly already joined) line, and decisions are repeated
/// on the joined lines until nothing changes, so a second run of the normalizer sees the same
/// lines and finds nothing more to join (idempotence). A consequence: a short last line of a
/// paragraph that does not end in punctuation cannot be told from a wrapped one once its
/// paragraph is joined; real paragraphs end in 。 or a closing bracket.
///
/// A table flattened to text (任务分解表: `序号` / `重点工作任务` / … then one cell per line) holds
/// no wrapped lines: each line is one cell, and a bare row number (`68`) must stay on its own line
/// for Segment to see it. From the first line that holds only a `table_header` word (`序号`) on,
/// no line is joined. A flattened table runs to the end of its page (it is the attachment), so the
/// table is not closed again; prose after it keeps its breaks.
struct LineJoinStep: NormalizeStep {
  static let id = "line_join"
  let rules: NormalizeRules.LineJoin
  /// The marker alternation with the characters a marker can start with.
  let marker: StartFilteredRegex
  let enumerationComma: ScalarBits
  let running: ScalarBits
  /// First characters of the title openers.
  let openerStarts: ScalarBits
  /// Per BMP scalar, the three tests of the per-scalar loop in one load: `openerBit`,
  /// `enumerationBit`, `runningBit`.
  let bmpFlags: [UInt8]
  static let openerBit: UInt8 = 1, enumerationBit: UInt8 = 2, runningBit: UInt8 = 4, spaceBit: UInt8 = 8

  init(rules: NormalizeRules.LineJoin) {
    self.rules = rules
    marker = StartFilteredRegex(rules.marker)
    enumerationComma = ScalarBits(rules.enumerationComma)
    running = ScalarBits(rules.running)
    openerStarts = ScalarBits(rules.titleOpeners.compactMap { $0.first?.value })
    var flags = [UInt8](repeating: 0, count: 0x10000)
    for v in 0..<0x10000 {
      if openerStarts.contains(UInt32(v)) { flags[v] |= Self.openerBit }
      if enumerationComma.contains(UInt32(v)) { flags[v] |= Self.enumerationBit }
      if running.contains(UInt32(v)) { flags[v] |= Self.runningBit }
    }
    flags[Int(CharClass.space.value)] |= Self.spaceBit
    bmpFlags = flags
  }

  /// The flags of `c` (see `bmpFlags`), for any scalar.
  @inline(__always) func flags(_ c: Unicode.Scalar, _ table: UnsafeBufferPointer<UInt8>) -> UInt8 {
    let v = c.value
    if v < 0x10000 { return table[Int(v)] }
    return (openerStarts.contains(v) ? Self.openerBit : 0) | (enumerationComma.contains(v) ? Self.enumerationBit : 0)
      | (running.contains(v) ? Self.runningBit : 0)
  }

  /// What the cues need to know about a line, or a group of joined lines.
  struct Info {
    var first: Int  // index of the first line
    var last: Int  // index of the last line
    var length: Int  // non-space scalars
    var bodyLength: Int  // non-space scalars after the marker
    var marker: Bool
    var runningNonEnum: Bool
    var enumCommas: Int
    var firstScalar: Unicode.Scalar?
    var lastScalar: Unicode.Scalar?
    var opener: Bool
    var titleEnding: Bool
    var tableCell: Bool  // at or after a table header line: never joined
    var field = false  // starts with a short label and a colon (索引号：…)
    var fieldLabel = 0  // the Han characters of that label (`field`)
    var wrapsLabel = false  // the line's last Han characters and the next line's field label make one `markers` label
    var address = false  // the recipients line: starts with an `address_starts` word, ends with a colon
    var statementEnding = false  // ends with a `statement_endings` word (市金融办、市财政局分别牵头落实)
    var standalone = false  // the whole line is a date, a document number or an attachment label (`date_line` …)
    var dateHead = false  // the line and the next make one `date_line` (`2014` / `年8月26日`)
    var content: Range<Int>? = nil  // the line's first to last non-space scalar (nil: a blank line)
    var sentenceInside = false  // holds a `sentence_end` character after its marker
    var lastLength = 0  // non-space scalars of the group's last line (`length` for a single line)
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let s = text.scalars
    let lines = lineRanges(s)
    guard lines.count > 1 else { return }
    let m = try rules.marker.matcher()
    // lines that stand alone, each tried only on lines ending (or starting) with its character, or starting with a year
    // (`yearAt`)
    var standaloneLines: [(end: Unicode.Scalar?, start: Unicode.Scalar?, year: Bool, rule: RuleRegex, matcher: ICURegex)] = []
    for case let (end, start, year, rule?) in [
      ("日" as Unicode.Scalar?, nil as Unicode.Scalar?, false, rules.dateLine), ("号", nil, false, rules.docNumberLine),
      (nil, "附", false, rules.attachmentLine), (nil, nil, true, rules.pageDateLine),
    ] {
      standaloneLines.append((end, start, year, rule, try rule.matcher()))
    }
    var infos: [Info] = []
    infos.reserveCapacity(lines.count)
    // (or its header word wrapped over two lines: `序` / `号`, a narrow cell; Corpus/heldout166 16602)
    let tableStart =
      lines.indices.first { k in
        isTableHeader(s[lines[k]]) || (k + 1 < lines.count && isWrappedTableHeader(s[lines[k]], s[lines[k + 1]], words: rules.tableHeader))
      } ?? lines.count
    for (k, line) in lines.enumerated() {
      var markerEnd: Int? = nil
      do {
        if let end = try GongwenNormalize.markerEnd(marker, m, s, line) { markerEnd = end }
      } catch { throw rules.marker.failure(error, stage: "normalize") }
      var info = Info(first: k, last: k, length: 0, bodyLength: 0, marker: markerEnd != nil, runningNonEnum: false,
                      enumCommas: 0, firstScalar: nil, lastScalar: nil, opener: false, titleEnding: false,
                      tableCell: k >= tableStart)
      let bodyStart = markerEnd ?? line.lowerBound
      // one pass over the line: most scalars (Han) have no flag and cost one table load; lengths
      // are the line's (or body's) size less its spaces
      var spaces = 0, bodySpaces = 0, enumCommas = 0
      var runningNonEnum = false, opener = false, sentenceInside = false
      var firstAt = -1, lastAt = -1  // first and last non-space scalar
      s.withUnsafeBufferPointer { buf in bmpFlags.withUnsafeBufferPointer { table in
        for i in line {
          let f = flags(buf[i], table)
          if f == 0 { continue }
          if f & Self.openerBit != 0, !opener {
            opener = rules.titleOpeners.contains { startsAt(buf, i, line.upperBound, $0) }
          }
          if f & Self.spaceBit != 0 {
            spaces &+= 1
            if i >= bodyStart { bodySpaces &+= 1 }
            continue
          }
          if i >= bodyStart {
            if f & Self.enumerationBit != 0 { enumCommas &+= 1 }
            else if f & Self.runningBit != 0 {
              runningNonEnum = true
              if !sentenceInside, rules.sentenceEnd.contains(buf[i]) { sentenceInside = true }
            }
          }
        }
        if spaces < line.count {
          firstAt = line.lowerBound
          while buf[firstAt] == CharClass.space { firstAt += 1 }
          lastAt = line.upperBound - 1
          while buf[lastAt] == CharClass.space { lastAt -= 1 }
        }
        // the line ends (trailing spaces aside) with a title ending
        let contentEnd = lastAt < 0 ? line.lowerBound : lastAt + 1
        info.titleEnding = endsWithOne(of: rules.titleEndings, buf, from: line.lowerBound, to: contentEnd)
        info.statementEnding = enumCommas > 0
          && endsWithOne(of: rules.statementEndings, buf, from: line.lowerBound, to: contentEnd)
      } }
      info.length = line.count - spaces
      info.lastLength = info.length
      info.bodyLength = line.upperBound - max(bodyStart, line.lowerBound) - bodySpaces
      info.enumCommas = enumCommas
      info.runningNonEnum = runningNonEnum
      info.sentenceInside = sentenceInside
      info.opener = opener
      if firstAt >= 0 {
        info.firstScalar = s[firstAt]
        info.lastScalar = s[lastAt]
        info.fieldLabel = fieldLabelLength(s, from: firstAt, to: line.upperBound) ?? 0
        info.field = info.fieldLabel > 0
        info.content = firstAt..<(lastAt + 1)
        for (end, start, year, rule, matcher) in standaloneLines
        where (end == nil || s[lastAt] == end) && (start == nil || s[firstAt] == start) && (!year || yearAt(s, firstAt, lastAt))
          && !info.standalone {
          do {
            info.standalone = try wholeMatch(matcher, s[firstAt...lastAt])
          } catch { throw rule.failure(error, stage: "normalize") }
        }
        info.address = (s[lastAt] == "：" || s[lastAt] == ":")
          && rules.addressStarts.contains { w in firstAt + w.count <= lastAt && s[firstAt..<(firstAt + w.count)].elementsEqual(w) }
      }
      infos.append(info)
    }
    // a date broken over two lines (a signature's `2014` / `年8月26日`, Corpus/heldout153 15302): the two lines are one
    // date line, joined
    if let dateLine = standaloneLines.first(where: { $0.end == "日" }) {
      for k in 0..<(lines.count - 1) {
        guard let a = infos[k].content, let b = infos[k + 1].content, a.count <= Self.dateHeadMax, s[b.upperBound - 1] == "日",
          !infos[k].standalone, !infos[k + 1].standalone, a.count + b.count <= 2 * Self.dateHeadMax
        else { continue }
        // (not a date running on into its sentence: `2014` / `年11月30日` / `前，由区规土局…`)
        if k + 2 < lines.count, let c = infos[k + 2].content, isIdeographic(s[c.lowerBound]), !infos[k + 2].marker,
          !infos[k + 2].field, infos[k + 2].runningNonEnum
        {
          continue
        }
        do {
          infos[k].dateHead = try wholeMatch(dateLine.matcher, Array(s[a]) + Array(s[b]))
        } catch { throw dateLine.rule.failure(error, stage: "normalize") }
      }
    }

    for k in infos.indices.dropLast() where infos[k + 1].field {
      do { infos[k].wrapsLabel = try labelWrapped(s, infos[k], infos[k + 1], m) } catch {
        throw rules.marker.failure(error, stage: "normalize")
      }
    }
    var groups = infos
    for _ in 0..<rules.maxIterations {
      let typical = typicalLength(groups)
      var next: [Info] = []
      next.reserveCapacity(groups.count)
      var merged = false
      for g in groups {
        if let a = next.last, shouldJoin(a, g, typical: typical) {
          next[next.count - 1] = combine(a, g)
          merged = true
        } else {
          next.append(g)
        }
      }
      groups = next
      if !merged { break }
    }
    if groups.count == lines.count { return }

    // apply: the line break after every line that is not the last of its group goes (or becomes
    // a space between two ASCII letters or digits, as between words; never between two digits, one number wrapped over
    // two lines: `12345` printed `123` / `45`, Corpus/heldout105 10503 wrapped at 38 characters)
    var dels = Deletions()
    var spaces: [Int] = []
    var joins = 0
    for g in groups where g.last > g.first {
      for k in g.first..<g.last {
        let n = lines[k].upperBound
        joins += 1
        let before = infos[k].lastScalar, after = infos[k + 1].firstScalar
        if let x = before, let y = after, CharClass.isASCIIAlnum(x), CharClass.isASCIIAlnum(y), !(CharClass.isDigit(x) && CharClass.isDigit(y)) {
          spaces.append(n)
        } else {
          dels.delete(n..<(n + 1), of: text, reason: "line_join", rule: Self.id, layout: true, &ctx)
        }
      }
    }
    ctx.count("lines_joined", joins)
    for n in spaces { text.scalars[n] = CharClass.space }
    dels.apply(to: &text, &ctx)
  }

  /// Whether the line content `s[first...last]` starts with a year of four ASCII digits, 19xx or 20xx (a page's date line;
  /// most lines starting with a digit are numbered clauses, `1.…`, and are not read with the regex).
  func yearAt(_ s: [Unicode.Scalar], _ first: Int, _ last: Int) -> Bool {
    guard last - first >= 4 else { return false }
    let a = s[first].value, b = s[first + 1].value
    guard a == 0x31 && b == 0x39 || a == 0x32 && b == 0x30 else { return false }
    return s[first + 2].value &- 0x30 < 10 && s[first + 3].value &- 0x30 < 10
  }

  /// Whether `matcher` matches the whole of `text` from its start.
  func wholeMatch(_ matcher: ICURegex, _ text: some Collection<Unicode.Scalar>) throws(ICUError) -> Bool {
    guard let hit = try matcher.match(in: text, at: 0) else { return false }
    return hit.range.upperBound == text.count
  }

  /// Longest first half (in scalars) of a date broken over two lines: `二〇一四年十二月` is 8.
  static let dateHeadMax = 12

  func typicalLength(_ groups: [Info]) -> Int {
    // full lines are prose lines: measure only lines holding running punctuation
    let lengths = groups.filter { $0.runningNonEnum || $0.enumCommas > 0 }.map(\.length).sorted()
    guard lengths.count >= rules.minLinesForTypical else { return Int.max }
    let q = Int((rules.fullLineQuantile * Double(lengths.count - 1)).rounded(.down))
    return lengths[max(0, min(lengths.count - 1, q))]
  }

  /// The line is shorter than a full line (`full_line_ratio` × the typical length), the typical length known.
  func shorterThanFull(_ a: Info, typical: Int) -> Bool {
    typical != Int.max && Double(a.length) < rules.fullLineRatio * Double(typical)
  }

  func isHeading(_ a: Info) -> Bool {
    a.marker && !a.runningNonEnum && a.enumCommas <= rules.headingMaxEnumerationCommas
      && a.bodyLength <= rules.headingMaxChars
  }

  func shouldJoin(_ a: Info, _ b: Info, typical: Int) -> Bool {
    guard let last = a.lastScalar, b.length > 0 else { return false }
    if a.tableCell || b.tableCell { return false }
    // a line starting with a character no line starts with goes on from the line before, whatever that ends with (`…区文化旅游局
    // （区文物局）` / `、区城管执法局…`: text printed to a fixed width, cut before a comma)
    if let first = b.firstScalar, rules.continuationStarts.contains(first), b.first == a.last + 1 { return true }
    if rules.sentenceEnd.contains(last) || rules.paragraphEnd.contains(last) { return false }
    if a.dateHead, b.first == a.last + 1 { return true }
    if b.dateHead { return false }
    if b.marker { return false }
    // a date alone on its line (a signature's) is a line of its own: a joint issuer above it (`中共XX市委办公室、XX市
    // 人民政府办公室`) holds a 、 but does not run on into it; so is a document number alone
    if a.standalone || b.standalone { return false }
    // a field of a page's information block (来源：… / 发布时间：…) is a line of its own: nothing
    // runs on into it, and it runs on into the next line only as running text (a long wrapped
    // 牵头单位：A、B、C… list)
    // (unless the line before ends with the start of that label: a label wrapped inside its word, `…；配合` / `单位：公安局…`,
    // `（责任部` / `门：市交通委…）`, in text printed to a fixed width; Corpus/heldout38 3901. `wrapsLabel`)
    if b.address { return false }
    if b.field, !(a.wrapsLabel && b.first == a.last + 1) { return false }
    // (a wrapped field is a full line: a short one with a comma, `检索关键词：人工智能，北斗`, does not run on
    // into the doc number under it; Corpus/heldout36)
    if a.field, !(a.runningNonEnum || a.enumCommas > 0) || shorterThanFull(a, typical: typical) {
      return false
    }
    if a.opener, a.titleEnding { return false }  // a complete title (关于…的通知) ends here
    let aRunning = a.runningNonEnum || a.enumCommas > 0, bRunning = b.runningNonEnum || b.enumCommas > 0
    if a.opener, !a.titleEnding, b.titleEnding, !aRunning, !bRunning, a.length <= rules.titleMaxChars,
      b.length <= rules.titleMaxChars
    {
      return true
    }
    if isHeading(a) { return false }
    // a short marker line with commas but no sentence end is a heading in two halves (`1、实施世行对标改革，促进世行评价和企业
    // 感受双提升` over its paragraph; Corpus/heldout127 12701): a wrapped line is a full one
    // (only commas in it, no article `第…条`, and no cut before a title in 《》: `第一条 为了加强测绘管理，…，根据《` / `中华人民共和国
    // 测绘法》…` is a wrapped article)
    if a.marker, rules.headingMaxCharsWithCommas > 0, a.bodyLength <= rules.headingMaxCharsWithCommas, a.last == a.first,
      a.runningNonEnum, !a.sentenceInside, a.firstScalar != "第", let aLast = a.lastScalar, isIdeographic(aLast),
      b.firstScalar != "《", shorterThanFull(a, typical: typical)
    {
      return false
    }
    // a short line of names and a role word, with nothing but 、 in it, is a statement of who does the
    // task (a table's 责任单位 cell: 市金融办、人民银行潍坊市中心支行分别牵头落实), not a wrapped list
    if a.statementEnding, !a.runningNonEnum, typical == Int.max || Double(a.length) < rules.fullLineRatio * Double(typical) {
      return false
    }
    // a group whose last line is short and joined after a list's comma (a table's cell wrapped inside a name list, `区委编办、` /
    // `各街道`, then the next cell `区消防救援支队`; Corpus/heldout109 10903) ends there: the short line was not cut by the width
    if a.last > a.first, !a.runningNonEnum, last != "、", last != "，", last != ",", typical != Int.max,
      Double(a.lastLength) < rules.fullLineRatio * Double(typical)
    {
      return false
    }
    if aRunning { return true }
    if typical != Int.max, Double(a.length) >= rules.fullLineRatio * Double(typical) { return true }
    return false
  }

  /// The number of Han characters (1…`field_label_max`) a line starts with before a colon (spaces allowed before it), nil
  /// for a line that is no field: `索引号：`, `发布机构:`, `来源：`, `牵头单位：`.
  func fieldLabelLength(_ s: [Unicode.Scalar], from: Int, to end: Int) -> Int? {
    guard rules.fieldLabelMax > 0 else { return nil }
    var i = from
    while i < end, i - from <= rules.fieldLabelMax, isIdeographic(s[i]) { i += 1 }
    guard i > from, i - from <= rules.fieldLabelMax else { return nil }
    let n = i - from
    while i < end, s[i] == CharClass.space || s[i] == "\u{3000}" { i += 1 }
    return i < end && (s[i] == "：" || s[i] == ":") ? n : nil
  }

  /// Longest start of a label (Han characters) looked for at a line's end by `labelWrapped`.
  static let wrappedLabelHead = 6

  /// Whether the Han characters ending line `a` and the field label starting line `b` (its `fieldLabel` characters and a
  /// colon) together are a label that `markers` matches whole (`配合` + `单位：`, `责任部` + `门：`): a label the printing
  /// width wrapped. Tried only where `b` is a field line and `a` ends with a Han character.
  func labelWrapped(_ s: [Unicode.Scalar], _ a: Info, _ b: Info, _ m: ICURegex) throws(ICUError) -> Bool {
    guard b.field, let ac = a.content, let bc = b.content, isIdeographic(s[ac.upperBound - 1]) else { return false }
    let label = Array(s[bc.lowerBound..<(bc.lowerBound + b.fieldLabel)]) + ["："]
    var head = 1
    while head <= Self.wrappedLabelHead, ac.upperBound - head >= ac.lowerBound, isIdeographic(s[ac.upperBound - head]) {
      let candidate = Array(s[(ac.upperBound - head)..<ac.upperBound]) + label
      if let end = try markerEnd(marker, m, candidate, 0..<candidate.count), end == candidate.count { return true }
      head += 1
    }
    return false
  }

  /// The line holds only a `table_header` word (spaces aside): the first cell of a table's header.
  func isTableHeader(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    isTableHeaderLine(line, words: rules.tableHeader)
  }

  func combine(_ a: Info, _ b: Info) -> Info {
    var c = a
    c.last = b.last
    c.length += b.length
    c.bodyLength += b.length
    c.runningNonEnum = a.runningNonEnum || b.runningNonEnum
    c.sentenceInside = a.sentenceInside || b.sentenceInside
    c.enumCommas += b.enumCommas
    c.lastScalar = b.lastScalar ?? a.lastScalar
    c.lastLength = b.lastLength
    c.opener = a.opener || b.opener
    c.titleEnding = b.titleEnding
    c.statementEnding = b.statementEnding
    c.wrapsLabel = b.wrapsLabel
    // a date joined from its two halves is a date line, standing alone
    c.dateHead = false
    if a.dateHead { c.standalone = true }
    return c
  }
}

/// Whether `needle` occurs in `buf` at `i`, ending at or before `end`.
@inline(__always) func startsAt<C: RandomAccessCollection<Unicode.Scalar>>(_ buf: C, _ i: Int, _ end: Int,
                                                                             _ needle: [Unicode.Scalar]) -> Bool
where C.Index == Int {
  guard i + needle.count <= end else { return false }
  for j in needle.indices where buf[i + j] != needle[j] { return false }
  return true
}

/// Does `start..<end` of `buf` end with one of `words` (a line with a title's ending, an issuer's name with its own)?
@inline(__always) func endsWithOne<C: RandomAccessCollection<Unicode.Scalar>>(of words: [[Unicode.Scalar]], _ buf: C,
                                                                              from start: Int, to end: Int) -> Bool
where C.Index == Int {
  words.contains { e in e.count <= end - start && startsAt(buf, end - e.count, end, e) }
}
