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
