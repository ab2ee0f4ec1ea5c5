import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout159 (thirty-seventh session).

/// `同时要会同监察、审计等部门…参与`: an adverb and a modal before 会同 name no body (Corpus/heldout159 15903 `六、（二）4.`, where
/// they had given a lead `同时要部门`); `not_department` rules out a name starting with 同时.
@Suite struct AdverbBeforeHuitongTests {
  @Test func anAdverbAndAModalBeforeHuitongAreNoLead() throws {
    let (o, _) = try run([
      U("（二）", [6, 2], "明确工作职责", heading: "明确工作职责"),
      U("4．", [6, 2, 4], "各行业主管部门制定行业技术规范，做好绩效评价等工作。规划、国土等有关行政审批部门要优化流程，提高工作效率；同时要会同监察、审计等部门在各自职责范围内参与项目过程管理。"),
    ])
    let raw = o.attributions[1]?.departmentsRaw ?? []
    #expect(!raw.contains { $0.hasPrefix("同时") })
    #expect(o.attributions[1]?.lead.isEmpty ?? true)
  }
}

/// `区财政金融局（区PPP管理中心）牵头`: a unit named in brackets after a body may hold a Latin abbreviation (Corpus/heldout159
/// 15903 `四、（一）`, where the bracket had ended the subject and the task had no attribution); `等行业主管部门` is an appositive
/// tail (`tail_words`), not a body of its own (had given 区行业主管部门).
@Suite struct LatinUnitInBracketTests {
  @Test func aBracketedUnitWithALatinAbbreviationStaysInTheSubject() throws {
    let (o, _) = try run([
      U("四、", [4], "操作流程", heading: "操作流程"),
      U("（一）", [4, 1], "项目识别由区财政金融局（区PPP管理中心）牵头，区经济发展局、区交通建设局、区社会事业局等行业主管部门配合，向各片区管理局征集潜在项目。"),
    ])
    let a = try #require(o.attributions[1])
    #expect(a.lead == ["区财政金融局（区PPP管理中心）"])
    #expect(a.participating == ["区经济发展局", "区交通建设局", "区社会事业局"])
  }

  @Test func latinLettersAloneAreNoUnit() throws {
    let (o, _) = try run([
      U("（一）", [1], "由区财政金融局（PPP）牵头，区经济发展局配合，征集项目。"),
    ])
    #expect(!(o.attributions[0]?.lead ?? []).contains { $0.contains("PPP") })
  }
}

/// `…予以拆除，交通、海事部门等有关部门要积极配合`: after a comma, names that are bodies for sure may end with a generic tail
/// (Corpus/heldout159 15904 `一、`, where the tail had made the whole list unsure); a generic alone still is not read there.
@Suite struct GenericTailAfterCommaTests {
  @Test func sureBodiesWithAGenericTailAfterACommaAreRead() throws {
    let (o, _) = try run([
      U("一、", [1], "强化管理。海洋渔业部门负责调查摸底；区执法支队不定期巡查，一经发现立即予以拆除，交通、海事部门等有关部门要积极配合。"),
    ])
    let a = try #require(o.attributions[0])
    #expect(a.participating.contains("交通部门"))
    #expect(a.participating.contains("海事部门"))
  }

  @Test func aGenericAloneAfterACommaIsNotRead() throws {
    let (o, _) = try run([
      U("一、", [1], "强化管理。海洋渔业部门负责调查摸底；区执法支队不定期巡查，其他相关部门配合，于6月20日前报送。"),
    ])
    let a = try #require(o.attributions[0])
    #expect(a.participating.isEmpty)
  }
}
