import GongwenCore

/// Width and punctuation:
/// - full-width ASCII letters, digits and the listed symbols → half-width (１２→12, ％→%, ．→.);
/// - in Chinese context, half-width `, : ; ! ?` → `，：；！？` (not between two ASCII letters or digits,
///   so 1,000, 10:30, http:// and Latin text keep theirs);
/// - brackets: a pair is made full-width when either bracket already is, when it encloses Han
///   text or touches Chinese; a lone half-width bracket when it touches Chinese;
/// - optionally, a straight `"` closing an open `“` becomes `”`.
/// 。、《》“” are never folded to ASCII; `.` is never changed (decimals, `1.` markers, dates).
struct WidthStep: NormalizeStep {
  static let id = "width"
  let rules: NormalizeRules.Width

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    var s = text.scalars
    var folded = 0
    for i in 0..<s.count where s[i].value >= 0xFF01 && s[i].value <= 0xFF5E && rules.foldToASCII.contains(s[i]) {
      if let h = Unicode.Scalar(s[i].value - 0xFEE0) { s[i] = h; folded += 1 }
    }
    var converted = 0
    for line in lineRanges(s) where !line.isEmpty {
      for _ in 0..<4 {  // conversions only go half → full, so this settles quickly
        let n = convertLine(&s, line)
        converted += n
        if n == 0 { break }
      }
    }
    ctx.count("width_folded", folded)
    ctx.count("punctuation_converted", converted)
    if folded == 0 && converted == 0 { return text }
    var out = text
    out.scalars = s
    return out
  }

  /// One round over a line; returns how many scalars changed.
  func convertLine(_ s: inout [Unicode.Scalar], _ line: Range<Int>) -> Int {
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
    let openFull = rules.chinese[openHalf], closeFull = rules.chinese[closeHalf]

    // 1. , : ; ! ? and other non-bracket punctuation in the map
    for i in line {
      let v = s[i].value
      guard v < 0x80, v != openHalf, v != closeHalf, let full = rules.chinese[v] else { continue }
      let p = prev(i), n = next(i)
      if (cjk(p) || cjk(n)) && !(alnum(p) && alnum(n)) {
        s[i] = full
        changed += 1
      }
    }
    // 2. brackets
    if let openFull, let closeFull {
      var hanBefore = [Int](repeating: 0, count: line.count + 1)
      for (k, i) in line.enumerated() { hanBefore[k + 1] = hanBefore[k] + (CharClass.isHan(s[i]) ? 1 : 0) }
      var stack: [Int] = []
      var lone: [Int] = []
      for i in line {
        let c = s[i]
        if c.value == openHalf || c == openFull {
          stack.append(i)
        } else if c.value == closeHalf || c == closeFull {
          guard let o = stack.popLast() else { lone.append(i); continue }
          let halfOpen = s[o].value == openHalf, halfClose = c.value == closeHalf
          guard halfOpen || halfClose else { continue }
          let hasHan = hanBefore[i - line.lowerBound] - hanBefore[o - line.lowerBound + 1] > 0
          if !(halfOpen && halfClose) || hasHan || cjk(prev(o)) || cjk(next(i)) {
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
      for i in line {
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
