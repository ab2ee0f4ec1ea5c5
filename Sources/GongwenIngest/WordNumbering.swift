import MarkupKit

/// Word list numbering (`word/numbering.xml`): the markers Word generates for `w:numPr` paragraphs.
///
/// Counters are kept per numId and level; a level restarts (at its `w:start`, or the num's
/// `w:startOverride`) after a higher level of the same list advances.
struct WordNumbering {
  struct Level {
    var start = 1
    var format = "decimal"
    var text = "%1."
    var suffix = "\t"
    var legal = false
  }

  var abstracts: [String: [Int: Level]] = [:]
  var numToAbstract: [String: String] = [:]
  var startOverrides: [String: [Int: Int]] = [:]
  /// Whole levels redefined by `w:num/w:lvlOverride/w:lvl`, per numId.
  var levelOverrides: [String: [Int: Level]] = [:]
  var counters: [String: [Int: Int]] = [:]
  var styles: [String: (numId: String?, ilvl: Int?, basedOn: String?)] = [:]

  mutating func loadNumbering(_ t: MarkupTree) {
    guard let root = t.root else { return }
    for a in t.children(of: root, named: "abstractNum") {
      guard let id = t[a].attribute("abstractNumId") else { continue }
      var levels: [Int: Level] = [:]
      for l in t.children(of: a, named: "lvl") {
        if let (il, level) = Self.level(t, l) { levels[il] = level }
      }
      abstracts[id] = levels
    }
    for n in t.children(of: root, named: "num") {
      guard let id = t[n].attribute("numId") else { continue }
      if let a = t.child(of: n, named: "abstractNumId").flatMap({ t[$0].attribute("val") }) { numToAbstract[id] = a }
      for o in t.children(of: n, named: "lvlOverride") {
        guard let il = t[o].attribute("ilvl").flatMap({ Int($0) }) else { continue }
        if let s = t.child(of: o, named: "startOverride").flatMap({ t[$0].attribute("val") }).flatMap({ Int($0) }) {
          startOverrides[id, default: [:]][il] = s
        }
        if let l = t.child(of: o, named: "lvl"), let (_, level) = Self.level(t, l) {
          levelOverrides[id, default: [:]][il] = level
        }
      }
    }
  }

  static func level(_ t: MarkupTree, _ l: Int) -> (Int, Level)? {
    guard let il = t[l].attribute("ilvl").flatMap({ Int($0) }) else { return nil }
    var level = Level()
    func val(_ name: String) -> String? { t.child(of: l, named: name).flatMap { t[$0].attribute("val") } }
    if let s = val("start").flatMap({ Int($0) }) { level.start = s }
    if let f = val("numFmt") { level.format = f }
    if let x = t.child(of: l, named: "lvlText") { level.text = t[x].attribute("val") ?? "" }
    switch val("suff") {
    case "space": level.suffix = " "
    case "nothing": level.suffix = ""
    default: level.suffix = "\t"
    }
    if let lg = t.child(of: l, named: "isLgl") { level.legal = t[lg].attribute("val").map { $0 != "0" && $0 != "false" } ?? true }
    return (il, level)
  }

  mutating func loadStyles(_ t: MarkupTree) {
    guard let root = t.root else { return }
    for s in t.children(of: root, named: "style") {
      guard let id = t[s].attribute("styleId") else { continue }
      let basedOn = t.child(of: s, named: "basedOn").flatMap { t[$0].attribute("val") }
      var numId: String? = nil, ilvl: Int? = nil
      if let pPr = t.child(of: s, named: "pPr"), let numPr = t.child(of: pPr, named: "numPr") {
        numId = t.child(of: numPr, named: "numId").flatMap { t[$0].attribute("val") }
        ilvl = t.child(of: numPr, named: "ilvl").flatMap { t[$0].attribute("val") }.flatMap { Int($0) }
      }
      styles[id] = (numId, ilvl, basedOn)
    }
  }

  /// Numbering a paragraph style carries (following `w:basedOn`, at most 16 steps).
  func styleNumbering(_ style: String) -> (numId: String, ilvl: Int)? {
    var cur: String? = style
    var steps = 0
    while let c = cur, let s = styles[c], steps < 16 {
      if let n = s.numId { return (n, s.ilvl ?? 0) }
      cur = s.basedOn
      steps += 1
    }
    return nil
  }

  /// Advances the counter of (numId, ilvl) and returns the marker text with its suffix.
  mutating func next(numId: String, ilvl: Int) -> String {
    guard let a = numToAbstract[numId], var levels = abstracts[a] else { return "" }
    for (k, v) in levelOverrides[numId] ?? [:] { levels[k] = v }
    guard let level = levels[ilvl] else { return "" }
    func startOf(_ l: Int) -> Int { startOverrides[numId]?[l] ?? levels[l]?.start ?? 1 }
    var c = counters[numId] ?? [:]
    c[ilvl] = c[ilvl].map { $0 + 1 } ?? startOf(ilvl)
    for k in c.keys where k > ilvl { c[k] = nil }
    counters[numId] = c
    if level.format == "none" { return "" }
    var out = ""
    var scalars = Array(level.text.unicodeScalars)[...]
    while let s = scalars.first {
      scalars = scalars.dropFirst()
      if s == "%", let d = scalars.first, let k = Int(String(d)), k >= 1, k <= 9 {
        scalars = scalars.dropFirst()
        let l = k - 1
        let value = c[l] ?? startOf(l)
        let fmt = level.legal && l != ilvl ? "decimal" : (levels[l]?.format ?? "decimal")
        out += Self.format(value, fmt)
      } else if level.format == "bullet", (0xE000...0xF8FF).contains(s.value) {
        out += "•"  // symbol-font bullets live in the private use area
      } else {
        out.unicodeScalars.append(s)
      }
    }
    return out + level.suffix
  }

  static let chineseDigits = Array("零一二三四五六七八九")
  static let legalDigits = Array("零壹贰叁肆伍陆柒捌玖")

  /// A counter value in one of Word's `numFmt`s (unknown formats fall back to decimal).
  static func format(_ n: Int, _ fmt: String) -> String {
    switch fmt {
    case "decimal", "ordinal", "cardinalText", "ordinalText": return String(n)
    case "decimalZero": return n >= 0 && n < 10 ? "0\(n)" : String(n)
    case "decimalFullWidth", "decimalFullWidth2":
      return String(String.UnicodeScalarView(String(n).unicodeScalars.compactMap { Unicode.Scalar($0.value + 0xFEE0) }))
    case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
      if (1...20).contains(n), let s = Unicode.Scalar(0x2460 + UInt32(n - 1)) { return String(Character(s)) }
      if (21...35).contains(n), let s = Unicode.Scalar(0x3251 + UInt32(n - 21)) { return String(Character(s)) }
      if (36...50).contains(n), let s = Unicode.Scalar(0x32B1 + UInt32(n - 36)) { return String(Character(s)) }
      return String(n)
    case "decimalEnclosedParen":
      if (1...20).contains(n), let s = Unicode.Scalar(0x2474 + UInt32(n - 1)) { return String(Character(s)) }
      return "(\(n))"
    case "decimalEnclosedFullstop":
      if (1...20).contains(n), let s = Unicode.Scalar(0x2488 + UInt32(n - 1)) { return String(Character(s)) }
      return "\(n)."
    case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
      "taiwaneseCountingThousand", "koreanCounting":
      return chinese(n, digits: chineseDigits, ten: "十", hundred: "百", thousand: "千")
    case "chineseLegalSimplified", "ideographLegalTraditional":
      return chinese(n, digits: legalDigits, ten: "拾", hundred: "佰", thousand: "仟", bareTen: false)
    case "ideographTraditional":
      let stems = Array("甲乙丙丁戊己庚辛壬癸")
      return (1...10).contains(n) ? String(stems[n - 1]) : String(n)
    case "ideographZodiac":
      let branches = Array("子丑寅卯辰巳午未申酉戌亥")
      return (1...12).contains(n) ? String(branches[n - 1]) : String(n)
    case "upperLetter", "lowerLetter":
      guard n >= 1 else { return String(n) }
      let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
      let s = String(repeating: letter, count: (n - 1) / 26 + 1)
      return fmt == "lowerLetter" ? s.lowercased() : s
    case "upperRoman", "lowerRoman":
      let s = roman(n)
      return fmt == "lowerRoman" ? s.lowercased() : s
    case "none": return ""
    default: return String(n)
    }
  }

  /// Chinese counting as Word writes it: 1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 110 一百一十.
  static func chinese(_ n: Int, digits: [Character], ten: String, hundred: String, thousand: String,
                      bareTen: Bool = true) -> String {
    guard n > 0, n < 10000 else { return String(n) }
    if n < 10 { return String(digits[n]) }
    if n < 20 && bareTen { return ten + (n % 10 == 0 ? "" : String(digits[n % 10])) }
    let units: [(Int, String)] = [(1000, thousand), (100, hundred), (10, ten), (1, "")]
    var out = ""
    var zero = false
    var started = false
    for (u, name) in units {
      let d = n / u % 10
      if d == 0 {
        if started { zero = true }
        continue
      }
      if zero { out.append(digits[0]); zero = false }
      out.append(digits[d])
      out += name
      started = true
    }
    return out
  }

  static func roman(_ n: Int) -> String {
    guard n > 0, n < 4000 else { return String(n) }
    let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                                  (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    var v = n, out = ""
    for (k, s) in table { while v >= k { out += s; v -= k } }
    return out
  }
}
