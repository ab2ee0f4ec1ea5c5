import GongwenCore
import ICUKit

/// Document metadata: title, 发文字号, issuer, dates, recipients, attachments and, for a forwarding
/// notice (转发…的通知), the forwarded notice. Everything is looked for in the preamble (the text before
/// the first clause) except signatures and attachments, which may also close the notice.
extension SegmentRun {
  struct TitleHit {
    /// Start of the line holding the title.
    var line: Int
    var range: Range<Int>
    var text: String
    /// The title as published: `text` with the issuer that starts its line (GB/T 9704-2012 7.3.3:
    /// 发文机关名称 + 事由 + 文种, `立山区人民政府关于印发…的通知`), else `text`.
    var fullText: String
    /// Issuer written on the line above the title, or before it on the same line in a header the
    /// line joining ran together (…的通知临政办发〔2012〕64号).
    var issuer: String?
  }

  mutating func metadata(pageTitle: String?, pagePublished: String?) throws(StageFailure) -> NoticeMetadata {
    var md = NoticeMetadata()
    // these rules only look at the preamble (plus a margin for a title running past the first clause)
    for m in [docNumber, cues, exclude] + [decreeNumber, passageNote].compactMap({ $0 }) { m.limit = min(n, preambleEnd + 300) }
    let titles = try findTitles()
    var forwardedStart: Int? = nil
    var forwarded: ForwardedNotice? = nil
    var quotedIssuer: String? = nil

    if let outer = titles.first {
      md.title = outer.fullText
      // a page's title field without the issuer (标题：关于…的通知) and the body's header printing the same title
      // after it (平潭综合实验区管委会办公室关于…的通知): the title as published is the body's (the shortest such, not
      // one run into the page's breadcrumbs: 首页政务公开…文件平潭综合实验区管委会关于…)
      if outer.fullText == outer.text,
        let full = titles.dropFirst().filter({ $0.text == outer.text && $0.fullText.count > outer.text.count })
          .min(by: { $0.fullText.count < $1.fullText.count })
      {
        md.title = full.fullText
      }
      // the reverse: a page's headline printing the issuer before the title (三门峡市人民政府办公室关于…的通知) and the body's cover
      // printing the same title under an issuer line: the title is the cover's, without that line (seed 001's convention;
      // Corpus/heldout68 6802, heldout32 3303)
      if outer.fullText != outer.text,
        titles.dropFirst().contains(where: { $0.text == outer.text && $0.range.lowerBound == $0.line && $0.issuer != nil })
      {
        md.title = outer.text
      }
      var ts = Array(outer.text.unicodeScalars)
      // 关于转发…的通知 is a forwarding notice too: look past a leading 关于
      var wrapped = false
      if let w = rules.titleStarts.first(where: { ts.starts(with: $0) && !rules.forwardStarts.contains($0) }),
        rules.forwardStarts.contains(where: { Array(ts.dropFirst(w.count)).starts(with: $0) })
      {
        ts = Array(ts.dropFirst(w.count))
        wrapped = true
      }
      if let fw = rules.forwardStarts.first(where: { ts.starts(with: $0) }) {
        var f = ForwardedNotice()
        // (the outer title again, a page's header and its body both printing it, is no forwarded notice's header;
        // Corpus/heldout121 12102, heldout122 12204)
        if let inner = titles.dropFirst().first(where: { $0.text != outer.text }) {
          f.title = inner.text
          f.issuer = inner.issuer
          forwardedStart = inner.line
        } else {
          // no header of the forwarded notice: everything found belongs to the outer one
          forwardedStart = n
        }
        // 转发<issuer>关于…的通知: the part between the verb and the inner title start
        var rest = Array(ts.dropFirst(fw.count))
        // 关于转发…关于做好X的通知的通知: the outer title's own ending is not part of the inner one
        if wrapped, let e = rules.titleEndings.first(where: { e in
          rest.count >= 2 * e.count && Array(rest.suffix(e.count)) == e
            && rules.titleEndings.contains { Array(rest.dropLast(e.count).suffix($0.count)) == $0 }
        }) {
          rest = Array(rest.dropLast(e.count))
        }
        var cut: Int? = nil
        for i in 0..<rest.count where cut == nil {
          for w in rules.titleStarts where i + w.count <= rest.count && Array(rest[i..<(i + w.count)]) == w {
            cut = i
            break
          }
        }
        // 转发<issuer>制订的《X》的通知: the quoted name is the forwarded notice, and a line printing it alone (no issuer
        // before it to make it a title hit: 宝山区关于…的工作意见, Corpus/heldout153 15303) is its header
        if f.title == nil, let q = quotedName(rest) {
          f.title = q
          if let line = lineHolding(q, after: outer.line) { forwardedStart = line }
          // (and the body before the quote is its issuer, 转发区建设管理委制订的《…》的通知 → 区建设管理委, unless the forwarded
          // notice's own signature names it in full, below; Corpus/heldout104 10402, heldout112 11204, heldout120 12004)
          quotedIssuer = quotedNameIssuer(rest)
        }
        if let cut {
          if f.title == nil {
            var inner = Array(rest[cut...])
            // (转发X关于Y实施方案的通知: a plan's or an opinion's title ends with its own kind, and 的通知 is the outer notice's;
            // 转发国务院关于开展…普查的通知 forwards a 通知; Corpus/heldout60 6101, 6102, heldout76 7602)
            if let e = rules.titleEndings.first(where: { $0.first == "的" && inner.count > $0.count && inner.suffix($0.count).elementsEqual($0) }),
              rules.titleEndings.contains(where: { w in w.first != "的" && inner.count - e.count > w.count
                && inner.dropLast(e.count).suffix(w.count).elementsEqual(w) })
            {
              inner.removeLast(e.count)
            }
            f.title = String(String.UnicodeScalarView(inner))
          }
          let who = rest[..<cut].filter { isHan($0) }
          if f.issuer == nil, !who.isEmpty, who.count == cut, cut <= 40 {
            f.issuer = String(String.UnicodeScalarView(who))
          }
        }
        forwarded = f
      }
      md.issuer = outer.issuer
    } else if let field = try fieldTitle() {
      md.title = field
    } else if let pageTitle, !pageTitle.isEmpty {
      md.title = pageTitle
    } else if let line = standaloneTitle() {
      md.title = line
    }

    // 发文字号 (or a decree's number where there is none)
    var numbers = try docNumbers()
    if numbers.isEmpty, let d = try decreeNumberInPreamble() { numbers = [d] }
    if let fs = forwardedStart {
      md.docNumber = numbers.first { $0.0 < fs }?.1
      forwarded?.docNumber = numbers.first { $0.0 >= fs }?.1
    } else {
      md.docNumber = numbers.first?.1
    }

    // signatures: date and issuer
    if let fs = forwardedStart {
      if let sig = signature(last: true, where: { $0.dateRange.lowerBound < fs }) {
        md.date = sig.date
        if let who = sig.issuer { md.issuer = who }
      }
      if let sig = signature(last: false, where: { $0.dateRange.lowerBound >= fs }) {
        forwarded?.date = sig.date
        if forwarded?.issuer == nil { forwarded?.issuer = sig.issuer }
      }
      if forwarded?.issuer == nil { forwarded?.issuer = quotedIssuer }
    } else if let sig = signature(last: false, where: { _ in true }) {
      md.date = sig.date
      if let who = sig.issuer { md.issuer = who }
    }
    // (a signature run into the closing text with no sentence end before it: the title's issuer and a date)
    if md.date == nil, forwardedStart == nil, let t = md.title, let outer = titles.first, t.count > outer.text.count,
      t.hasSuffix(outer.text), let sig = try titleIssuerSignature(String(t.dropLast(outer.text.count)))
    {
      md.date = sig.date
      md.issuer = sig.issuer
    }
    md.published = labelledDate(rules.publishedLabels)
    if md.published == nil, let page = pagePublished { md.published = try parseDate(page) }

    // (a signature whose date lost its 年月日, where no other signature dates the notice)
    if md.date == nil, forwardedStart == nil, let sig = try digitDateSignature(published: md.published) {
      md.issuer = sig.issuer
      md.date = sig.date
    }
    // (a regulation's passage note, where no signature gives the date or the issuer)
    if md.date == nil || md.issuer == nil, let note = try passageNoteInPreamble() {
      if md.date == nil { md.date = note.date }
      if md.issuer == nil { md.issuer = note.issuer }
    }
    // (a dated note under the title, as opinions and regulations print their date: `（2023年2月8日）`)
    if md.date == nil || md.issuer == nil, forwardedStart == nil, let note = try titleNote() {
      if md.date == nil { md.date = note.date }
      if md.issuer == nil, let who = note.issuer { md.issuer = who }
    }
    // (a decree's issuer, 北京市人民政府令 / 第233号; else an issuer line printed under the title, as law sites print a regulation)
    if md.issuer == nil { md.issuer = try decreeIssuer() }
    if md.issuer == nil, let line = titles.first.map({ $0.range }) ?? standaloneTitleLine() {
      md.issuer = try issuerBelow(line)
    }
    if md.date == nil { md.date = labelledDate(rules.dateLabels) }
    if md.issuer == nil { md.issuer = try labelledIssuer() }
    // (a bare label's date, 时间:2023-07-11, unless it is years after the notice's own date: a law site's or a library's
    // date of posting a copy, `时间:2024-05-18 02:00:56 来源: 法律资料网` over a decree of 2011; Corpus/heldout86 8606)
    // (or years after the year its doc number gives, 湘政办发〔2009〕24号 under `时间:2019-05-14`; Corpus/heldout41 4203)
    if md.published == nil, let bare = labelledDate(rules.publishedBareLabels, bare: true),
      md.date.map({ Self.publishedSoonAfter(bare, $0) }) ?? md.docNumber.flatMap(Self.yearOf).map({ Self.publishedSoonAfter(bare, "\($0)") })
        ?? true
    {
      md.published = bare
    }

    md.recipients = try recipients(numbers: numbers)
    md.attachments = try attachments(issuer: md.issuer)
    md.forwarded = forwarded
    return md
  }

  /// The name quoted in a forwarding title's rest (`区消防支队制订的《X》的通知` → X): one pair of title quotes, closed by
  /// nothing but a title ending.
  func quotedName(_ rest: [Unicode.Scalar]) -> String? {
    guard let open = rest.firstIndex(where: { rules.titleQuotes[$0] != nil }), let close = rules.titleQuotes[rest[open]],
      let end = rest[(open + 1)...].firstIndex(of: close), end > open + 1
    else { return nil }
    let tail = Array(rest[(end + 1)...].filter { !isHSpace($0) })
    guard tail.isEmpty || rules.titleEndings.contains(tail) else { return nil }
    return String(String.UnicodeScalarView(rest[(open + 1)..<end]))
  }

  /// The body named before the quoted name in a forwarding title's rest (`区建设管理委制订的《X》的通知` → 区建设管理委, `市住房城乡建设
  /// 管理委、市房屋管理局《X》` → as written): Han characters and `、` only, at most 40, without a `forward_issuer_tails` word.
  func quotedNameIssuer(_ rest: [Unicode.Scalar]) -> String? {
    guard let open = rest.firstIndex(where: { rules.titleQuotes[$0] != nil }), open > 0 else { return nil }
    var who = Array(rest[..<open])
    if let tail = rules.forwardIssuerTails.first(where: { who.count > $0.count && who.suffix($0.count).elementsEqual($0) }) {
      who.removeLast(tail.count)
    }
    guard who.count >= 2, who.count <= 40, who.allSatisfy({ isHan($0) || $0 == "、" }), who.last != "、" else { return nil }
    return String(String.UnicodeScalarView(who))
  }

  /// The start of the first preamble line after `from`'s line whose text, spaces aside, is `text`.
  func lineHolding(_ text: String, after from: Int) -> Int? {
    var ls = lineEnd(from) + 1
    while ls < min(preambleEnd, n) {
      let le = lineEnd(ls)
      let line = trimmed(ls..<le)
      if !line.isEmpty, compact(line) == text { return line.lowerBound }
      ls = le + 1
    }
    return nil
  }

  // MARK: Titles

  /// Lines in the preamble that start with a title word (关于/转发/印发), possibly after an issuer, and
  /// run (across at most three line breaks) to a title ending (的通知 …) before any stop character.
  func findTitles() throws(StageFailure) -> [TitleHit] {
    var out: [TitleHit] = []
    var ls = 0
    while ls < min(preambleEnd, n) {
      let le = lineEnd(ls)
      let line = trimmed(ls..<le)
      ls = le + 1
      guard !line.isEmpty else { continue }
      // a page field's label before the title (标题：…, 标题 …): the title starts after it
      var from = afterFieldLabel(line)
      // a header run together on one line, doc number first (岚综管办〔2015〕113号平潭…办公室关于印发…的通知区直各单位，…:
      // a flattened web page, Corpus/heldout142): the issuer and title start after the number
      if let m = try? docNumber.get().lookingAt(from), m.range.lowerBound == from, m.range.upperBound < line.upperBound {
        from = m.range.upperBound
        while from < line.upperBound, isHSpace(s[from]) { from += 1 }
      }
      var start: Int? = nil
      var prefixIssuer: String? = nil
      var p = from
      let limit = min(line.upperBound, from + 41)
      while p < limit, start == nil {
        if rules.titleStarts.contains(where: { hasPrefix($0, at: p) }) {
          if p == from {
            start = p
          } else if let m = try issuerPrefix.lookingAt(from..<line.upperBound), m.upperBound == p {
            start = p
            prefixIssuer = compact(from..<p)
          }
        }
        p += 1
      }
      guard let st = start, let end = try titleEnd(from: st) else { continue }
      var issuer = prefixIssuer
      var full = compact(st..<end)
      if prefixIssuer != nil {
        // the issuer is part of a title printed on one line, unless the doc number follows on that
        // line too: then the whole header was run together (issuer line, title, doc number)
        var k = end
        while k < n, isHSpace(s[k]) { k += 1 }
        var runTogether = false
        if k < n, let m = try? docNumber.get().lookingAt(k), m.range.lowerBound == k { runTogether = true }
        if !runTogether {
          full = compact(from..<end)
          issuer = nil
        }
      }
      if issuer == nil, let prev = previousLine(line.lowerBound), try isIssuerLine(prev) {
        issuer = try issuerText(prev)
      }
      out.append(TitleHit(line: line.lowerBound, range: st..<end, text: compact(st..<end), fullText: full, issuer: issuer))
      // a title that ran over several lines: continue after it
      if end > le { ls = lineEnd(end) + 1 }
    }
    return out
  }

  /// The value of a page's title field (`title_field_labels`: `标题：罗店镇市容环境常态化管理考核实施意见`), for a notice none of
  /// whose lines starts with a title word: up to its last title ending (with a note after it, `（2024-2026年）`), else the whole
  /// value when it holds no stop character; the value ends where another field's label follows a space (`名称: X 文号:`).
  func fieldTitle() throws(StageFailure) -> String? {
    guard !rules.titleFieldLabels.isEmpty else { return nil }
    for line in preambleLines() {
      guard let label = rules.titleFieldLabels.first(where: { line.count > $0.count && hasPrefix($0, at: line.lowerBound) })
      else { continue }
      var k = line.lowerBound + label.count
      while k < line.upperBound, isHSpace(s[k]) { k += 1 }
      // (the label's colon, or at least a space: 标题栏 is no label)
      if k < line.upperBound, s[k] == "：" || s[k] == ":" {
        k += 1
      } else if k == line.lowerBound + label.count {
        continue
      }
      while k < line.upperBound, isHSpace(s[k]) { k += 1 }
      var valueEnd = line.upperBound
      var q = k
      while q < valueEnd {
        if isHSpace(s[q]), let next = (q + 1..<valueEnd).first(where: { !isHSpace(s[$0]) }),
          rules.fieldLabels.contains(where: { hasPrefix($0, at: next) })
        {
          valueEnd = q
        }
        q += 1
      }
      while valueEnd > k, isHSpace(s[valueEnd - 1]) { valueEnd -= 1 }
      guard k < valueEnd else { continue }
      if let e = try titleEnd(from: k), e <= valueEnd { return compact(k..<e) }
      guard valueEnd - k <= rules.titleMaxLength, !holdsTitleStop(k..<valueEnd) else { return nil }
      return compact(k..<valueEnd)
    }
    return nil
  }

  /// The first preamble line that is a title on its own (`大同市殡葬管理办法`, `抚顺市烟花爆竹安全管理规定`): at least
  /// six characters and at most `title_max_length`, ending with one of `standalone_title_endings`, holding no
  /// stop character or sentence end, for a notice none of whose lines starts with a title word and with no title field.
  func standaloneTitle() -> String? {
    standaloneTitleLine().map(compact)
  }

  /// The line `standaloneTitle` reads.
  func standaloneTitleLine() -> Range<Int>? {
    guard !rules.standaloneTitleEndings.isEmpty else { return nil }
    for line in preambleLines() {
      guard line.count >= 6, line.count <= rules.titleMaxLength else { continue }
      let sc = Array(compact(line).unicodeScalars)
      guard rules.standaloneTitleEndings.contains(where: { sc.count > $0.count && sc.suffix($0.count).elementsEqual($0) })
      else { continue }
      if holdsTitleStop(line) || line.contains(where: { s[$0] == "。" }) { continue }
      return line
    }
    return nil
  }

  /// The issuer line right under a title that ends its line (a law site's header: `西宁市人民政府关于印发…的通知` / `青海省西宁市人民政府`
  /// / the title again; Corpus/heldout41 4202, 4204, 4201, heldout117 11705, heldout115 11505), within the preamble.
  func issuerBelow(_ title: Range<Int>) throws(StageFailure) -> String? {
    guard title.upperBound > title.lowerBound, title.upperBound <= n else { return nil }
    var e = title.upperBound
    while e < n, isHSpace(s[e]) { e += 1 }
    guard e >= n || s[e] == "\n", let next = nextLine(after: title.upperBound - 1), next.lowerBound < preambleEnd,
      try isIssuerLine(next)
    else { return nil }
    return try issuerText(next)
  }

  /// The issuer of a decree whose number the preamble prints (`decree_number`): the office before its 令 or 第 (北京市人民政府令 /
  /// 第233号 → 北京市人民政府, 上海市人民政府第65号令 → 上海市人民政府), when the issuer pattern reads it whole; none for 渝府令第121号,
  /// nor for an office named without its place (市人民政府令第129号: the issuer line under the title names it; Corpus/heldout86 8606).
  func decreeIssuer() throws(StageFailure) -> String? {
    guard let r = try decreeInPreamble() else { return nil }
    var e = r.lowerBound
    while e < r.upperBound, isHan(s[e]), s[e] != "令", s[e] != "第" { e += 1 }
    let who = r.lowerBound..<e
    guard who.count >= 4, !Self.placeLevels.contains(s[who.lowerBound]), let w = try issuerLine.lookingAt(who), w.upperBound >= e else { return nil }
    return text(who)
  }

  /// A dated note under a title (题注): a preamble line that opens with a bracket and a date, perhaps after a doc number, as
  /// opinions, regulations and decrees print their date (`（2023年2月8日）`, `(1995年10月7日 日照市人民政府)`, `(淄发[1994]34号
  /// 1994年11月11日)`, `(2002年12月18日上海市人民政府令第129号发布)`; Corpus/heldout102 10201, heldout115 11503, 11506, heldout94
  /// 9401, heldout6 703). The date, and the office named right after it (before the bracket's end, a decree's 令 or 第, or a doc
  /// number), if any. The first such line only.
  func titleNote() throws(StageFailure) -> (date: String, issuer: String?)? {
    for line in preambleLines() where isOpenBracket(s[line.lowerBound]) {
      var k = line.lowerBound + 1
      while k < line.upperBound, isHSpace(s[k]) { k += 1 }
      if let m = try? docNumber.get().lookingAt(k), m.range.lowerBound == k {
        k = m.range.upperBound
        while k < line.upperBound, isHSpace(s[k]) { k += 1 }
      }
      guard let date = datesAt[k] else { continue }
      // (the office after the date: from its 日 on)
      var e = k
      while e < min(line.upperBound, k + 20), s[e] != "日" { e += 1 }
      guard e < line.upperBound, s[e] == "日" else { return (date, nil) }
      e += 1
      while e < line.upperBound, isHSpace(s[e]) { e += 1 }
      guard e + 2 <= line.upperBound, !Self.placeLevels.contains(s[e]) else { return (date, nil) }
      // (the office is what the issuer pattern reads whole up to one of those ends)
      for a in (e + 2)..<min(line.upperBound, e + 41) + 1 {
        guard a == line.upperBound || isHSpace(s[a]) || isCloseBracket(s[a]) || s[a] == "令" || s[a] == "第"
          || (try? docNumber.get().lookingAt(a))?.range.lowerBound == a
        else { continue }
        if let m = try issuerLine.lookingAt(e..<a), m.upperBound >= a { return (date, text(e..<a)) }
      }
      return (date, nil)
    }
    return nil
  }

  /// Whether ISO date `published` is on or after ISO date `date` and in the same or the next year.
  static func publishedSoonAfter(_ published: String, _ date: String) -> Bool {
    guard published >= date, let py = Int(published.prefix(4)), let dy = Int(date.prefix(4)) else { return false }
    return py - dy <= 1
  }

  /// The year a doc number gives in its brackets (`湘政办发〔2009〕24号` → 2009).
  static func yearOf(_ docNumber: String) -> Int? {
    let sc = Array(docNumber.unicodeScalars)
    guard let o = sc.firstIndex(where: { "〔［[【(（".unicodeScalars.contains($0) }), o + 5 < sc.count,
      sc[(o + 1)...(o + 4)].allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 })
    else { return nil }
    return Int(String(String.UnicodeScalarView(sc[(o + 1)...(o + 4)])))
  }

  /// A digit of a date, Arabic or Chinese (the character before a date's 日).
  func isDateDigit(_ c: Unicode.Scalar) -> Bool {
    (c.value >= 0x30 && c.value <= 0x39) || "〇○零一二三四五六七八九十".unicodeScalars.contains(c)
  }

  /// Levels of a jurisdiction, which start an office's name only when its place is left out (市人民政府).
  static let placeLevels: Set<Unicode.Scalar> = ["省", "市", "县", "区", "州"]

  /// A signature whose date lost its 年, 月 and 日 (a page that drew them as images): a line of nothing but a year's four digits
  /// and two to four more, perhaps with 日, under an issuer line (`重庆市沙坪坝区人民政府办公室` / `2022121日`; Corpus/heldout9 1003,
  /// heldout45 4602, heldout11 1204, heldout3 412). The issuer is that line (and those above it, as `signature` reads them); the
  /// date is the one reading of the digits that is a valid date, or else the one that is the page's publication date
  /// (`published`): `2021312` is 2021-03-12; `2022121` is 2022-01-21 or 2022-12-01, decided only by a publication date of either.
  func digitDateSignature(published: String?) throws(StageFailure) -> (issuer: String, date: String?)? {
    var ls = 0
    while ls < n {
      let le = lineEnd(ls)
      let line = trimmed(ls..<le)
      ls = le + 1
      guard line.count >= 6, line.count <= 9 else { continue }
      var digits: [Int] = []
      var ok = true
      for p in line {
        let v = s[p].value
        if v >= 0x30, v <= 0x39 {
          digits.append(Int(v - 0x30))
        } else if p + 1 != line.upperBound || s[p] != "日" {
          ok = false
          break
        }
      }
      guard ok, (6...8).contains(digits.count), digits[0] == 1 && digits[1] == 9 || digits[0] == 2 && digits[1] == 0,
        let prev = previousLine(line.lowerBound), try isIssuerLine(prev)
      else { continue }
      let y = digits[0..<4].reduce(0) { $0 * 10 + $1 }
      let r = Array(digits[4...])
      let readings: [(Int, Int)]
      switch r.count {
      case 2: readings = [(r[0], r[1])]
      case 3: readings = [(r[0], r[1] * 10 + r[2]), (r[0] * 10 + r[1], r[2])]
      default: readings = [(r[0] * 10 + r[1], r[2] * 10 + r[3])]
      }
      let dates = readings.compactMap { formatDate(y, $0.0, $0.1) }
      let date = dates.count == 1 ? dates[0] : dates.first { $0 == published }
      return (try issuerBlock(above: prev).issuer, date)
    }
    return nil
  }

  /// The preamble's lines, trimmed, the empty ones left out.
  func preambleLines() -> [Range<Int>] {
    var out: [Range<Int>] = []
    var ls = 0
    while ls < min(preambleEnd, n) {
      let le = lineEnd(ls)
      let line = trimmed(ls..<le)
      if !line.isEmpty { out.append(line) }
      ls = le + 1
    }
    return out
  }

  /// Whether `r` holds a `title_stops` character other than a dash between digits (a year range).
  func holdsTitleStop(_ r: Range<Int>) -> Bool {
    r.contains { rules.titleStops.contains(s[$0]) && !isRangeDash($0) }
  }

  /// Where a line's content starts after a leading page-field label (`field_labels`: 标题：, 文号 …),
  /// its colon and spaces; the line's start when it has none.
  func afterFieldLabel(_ line: Range<Int>) -> Int {
    for w in rules.fieldLabels where line.count > w.count && hasPrefix(w, at: line.lowerBound) {
      var k = line.lowerBound + w.count
      while k < line.upperBound, isHSpace(s[k]) { k += 1 }
      if k < line.upperBound, s[k] == "：" || s[k] == ":" { k += 1 }
      while k < line.upperBound, isHSpace(s[k]) { k += 1 }
      if k < line.upperBound { return k }
    }
    return line.lowerBound
  }

  func titleEnd(from st: Int) throws(StageFailure) -> Int? {
    var j = st
    var lastEnd: Int? = nil
    var breaks = 0
    let limit = min(n, st + rules.titleMaxLength)
    while j < limit {
      let c = s[j]
      if c == "\n" {
        breaks += 1
        if breaks > 3 { break }
        // a blank line, or a line holding the doc number, ends the title
        var k = j + 1
        while k < n, isHSpace(s[k]) { k += 1 }
        if k >= n || s[k] == "\n" { break }
        if let m = try? docNumber.get().lookingAt(k), m.range.lowerBound == k { break }
        if let m = try? docNumber.get().lookingAt(k + 1), isOpenBracket(s[k]), m.range.lowerBound == k + 1 { break }
        // a line that ended with a title's ending is the whole title unless the next line goes on with an ending
        // (…的通知 / 的通知); a page headline and the cover's title lines under it are two titles (Corpus/heldout68 6802)
        if lastEnd == j, !rules.titleEndings.contains(where: { hasPrefix($0, at: k) }) { break }
      } else if let close = rules.titleQuotes[c] {
        // a quoted name (关于印发《…实施方案》的通知): skipped whole, its words are not the title's
        // ending; unclosed within the title's length, or closed after a stop, it ends the title
        // (a dash between digits is a year range, no stop: 《…行动方案（2025-2030年）》)
        var k = j + 1
        while k < limit, s[k] != close, s[k] != "\n", !rules.titleStops.contains(s[k]) || isRangeDash(k) { k += 1 }
        guard k < limit, s[k] == close else { break }
        j = k
        // a page title that ends with the name it issues (上海市人民政府办公厅印发《…的若干意见》): the
        // quote's close, at the end of its line, is an ending
        var e = k + 1
        while e < n, isHSpace(s[e]) { e += 1 }
        if e == n || s[e] == "\n" { lastEnd = max(lastEnd ?? 0, k + 1) }
      } else if rules.titleStops.contains(c) {
        break
      } else {
        // a title run into its doc number (…责任单位的通知豫政〔2023〕5号现将…予以分解): the number ends it
        if lastEnd == j, let m = try? docNumber.get().lookingAt(j), m.range.lowerBound == j { break }
        for w in rules.titleEndings where hasPrefix(w, at: j) {
          lastEnd = max(lastEnd ?? 0, j + w.count)
          // a note of the title's own after its ending (…实施方案（2024-2026年）, …办法（试行）)
          let after = j + w.count
          if let titleEndNote, after < n, isOpenBracket(s[after]),
            let m = try titleEndNote.lookingAt(after..<min(n, after + 40))
          {
            lastEnd = max(lastEnd ?? 0, m.upperBound)
          }
        }
      }
      j += 1
    }
    return lastEnd
  }

  /// Whether `s[k]` is a hyphen or dash between two digits (2025-2030).
  func isRangeDash(_ k: Int) -> Bool {
    (s[k] == "-" || s[k] == "－") && k > 0 && k + 1 < n && s[k - 1].properties.numericType == .decimal
      && s[k + 1].properties.numericType == .decimal
  }

  // MARK: Doc numbers

  /// A regulation's passage note in the preamble (`metadata.passage_note`: `2021年11月26日 丽水市第四届人民代表大会常务委员会
  /// 第三十四次会议通过`): its date (ISO) and the body that passed it.
  func passageNoteInPreamble() throws(StageFailure) -> (date: String, issuer: String)? {
    guard let passageNote, let rule = rules.passageNote, let m = try find(passageNote, from: 0), m.range.lowerBound < preambleEnd
    else { return nil }
    func group(_ g: Int) -> Range<Int>? { g >= 1 && g <= m.groups.count ? m.groups[g - 1] : nil }
    guard let y = group(rule.y).flatMap(writtenNumber), let mo = group(rule.m).flatMap(writtenNumber),
      let d = group(rule.d).flatMap(writtenNumber), let date = formatDate(y, mo, d), let who = group(rule.issuer)
    else { return nil }
    return (date, compact(who))
  }

  /// A decree's number (`decree_number`: 北京市人民政府令 / 第233号) in the preamble; looked for only when the preamble
  /// holds 令 at all.
  func decreeNumberInPreamble() throws(StageFailure) -> (Int, String)? {
    guard let r = try decreeInPreamble() else { return nil }
    // (its number's round brackets dropped: 锦州市人民政府令（第1号） is 锦州市人民政府令第1号)
    return (r.lowerBound, compact(r).filter { !"（）()".contains($0) })
  }

  /// Where `decree_number` matches first, in the preamble.
  func decreeInPreamble() throws(StageFailure) -> Range<Int>? {
    guard let decreeNumber else { return nil }
    let hi = min(n, preambleEnd + 300)
    guard s[0..<hi].contains("令"), let m = try find(decreeNumber, from: 0), m.range.lowerBound < preambleEnd else { return nil }
    return m.range
  }

  /// 发文字号 in the preamble that are not citations (a citation follows 《…》 or a Han word, as in
  /// `《关于…的通知》（淄政办发〔2013〕57号）`). Sorted by position.
  func docNumbers() throws(StageFailure) -> [(Int, String)] {
    var out: [(Int, String)] = []
    var from = 0
    var citationEnd: Int? = nil
    while from < preambleEnd, let m = try find(docNumber, from: from) {
      var r = m.range
      from = max(r.upperBound, r.lowerBound + 1)
      if r.lowerBound >= preambleEnd { break }
      // a date's 日 run into the number (`(2002年6月5日抚府发〔2002〕18号)`, the space between them removed; Corpus/heldout90 9003)
      // (a date in Chinese numerals is Han and starts the match: `二〇〇二年六月五日抚府发〔2002〕18号`)
      var afterDate = false
      var d = r.lowerBound
      while d < r.upperBound, isDateDigit(s[d]) || s[d] == "年" || s[d] == "月" { d += 1 }
      if d < r.upperBound, s[d] == "日", d > 0, isDateDigit(s[d - 1]) {
        r = (d + 1)..<r.upperBound
        afterDate = true
      }
      // a citation of another document's number (`…修正，根据镇政发〔2004〕32号、镇政发〔2004〕78号…`, and the numbers listed after it;
      // Corpus/heldout90 9008, heldout113 11301)
      if rules.docNumberCitingWords.contains(where: { hasPrefix($0, at: r.lowerBound) }) {
        citationEnd = r.upperBound
        continue
      }
      if let e = citationEnd, r.lowerBound > e, r.lowerBound - e <= 2, s[e..<r.lowerBound].allSatisfy({ $0 == "、" || isHSpace($0) }) {
        citationEnd = r.upperBound
        continue
      }
      // a page field's label run into the number (文号遵府办函〔2022〕56号, its space removed)
      if let w = rules.fieldLabels.first(where: { r.count > $0.count + 4 && hasPrefix($0, at: r.lowerBound) }) {
        out.append((r.lowerBound + w.count, compact((r.lowerBound + w.count)..<r.upperBound)))
        continue
      }
      // a title run into its doc number (…的通知临政办发〔2012〕64号): start after the title ending
      var afterTitle = false
      var k = r.upperBound
      while k > r.lowerBound, !(s[k - 1] == "〔" || s[k - 1] == "［" || s[k - 1] == "[" || s[k - 1] == "【"
        || isOpenBracket(s[k - 1])) { k -= 1 }
      for e in rules.titleEndings {
        var q = k - e.count
        while q >= r.lowerBound {
          if hasPrefix(e, at: q) {
            if q + e.count < k - 1 { r = (q + e.count)..<r.upperBound; afterTitle = true }
            break
          }
          q -= 1
        }
        if afterTitle { break }
      }
      if afterTitle {
        out.append((r.lowerBound, compact(r)))
        continue
      }
      var p = r.lowerBound - 1
      while p >= 0, isHSpace(s[p]) { p -= 1 }
      if p >= 0, isOpenBracket(s[p]) || s[p] == "〔" || s[p] == "[" {
        p -= 1
        while p >= 0, isHSpace(s[p]) { p -= 1 }
      }
      if !afterDate, p >= 0, s[p] == "》" || isHan(s[p]) { continue }
      out.append((r.lowerBound, compact(r)))
    }
    return out
  }

  /// The last place where the title's issuer, perhaps with more of an office's name (管委会 → 管委会办公室), runs into a
  /// date: a signature flattened into the text with no sentence end before it (`…审核时限图平潭综合实验区管委会2015年8月31日来源：`,
  /// `联系电话：24375668平潭综合实验区管委会办公室2015年4月28日`; Corpus/heldout158 15801, 15802). The issuer is what the
  /// issuer pattern reads from the title's issuer to the date.
  func titleIssuerSignature(_ titleIssuer: String) throws(StageFailure) -> (issuer: String, date: String)? {
    let w = Array(titleIssuer.unicodeScalars)
    guard w.count >= 4, w.allSatisfy(isHan) else { return nil }
    for (p, date) in datesAt.sorted(by: { $0.key > $1.key }) {
      var a = p
      while a > 0, isHSpace(s[a - 1]) { a -= 1 }
      // (the office's further name: a few Han characters between the title's issuer and the date)
      var o = a - w.count
      while o >= 0, o >= a - w.count - Self.maxIssuerExtension {
        if hasPrefix(w, at: o), let m = try issuerLine.lookingAt(o..<a), m.upperBound >= a { return (text(o..<a), date) }
        guard o > 0, isHan(s[o - 1 + w.count]) else { break }
        o -= 1
      }
    }
    return nil
  }

  /// At most this many characters in the name of an attachment run into the text (`runInAttachmentHits`) with no signature
  /// after it.
  static let maxRunInAttachmentName = 60

  /// At most this many characters of an office's name after the title's issuer in `titleIssuerSignature` (人民政府办公室).
  static let maxIssuerExtension = 7

  /// The first (or `last`) signature that `ok` accepts, one on lines of its own before one run into the text (`isInline`).
  func signature(last: Bool, where ok: (Signature) -> Bool) -> Signature? {
    let own = { (g: Signature) in ok(g) && !g.isInline }
    return last ? signatures.last(where: own) ?? signatures.last(where: ok) : signatures.first(where: own) ?? signatures.first(where: ok)
  }

  /// The value of a page's issuer field (`issuer_labels`: 发布单位：上海市松江区人民政府办公室, 【发布部门】…, the label's
  /// value on the next line) in the preamble, when it names an office (not 中国平潭, a site's name).
  func labelledIssuer() throws(StageFailure) -> String? {
    guard !rules.issuerLabels.isEmpty else { return nil }
    let hi = min(n, preambleEnd + 300)
    var p = 0
    while p < hi {
      for w in rules.issuerLabels where hasPrefix(w, at: p) {
        var k = p + w.count
        if k < n, s[k] == "】" || s[k] == "]" { k += 1 }
        while k < n, isHSpace(s[k]) { k += 1 }
        if k < n, s[k] == "：" || s[k] == ":" { k += 1 }
        while k < n, isHSpace(s[k]) { k += 1 }
        if k < n, s[k] == "\n" { k += 1 }
        guard k < n else { continue }
        let value = trimmed(k..<lineEnd(k))
        guard !value.isEmpty, value.count <= 60, let m = try issuerLine.lookingAt(value), m.upperBound >= value.upperBound
        else { continue }
        return text(value)
      }
      p += 1
    }
    return nil
  }

  // MARK: Dates

  /// A date right after one of `labels` (发布日期:2011-03-07), as YYYY-MM-DD. Looks back from each
  /// date the scan found, so the document is not searched again. Between the label and the date: spaces, one line break,
  /// and a colon, a bracket's close or a table's bars (`发布日期：`, `【发布日期】`, `| 发布日期: | 2009-05-12`). Not a date in a
  /// bracket after a citation (a law site's note `已被《…》(发布日期:2004年12月15日 …)废止` dates another document; Corpus/
  /// heldout90 9002, heldout113 11304). A `bare` label (时间, 日期) counts only in the preamble and where it starts a line or
  /// follows a space, a bar or a bullet (`来源:政府办 日期:2011-02-12`), not as the end of a longer word (`完成时间：`).
  func labelledDate(_ labels: [[Unicode.Scalar]], bare: Bool = false) -> String? {
    guard !labels.isEmpty else { return nil }
    for p in datesAt.keys.sorted() {
      if bare && p >= preambleEnd { break }
      var q = p - 1
      var breaks = 0
      while q >= 0 {
        if isHSpace(s[q]) || ":：】]|｜".unicodeScalars.contains(s[q]) {
          q -= 1
        } else if s[q] == "\n", breaks == 0 {
          breaks += 1
          q -= 1
        } else {
          break
        }
      }
      for w in labels where hasPrefix(w, at: q + 1 - w.count) {
        let a = q + 1 - w.count
        if bare, a > 0, !(isSpaceOrNewline(s[a - 1]) || "|｜【[•·".unicodeScalars.contains(s[a - 1])) { continue }
        if a > 1, isOpenBracket(s[a - 1]) || s[a - 1] == "【", "》>〉".unicodeScalars.contains(s[a - 2]) { continue }
        return datesAt[p]
      }
    }
    return nil
  }

  /// A page's publish date (`2011-03-07`, `2011-03-07 10:00`, `2011年3月7日`) as YYYY-MM-DD.
  func parseDate(_ text: String) throws(StageFailure) -> String? {
    let sc = Array(text.unicodeScalars)
    for d in rules.dates {
      let m = try d.regex.matcher()
      let hit: ICURegex.Match?
      do { hit = try m.firstMatch(in: sc) } catch { throw d.regex.failure(error, stage: "segment") }
      guard let h = hit else { continue }
      func part(_ g: Int) -> Int? {
        guard g - 1 < h.groups.count, let r = h.groups[g - 1] else { return nil }
        let digits = sc[r].filter { !isHSpace($0) }
        return parseNumber(Array(digits), .arabic) ?? parseNumber(Array(digits), .chinese)
      }
      if let y = part(d.y), let mo = part(d.m), let dd = part(d.d), let iso = formatDate(y, mo, dd) { return iso }
    }
    return nil
  }

  // MARK: Recipients

  /// 主送机关: the first colon-terminated segment in the preamble that starts a line (or follows the
  /// doc number / a labelled date on the same line), has no sentence punctuation and names offices.
  /// Split on ， and , only: 、 joins the parts of one recipient (各州、市人民政府).
  func recipients(numbers: [(Int, String)]) throws(StageFailure) -> [String] {
    var starts: [Int] = []
    var ls = 0
    while ls < min(preambleEnd, n) {
      let le = lineEnd(ls)
      let t = trimmed(ls..<le)
      if !t.isEmpty { starts.append(t.lowerBound) }
      // (and each cell of a table's row, `73b19… | 南昌市人民政府印发…的通知各县(区)人民政府…:`: a bar stops a segment)
      for b in t where s[b] == "|" || s[b] == "｜" {
        let cell = trimmed((b + 1)..<le)
        if !cell.isEmpty { starts.append(cell.lowerBound) }
      }
      ls = le + 1
    }
    // inline headers (000): the recipients follow the doc number on the same line (after its bracket:
    // …的落实意见（吉政发〔2014〕37号）各市（州）人民政府，…：)
    var numberStarts: [Int] = []
    for (p, _) in numbers {
      var e = p
      while e < n, s[e] != "号" { e += 1 }
      if e < n {
        var a = e + 1
        if a < n, isCloseBracket(s[a]) { a += 1 }
        starts.append(a)
        numberStarts.append(p)
      }
    }
    starts.sort()
    // (a table's bar too: a page-information row `| 来源链接 | https://…` is no recipients line)
    let stops: Set<Unicode.Scalar> = ["。", "；", "！", "？", "《", "》", "\n", ";", "|", "｜"]
    for first in starts where first < preambleEnd {
      var st = first
      var q = st
      let limit = min(n, st + rules.recipientsMaxLength)
      var colon: Int? = nil
      while q < limit {
        let c = s[q]
        // (a colon between two digits is a time's, `2019-05-17 15:15:00`, a page's date line: no recipients' colon; Corpus/
        // heldout187 18701)
        if c == "：" || c == ":" {
          if q > st, q + 1 < n, ("0"..."9").contains(s[q - 1]), ("0"..."9").contains(s[q + 1]) { break }
          colon = q
          break
        }
        // a title quoting the name of what it issues, run into the recipients (关于印发《…方案》的通知区直各单位，…：; the
        // Pingtan archive's flattened pages, Corpus/heldout137–147): its quotation is no stop
        if c == "《", rules.titleStarts.contains(where: { w in (st..<q).contains { hasPrefix(w, at: $0) } }),
          let close = (q + 1..<limit).first(where: { s[$0] == "》" || s[$0] == "\n" }), s[close] == "》"
        {
          q = close + 1
          continue
        }
        if stops.contains(c) { break }
        q += 1
      }
      guard let col = colon, col > st else { continue }
      // a title run into the recipients (…办公室关于印发…的通知区直各单位，各乡镇人民政府：, a flattened page): they
      // start after the title's last ending
      if let t = rules.titleStarts.compactMap({ w in (st..<col).first { hasPrefix(w, at: $0) } }).min(),
        let e = rules.titleEndings.compactMap({ w in (t..<col).last { hasPrefix(w, at: $0) && $0 + w.count <= col }.map { $0 + w.count } }).max()
      {
        st = e
        // (the title's own doc number in brackets after it: …的落实意见（吉政发〔2014〕37号）各市（州）人民政府，…：)
        if st < col, isOpenBracket(s[st]), let m = try? docNumber.get().lookingAt(st + 1), m.range.lowerBound == st + 1 {
          st = m.range.upperBound
          if st < col, isCloseBracket(s[st]) { st += 1 }
        }
        guard col > st else { continue }
      }
      // a segment holding a doc number is a header run together: its recipients start after the number
      if numberStarts.contains(where: { $0 >= st && $0 < col }) { continue }
      if let m = try matchAt(exclude, st), m.range.lowerBound == st { continue }
      // nor a field whose label ends the segment (a page's breadcrumb run into its field: 首页政务公开…监督检查情况索引号：)
      var labelEnds = false
      for k in 2...6 where col - k > st {
        if let m = try matchAt(exclude, col - k), m.range.lowerBound == col - k, m.range.upperBound == col {
          labelEnds = true
          break
        }
      }
      if labelEnds { continue }
      if rules.titleStarts.contains(where: { hasPrefix($0, at: st) }) { continue }
      if (rules.publishedLabels + rules.dateLabels).contains(where: { w in
        col - w.count >= st && hasPrefix(w, at: col - w.count)
      }) { continue }
      guard let cue = try find(cues, from: st), cue.range.upperBound <= col else { continue }
      // a short segment is a recipient only when it names a group (各单位：, 各部门：); a page's field
      // label (发布部门：, 发文机构：) is not one
      if col - st <= rules.recipientsShortMax, !rules.recipientsShortStarts.contains(where: { hasPrefix($0, at: st) }) {
        continue
      }
      var out: [String] = []
      var a = st
      var i = st
      while i <= col {
        if i == col || s[i] == "，" || s[i] == "," {
          let piece = trimmed(a..<i)
          if !piece.isEmpty { out.append(text(piece)) }
          a = i + 1
        }
        i += 1
      }
      if !out.isEmpty { return out }
    }
    return []
  }

  // MARK: Attachments

  /// 附件：名称, or 附件： followed by numbered lines (1.名称 2.名称).
  func attachments(issuer: String?) throws(StageFailure) -> [String] {
    var names: [String] = []
    func clean(_ r: Range<Int>) -> String? {
      var r = trimmed(r)
      // leading list number: 1. 1． 1、
      if let p = listNumberMark(r) { r = trimmed((p + 1)..<r.upperBound) }
      var hi = r.upperBound
      while hi > r.lowerBound, "。；;，,：:".unicodeScalars.contains(s[hi - 1]) || isHSpace(s[hi - 1]) { hi -= 1 }
      // a name wholly in title marks is the name (`附件：《2024年…事项目录》`, the attachment's own label giving it bare; Corpus/
      // heldout186 18602, heldout137 13704); marks around part of it stay (`《上海市…实施方案》市级部门分工方案`)
      var lo = r.lowerBound
      if hi - lo > 2, s[lo] == "《", s[hi - 1] == "》", !s[(lo + 1)..<(hi - 1)].contains(where: { $0 == "《" || $0 == "》" }) {
        lo += 1
        hi -= 1
      }
      return hi > lo ? text(lo..<hi) : nil
    }
    for hit in attachmentHits {
      let le = lineEnd(hit.lowerBound)
      let rest = trimmed(hit.upperBound..<withoutSignature(hit.upperBound..<le, issuer: issuer).upperBound)
      // (a list run on in one line, `1.X2.Y3.Z`: one name per number)
      let pieces = rest.isEmpty ? [] : runOnListItems(rest)
      let first = pieces.isEmpty ? nil : clean(pieces[0])
      if let first { names.append(first) }
      for piece in pieces.dropFirst() { if let nm = clean(piece) { names.append(nm) } }
      // further names on following numbered lines, numbered on from the line's own: a name without a number is the first
      // (`附件：成员单位职责分工`, then the plan's own `1.总则` is no second attachment; Corpus/heldout168 16804)
      var at = le
      var taken = 0
      var number: Int? = first == nil ? nil : (pieces.last.flatMap { listNumber($0) } ?? 1)
      while let next = nextLine(after: at), taken < 50 {
        let own = listNumber(next)
        if let own, number.map({ own == $0 + 1 }) ?? true {
          number = own
        } else if !(first == nil && taken == 0) {
          break
        }
        if let nm = clean(next) { names.append(nm) }
        taken += 1
        at = next.lowerBound
        // (a bare label's unnumbered first line is its one name, the attachment's title: numbered lines under it are the
        // attachment's own items, `附件：` / `存在问题：` / `1.春江医院…（责任单位：英雄街道）`; Corpus/heldout187 18701)
        if own == nil { break }
      }
    }
    // (none on a line of its own: one run into the text after a sentence end, when a signature ends its name or the
    // name is all that is left of the line; Corpus/heldout158 15801)
    if names.isEmpty, let hit = runInAttachmentHits.last {
      let le = lineEnd(hit.lowerBound)
      let cut = withoutSignature(hit.upperBound..<le, issuer: issuer)
      let rest = trimmed(cut)
      if !rest.isEmpty, cut.upperBound < le || rest.count <= Self.maxRunInAttachmentName,
        !s[rest].contains(where: { Self.sentenceEnds.contains($0) }), let nm = clean(rest)
      {
        names.append(nm)
      }
    }
    var seen: Set<String> = []
    let distinct = names.filter { seen.insert($0).inserted }
    // (a later name that is an earlier one without its bracketed qualifier, the attachment's own title printed over two lines:
    // `附件:铜仁市…行动方案(公开征求意见稿)`, then `附件:` / `铜仁市…行动方案` / `(公开征求意见稿)`; Corpus/heldout33 3404)
    return distinct.enumerated().filter { k, name in
      !distinct[..<k].contains { earlier in
        earlier.hasPrefix(name) && earlier.unicodeScalars.dropFirst(name.unicodeScalars.count).first.map(isOpenBracket) == true
      }
    }.map(\.element)
  }

  /// `r` without a signature run into its end (`…排查表平潭综合实验区管委会办公室2016年6月13日`): cut before the issuer of a
  /// signature whose date ends the range, or before `issuer` (the notice's) followed only by a date found there.
  func withoutSignature(_ r: Range<Int>, issuer: String?) -> Range<Int> {
    var end = r.upperBound
    while end > r.lowerBound, isHSpace(s[end - 1]) { end -= 1 }
    if let sig = signatures.first(where: { $0.dateRange.upperBound == end && $0.dateRange.lowerBound > r.lowerBound }) {
      var cut = sig.dateRange.lowerBound
      while cut > r.lowerBound, isHSpace(s[cut - 1]) { cut -= 1 }
      if let who = sig.issuer {
        let w = Array(who.unicodeScalars)
        if cut - w.count > r.lowerBound, hasPrefix(w, at: cut - w.count) { cut -= w.count }
      }
      return r.lowerBound..<cut
    }
    // the first date start after the issuer, with nothing but the date (at most 16 characters, ending 日) after it; where
    // more follows the date (a page's source line: …审核时限图平潭综合实验区管委会2015年8月31日来源：中国平潭; Corpus/heldout158
    // 15801), the last date in the range with the issuer right before it
    guard let issuer, !issuer.isEmpty else { return r }
    let w = Array(issuer.unicodeScalars)
    guard end - r.lowerBound > w.count else { return r }
    if s[end - 1] != "日" {
      guard let a = datesAt.keys.filter({ $0 - w.count > r.lowerBound && $0 < end }).max(), hasPrefix(w, at: a - w.count)
      else { return r }
      return r.lowerBound..<(a - w.count)
    }
    var q = max(r.lowerBound + w.count, end - 16)
    while q < end {
      if datesAt[q] != nil {
        var a = q
        while a > r.lowerBound, isHSpace(s[a - 1]) { a -= 1 }
        if a - w.count > r.lowerBound, hasPrefix(w, at: a - w.count) { return r.lowerBound..<(a - w.count) }
      }
      q += 1
    }
    return r
  }

  /// The items of an attachments list written on one line (`1.X2.Y3.Z`, `1．X 2．Y`): the range split before each next
  /// number (2, 3, …) written with the first item's mark and after a character that is no digit. A range not starting
  /// with `1.`, `1．` or `1、` is one item.
  func runOnListItems(_ r: Range<Int>) -> [Range<Int>] {
    guard let p = listNumberMark(r), parseNumber(Array(s[r.lowerBound..<p]), .arabic) == 1 else { return [r] }
    let mark = s[p]
    var pieces: [Range<Int>] = []
    var start = r.lowerBound, next = 2, q = p + 2
    while q < r.upperBound {
      let digits = Array(String(next).unicodeScalars)
      if q + digits.count + 1 < r.upperBound, hasPrefix(digits, at: q), s[q + digits.count] == mark,
        parseNumber([s[q - 1]], .arabic) == nil, parseNumber([s[q + digits.count + 1]], .arabic) == nil
      {
        pieces.append(start..<q)
        start = q
        next += 1
        q += digits.count + 2
      } else {
        q += 1
      }
    }
    pieces.append(start..<r.upperBound)
    return pieces
  }
}
