import GongwenCore

/// A clause marker at the start of a unit: `一、` (level 0), `（一）` (1), `1．` (2), `（1）` (3).
struct ClauseMarker: Equatable, Sendable {
  var level: Int
  var number: Int
  var length: Int
}

/// One sentence-like piece of clean text: the unit of comparison for dedup.
///
/// Units never contain a newline and, together with the newlines between them, cover the text.
struct TextUnit: Sendable {
  /// Clean scalar range, end-exclusive.
  var start: Int
  var end: Int
  var paragraph: Int
  /// A closing department attribution such as `（卫生厅负责）`.
  var isAttribution: Bool
  /// Non-whitespace scalars (0 for attributions, which never count towards thresholds).
  var contentChars: Int
  /// FNV-1a over the unit's non-whitespace scalars.
  var hash: UInt64
  var marker: ClauseMarker?
  /// At or after the header of a flattened table (`table_header`): never a repeat of another
  /// line, since a table's cells legitimately recur row after row (the same departments, the same
  /// official); a sentence repeated inside one cell still is.
  var inTable = false
  /// How many attachment lines (`attachment_labels`: `附件2` alone on its line) stand before the unit: 0 in the body.
  var section: Int32 = 0

  var isContent: Bool { !isAttribution && contentChars > 0 }
  /// Only whitespace.
  var isContentless: Bool { !isAttribution && contentChars == 0 }
}

/// Splits clean text into units: after sentence terminators (with trailing closing marks), around
/// closing attributions, before clause markers, and at newlines.
struct UnitSplitter {
  let rules: DedupRules

  /// `hashing: false` leaves every unit's `hash` 0 (for callers that read only bounds, markers and
  /// kinds, such as `Reassembler`): the FNV-1a chain over every scalar is most of `makeUnit`'s work.
  func split(_ s: [Unicode.Scalar], hashing: Bool = true) -> [TextUnit] {
    var units: [TextUnit] = []
    units.reserveCapacity(s.count / 16 + 4)
    let n = s.count
    var start = 0
    var paragraph = 0
    var section: Int32 = 0
    var i = 0

    func close(_ end: Int, attribution: Bool = false) {
      if end > start {
        units.append(makeUnit(s, start, end, paragraph: paragraph, attribution: attribution, hashing: hashing))
        units[units.count - 1].section = section
      }
      start = end
    }

    // The first `table_header` line is found on the way, at the newlines the loop below visits (every
    // one: it never steps over a newline), instead of by another pass over the text. Rules whose
    // closing marks include a newline (stepped over after a terminator) keep the separate pass.
    let onTheWay = !rules.tableHeader.isEmpty && !rules.closingMarks.contains("\n")
    var tableStart = onTheWay ? n : (tableHeaderStart(s) ?? n)
    var headerFound = !onTheWay
    var lineStart = 0
    var atLineStart = true
    let stops = rules.splitterStops
    while i < n {
      // Fast path: inside a line, a character that is no newline, bracket, marker start or
      // terminator changes nothing below; the whole run of them is stepped over in one loop.
      if !atLineStart {
        i = s.withUnsafeBufferPointer { sb in
          stops.withUnsafeBufferPointer { st in
            var j = i
            while j < n {
              let v = sb[j].value
              if v >= 0x10000 || st[Int(v)] & 1 != 0 { break }
              j &+= 1
            }
            return j
          }
        }
        if i >= n { break }
      }
      let c = s[i]
      if c == "\n" {
        if !headerFound, isTableHeaderLine(s, lineStart, i) {
          tableStart = lineStart
          headerFound = true
        }
        if !rules.attachmentLabels.isEmpty, isAttachmentLine(s, lineStart, i) { section += 1 }
        lineStart = i + 1
        close(i)
        start = i + 1
        paragraph += 1
        atLineStart = true
        i += 1
        continue
      }
      // a label line after a clause (牵头单位：区发改局 / 责任单位：…) is an attribution like （…）
      if atLineStart && !isSpace(c) {
        atLineStart = false
        if let end = labelLineEnd(s, i) {
          close(i)
          close(end, attribution: true)
          i = end
          continue
        }
      }
      if rules.opensAttribution(c), onlyWhitespace(s, start, i), let close_ = attributionEnd(s, i) {
        close(i)
        close(close_, attribution: true)
        i = close_
        continue
      }
      if i > start, Self.canStartMarker(c), let m = Self.marker(s, i), !onlyWhitespace(s, start, i),
        splitsBefore(s, i, m)
      {
        close(i)
      }
      if rules.isTerminator(c) {
        var end = i + 1
        while end < n, rules.isClosingMark(s[end]) { end += 1 }
        close(end, attribution: namesItsDoers(s, start, end))
        i = end
        // a label after a sentence on the same line (…计划。责任单位：县教育局 配合单位：县卫健委)
        // is an attribution like a label line: the same list under two tasks is no repeat
        var f = end
        while f < n, s[f] != "\n", isSpace(s[f]) { f += 1 }
        // (a bracket opening there is read by the attribution branch below: （责任单位：…） ends at its
        // closing bracket, not at the line's end)
        // (it ends at the next sentence end or clause marker, not at the line's end: on a page whose line breaks were lost
        // the label's list runs on into the next clause, `…主体责任。责任处室：政法综治处、党政办公室（二）加强…`; Corpus/heldout163
        // 16301; and a sentence after it on its line is compared as any other)
        if f < n, s[f] != "\n", !rules.opensAttribution(s[f]), s[f] != "(", colonSoon(s, f),
          let e = labelLineEnd(s, f, stoppingAtClauses: true)
        {
          close(f)
          close(e, attribution: true)
          i = e
        }
        continue
      }
      i += 1
    }
    close(n)
    if !headerFound, lineStart < n, isTableHeaderLine(s, lineStart, n) { tableStart = lineStart }
    for k in units.indices where units[k].start >= tableStart { units[k].inTable = true }
    return units
  }

  /// Whether the sentence `a..<b` names who does its task (`subject_sentences`: 由市安监局…带队，…。):
  /// it starts with a lead-in and holds a role word, or starts with a role word (a duty of the body named before it:
  /// `负责编制本系统…计划；`), and is no longer than an attribution.
  func namesItsDoers(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
    guard !rules.subjectLeadIns.isEmpty || !rules.subjectDutyStarts.isEmpty || !rules.subjectRoleEndings.isEmpty else { return false }
    var k = a
    while k < b, isSpace(s[k]) { k += 1 }
    guard b - k <= rules.maxAttributionChars else { return false }
    func startsWithOne(of words: [[Unicode.Scalar]]) -> Bool {
      words.contains { k + $0.count < b && s[k..<(k + $0.count)].elementsEqual($0) }
    }
    if startsWithOne(of: rules.subjectDutyStarts) { return true }
    if !rules.subjectRoleEndings.isEmpty, endsWithRoleWord(s, k, b) { return true }
    guard startsWithOne(of: rules.subjectLeadIns) else { return false }
    return rules.subjectWords.contains { w in (k..<(b - w.count + 1)).contains { s[$0..<($0 + w.count)].elementsEqual(w) } }
  }

  /// Whether the sentence `k..<b` (its terminator and closing marks included) is names only ending with a
  /// `subject_sentences.role_endings` word (`省总工会、团省委配合；`): something before the word, no comma or colon in it.
  func endsWithRoleWord(_ s: [Unicode.Scalar], _ k: Int, _ b: Int) -> Bool {
    var e = b
    while e > k, rules.isTerminator(s[e - 1]) || rules.isClosingMark(s[e - 1]) || isSpace(s[e - 1]) { e -= 1 }
    guard let w = rules.subjectRoleEndings.first(where: { e - $0.count > k + 1 && s[(e - $0.count)..<e].elementsEqual($0) })
    else { return false }
    return !s[k..<(e - w.count)].contains { $0 == "，" || $0 == "," || $0 == "：" || $0 == ":" || $0 == "\n" }
  }

  /// Start of the first line holding only a `table_header` word (spaces aside), if any.
  func tableHeaderStart(_ s: [Unicode.Scalar]) -> Int? {
    guard !rules.tableHeader.isEmpty else { return nil }
    var start = 0
    let n = s.count
    while start < n {
      let end = s.withUnsafeBufferPointer { b in
        var e = start
        while e < n, b[e] != "\n" { e &+= 1 }
        return e
      }
      if isTableHeaderLine(s, start, end) { return start }
      start = end + 1
    }
    return nil
  }

  /// Whether the line `start..<end` is an attachment's label (`attachment_labels`; see `DedupRules.isAttachmentLabel`).
  func isAttachmentLine(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
    rules.isAttachmentLabel(s[start..<end])
  }

  /// Whether the line `start..<end` holds only a `table_header` word, spaces aside.
  func isTableHeaderLine(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
    guard end - start <= 2 * rules.longestTableHeader + 8 else { return false }
    // the line's characters, spaces skipped, compared with each word (no filtered copy)
    for word in rules.tableHeader {
      var k = 0, p = start, same = true
      while p < end {
        let c = s[p]
        p += 1
        if isSpace(c) { continue }
        if k == word.count || word[k] != c {
          same = false
          break
        }
        k += 1
      }
      if same && k == word.count { return true }
    }
    return false
  }

  private func makeUnit(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, paragraph: Int, attribution: Bool,
                        hashing: Bool) -> TextUnit {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    var count = 0
    var first = -1
    // plain loops over a buffer pointer (`for k in a..<b where …` over the array went through the
    // generic Range iterator and a checked subscript per scalar); the same scalars in the same order
    precondition(a >= 0 && a <= b && b <= s.count)
    s.withUnsafeBufferPointer { buf in
      var k = a
      if hashing {
        while k < b {
          let c = buf[k]
          if !isSpace(c) {
            if first < 0 { first = k }
            h = (h ^ UInt64(c.value)) &* 0x0000_0100_0000_01b3
            count &+= 1
          }
          k &+= 1
        }
      } else {
        h = 0
        while k < b {
          if !isSpace(buf[k]) {
            if first < 0 { first = k }
            count &+= 1
          }
          k &+= 1
        }
      }
    }
    let marker = first >= 0 && !attribution ? Self.marker(s, first) : nil
    return TextUnit(start: a, end: b, paragraph: paragraph, isAttribution: attribution,
                    contentChars: attribution ? 0 : count, hash: h, marker: marker)
  }

  /// Paren forms split anywhere (`工作任务（一）加快…`); `一、` and `1．` only after punctuation,
  /// so `统一、规范` is not cut.
  private func splitsBefore(_ s: [Unicode.Scalar], _ i: Int, _ m: ClauseMarker) -> Bool {
    if m.level == 1 || m.level == 3 { return true }
    var k = i - 1
    while k >= 0, isSpace(s[k]) { k -= 1 }
    guard k >= 0 else { return true }
    let p = s[k]
    return !(isIdeographic(p) || p.properties.isAlphabetic || ("0"..."9").contains(p))
  }

  /// End (exclusive) of a label line starting at `i` (the line's first non-space character): an
  /// attribution keyword within its first four characters, directly followed by a colon
  /// (`牵头单位：`, `主要协作单位：`), and the whole line no longer than an attribution.
  /// With `stoppingAtClauses`, the label's text ends at the first sentence end (not a semicolon) or clause marker (one the
  /// splitter cuts before) on its line instead of at the line's end.
  private func labelLineEnd(_ s: [Unicode.Scalar], _ i: Int, stoppingAtClauses: Bool = false) -> Int? {
    // A keyword can only match at i...i+4 (before the text's end); when none of those characters
    // starts a keyword, the search below finds nothing, so the line need not be read.
    var anyStart = false
    for p in i..<min(i + 5, s.count) where rules.mayStartKeyword(s[p]) {
      anyStart = true
      break
    }
    if !anyStart { return nil }
    var e = i
    while e < s.count, s[e] != "\n" {
      // (not at a semicolon: it parts the entries of one value, 时间要求：平潭时报，9月1日；平潭网，9月10日。; Corpus/heldout151 15101)
      if stoppingAtClauses, e > i + 2, rules.isTerminator(s[e]) && s[e] != "；" && s[e] != ";"
        || Self.canStartMarker(s[e]) && Self.marker(s, e).map({ splitsBefore(s, e, $0) }) == true
      {
        break
      }
      e += 1
      if e - i > rules.maxAttributionChars { return nil }  // too long to be a label line
    }
    for kw in rules.attributionKeywords {
      let m = kw.count, k0 = kw[0]
      for p in i...min(i + 4, e) where p + m < e && s[p] == k0 {
        var q = 1
        while q < m, s[p + q] == kw[q] { q += 1 }
        if q == m && Self.endsLabel(s[p + m]) { return e }
      }
    }
    return nil
  }

  /// What may follow a label's keyword: a colon, or the closing bracket of a label in square brackets
  /// (`【牵头单位】市数据局`).
  static func endsLabel(_ c: Unicode.Scalar) -> Bool {
    c == "：" || c == ":" || c == "】" || c == "］" || c == "]"
  }

  /// Whether a colon stands within the reach of a label starting at `i` (four characters before the
  /// keyword, the keyword, the colon), on the same line: the cheap test before `labelLineEnd`, which
  /// reads the whole line, at every sentence end.
  private func colonSoon(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
    let limit = min(s.count, i + 5 + rules.longestAttributionKeyword)
    var k = i
    while k < limit {
      let c = s[k]
      if Self.endsLabel(c) { return true }
      if c == "\n" { return false }
      k += 1
    }
    return false
  }

  /// End (exclusive) of a parenthesised attribution starting at `i`, if it is one.
  private func attributionEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
    var depth = 0
    var k = i
    let limit = min(s.count, i + rules.maxAttributionChars)
    let end: Int? = rules.bracketKinds.withUnsafeBufferPointer { kinds in
      s.withUnsafeBufferPointer { s in
        while k < limit {
          let c = s[k]
          if c == "\n" { return nil }
          // bit 1: opens, bit 2: closes (a table read for the BMP, the sets beyond it)
          let kind: UInt8 = c.value < 0x10000 ? kinds[Int(c.value)]
            : (rules.attributionOpen.contains(c) ? 1 : 0) | (rules.attributionClose.contains(c) ? 2 : 0)
          if kind & 1 != 0 { depth += 1 }
          if kind & 2 != 0 {
            depth -= 1
            if depth == 0 { return k }
          }
          k += 1
        }
        return nil
      }
    }
    guard let end else { return nil }
    if containsKeyword(s, i + 1, end) { return end + 1 }
    // a list without keyword that closes its line, its last name ending like a department
    // (1.地区生产总值增长7%以上。（市发展改革委，各县〔市、区〕政府）⏎; Corpus/heldout32 3303): the same
    // list under the next task is no repeat either; nor where the next clause's marker follows it on the same line, the
    // page's line breaks lost (`…（市发展改革委，各县〔市、区〕政府）2.常住人口…`; Corpus/heldout32 3303 run together)
    guard end > i + 2, rules.attributionEndings.contains(s[end - 1]) else { return nil }
    var after = end + 1
    while after < s.count, s[after] == "。" || s[after] == "；" || isSpace(s[after]) && s[after] != "\n" { after += 1 }
    if after >= s.count || s[after] == "\n" { return end + 1 }
    return Self.canStartMarker(s[after]) && Self.marker(s, after) != nil ? end + 1 : nil
  }

  private func containsKeyword(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
    // One pass over a..<b: the keywords are compared only where a character starts one (the answer
    // is whether any keyword occurs anywhere, so the order of the search does not matter).
    for p in a..<max(a, b) where rules.mayStartKeyword(s[p]) {
      for kw in rules.attributionKeywords {
        let m = kw.count
        guard p + m <= b, s[p] == kw[0] else { continue }
        var q = 1
        while q < m, s[p + q] == kw[q] { q += 1 }
        if q == m { return true }
      }
    }
    return false
  }

  private func onlyWhitespace(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
    var k = a
    while k < b {
      if !isSpace(s[k]) { return false }
      k += 1
    }
    return true
  }

  /// Whether a clause marker can start with `c` (what `marker` accepts first: an opening bracket,
  /// an ASCII digit or a Chinese numeral); a cheap test before the full parse at every character.
  @inline(__always) static func canStartMarker(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "（", "(", "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
    default: false
    }
  }

  /// Parses a clause marker at `i`: `一、` `（一）` `(一)` `1．` `1.` `1、` `（1）` `(1)`.
  static func marker(_ s: [Unicode.Scalar], _ i: Int) -> ClauseMarker? {
    let n = s.count
    guard i < n else { return nil }
    let c = s[i]
    if c == "（" || c == "(" {
      var k = i + 1
      if k < n, isDigit(s[k]) {
        var v = 0
        while k < n, isDigit(s[k]), k - i <= 3 {
          v = v * 10 + Int(s[k].value - 48)
          k += 1
        }
        if k < n, s[k] == "）" || s[k] == ")" { return ClauseMarker(level: 3, number: v, length: k + 1 - i) }
        return nil
      }
      if let (v, len) = chineseNumber(s, k) {
        k += len
        if k < n, s[k] == "）" || s[k] == ")" { return ClauseMarker(level: 1, number: v, length: k + 1 - i) }
      }
      return nil
    }
    if isDigit(c) {
      var k = i
      var v = 0
      while k < n, isDigit(s[k]), k - i < 3 {
        v = v * 10 + Int(s[k].value - 48)
        k += 1
      }
      guard k < n, k > i, s[k] == "．" || s[k] == "." || s[k] == "、" else { return nil }
      if k + 1 < n, isDigit(s[k + 1]) { return nil }  // 1.5 is a number, not a marker
      if k + 1 >= n || s[k + 1] == "\n" { return nil }
      return ClauseMarker(level: 2, number: v, length: k + 1 - i)
    }
    if let (v, len) = chineseNumber(s, i), i + len < n, s[i + len] == "、" {
      return ClauseMarker(level: 0, number: v, length: len + 1)
    }
    return nil
  }

  /// 一 … 九十九 at `i`: (value, length in scalars).
  static func chineseNumber(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
    @inline(__always) func digit(_ c: Unicode.Scalar) -> Int? {
      switch c {
      case "一": 1
      case "二": 2
      case "三": 3
      case "四": 4
      case "五": 5
      case "六": 6
      case "七": 7
      case "八": 8
      case "九": 9
      default: nil
      }
    }
    var k = i
    let n = s.count
    var value = 0
    if k < n, let d = digit(s[k]) {
      value = d
      k += 1
    }
    if k < n, s[k] == "十" {
      value = (value == 0 ? 1 : value) * 10
      k += 1
      if k < n, let d = digit(s[k]) {
        value += d
        k += 1
      }
    }
    return k > i && value > 0 && k - i <= 3 ? (value, k - i) : nil
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}

@inline(__always) func isSpace(_ c: Unicode.Scalar) -> Bool {
  let v = c.value
  // most of a notice is Han (above U+3000, which is the largest of the five): one compare for it
  if v > 0x3000 { return false }
  return v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0x0D
}
