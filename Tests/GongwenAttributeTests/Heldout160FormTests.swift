import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout160 (thirty-eighth session).

/// Labelled lists run into a unit's text after a sentence end, more text after them, on a page whose line breaks were lost
/// (Corpus/heldout160 16001 `三、（七）2．`): each is read, its last name cut where the next paragraph's title runs on.
@Suite struct RunInLabelledListTests {
  @Test func labelledListsInsideAUnitAreReadAndEndAtTheNextTitle() throws {
    let (o, _) = try run([
      U("2．", [3, 7, 2], "主要任务建设全区公共就业和人才服务信息平台。牵头单位：区行政审批局、社会事业局，配合单位：区党群工作部、通管办“互联网+”医疗卫生：积极利用互联网提供预约诊疗服务。牵头单位：区卫生与计划生育局“互联网+”教育：建设区教育资源公共服务平台。牵头单位：区教育局，配合单位：区社会事业局", heading: "主要任务"),
    ])
    let a = try #require(o.attributions[0])
    #expect(a.lead == ["区行政审批局", "区社会事业局", "区卫生与计划生育局", "区教育局"])
    #expect(a.participating == ["区党群工作部", "区通管办", "区社会事业局"])
  }

  @Test func aLabelLineOfItsOwnInsideAUnitIsNotReadAsRunIn() throws {
    let (o, _) = try run([
      U("1.", [1, 1], "由洛克乡组织实施，水利局负责监督指导服务。\n项目责任领导:努尔买买提\n项目责任单位:洛克乡、水利局\n项目责任人:张海龙\n项目实施时间:2026年1月"),
    ])
    let a = try #require(o.attributions[0])
    #expect(a.departments.contains("水利局"))
  }
}

/// `区经发局经信处、发改处、商务处`: short divisions after a named bureau's division are that bureau's (`division_inheritance.owners`;
/// Corpus/heldout160 16001, had given 区发改处); a body of another kind in between ends the run.
@Suite struct BureauDivisionInheritanceTests {
  @Test func divisionsAfterABureausDivisionInheritTheBureau() throws {
    let (o, _) = try run([
      U("（二）", [3, 2], "推进农业物联网建设。（牵头单位：区农村发展局，配合单位：区经发局经信处、发改处、商务处，区社会事业局、市场监督管理局）"),
    ])
    let a = try #require(o.attributions[0])
    #expect(a.participating.contains("区经发局发改处"))
    #expect(a.participating.contains("区经发局商务处"))
    #expect(a.participating.contains("区社会事业局"))
    #expect(!a.participating.contains("区经发局社会事业局"))
  }
}

/// After a comma, a name outside the lexicon that starts with a jurisdiction and ends like a body is read as a body for sure
/// (`leading.sure_name_max_length`; Corpus/heldout160 16002 `二、2.`); clause words ending like one are not.
@Suite struct SureNameAfterCommaTests {
  @Test func aJurisdictionsBureauOutsideTheLexiconIsReadAfterAComma() throws {
    let (o, _) = try run([
      U("2.", [2, 2], "森林抚育和封山育林面积各1万亩，按全区各乡镇林地面积下达到乡镇、村实施，区森林与园林管理局负责设计、技术指导和检查验收。"),
    ])
    let a = try #require(o.attributions[0])
    #expect(a.responsible == ["区森林与园林管理局"])
  }

  @Test func clauseWordsAndOverlongNamesAreNotRead() throws {
    let (o, _) = try run([
      U("1.", [2, 1], "加快建设，召开调研工作动员会负责落实。"),
      U("2.", [2, 2], "加快建设，区农村集体经济组织联合发展管理局负责落实。"),
    ])
    #expect(o.attributions[0]?.departments ?? [] == [])
    #expect(o.attributions[1]?.departments ?? [] == [])
  }
}

/// `由A、B作为责任主体（业主单位）负责实施`: a role noun after 作为 may be followed by a short note in brackets and a role word
/// (Corpus/heldout160 16002 `四、`); a state forest farm (`国有防护林场`, ending 林场) is a body.
@Suite struct RoleNounBeforeRoleWordTests {
  @Test func namesAsTheResponsibleBodyBeforeARoleWordAreRead() throws {
    let (o, _) = try run([
      U("四、", [4], "简化程序，规范管理。对绿色村镇、森林抚育实行属地管理。由相关乡镇、国有防护林场作为责任主体（业主单位）负责实施。"),
      U("五、", [5], "区财政局作为责任主体负责实施。"),
    ])
    #expect(o.attributions[0]?.responsible == ["相关乡镇", "国有防护林场"])
    #expect(o.attributions[1]?.responsible == ["区财政局"])
  }

  @Test func aRoleNounThatIsNotFollowedByARoleWordNamesNone() throws {
    let (o, _) = try run([
      U("一、", [1], "区财政局作为责任主体的上级，加强指导。"),
    ])
    #expect(o.attributions[0]?.departments ?? [] == [])
  }
}

// Forms met in the blind set heldout161 (thirty-ninth session).

/// `区医保局要切实发挥牵头部门作用，…`: the body that is to play the lead's part leads (Corpus/heldout161 16102 `三、（一）`).
@Suite struct PlaysTheLeadsPartTests {
  @Test func aBodyToPlayTheLeadingDepartmentsPartLeads() throws {
    let (o, _) = try run([
      U("（一）", [3, 1], "加强组织领导。区医保局要切实发挥牵头部门作用，逐级分解任务，明确时间表、路线图。", heading: "加强组织领导"),
      U("（二）", [3, 2], "区财政局要发挥牵头作用，做好资金保障。"),
    ])
    #expect(o.attributions[0]?.lead == ["区医疗保障局"])
    #expect(o.attributions[1]?.lead == ["区财政局"])
  }
}
