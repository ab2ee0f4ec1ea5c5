import GongwenCore
import GongwenNormalize
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
