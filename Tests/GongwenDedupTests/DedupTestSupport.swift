import Foundation
import GongwenCore
import GongwenRules
import GongwenTestSupport
@testable import GongwenDedup

/// Helpers for the dedup tests: a stand-in for the Normalize stage, a seeded random source, a
/// generator of sentence-structured Chinese text, and the repeated-window checker.
enum DedupFixtures {
  static let rules: DedupRules = TestSupport.rules.dedup
  static let dedup = Deduplicator(rules: rules)

  /// Just enough normalisation for seed text: CRLF, ASCII parentheses as full width, whitespace
  /// trimmed per line, empty lines dropped (the real Normalize stage does more).
  static func prenormalize(_ text: String) -> String {
    var lines: [String] = []
    let ws = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}\u{A0}"))
    for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(raw).replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
      line = line.trimmingCharacters(in: ws)
      if !line.isEmpty { lines.append(line) }
    }
    return lines.joined(separator: "\n")
  }

  static func run(_ text: String) throws -> NormalizedDocument {
    try dedup.dedup(NormalizedDocument(text: CleanText(source: text)))
  }

  /// Every window of `length` scalars (no line break inside) that occurs again later without
  /// overlapping: (window text, first offset, later offset).
  static func repeatedWindows(_ s: [Unicode.Scalar], length: Int = 30) -> [(String, Int, Int)] {
    var seen: [ArraySlice<Unicode.Scalar>: Int] = [:]
    var out: [(String, Int, Int)] = []
    guard s.count >= length else { return [] }
    for i in 0...(s.count - length) {
      let w = s[i..<(i + length)]
      if w.contains("\n") { continue }
      if let first = seen[w] {
        if i - first >= length { out.append((String(String.UnicodeScalarView(w)), first, i)) }
      } else {
        seen[w] = i
      }
    }
    return out
  }

  /// The content sentences of a text (attributions and bits shorter than `min` left out).
  static func sentences(_ text: String, min: Int = 2) -> [String] {
    let s = Array(text.unicodeScalars)
    return UnitSplitter(rules: rules).split(s).filter { $0.isContent && $0.contentChars >= min }.map {
      String(String.UnicodeScalarView(s[$0.start..<$0.end])).trimmingCharacters(in: .whitespaces)
    }
  }

  /// Checks the offset map and the removal records of a dedup result against its input.
  static func invariantProblems(input: String, output: NormalizedDocument) -> [String] {
    var problems: [String] = []
    let src = Array(input.unicodeScalars)
    let t = output.text
    if t.scalars.count != t.origin.count { problems.append("origin count") }
    var covered = [Bool](repeating: false, count: src.count)
    var keptSource = [Bool](repeating: false, count: src.count)
    for o in t.origin where o >= 0 && o < src.count { keptSource[o] = true }
    for (i, o) in t.origin.enumerated() {
      guard o >= 0, o < src.count, src[o] == t.scalars[i] else {
        problems.append("scalar \(i) does not map to its source")
        break
      }
      // Reassembly moves whole units: origins then stay distinct but need not increase.
      if output.stats["dedup_reordered_units", default: 0] > 0 || output.stats["dedup_reattached_units", default: 0] > 0 {
        if covered[o] {
          problems.append("origin \(o) used twice")
          break
        }
      } else if i > 0, t.origin[i - 1] >= o {
        problems.append("origin not increasing at \(i)")
        break
      }
      covered[o] = true
    }
    var removedChars = 0
    for r in output.removed where r.stage == "dedup" {
      removedChars += r.span.length
      for k in r.span.range where k < src.count {
        if covered[k] {
          problems.append("removal \(r.span) overlaps kept text at \(k)")
          break
        }
        covered[k] = true
      }
      let spanText = String(String.UnicodeScalarView(src[r.span.range]))
      if spanText != r.text { problems.append("removal text differs from its span \(r.span)") }
      if !["repeated_run", "repeated_paragraph", "repeated_sentence"].contains(r.reason) {
        problems.append("reason \(r.reason)")
      }
      guard let d = r.duplicates else {
        problems.append("removal \(r.span) without kept copy")
        continue
      }
      // What is left of the kept copy (it may enclose text an earlier pass removed).
      let kept = String(String.UnicodeScalarView(d.range.filter { keptSource[$0] }.map { src[$0] }))
      if !squeeze(kept).contains(squeeze(r.text)) { problems.append("removal \(r.span) is not in its kept copy \(d)") }
      // The kept copy starts and ends in kept text (it may enclose text removed by an earlier pass).
      if d.isEmpty || !keptSource[d.start] || !keptSource[d.end - 1] {
        problems.append("kept copy \(d) of \(r.span) was itself removed")
      }
    }
    if let k = covered.firstIndex(of: false) { problems.append("source offset \(k) neither kept nor removed") }
    if output.stats["dedup_removed_chars", default: 0] != removedChars { problems.append("stats chars") }
    if output.stats["dedup_removed_runs", default: 0] != output.removed.count { problems.append("stats runs") }
    return problems
  }

  /// Text without line breaks and spaces, for comparing a removed piece with its kept copy.
  static func squeeze(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.filter { !($0 == "\n" || isSpace($0)) }))
  }
}

/// SplitMix64: a small seeded generator, so property tests are reproducible.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Generates notices made of numbered clauses, sentences and attributions.
struct NoticeGenerator {
  static let alphabet = Array(
    ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
      + "之进着等部度家电力里如水化高自理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几区强放决西被干做必战先回则任取据处府研")
      .unicodeScalars)
  static let attributions = ["（卫生厅负责）", "（财政厅、卫生厅负责）", "（人力资源和社会保障厅、卫生厅分别负责）", "（发展改革委负责）"]
  static let stock = ["促进失业人员参保。", "开展门诊救助。", "加强督促指导。"]
  static let chineseDigits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  var rng: SeededRandom
  init(seed: UInt64) { rng = SeededRandom(seed: seed) }

  mutating func pick<T>(_ a: [T]) -> T { a[Int.random(in: 0..<a.count, using: &rng)] }

  mutating func sentence() -> String {
    let n = Int.random(in: 8...40, using: &rng)
    var s = String.UnicodeScalarView()
    for _ in 0..<n { s.append(pick(Self.alphabet)) }
    if n > 14, Bool.random(using: &rng) {
      s.insert("，", at: s.index(s.startIndex, offsetBy: n / 2))
    }
    return String(s) + (Int.random(in: 0..<6, using: &rng) == 0 ? "；" : "。")
  }

  /// Units of one notice: headings, numbered clauses with sentences and attributions, some
  /// legitimately repeated short sentences and attributions. Paragraph breaks are "\n" units.
  mutating func notice(sections: Int) -> [String] {
    var units: [String] = []
    for sec in 0..<sections {
      units.append(Self.chineseDigits[sec % 10] + "、" + sentence())
      units.append("\n")
      for item in 0..<Int.random(in: 1...4, using: &rng) {
        units.append("（\(Self.chineseDigits[item % 10])）" + sentence())
        for sub in 0..<Int.random(in: 1...4, using: &rng) {
          units.append("\(sub + 1)．" + sentence())
          for _ in 0..<Int.random(in: 0...3, using: &rng) {
            units.append(Int.random(in: 0..<8, using: &rng) == 0 ? pick(Self.stock) : sentence())
          }
          if Bool.random(using: &rng) { units.append(pick(Self.attributions)) }
          if Int.random(in: 0..<3, using: &rng) == 0 { units.append("\n") }
        }
        units.append("\n")
      }
    }
    return units
  }

  /// Re-inserts random windows of the notice's units 1-3 more times at random places, as in the
  /// bad scrape of seed 000, and drops some line breaks.
  mutating func scramble(_ units: [String], insertions: Int) -> [String] {
    var out = units
    for _ in 0..<insertions {
      let len = Int.random(in: 2...6, using: &rng)
      guard units.count > len else { break }
      let from = Int.random(in: 0...(units.count - len), using: &rng)
      let window = Array(units[from..<(from + len)])
      for _ in 0..<Int.random(in: 1...3, using: &rng) {
        out.insert(contentsOf: window, at: Int.random(in: 0...out.count, using: &rng))
      }
    }
    return out.filter { $0 != "\n" || Int.random(in: 0..<3, using: &rng) != 0 }
  }

  static func text(_ units: [String]) -> String {
    var s = units.joined()
    while s.contains("\n\n") { s = s.replacingOccurrences(of: "\n\n", with: "\n") }
    while s.hasPrefix("\n") { s.removeFirst() }
    if !s.hasSuffix("\n") { s += "\n" }
    return s
  }
}
