import Foundation
import GongwenCore
import GongwenRules
import GongwenTestSupport
import Testing
@testable import GongwenDedup

/// `keep_lists_of_next_section`: a checklist printed under two consecutive sections is the notice's own text, not a
/// scrape's repeat (Corpus/heldout162 16205; heldout145 14502, heldout62 6303 print a section's first item again under
/// the next one).
@Suite struct ChecklistRepeatTests {
  let item = "重点排查整治以下内容：1.是否擅自改变建筑使用功能、擅自加层扩建；"

  @Test func aListStartedAgainUnderTheNextSectionIsKept() throws {
    let text = "（一）疫情防控方面。\(item)2.消防车通道是否畅通。\n（二）人员密集场所方面。\(item)2.是否未经审批擅自施工。"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty)
    #expect(out.text.string == text)
  }

  @Test func theSameRunElsewhereIsStillARepeat() throws {
    // the copy under the same section again, and under a section that is not the next one: removed as before
    let same = "（一）疫情防控方面。\(item)2.消防车通道是否畅通。\(item)"
    #expect(try DedupFixtures.run(same).removed.count == 1)
    let later = "（一）疫情防控方面。\(item)2.消防车通道是否畅通。\n（三）人员密集场所方面。\(item)2.是否未经审批擅自施工。"
    #expect(try DedupFixtures.run(later).removed.count == 1)
    // a run that carries its section's marker along is a scrape's repeat of the section
    let carried = "（一）疫情防控方面。\(item)\n（二）人员密集场所方面。（一）疫情防控方面。\(item)"
    #expect(try DedupFixtures.run(carried).removed.count == 1)
  }

  @Test func offTheRuleRemovesTheCopy() throws {
    let yaml = try String(contentsOfFile: TestSupport.rulesDirectory + "/dedup.yaml", encoding: .utf8)
      .replacingOccurrences(of: "keep_lists_of_next_section: true", with: "keep_lists_of_next_section: false")
    let rules = try RuleSet.decode(DedupRules.self, yaml: yaml)
    let text = "（一）疫情防控方面。\(item)2.消防车通道是否畅通。\n（二）人员密集场所方面。\(item)2.是否未经审批擅自施工。"
    let out = try Deduplicator(rules: rules).dedup(NormalizedDocument(text: CleanText(source: text)))
    #expect(out.removed.count == 1)
  }
}

/// A label run on after a sentence on a page whose line breaks were lost (`…主体责任。责任处室：政法综治处、党政办公室（二）加强…`;
/// Corpus/heldout163 16301): its list ends at the next clause marker or sentence end, and is an attribution, so the same
/// list under the next task is no repeat.
@Suite struct RunInLabelTests {
  @Test func theSameLabelledListUnderTwoClausesIsKept() throws {
    let list = "责任处室：政法综治处、党政办公室"
    let text = "（一）加强风险防控。推进举报奖励政策的落实。\(list)（二）加强应急救援能力建设。支持应急救援队伍建设。\(list)（三）加强宣教培训。"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty)
    #expect(out.text.string == text)
  }

  @Test func aSentenceRepeatedAfterTheLabelIsStillARepeat() throws {
    // the label's list ends at the marker: the long sentence after the next marker is compared on its own
    let sentence = "支持应急救援队伍建设，统筹规范社会应急力量管理。"
    let text = "（一）加强风险防控。\(sentence)责任处室：政法综治处（二）加强应急救援。\(sentence)"
    #expect(try DedupFixtures.run(text).removed.count == 1)
  }

  @Test func aValueWithSemicolonsIsOneAttribution() throws {
    // 时间要求：…；…。 under two items (Corpus/heldout151 15101): the value runs to its sentence end, past its semicolons
    let value = "时间要求：平潭时报，9月1日；平潭广播电视台，9月5日至9月12日；平潭网，9月10日。"
    let text = "6.发展目标专题：解读发展指标体系。责任单位：区经发局。\(value)7.共同家园建设专题：介绍对台合作平台。责任单位：区台湾工作部。\(value)"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty)
  }
}
