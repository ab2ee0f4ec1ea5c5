import GongwenCore
import Foundation
import ICUKit
@testable import GongwenNormalize
import GongwenTestSupport
import Testing

@Suite struct TraditionalTests {
  let trad = "國務院辦公廳關於印發乾安縣醫療衛生體制改革工作方案的通知\n各縣（市、區）人民政府，於潛鎮衛生院：請結合實際認真貫徹執行。"

  @Test func convertsTraditionalTextAndProtectsTerms() throws {
    let d = try only(["traditional"]).normalize(trad)
    #expect(d.text.string == "国务院办公厅关于印发乾安县医疗卫生体制改革工作方案的通知\n各县（市、区）人民政府，於潜镇卫生院：请结合实际认真贯彻执行。")
    #expect(d.stats["traditional_converted"] == 1)
    #expect((d.stats["traditional_chars"] ?? 0) >= 20)
    // one output scalar per source scalar, origins unchanged
    #expect(d.text.origin == Array(0..<trad.unicodeScalars.count))
  }

  @Test func leavesSimplifiedTextAlone() throws {
    for id in seedIDs {
      let d = norm(TestSupport.corpusNotice(id))
      #expect(d.stats["traditional_converted"] == nil)
    }
    let simplified = "乾安县人民政府关于印发乾安县医疗卫生体制改革工作方案的通知，请结合实际认真贯彻执行。"
    #expect(run(only(["traditional"]), simplified) == simplified)
    // too few Han characters to measure
    #expect(run(only(["traditional"]), "國務院") == "國務院")
  }

  @Test func fullPipelineIsIdempotentOnTraditional() {
    let once = norm(trad)
    #expect(once.stats["traditional_converted"] == 1)
    let twice = norm(once.text.string)
    #expect(twice.text.string == once.text.string)
    #expect(twice.stats["traditional_converted"] == nil)
  }
}

/// A transliterator that changes lengths (here Latin-ASCII after T→S: ß → ss) keeps the offset
/// map safe: the line is converted scalar by scalar and both `s` point at the `ß`.
@Test func lengthChangingConversionKeepsOffsets() throws {
  let yaml = (try? String(contentsOfFile: TestSupport.rulesDirectory + "/normalize.yaml", encoding: .utf8)) ?? ""
  let rules = try RuleSet.decode(NormalizeRules.self, yaml: yaml
    .replacingOccurrences(of: "transliterator: Traditional-Simplified", with: "transliterator: Traditional-Simplified;Latin-ASCII")
    .replacingOccurrences(of: "  whitespace: true\n", with: "  whitespace: false\n"))
  let src = "國務院辦公廳關於印發醫療衛生體制改革工作方案的通知\n各縣人民政府：Straße計劃"
  let d = try Normalizer(rules: rules).normalize(src)
  #expect(d.text.string == "国务院办公厅关于印发医疗卫生体制改革工作方案的通知\n各县人民政府：Strasse计划")
  let srcScalars = Array(src.unicodeScalars)
  let ß = srcScalars.firstIndex(of: "ß") ?? -1
  let out = d.text.scalars
  let firstS = Array(out).indices.filter { out[$0] == "s" }
  #expect(firstS.map { d.text.origin[$0] } == [ß, ß])
  #expect(zip(d.text.origin, d.text.origin.dropFirst()).allSatisfy { $0 <= $1 })
  #expect(d.text.origin.last == srcScalars.count - 1)
}

import GongwenRules

/// ICU's `Traditional-Simplified` rules applied from a table (`PhraseMap`) give what ICU gives.
@Suite struct PhraseTableTests {
  static let rules = TestSupport.rules.normalize.traditional

  @Test func theBundledTransliteratorIsReadAsATable() throws {
    let table = try #require(Self.rules.phrases)
    #expect(table.groups.count > 500)
    // phrase rules come before the single characters they start with (乾隆 stays, 乾 alone becomes 干)
    var s = Array("乾隆年間乾燥".unicodeScalars)
    table.apply(&s)
    let icu = try ICUTransliterator(id: Self.rules.transliteratorID).transliterate("乾隆年間乾燥")
    #expect(String(String.UnicodeScalarView(s)) == icu)
  }

  /// Table and ICU, line by line.
  static func differences(_ text: String) throws -> [String] {
    let table = try #require(rules.phrases)
    let icu = try ICUTransliterator(id: rules.transliteratorID)
    var out: [String] = []
    for line in text.split(separator: "\n") {
      var s = Array(line.unicodeScalars)
      table.apply(&s)
      let expected = try icu.transliterate(String(line))
      let got = String(String.UnicodeScalarView(s))
      if got != expected { out.append("\(line) -> table \(got), ICU \(expected)") }
    }
    return out
  }

  @Test(arguments: ["unseen/notices/103_xiangxi-2020.txt", "unseen/notices/106_guangzhou-2006.txt",
                    "heldout16/notices/1705_yangxian-minshengshishi-2024.txt", "heldout6/notices/701_wujiang-key-tasks-2024.txt",
                    "heldout10/notices/1101_guowuyuan-nongcungaige-fengong-2014.txt"])
  func traditionalNoticesConvertAsICUConvertsThem(_ path: String) throws {
    let text = try String(contentsOfFile: TestSupport.corpusDirectory.appendingPathComponent(path).path, encoding: .utf8)
    #expect(try Self.differences(text) == [])
  }

  @Test func phrasesRunTogetherConvertAsICUConvertsThem() throws {
    // every rule's source, in random order, with random neighbours: overlapping phrases, a phrase
    // cut by the line's end, a phrase right after another
    let table = try #require(Self.rules.phrases)
    let sources = table.groups.flatMap { $0.map { String(String.UnicodeScalarView($0.source)) } }
    var rng = SplitMix64(state: 42)
    let filler = Array("的是國家關於發展會議中華人民共和國於乾隆後面".unicodeScalars).map { String($0) }
    var lines: [String] = []
    for _ in 0..<400 {
      var line = ""
      for _ in 0..<(1 + Int(rng.next() % 12)) {
        line += rng.next() % 3 == 0 ? filler[Int(rng.next() % UInt64(filler.count))] : sources[Int(rng.next() % UInt64(sources.count))]
      }
      lines.append(line)
    }
    #expect(try Self.differences(lines.joined(separator: "\n")) == [])
  }

  /// The characters that change alone, from the table and from ICU: the same set.
  @Test func changingTableFromTheTableIsICUs() throws {
    let table = try #require(Self.rules.phrases)
    let icu = try ICUTransliterator(id: Self.rules.transliteratorID)
    let fromTable = NormalizeRules.changingTable(table)
    #expect(fromTable == (try NormalizeRules.changingTable(icu)))
    #expect(fromTable == Self.rules.changing)
    #expect(fromTable.members.count > 2000)
  }

  @Test func anythingButPlainReplacementsIsLeftToICU() {
    #expect(PhraseMap(rules: "甲 > 乙;\n丙丁 > 戊己;") != nil)
    for rules in ["甲 > 乙乙;", "甲 } 乙 > 丙;", "::NFC; 甲 > 乙;", "'甲' > 乙;", "[甲乙] > 丙;", "甲 > ;", ""] {
      #expect(PhraseMap(rules: rules) == nil, "\(rules)")
    }
  }
}
