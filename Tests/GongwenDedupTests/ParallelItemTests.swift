import Foundation
import GongwenCore
import GongwenRules
import GongwenTestSupport
import Testing
@testable import GongwenDedup

/// `keep_parallel_items`: the same item under a later parallel section, standing in its own numbering place between text
/// found once, is the notice's own text, not a scrape's repeat (Corpus/heldout189 18902: `（四）组织实施：由区政协主席会议组织实施。`
/// under `二、` and `三、`; heldout120 12004: each officer's `（1）积极配合机制落实。…`; heldout116 11602; under articles, heldout176
/// 17601).
@Suite struct ParallelItemTests {
  let item = "（四）组织实施：由区政协主席会议组织实施。"

  func two(_ second: String, lead: String = "牵头领导：区政协副主席张晖。") -> String {
    "二、围绕实体经济开展常委会协商\n（三）参加人员：区政协常委会组成人员。\n\(item)牵头领导：区政协副主席孙卫斌。\n" + second
      .replacingOccurrences(of: "LEAD", with: lead)
  }

  let parallel = "三、围绕农民增收开展常委会协商\n（三）参加人员：区政府领导，区级有关部门负责人。\n（四）组织实施：由区政协主席会议组织实施。LEAD\n四、其他\n"

  @Test func theSameItemUnderTheNextSectionIsKept() throws {
    let text = two(parallel)
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string == text)
    // each officer's first duties: two items alike, the second's text going on otherwise (配合车站… / 配合街镇…)
    let duty = "（1）积极配合机制落实。配合做好“四长联动”各项机制建立和落实工作；定期参加工作例会，主动与车站沟通联系。\n"
    let officers = "二、职责\n2．轨道交通警长职责\n" + duty + "（2）积极配合联合整治。配合车站开展整治，维护秩序。\n3．属地派出所长职责\n"
      + duty + "（2）积极配合联合整治。配合街镇开展整治，打击违法。\n三、工作要求\n"
    #expect(try DedupFixtures.run(officers).removed.isEmpty)
  }

  @Test func theSameClosingItemUnderTheNextArticleIsKept() throws {
    // an article (第X条) is the parent of the list it opens (Corpus/heldout176 17601, heldout90 9006)
    let last = "（四）法律、法规、规章规定的其他防尘措施。\n"
    let text = "第十五条 施工单位应当采取下列防尘措施：\n（一）施工工地周围设置硬质围挡。\n（二）进出车辆冲洗干净。\n（三）裸露地面覆盖。\n"
      + last + "第十六条 运输单位应当采取下列防尘措施：\n（一）车辆密闭运输。\n（二）按规定路线行驶。\n（三）及时清扫撒漏物。\n" + last
      + "第十七条 违反本办法的，依法处理。\n"
    #expect(try DedupFixtures.run(text).removed.isEmpty)
    // under the same article again it is a repeat
    let same = "第十五条 施工单位应当采取下列防尘措施：\n（三）裸露地面覆盖。\n" + last + "（三）车辆密闭运输。\n" + last
      + "第十七条 违反本办法的，依法处理。\n"
    #expect(try DedupFixtures.run(same).removed.count == 1)
  }

  @Test func aCopyOutOfPlaceIsStillARepeat() throws {
    // after a sibling that is not its previous one
    #expect(try DedupFixtures.run(two("三、围绕农民增收开展常委会协商\n（五）时间安排：九月。\n\(item)LEAD\n四、其他\n")).removed.count == 1)
    // under the source's own section again
    #expect(try DedupFixtures.run(two("（三）参加人员：区政府领导。\n\(item)LEAD\n四、其他\n")).removed.count == 1)
    // ending the text: nothing after it says where it stands
    #expect(try DedupFixtures.run(two("三、围绕农民增收开展常委会协商\n（三）参加人员：区政府领导。\n\(item)")).removed.count == 1)
    // plain text after it that opens otherwise than after the source
    #expect(try DedupFixtures.run(two(parallel, lead: "时间安排在九月。")).removed.count == 1)
    // inside a deeper item: its nearest marker is no sibling of its own
    let deeper = "三、围绕农民增收开展常委会协商\n（三）参加人员：\n1．区政府领导。\n\(item)LEAD\n四、其他\n"
    #expect(try DedupFixtures.run(two(deeper)).removed.count == 1)
  }

  @Test func underAnEarlierSectionItIsARepeat() throws {
    // the source under 三、, the copy later under 二、: sections run in order, a scrape's pass does not
    let text = "三、围绕农民增收开展常委会协商\n（三）参加人员：区政府领导。\n\(item)牵头领导：区政协副主席孙卫斌。\n"
      + "二、围绕实体经济开展常委会协商\n（三）参加人员：区政协常委会组成人员。\n\(item)牵头领导：区政协副主席张晖。\n四、其他\n"
    #expect(try DedupFixtures.run(text).removed.count == 1)
  }

  @Test func offTheRuleRemovesTheCopy() throws {
    let yaml = try String(contentsOfFile: TestSupport.rulesDirectory + "/dedup.yaml", encoding: .utf8)
      .replacingOccurrences(of: "keep_parallel_items: true", with: "keep_parallel_items: false")
    let rules = try RuleSet.decode(DedupRules.self, yaml: yaml)
    let out = try Deduplicator(rules: rules).dedup(NormalizedDocument(text: CleanText(source: two(parallel))))
    #expect(out.removed.count == 1)
  }

  @Test func keptItemsStayKeptOnASecondRun() throws {
    let once = try DedupFixtures.run(two(parallel))
    let again = try DedupFixtures.run(once.text.string)
    #expect(again.removed.isEmpty)
  }
}
