import GongwenCore

/// A notice whose line breaks a scrape turned into spaces (a law mirror's page printed on one line: `…的通知
/// 晋政发〔2006〕10号 各市、县人民政府,…: 《…》…落实。 二○○六年五月十一日 … 一、于幼军省长负责的工作 …`;
/// Corpus/heldout55 5602) gets them back. A line qualifies when it is at least `minLineLength` characters long and
/// holds at least `minBreaks` runs of spaces between two characters that are neither ASCII letters nor digits (or
/// before an item's number, `…牵头的工作 1.进一步…`), outside brackets and not after `、，；` (the list or sentence
/// goes on), with on average at least `minMeanSegment` characters between them (a PDF's spaced-out words, `服 务 费`,
/// do not). In such a line the runs at a strong boundary become line breaks: after a sentence end, a colon or a
/// closing bracket; before an opening bracket, a clause marker or an item's number; around a document number or an
/// attachment's label standing alone (`…任务分工 附件 整合…`); after an attachment's name, and after that name printed again
/// as the attachment's title (`附件：…预案 …预案 为落实…`); before an issuer's name followed by a date (`…各乡镇人民政府
/// 平潭综合实验区管委会办公室 2016年9月21日印发`, `signatureEndings`); before a recipients line after the title (`…的通知
/// 区直各单位，各乡镇人民政府：`, `titleEndings`). The
/// first space of a run becomes the line break and the others are deleted as layout; counted as
/// `flattened_line_breaks`. A space between two words of one sentence (a PDF's wrapped line, `有序开 发`) is left to
/// `cjk_spacing`, and so are spaces next to Latin letters or digits (`2012 年`, `Word 2007`).
///
/// A table run into such a line (a page's task table, its cells printed apart by spaces: `… 序号 项目名称 项目内容 投资额
/// … 负责事项 一、… 1 台湾国泰金控… 10 叶勤135… 郭小童 区财政金融局 …`; Corpus/heldout144 14401) is read one cell per line, as
/// Segment reads flattened tables: from a header word standing alone (`序号`, `line_join.table_header`) followed by at least
/// `tableMinColumns` column names (each at most `tableColumnMaxLength` characters, no sentence punctuation, not a number),
/// every run of spaces to the line's end becomes a line break, brackets, list commas and short pieces notwithstanding
/// (`flattened_table_cells`). Before the header the line is read as above, however few its breaks (the table is evidence
/// enough that the page was flattened).
struct FlattenedLinesStep: NormalizeStep {
  static let id = "flattened_lines"
  let minLineLength: Int
  let minBreaks: Int
  let minMeanSegment: Int
  /// Words a table's header starts with (`序号`); empty: tables run into a line are not looked for.
  var tableHeader: [[Unicode.Scalar]] = []
  var tableMinColumns = 0
  var tableColumnMaxLength = 16
  /// Endings of an issuer's name that start a signature or printing line run into the text (`signatureEndings`).
  var signatureEndings: [[Unicode.Scalar]] = []
  /// Endings of a notice's title (`line_join.title_endings`) after which a recipients line may start (empty: not looked for).
  var titleEndings: [[Unicode.Scalar]] = []
  /// Words one of which a recipients line run into a page's header holds, with no title ending before it (empty: not
  /// looked for).
  var recipientsWords: [[Unicode.Scalar]] = []

  /// Characters no column name holds (a sentence's punctuation).
  static let sentencePunctuation = ScalarSet("。！？；，,;!?")
  /// Punctuation that ends a sentence or clause: no recipients line holds it before its colon.
  static let sentenceEnds = ScalarSet("。！？；;!?")

  /// Where a table's header run into the line starts (the spaces before its first word, or the line's start): a
  /// `tableHeader` word standing alone between spaces, then at least `tableMinColumns` column names apart by spaces.
  func tableStart(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Int? {
    guard !tableHeader.isEmpty, tableMinColumns > 0 else { return nil }
    let space = CharClass.space
    var i = line.lowerBound
    while i < line.upperBound {
      // a token: i..<e
      var e = i
      while e < line.upperBound, s[e] != space { e += 1 }
      if e > i, i == line.lowerBound || s[i - 1] == space,
        tableHeader.contains(where: { $0.count == e - i && s[i..<e].elementsEqual($0) })
      {
        var columns = 0
        var k = e
        while k < line.upperBound, columns < tableMinColumns {
          while k < line.upperBound, s[k] == space { k += 1 }
          var f = k
          while f < line.upperBound, s[f] != space { f += 1 }
          guard f > k, f - k <= tableColumnMaxLength,
            !s[k..<f].contains(where: { Self.sentencePunctuation.contains($0) }),
            !s[k..<f].allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 })
          else { break }
          columns += 1
          k = f
        }
        if columns >= tableMinColumns {
          var t = i
          while t > line.lowerBound, s[t - 1] == space { t -= 1 }
          return t
        }
      }
      i = e + 1
    }
    return nil
  }

  /// Brackets: a space inside a pair is no line break (`(责任部门:省卫生厅、 招标采购局)`).
  static let opens = ScalarSet("(（[【〔《“")
  static let closes = ScalarSet(")）]】〕》”")
  /// Characters after which the sentence or list goes on: a space after them is no line break.
  static let continues = ScalarSet("、，,；;")

  @inline(__always) static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    return (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
  }

  /// Characters after which a space is a line break: sentence ends, colons, closing brackets and quotes.
  static let ends = ScalarSet("。！？；：:;!?）)」』”】］〕")
  /// Characters before which a space is a line break: opening brackets and title marks.
  static let startsNext = ScalarSet("（(《【［〔")
  static let chineseDigits = ScalarSet("一二三四五六七八九十百")

  /// Does a clause marker start at `q`: `一、`, `第一部分`, `第三条`…?
  static func startsMarker(_ s: [Unicode.Scalar], _ q: Int, _ end: Int) -> Bool {
    var k = q
    if k < end, s[k] == "第" { k += 1 }
    let digits = k
    while k < end, k - digits < 4, chineseDigits.contains(s[k]) { k += 1 }
    guard k > digits, k < end else { return false }
    if s[q] == "第" { return "部分章节条".unicodeScalars.contains(s[k]) }
    return s[k] == "、"
  }

  /// Is the space before or after a document number (`…的通知 晋政发〔2006〕10号 各市…`): a `〔` or `[` and four digits
  /// within the eight characters after it, or `号` after a digit before it?
  static func docNumberAround(_ s: [Unicode.Scalar], _ p: Int, _ q: Int, _ line: Range<Int>) -> Bool {
    if p >= line.lowerBound + 2, s[p - 1] == "号", s[p - 2].value >= 0x30 && s[p - 2].value <= 0x39 { return true }
    var k = q
    while k < min(line.upperBound - 5, q + 8) {
      if s[k] == "〔" || s[k] == "[" || s[k] == "［" {
        return (1...4).allSatisfy { s[k + $0].value >= 0x30 && s[k + $0].value <= 0x39 }
      }
      guard s[k] != CharClass.space else { return false }
      k += 1
    }
    return false
  }

  /// Does a number of at most three digits start at `q`, followed by `.`, `．` or `、` (an item's marker, `1.进一步…`)?
  static func startsItem(_ s: [Unicode.Scalar], _ q: Int, _ end: Int) -> Bool {
    var k = q
    while k < end, k - q < 3, s[k].value >= 0x30 && s[k].value <= 0x39 { k += 1 }
    return k > q && k < end && (s[k] == "." || s[k] == "．" || s[k] == "、")
  }

  /// Does a signature or printing line start at `q`: an issuer's name (Chinese characters only, at most 30, ending with one
  /// of `signatureEndings`), spaces, then a date `2016年9月21日` followed by a space, `印发` or the line's end (`…，各乡镇人民政府
  /// 平潭综合实验区管委会办公室 2016年9月21日印发 来源：…`, the last clause's label line run into the printing line; Corpus/heldout149
  /// 14902)?
  func startsSignature(_ s: [Unicode.Scalar], _ q: Int, _ end: Int) -> Bool {
    guard !signatureEndings.isEmpty else { return false }
    var k = q
    while k < end, k - q <= 30, isIdeographic(s[k]) { k += 1 }
    guard k - q >= 3, k - q <= 30, k < end, s[k] == CharClass.space,
      endsWithOne(of: signatureEndings, s, from: q, to: k)
    else { return false }
    while k < end, s[k] == CharClass.space { k += 1 }
    func digits(_ lo: Int, _ hi: Int) -> Bool {
      let f = k
      while k < end, k - f < hi, s[k].value >= 0x30 && s[k].value <= 0x39 { k += 1 }
      return k - f >= lo
    }
    guard digits(4, 4), k < end, s[k] == "年" else { return false }
    k += 1
    guard digits(1, 2), k < end, s[k] == "月" else { return false }
    k += 1
    guard digits(1, 2), k < end, s[k] == "日" else { return false }
    k += 1
    return k == end || s[k] == CharClass.space || (k + 1 < end && s[k] == "印" && s[k + 1] == "发")
  }

  /// Does a recipients line start at `q`, run into the title line before the space at `p` (`…补短板实施方案的通知 区直各单位，
  /// 各乡镇人民政府： 《…》…`; the Pingtan archive's pages, Corpus/heldout137–149)? The text before `p` ends with a title's
  /// ending (`titleEndings`), and a colon comes within 80 characters of `q` with no space, digit or sentence punctuation
  /// before it and at least three characters (`时间：` is a page's field). Or, with no title before it, the line's page
  /// furniture runs into it (`…的通知 时间：2020-05-01 10:35 微信 微博 QQ空间 各处（室）、分局，下属事业单位：为贯彻…`; Corpus/heldout163
  /// 16303): `p` comes before `headerEnd`, the line's first sentence end, and the part before the colon holds one of
  /// `recipientsWords`.
  func startsRecipients(_ s: [Unicode.Scalar], _ p: Int, _ q: Int, _ line: Range<Int>, headerEnd: Int) -> Bool {
    let afterTitle = endsWithOne(of: titleEndings, s, from: line.lowerBound, to: p)
    guard afterTitle || (p < headerEnd && !recipientsWords.isEmpty) else { return false }
    var k = q
    var colon: Int? = nil
    while k < line.upperBound, k - q <= 80 {
      let c = s[k]
      if c == "：" || c == ":" { colon = k; break }
      if c == CharClass.space || c.value >= 0x30 && c.value <= 0x39 || Self.sentenceEnds.contains(c) { return false }
      k += 1
    }
    guard let colon, colon - q >= 3 else { return false }
    if afterTitle { return true }
    return recipientsWords.contains { s[q..<colon].contains($0) }
  }

  /// The end of an attachment label starting at `q`: `附件` or `附表`, perhaps a number (`附件2`); nil when there is none.
  static func attachmentLabelEnd(_ s: [Unicode.Scalar], _ q: Int, _ end: Int) -> Int? {
    guard q + 1 < end, s[q] == "附", s[q + 1] == "件" || s[q + 1] == "表" else { return nil }
    var k = q + 2
    while k < end, k - q < 4, s[k].value >= 0x30 && s[k].value <= 0x39 { k += 1 }
    return k
  }

  /// Is the space at `q` (a run from `p` to `q`) on either side of an attachment's label standing alone (`…任务分工 附件
  /// 整合…任务分工 一、…`, a page's attachment run into its text; Corpus/heldout139 13902): before a label that a space or
  /// a colon follows, or after a label that a space or the line's start precedes. A label inside a sentence (`详见附件2`) is
  /// none.
  static func aroundAttachmentLabel(_ s: [Unicode.Scalar], _ p: Int, _ q: Int, _ line: Range<Int>) -> Bool {
    if let e = attachmentLabelEnd(s, q, line.upperBound), e < line.upperBound,
      s[e] == CharClass.space || s[e] == "：" || s[e] == ":"
    {
      return true
    }
    var k = p
    while k > line.lowerBound, k > p - 2, s[k - 1].value >= 0x30 && s[k - 1].value <= 0x39 { k -= 1 }
    guard k - 2 >= line.lowerBound, attachmentLabelEnd(s, k - 2, p) == p else { return false }
    return k - 2 == line.lowerBound || s[k - 3] == CharClass.space
  }

  /// Where the run of non-space characters ending at `p` starts (after a space, or at the line's start).
  static func wordStart(_ s: [Unicode.Scalar], _ p: Int, _ line: Range<Int>) -> Int {
    var a = p
    while a > line.lowerBound, s[a - 1] != CharClass.space { a -= 1 }
    return a
  }

  /// The name of an attachments label that a space or the line's start precedes, ending at `p` (`附件：名称`, `附件1：名称`): at
  /// least four characters and at most 60, no sentence punctuation.
  static func attachmentName(endingAt p: Int, _ s: [Unicode.Scalar], _ line: Range<Int>) -> Range<Int>? {
    let a = wordStart(s, p, line)
    guard let e = attachmentLabelEnd(s, a, p), e < p, s[e] == "：" || s[e] == ":" else { return nil }
    let name = (e + 1)..<p
    guard name.count >= 4, name.count <= 60, !s[name].contains(where: { sentencePunctuation.contains($0) }) else { return nil }
    return name
  }

  /// Is the space at `p` the end of an attachment's name (`…报送信息。 附件：…工作预案 …工作预案 为落实…`; Corpus/heldout157 15703): after
  /// `附件：名称`, or after that name printed again as the attachment's own title?
  static func afterAttachmentName(_ s: [Unicode.Scalar], _ p: Int, _ line: Range<Int>) -> Bool {
    if attachmentName(endingAt: p, s, line) != nil { return true }
    let a = wordStart(s, p, line)
    var r = a
    while r > line.lowerBound, s[r - 1] == CharClass.space { r -= 1 }
    guard r < a, r > line.lowerBound, let name = attachmentName(endingAt: r, s, line) else { return false }
    return s[name].elementsEqual(s[a..<p])
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let s = text.scalars
    // (the cheap test first, on the raw buffer: a line long enough holding at least `minBreaks` spaces)
    var candidates: [Range<Int>] = []
    s.withUnsafeBufferPointer { buf in
      var start = 0
      var spaces = 0
      let space = CharClass.space, newline = CharClass.newline
      for i in 0..<buf.count {
        let c = buf[i]
        if c == newline {
          if i - start >= minLineLength, spaces >= minBreaks { candidates.append(start..<i) }
          start = i + 1
          spaces = 0
        } else if c == space {
          spaces += 1
        }
      }
      if buf.count - start >= minLineLength, spaces >= minBreaks { candidates.append(start..<buf.count) }
    }
    guard !candidates.isEmpty else { return }
    var breaks: [Int] = []
    var dels = Deletions()
    var tableCells = 0
    for whole in candidates {
      // (a table run into the line: from its header on, every run of spaces is a line break between two cells)
      var line = whole
      var cellRuns: [Range<Int>] = []
      if let t = tableStart(s, whole) {
        line = whole.lowerBound..<t
        var p = t
        while p < whole.upperBound {
          guard s[p] == CharClass.space else { p += 1; continue }
          var q = p
          while q < whole.upperBound, s[q] == CharClass.space { q += 1 }
          if p > whole.lowerBound, q < whole.upperBound { cellRuns.append(p..<q) }
          p = q
        }
      }
      var runs: [Range<Int>] = []
      var strong: [Range<Int>] = []
      var depth = 0
      // (the line's page header ends at its first sentence end: a recipients line may run into it)
      let headerEnd = recipientsWords.isEmpty ? line.lowerBound
        : (line.lowerBound..<line.upperBound).first(where: { Self.sentenceEnds.contains(s[$0]) }) ?? line.upperBound
      // (brackets counted on the raw buffer: most characters are none of them)
      var p = line.lowerBound
      while p < line.upperBound - 1 {
        let c = s[p]
        guard c == CharClass.space, p > line.lowerBound else {
          let v = c.value
          // (Chinese characters, most of a line, are no bracket)
          if v &- 0x4E00 >= 0x5200 {
            if v < 0x80 ? (v == 0x28 || v == 0x5B) : Self.opens.contains(c) {
              depth += 1
            } else if v < 0x80 ? (v == 0x29 || v == 0x5D) : Self.closes.contains(c) {
              depth = max(0, depth - 1)
            }
          }
          p += 1
          continue
        }
        var q = p
        while q < line.upperBound, s[q] == CharClass.space { q += 1 }
        let before = s[p - 1]
        // (after a numbered attachment label, `附件2 平潭…汇总表`, the digit before the space does not keep it a space)
        if q < line.upperBound, depth == 0, !Self.continues.contains(before),
          !Self.isASCIIAlnum(before) && (!Self.isASCIIAlnum(s[q]) || Self.startsItem(s, q, line.upperBound))
            || Self.isASCIIAlnum(before) && Self.aroundAttachmentLabel(s, p, q, line)
        {
          // a strong boundary: after a sentence end, a colon or a closing bracket, or before an opening one or a
          // clause marker; a space between two words of one sentence (a PDF's wrapped line, `有序开 发`) is not
          if Self.ends.contains(before) || Self.startsNext.contains(s[q]) || Self.startsItem(s, q, line.upperBound)
            || Self.startsMarker(s, q, line.upperBound) || Self.docNumberAround(s, p, q, line)
            || Self.aroundAttachmentLabel(s, p, q, line) || Self.afterAttachmentName(s, p, line)
            || startsSignature(s, q, line.upperBound)
            || startsRecipients(s, p, q, line, headerEnd: headerEnd)
          {
            strong.append(p..<q)
          }
          runs.append(p..<q)
        }
        p = q
      }
      // (a table run into the line is evidence enough that the line is a flattened page)
      if cellRuns.isEmpty, runs.count < minBreaks || line.count / (runs.count + 1) < minMeanSegment { strong = [] }
      tableCells += cellRuns.count
      for r in strong + cellRuns {
        breaks.append(r.lowerBound)
        if r.count > 1 {
          dels.delete((r.lowerBound + 1)..<r.upperBound, of: text, reason: "whitespace", rule: Self.id, layout: true, &ctx)
        }
      }
    }
    guard !breaks.isEmpty else { return }
    ctx.count("flattened_line_breaks", breaks.count - tableCells)
    if tableCells > 0 { ctx.count("flattened_table_cells", tableCells) }
    for b in breaks { text.scalars[b] = CharClass.newline }
    dels.apply(to: &text, &ctx)
  }
}
