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
