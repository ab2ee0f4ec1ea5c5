import Foundation
import GongwenCore
import GongwenRules
@testable import GongwenSegment
import GongwenTestSupport
import Testing

/// A table of contents printed before an emergency plan's text (Corpus/heldout146 14601: `…应急预案目录1总则` / `1.1编制目的` /
/// … then the text's own `1总则` / `1.1编制目的在…`): its numbered lines are no clauses (`sequence.table_of_contents`).
@Suite struct TableOfContentsTests {
  static let notice = """
    平潭综合实验区突发重大动物疫情应急预案目录1总则
    1.1编制目的
    1.2编制依据
    1.3疫情分级2组织体系
    2.1应急指挥机构
    2.2日常管理机构
    1总则
    1.1编制目的
    为及时、有效地预防、控制和扑灭突发重大动物疫情，制定本预案。
    1.2编制依据
    依据《重大动物疫情应急条例》，制定本预案。
    1.3疫情分级
    根据疫情的性质和危害程度分为四级。
    2组织体系
    2.1应急指挥机构
    区经济发展局负责组织、协调全区突发重大动物疫情应急处理工作。
    2.2日常管理机构
    区经济发展局负责日常协调、管理工作。
    """

  @Test func theContentsAreNoClauses() throws {
    let (o, c) = try outline(Self.notice)
    // one unit per section of the text, none for the contents' lines
    #expect(o.units.map { pathString($0.path) } == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2"])
    let first = try #require(o.units.first(where: { $0.path == [1, 1] }))
    #expect(c.string(first.bodyRange).hasPrefix("编制目的\n为及时"))
    let last = try #require(o.units.last)
    #expect(c.string(last.bodyRange).contains("负责日常协调"))
  }

  @Test func withoutTheRuleTheContentsAreReadAsClauses() throws {
    let yaml = bundledYAML.replacingOccurrences(of: "  table_of_contents: [目录]\n", with: "")
    #expect(yaml != bundledYAML)
    let rules = try RuleSet.decode(SegmentRules.self, yaml: yaml)
    let o = try Segmenter(rules: rules).segment(CleanText(source: Self.notice))
    let first = try #require(o.units.first(where: { $0.path == [1, 1] }))
    #expect(first.bodyRange.upperBound < 60)
  }

  @Test func aContentsWordWithoutTheFirstEntryAgainDropsNothing() throws {
    // 目录 before numbered items that are never printed again: they are the text's own clauses
    let text = """
      关于印发重点工作目录的通知
      各部门：
      现将工作目录印发如下：
      1.推进项目建设。
      2.加强资金保障。
      3.强化督查考核。
      4.做好宣传引导。
      5.抓好安全生产。
      """
    let (o, _) = try outline(text)
    #expect(o.units.count == 5)
  }
}

private let bundledYAML: String = {
  (try? String(contentsOfFile: TestSupport.rulesDirectory + "/segment.yaml", encoding: .utf8)) ?? ""
}()

/// An emergency plan's sections four numbers deep, a title opening with a Roman numeral, and a title starting with 日常
/// (Corpus/heldout146 14601).
@Suite struct DeepDecimalSectionTests {
  @Test func fourNumbersRomanNumeralsAndDailyWork() throws {
    let text = """
      3运行机制
      3.1应急响应
      各级人民政府按照分级响应的原则作出响应。
      3.1.1分级响应
      根据疫情等级，依次作出Ⅰ级、II级应急响应。
      3.1.1.1 Ⅰ级应急响应
      （1）区管委会组织协调有关部门参与处理。
      （2）区经济发展局组织专家组进行评估。
      3.1.1.2 II级应急响应
      区管委会启动应急响应。
      3.2日常管理机构
      区经济发展局负责日常协调、管理工作。
      """
    let (o, _) = try outline(text)
    // (a top section alone is taken only as the first, 1, or after other sections: `3运行机制` opening the text is not)
    #expect(o.units.map { pathString($0.path) } == ["3.1", "3.1.1", "3.1.1.1", "3.1.1.1.1", "3.1.1.1.2", "3.1.1.2", "3.2"])
    #expect(o.units.first(where: { $0.path == [3, 1, 1, 1] })?.markers == ["3", "3.1", "3.1.1", "3.1.1.1"])
    // a number of days is still no section: 休息2.5日后
    let (d, _) = try outline("1.1编制目的\n为规范工作，制定本预案。\n1.2 2.5日内完成报告。")
    #expect(d.units.map { pathString($0.path) } == ["1.1"])
  }

  @Test func aTitleInTheTableOfContentsRunIntoTheTextIsTheHeading() throws {
    let (o, c) = try outline(TableOfContentsTests.notice.replacingOccurrences(
      of: "2.1应急指挥机构\n区经济发展局负责组织", with: "2.1应急指挥机构区经济发展局在区管委会的领导下负责组织"))
    let u = try #require(o.units.last(where: { $0.path == [2, 1] }))
    #expect(c.string(u.bodyRange).hasPrefix("应急指挥机构区经济发展局在"))
    #expect(u.heading == "应急指挥机构")
  }
}

/// `heading.run_on_titles`: a section title of a duty list run into its first body (Corpus/heldout147 14702: `七、任务分工
/// 区渔业行政主管部门：负责…` on one scraped line; the space between them is gone after normalising).
@Suite struct DutyListTitleTests {
  @Test func aDutyListsTitleRunIntoItsFirstBodyIsTheHeading() throws {
    let text = "一、总体目标\n建成示范基地3个。\n二、任务分工区渔业行政主管部门：负责项目示范基地的组织协调工作；项目经营主体：负责配套服务设施建设。"
    let (o, _) = try outline(text)
    #expect(o.units.last?.heading == "任务分工")
    // (`三、成员单位职责区办公室政策法规处：…`; Corpus/heldout148 14804)
    for title in ["职责分工", "责任分工", "部门职责", "成员单位职责", "各成员单位职责"] {
      let (p, _) = try outline(text.replacingOccurrences(of: "任务分工区", with: title + "区"))
      #expect(p.units.last?.heading == title)
    }
  }

  /// A verb before the title (`二、明确职责分工春运工作涉及面广，…`, `一、加强组织领导各乡镇要…`; Corpus/heldout156 15602): the longer title,
  /// is the heading; a title followed by punctuation is left to the first sentence.
  @Test func aTitleWithItsVerbRunIntoTheText() throws {
    let (o, _) = try outline("一、加强组织领导春运工作涉及广大人民群众的切身利益，做好春运工作既是一项重要的民生工程，也是践行要求的具体体现。\n"
      + "二、明确职责分工春运工作涉及面广，不确定因素多，为确保春运安全、畅通，各成员单位要把安全工作放在春运工作的首位，各司其职。\n"
      + "（一）区交通局要加强运力调度。")
    #expect(o.units.map(\.heading) == ["加强组织领导", "明确职责分工", nil])
    let (p, _) = try outline("一、明确工作职责，强化责任落实。各乡镇要高度重视，切实抓好落实。")
    #expect(p.units.first?.heading == "明确工作职责，强化责任落实")
  }

  /// A title glued to the body's first enumerated point (`（二）明确网格监管工作重点一是加强巡查报告。…二是…`; Corpus/heldout156 15601):
  /// the title is the heading, short first sentence or long; without a second point (二是) the words stay one sentence.
  @Test func aTitleGluedToItsFirstPoint() throws {
    let (o, _) = try outline("一、工作措施\n（一）落实网格监管工作责任一是建立各级网格内环保监管“五定”机制，即对网格内所有污染源定责任人、定监管任务。二是强化考核。\n"
      + "（二）明确网格监管工作重点一是加强巡查报告。网格责任人员要对辖区内所有排污企业开展巡查。二是加强调查处理。\n"
      + "（三）提升执法能力一要落实经费投入。要将工作经费列入同级财政预算。二要加强队伍建设。\n"
      + "（四）坚持全区统一是非标准。各单位要严格执行。")
    #expect(o.units.map(\.heading) == ["工作措施", "落实网格监管工作责任", "明确网格监管工作重点", "提升执法能力", "坚持全区统一是非标准"])
  }
}
