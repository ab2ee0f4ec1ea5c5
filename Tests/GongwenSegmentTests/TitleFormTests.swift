import GongwenCore
import GongwenSegment
import GongwenTestSupport
import Testing

/// Titles a page prints with joint issuers before the title word, a note after the title's ending, or only in its title
/// field (Rules/segment.yaml `metadata.title_issuer_joiners`, `title_issuer_tail`, `title_end_note`, `title_field_labels`).
@Suite struct TitleFormTests {
  private let body = "\n各单位：\n现印发给你们。\n一、任务\n（一）做好工作。"

  @Test(arguments: [
    // Corpus/heldout161 16103, 16102; heldout103 10302; heldout89 (卫生部、轻工部…的联合通知)
    "平潭综合实验区农业农村局等9部门关于印发《某某实施方案》的通知",
    "平潭综合实验区医疗保障管理局等部门关于印发《某某实施方案（2018-2020年）》的通知",
    "教育部等十部门关于办好2024年职业教育活动周的通知",
    "卫生部、轻工部、国家医药管理局关于碘酸钾代替碘化钾加工碘盐的联合通知",
    "宝山区生态环境局、宝山区水务局关于印发《宝山区海洋垃圾清理行动方案》的通知",
  ])
  func jointIssuersBeforeTheTitleWord(_ title: String) throws {
    let (o, _) = try outline("标题: " + title + body)
    #expect(o.metadata.title == title)
  }

  @Test func aLoneIssuerWithoutItsEndingIsNoIssuer() throws {
    // 等 closes issuers only after one: a line that merely starts with 等 is no title
    let (o, _) = try outline("等部门关于做好工作的通知说明如下" + body)
    #expect(o.metadata.title == nil)
  }

  @Test(arguments: [
    // Corpus/heldout123 12301: the span of years after 方案 is the title's
    ("标题: 奉贤区促进产教融合高质量发展实施方案（2024-2026年）", "奉贤区促进产教融合高质量发展实施方案（2024-2026年）"),
    ("标题: 某某区垃圾分类管理办法（试行）", "某某区垃圾分类管理办法（试行）"),
    // a bare year after 的通知 is a law site's note (Corpus/heldout72 7207), a revision year the page's
    ("盘锦市人民政府办公室关于修订盘锦市防汛抗旱应急预案的通知(2011)", "盘锦市人民政府办公室关于修订盘锦市防汛抗旱应急预案的通知"),
    ("标题: 某某市殡葬管理实施方案(1997修正)", "某某市殡葬管理实施方案"),
    // Corpus/heldout105 10507: a plan's name in the page's title field, no 关于 line anywhere
    ("标题: 罗店镇市容环境常态化管理考核实施意见", "罗店镇市容环境常态化管理考核实施意见"),
    // the value ends where the next field's label follows a space (Corpus/unseen 107)
    ("名称: 谯城区教育局2025年政府工作报告重点工作任务分解表 文号:", "谯城区教育局2025年政府工作报告重点工作任务分解表"),
    // no title ending: the whole value, when it holds no stop character
    ("标题：街道环境整顿安排", "街道环境整顿安排"),
  ])
  func aNoteAfterTheEndingOrTheTitleField(_ line: String, _ title: String) throws {
    let (o, _) = try outline(line + body)
    #expect(o.metadata.title == title)
  }

  @Test func aTitleFieldIsNoTitleWhenItsValueIsASentence() throws {
    // a stop character in the value (a site name after a dash, a sentence): no title from the field
    let (o, _) = try outline("标题：做好工作，确保安全" + body)
    #expect(o.metadata.title == nil)
    // a word that starts like the label is no label (标题栏)
    let (p, _) = try outline("标题栏某某方案" + body)
    #expect(p.metadata.title == nil)
  }

  @Test func aTitleWordLineStillWinsOverTheField() throws {
    // the field is a fallback: a 关于 title anywhere in the preamble is the title
    let (o, _) = try outline("标题: 某某实施方案\n某某区人民政府关于印发某某实施方案的通知" + body)
    #expect(o.metadata.title == "某某区人民政府关于印发某某实施方案的通知")
  }

  @Test(arguments: [
    // Corpus/heldout115 11502: a regulation printed without a cover, its title a line of its own
    ("法搜网--中国法律信息搜索网\n大同市殡葬管理办法(1997修正)\n大同市殡葬管理办法\n第一条 为加强殡葬管理，制定本办法。", "大同市殡葬管理办法"),
    ("抚顺市烟花爆竹安全管理规定\n第一条 为了加强烟花爆竹安全管理，制定本规定。", "抚顺市烟花爆竹安全管理规定"),
  ])
  func aRegulationsTitleLine(_ text: String, _ title: String) throws {
    let (o, _) = try outline(text)
    #expect(o.metadata.title == title)
  }

  @Test func aPlansTitleLineIsNoNoticeTitle() throws {
    // seed 002's convention: a plan printed without its cover keeps title null (方案 is no standalone ending)
    let (o, _) = try outline("云南省巩固完善基本药物制度和基层运行新机制实施方案\n一、总体要求\n（一）做好工作。")
    #expect(o.metadata.title == nil)
    // a short line is no title (办法 alone, 管理办法)
    let (p, _) = try outline("管理办法\n第一条 为加强管理，制定本办法。")
    #expect(p.metadata.title == nil)
  }
}
