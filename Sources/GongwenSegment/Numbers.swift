/// Reads the number inside a marker or a date part. Returns nil for anything that is not a number
/// of that kind (so a malformed marker is simply not a candidate).
public func parseNumber(_ digits: [Unicode.Scalar], _ kind: Numerals) -> Int? {
  guard !digits.isEmpty, digits.count <= 12 else { return nil }
  switch kind {
  case .arabic:
    var v = 0
    for c in digits {
      switch c.value {
      case 0x30...0x39: v = v * 10 + Int(c.value - 0x30)
      case 0xFF10...0xFF19: v = v * 10 + Int(c.value - 0xFF10)
      // (spaces between digits, where a scheme's pattern allows them: 第 2 0 条)
      case 0x20, 0xA0, 0x3000: continue
      default: return nil
      }
    }
    return v
  case .chinese:
    return chineseNumber(digits)
  case .decimal:
    return decimalComponents(digits)?.last
  case .circled:
    guard digits.count == 1 else { return nil }
    let v = digits[0].value
    switch v {
    case 0x2460...0x2473: return Int(v - 0x2460) + 1  // ①-⑳
    case 0x3251...0x325F: return Int(v - 0x3251) + 21  // ㉑-㉟
    case 0x32B1...0x32BF: return Int(v - 0x32B1) + 36  // ㊱-㊿
    case 0x2776...0x277F: return Int(v - 0x2776) + 1  // ❶-❿
    case 0x2474...0x2487: return Int(v - 0x2474) + 1  // ⑴-⒇
    case 0x2488...0x249B: return Int(v - 0x2488) + 1  // ⒈-⒛
    case 0x3220...0x3229: return Int(v - 0x3220) + 1  // ㈠-㈩
    default: return nil
    }
  case .latin:
    guard digits.count == 1 else { return nil }
    let v = digits[0].value
    switch v {
    case 0x41...0x5A: return Int(v - 0x41) + 1
    case 0x61...0x7A: return Int(v - 0x61) + 1
    case 0xFF21...0xFF3A: return Int(v - 0xFF21) + 1
    case 0xFF41...0xFF5A: return Int(v - 0xFF41) + 1
    default: return nil
    }
  }
}

func chineseDigit(_ c: Unicode.Scalar) -> Int? {
  switch c {
  case "〇", "○", "零", "Ｏ", "O", "0": return 0
  case "一", "壹": return 1
  case "二", "两", "贰": return 2
  case "三", "叁": return 3
  case "四", "肆": return 4
  case "五", "伍": return 5
  case "六", "陆": return 6
  case "七", "柒": return 7
  case "八", "捌": return 8
  case "九", "玖": return 9
  default: return nil
  }
}

/// 一 → 1, 十二 → 12, 二十五 → 25, 三十 → 30, 一百零二 → 102, 二〇一一 → 2011 (digit strings).
func chineseNumber(_ s: [Unicode.Scalar]) -> Int? {
  var hasUnit = false
  for c in s where c == "十" || c == "拾" || c == "百" || c == "佰" || c == "千" || c == "仟" { hasUnit = true; break }
  if !hasUnit {
    var v = 0
    for c in s {
      guard let d = chineseDigit(c) else { return nil }
      v = v * 10 + d
    }
    return v
  }
  var total = 0
  var current = 0
  var lastUnit = Int.max
  for c in s {
    if let d = chineseDigit(c) {
      current = d
      continue
    }
    let unit: Int
    switch c {
    case "十", "拾": unit = 10
    case "百", "佰": unit = 100
    case "千", "仟": unit = 1000
    default: return nil
    }
    guard unit < lastUnit else { return nil }  // 十百 is not a number
    lastUnit = unit
    total += (current == 0 ? 1 : current) * unit
    current = 0
  }
  return total + current
}

/// YYYY-MM-DD for a valid calendar-ish date, else nil.
func formatDate(_ y: Int, _ m: Int, _ d: Int) -> String? {
  guard (1900...2999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
  let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  guard d <= days[m - 1] else { return nil }
  func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
  return "\(y)-\(pad(m))-\(pad(d))"
}

/// 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五, 102 → 一百零二 (1…999), as clause markers write them.
func chineseNumeral(_ n: Int) -> String? {
  guard (1...999).contains(n) else { return nil }
  let digits: [String] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
  let h = n / 100, t = (n / 10) % 10, u = n % 10
  var out = ""
  if h > 0 { out += digits[h] + "百" }
  if t > 0 {
    out += (t == 1 && h == 0 ? "" : digits[t]) + "十"
  } else if h > 0, u > 0 {
    out += "零"
  }
  if u > 0 { out += digits[u] }
  return out
}

/// `marker` written with another number in the same numerals (`（二）` → `（一）`, `4.` → `3.`): the
/// marker of an ancestor the text lost, inferred from its next sibling. nil when the marker's
/// numerals are neither Arabic nor Chinese, or no number is found in it.
func marker(_ marker: String, renumberedTo number: Int, _ kind: Numerals) -> String? {
  let s = Array(marker.unicodeScalars)
  let isNumeral: (Unicode.Scalar) -> Bool
  let written: String
  switch kind {
  case .arabic:
    isNumeral = { (0x30...0x39).contains($0.value) || (0xFF10...0xFF19).contains($0.value) }
    guard number >= 0 else { return nil }
    written = String(number)
  case .chinese:
    isNumeral = { chineseDigit($0) != nil || "十拾百佰".unicodeScalars.contains($0) }
    guard let w = chineseNumeral(number) else { return nil }
    written = w
  default:
    return nil
  }
  guard let a = s.firstIndex(where: isNumeral) else { return nil }
  var b = a
  while b < s.count, isNumeral(s[b]) { b += 1 }
  var out = String.UnicodeScalarView(s[..<a])
  out.append(contentsOf: written.unicodeScalars)
  out.append(contentsOf: s[b...])
  return String(out)
}

/// The numbers of a decimal marker (`2.4.9` -> [2, 4, 9]; full-width digits and `．` too); nil unless
/// every part between the dots is a number.
func decimalComponents(_ digits: [Unicode.Scalar]) -> [Int]? {
  var out: [Int] = []
  var part: [Unicode.Scalar] = []
  for c in digits + ["."] {
    if c == "." || c == "．" {
      guard let v = parseNumber(part, .arabic) else { return nil }
      out.append(v)
      part.removeAll()
    } else {
      part.append(c)
    }
  }
  return out
}
