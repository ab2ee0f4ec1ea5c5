import GongwenCore

/// Width and punctuation:
/// - full-width ASCII letters, digits and the listed symbols → half-width (１２→12, ％→%, ．→.);
/// - small form variants → their ordinary character (`small_forms`: 1﹒ → 1., ﹙ → （);
/// - in Chinese context, half-width `, : ; ! ?` → `，：；！？` (not between two ASCII letters or digits,
///   so 1,000, 10:30, http:// and Latin text keep theirs);
/// - brackets: a pair is made full-width when either bracket already is, when it encloses Han
///   text or touches Chinese; a lone half-width bracket when it touches Chinese;
/// - optionally, a straight `"` closing an open `“` becomes `”`.
/// 。、《》“” are never folded to ASCII; `.` is never changed (decimals, `1.` markers, dates).
///
/// Most lines need nothing: a line is only worked on when it holds a half-width character of
/// `chinese_punctuation` (the only ones steps 1 and 2 change) or a straight `"` after a `“`.
struct WidthStep: NormalizeStep {
  static let id = "width"
  let rules: NormalizeRules.Width
  /// `rules.chinese` as a table over ASCII (nil: not converted).
  let chinese: [Unicode.Scalar?]
  let fold: ScalarBits

  init(rules: NormalizeRules.Width) {
    self.rules = rules
    var table = [Unicode.Scalar?](repeating: nil, count: 128)
    for (k, v) in rules.chinese where k < 128 { table[Int(k)] = v }
    chinese = table
    fold = ScalarBits(rules.foldToASCII)
  }

  func apply(_ text: inout CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) {
    let n = text.count
    let fold = self.fold
    @inline(__always) func folds(_ c: Unicode.Scalar) -> Bool { c.value >= 0xFF01 && c.value <= 0xFF5E && fold.contains(c) }
    var folded = 0
    // full-width forms and small form variants (1﹒ → 1.), in one pass (no small form becomes a
    // character that folds)
    let small = rules.smallForms
    @inline(__always) func isSmall(_ c: Unicode.Scalar) -> Bool { c.value >= 0xFE50 && c.value <= 0xFE6F }
    if let first = text.scalars.withUnsafeBufferPointer({ $0.firstIndex { folds($0) || isSmall($0) } }) {
      text.scalars.withUnsafeMutableBufferPointer { s in
        for i in first..<n {
          let c = s[i]
          if folds(c) {
            if let h = Unicode.Scalar(c.value - 0xFEE0) { s[i] = h; folded += 1 }
          } else if isSmall(c), let to = small[c.value] {
            s[i] = to
            folded += 1
          }
        }
      }
    }
    var converted = 0
    var lineStart = 0
    var candidates: [Int] = []
    // the full-width brackets as plain values (an impossible value when there is none)
    let openFull = chinese[0x28]?.value ?? UInt32.max, closeFull = chinese[0x29]?.value ?? UInt32.max
    // half-width characters with a Chinese form, as a 128-bit mask
    var mappedLow: UInt64 = 0, mappedHigh: UInt64 = 0
    for v in 0..<128 where chinese[v] != nil {
      if v < 64 { mappedLow |= 1 << UInt64(v) } else { mappedHigh |= 1 << UInt64(v - 64) }
    }
    while lineStart <= n {
      var e = lineStart
      var work = false
      candidates.removeAll(keepingCapacity: true)
      text.scalars.withUnsafeBufferPointer { s in
        var quote = false, openQuote = false
        while e < n {
          let v = s[e].value
          if v < 0x80 {
            if v == 0x0A { break }
            if (v < 64 ? mappedLow >> UInt64(v) : mappedHigh >> UInt64(v &- 64)) & 1 != 0 {
              work = true
              candidates.append(e)
            } else if v == 0x22 {
              quote = true
              candidates.append(e)
            }
          } else if v == 0x201C {
            openQuote = true
            candidates.append(e)
          } else if v == 0x201D || v == openFull || v == closeFull {
            candidates.append(e)
          }
          e &+= 1
        }
        if rules.fixMixedQuotes, quote, openQuote { work = true }
      }
      if work {
        let line = lineStart..<e
        text.scalars.withUnsafeMutableBufferPointer { s in
          for _ in 0..<4 {  // conversions only go half → full, so this settles quickly
            let k = convertLine(s, line, candidates)
            converted += k
            if k == 0 { break }
          }
        }
      }
      lineStart = e + 1
    }
    ctx.count("width_folded", folded)
    ctx.count("punctuation_converted", converted)
  }

  /// One round over a line; returns how many scalars changed.
  ///
  /// Only `candidates` are visited: the positions (ascending) of the characters any rule reads or
  /// writes — half-width characters of `chinese_punctuation`, `"`, `“`, `”` and the full-width
  /// brackets. Every other character of the line is never changed and never matters except as
  /// context (`prev`/`next`, Han between brackets), which is read from the line itself.
  func convertLine(_ s: UnsafeMutableBufferPointer<Unicode.Scalar>, _ line: Range<Int>, _ candidates: [Int]) -> Int {
    var changed = 0
    func prev(_ i: Int) -> Unicode.Scalar? {
      var j = i - 1
      while j >= line.lowerBound, s[j] == CharClass.space { j -= 1 }
      return j >= line.lowerBound ? s[j] : nil
    }
    func next(_ i: Int) -> Unicode.Scalar? {
      var j = i + 1
      while j < line.upperBound, s[j] == CharClass.space { j += 1 }
      return j < line.upperBound ? s[j] : nil
    }
    func cjk(_ c: Unicode.Scalar?) -> Bool { c.map(CharClass.isCJK) ?? false }
    func alnum(_ c: Unicode.Scalar?) -> Bool { c.map(CharClass.isASCIIAlnum) ?? false }
    let openHalf: UInt32 = 0x28, closeHalf: UInt32 = 0x29
    let openFull = chinese[Int(openHalf)], closeFull = chinese[Int(closeHalf)]

    // 1. , : ; ! ? and other non-bracket punctuation in the map
    for i in candidates {
      let v = s[i].value
      guard v < 0x80, v != openHalf, v != closeHalf, let full = chinese[Int(v)] else { continue }
      let p = prev(i), n = next(i)
      if (cjk(p) || cjk(n)) && !(alnum(p) && alnum(n)) {
        s[i] = full
        changed += 1
      }
    }
    // 2. brackets
    if let openFull, let closeFull {
      // Han inside a pair, as it was before this step's changes (which only write brackets, so
      // unless a bracket is itself Han, reading the line as it is gives the same answer)
      var hanBefore: [Int]? = nil
      if CharClass.isHan(openFull) || CharClass.isHan(closeFull) {
        var h = [Int](repeating: 0, count: line.count + 1)
        for (k, i) in line.enumerated() { h[k + 1] = h[k] + (CharClass.isHan(s[i]) ? 1 : 0) }
        hanBefore = h
      }
      func hasHan(_ o: Int, _ i: Int) -> Bool {
        if let h = hanBefore { return h[i - line.lowerBound] - h[o - line.lowerBound + 1] > 0 }
        var j = o + 1
        while j < i { if CharClass.isHan(s[j]) { return true }; j += 1 }
        return false
      }
      var stack: [Int] = []
      var lone: [Int] = []
      for i in candidates {
        let c = s[i]
        if c.value == openHalf || c == openFull {
          stack.append(i)
        } else if c.value == closeHalf || c == closeFull {
          guard let o = stack.popLast() else { lone.append(i); continue }
          let halfOpen = s[o].value == openHalf, halfClose = c.value == closeHalf
          guard halfOpen || halfClose else { continue }
          if !(halfOpen && halfClose) || hasHan(o, i) || cjk(prev(o)) || cjk(next(i)) {
            if halfOpen { s[o] = openFull; changed += 1 }
            if halfClose { s[i] = closeFull; changed += 1 }
          }
        }
      }
      for i in lone + stack where s[i].value == openHalf || s[i].value == closeHalf {
        if cjk(prev(i)) || cjk(next(i)) {
          s[i] = s[i].value == openHalf ? openFull : closeFull
          changed += 1
        }
      }
    }
    // 3. “…" → “…”
    if rules.fixMixedQuotes {
      var open = false
      for i in candidates {
        switch s[i].value {
        case 0x201C: open = true
        case 0x201D: open = false
        case 0x22 where open:
          s[i] = "\u{201D}"
          open = false
          changed += 1
        default: break
        }
      }
    }
    return changed
  }
}
