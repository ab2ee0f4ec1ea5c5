import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind sets heldout50–55 (seventh session).

/// A bracket cut by the page's end inside the note after its list (Corpus/heldout51 5204).
@Suite struct CutNoteTests {
  @Test func aListEndingWithARoleWordAndAFullStopBeforeACutNote() throws {
    let a = try #require(try attribution("综合评价对就业岗位的影响。（区发展改革委、区财政局、人行江津中心支行等负责。列第一位者为牵头单位，下"))
    #expect(a.departmentsRaw == ["区发展改革委", "区财政局", "人行江津中心支行"])
    #expect(a.lead.count == 1)
    #expect(a.responsible.count == 3)
    // a full stop not after a role word still ends the search: the bracket was closed before it, or is no list
    #expect(try attribution("综合评价对就业岗位的影响（区发展改革委、区财政局。列第一位者为牵头单位，下") == nil)
  }
}

/// `牵头负责` and `牵头落实` name leads only: 牵头 decides (Corpus/heldout51 5203, heldout16).
@Suite struct LeadDecidesTests {
  @Test func leadAndResponsibleWordsGiveLeadOnly() throws {
    let a = try #require(try attribution("规范信用信息的征集。（县政府法制办、人行德安分行、县发改委牵头负责）"))
    #expect(a.lead == a.departments)
    #expect(a.departments.count == 3)
    #expect(a.responsible.isEmpty)
    let b = try #require(try attribution("加强宣传。（市财政局牵头落实，市税务局配合）"))
    #expect(b.lead == ["市财政局"])
    #expect(b.responsible.isEmpty)
    #expect(b.participating == ["市税务局"])
  }
}

/// A body named by its kind, `公安机关` (Corpus/heldout50 5104): `机关` is a department suffix.
@Suite struct OrganSuffixTests {
  @Test func anOrganIsADepartment() throws {
    let (o, _) = try run([U("二、", [2], "抓好信息采集工作\n个体出租营业用房税收由各乡镇政府牵头，公安机关积极配合，建立房屋出租信息库。")])
    let a = try #require(o.attributions[0])
    #expect(a.lead == ["各乡镇政府"])
    #expect(a.participating == ["公安机关"])
  }
}

/// A working group's members after its name and a colon, its duties in the next sentence (Corpus/heldout50 5103).
@Suite struct GroupMembersTests {
  @Test func theMembersOfAGroupAreResponsible() throws {
    let (o, _) = try run([U("（1）", [1], "捐赠接收组：市民政局、市慈善会、市红十字会。负责组织接收国内外捐赠款物。牵头单位：市民政局。")])
    let a = try #require(o.attributions[0])
    #expect(a.departments == ["市民政局", "市慈善会", "市红十字会"])
    #expect(a.lead == ["市民政局"])
    #expect(Set(a.responsible) == Set(["市民政局", "市慈善会", "市红十字会"]))
    // not: names that are no departments, a role word that does not start the next sentence
    for body in ["捐赠接收组：各界人士、爱心企业。负责组织接收捐赠款物。", "捐赠接收组：市民政局、市慈善会。组织接收捐赠款物。"] {
      let (p, _) = try run([U("（1）", [1], body)])
      #expect(p.attributions[0] == nil, "\(body)")
    }
  }
}

/// Items of a section headed as a division of duties name their departments without a role word
/// (`leading.duty_headings`; Corpus/heldout50 5105).
@Suite struct DutySectionTests {
  @Test func theDepartmentsStartingAnItemUnderADutyHeading() throws {
    let units = [
      U("四、", [4], "工作职责\n为保证防空警报试鸣准确、安全、可靠，试鸣工作由县政府统一指挥。", heading: "工作职责"),
      U("1.", [4, 1], "县国动办、县文旅广电局确保应急广播终端防空警报专用频率安全可靠；"),
      U("2.", [4, 2], "县供电分公司保障防空警报设施供电需要；"),
      U("3.", [4, 3], "乡村振兴办公室做好组织协调工作，对各村整治情况进行检查。"),
      U("4.", [4, 4], "统筹协调全市学校汛期安全防范工作的重大问题。"),
      U("5.", [4, 5], "明确政府职责和市场功能。"),
    ]
    let (o, _) = try run(units)
    #expect(o.attributions[1]?.responsible == ["县国动办", "县文旅广电局"])
    #expect(o.attributions[2]?.responsible == ["县供电分公司"])
    #expect(o.attributions[3]?.responsible == ["乡村振兴办公室"])
    #expect(o.attributions[4] == nil)
    #expect(o.attributions[5] == nil)
    // not under another heading
    let (p, _) = try run([U("四、", [4], "工作要求", heading: "工作要求"), U("1.", [4, 1], "县国动办、县文旅广电局确保应急广播终端安全可靠。")])
    #expect(p.attributions[1] == nil)
  }
}

/// A running number in brackets after the list (`（责任单位：…）（1216）`): the list ends before it.
@Suite struct RunningNumberAfterListTests {
  @Test func theListBeforeABracketOfDigits() throws {
    let a = try #require(try attribution("继续加大支持乡镇卫生院标准化建设的力度。(责任单位：市发展和改革委员会、财政局、卫生局)(1216)"))
    #expect(a.departments == ["市发展和改革委员会", "市财政局", "市卫生局"])
    // digits alone name nobody
    #expect(try attribution("继续加大支持乡镇卫生院标准化建设的力度。(1216)") == nil)
  }
}

/// A labelled list whose colons a garbled copy lost, at the end of its clause (Corpus/heldout53 5402).
@Suite struct ColonlessLabelTests {
  @Test func labelsWithoutColonsAtTheEnd() throws {
    let a = try #require(try attribution("公交四公司北侧甬道积存垃圾，业户垃圾清运费没有收到位责任单位环卫分公司配合单位办事处、城管中队"))
    #expect(a.responsible == ["环卫分公司"])
    #expect(a.participating == ["办事处", "城管中队"])
    // not: a label word as a noun (各牵头单位对…), names that are a sentence, a list inside a sentence
    for body in ["签订目标责任书，各牵头单位对牵头任务完成情况负总责",
                 "建立健全责任制，落实责任单位和责任人员",
                 "明确责任单位市财政局。加强督促检查，确保按时完成"] {
      #expect(try attribution(body) == nil, "\(body)")
    }
  }
}

/// Subjects read further: a list sharing its last word before a colon, a second subject after a role word's
/// object, a subject carried over to a later clause starting with a role word (Corpus/heldout57 5802, 5803,
/// heldout44 4504).
@Suite struct SubjectsReadFurtherTests {
  @Test func aListSharingItsLastWordBeforeAColon() throws {
    let a = try #require(try attribution("公安、司法、安监部门：要完善户籍和流动人口管理办法；负责对进城务工农民提供法律咨询。"))
    #expect(a.departments == ["公安部门", "司法部门", "安监部门"])
    // a label ending with the shared word is no list of names
    #expect(try attribution("责任部门：要完善户籍和流动人口管理办法；负责对进城务工农民提供法律咨询。")?.departments.isEmpty ?? true)
  }

  @Test func aSecondSubjectAfterARoleWordsObject() throws {
    let a = try #require(try attribution("市政府办公厅负责统一协调，市农业局负责日常工作。"))
    #expect(a.departments == ["市人民政府办公厅", "市农业局"])
    // not a clause that goes on after a comma, nor one without names before its role word
    let b = try #require(try attribution("市政府办公厅负责统一协调，其他相关部门配合，于6月20日前报送。"))
    #expect(b.departments == ["市人民政府办公厅"])
  }

  @Test func aSubjectCarriedOverToAClauseStartingWithARoleWord() throws {
    let a = try #require(try attribution("市卫生局对可能发生的传染病进行监测预警；负责监测饮用水水源。"))
    #expect(a.responsible == ["市卫生局"])
    // not a later clause with a subject of its own, nor a role word inside a clause, nor a next sentence
    for body in ["市卫生局对传染病进行监测预警；各医院负责救治。", "市卫生局对传染病进行监测预警，并负责监测饮用水。",
                 "市卫生局对传染病进行监测预警。负责监测饮用水。"] {
      #expect(try attribution(body)?.departments.contains("市卫生局") != true, "\(body)")
    }
  }
}

/// `X作为…牵头责任部门` (Corpus/heldout49 5004): the copula 作为 and the role noun 牵头责任部门.
@Suite struct AsTheLeadTests {
  @Test func aDepartmentAsTheLeadingBody() throws {
    let a = try #require(try attribution("市经委作为全市域外招商牵头责任部门，要组织协调好域外招商引资各项工作。"))
    #expect(a.lead == ["市经济委员会"])
    // 作为 without a role noun names nobody
    #expect(try attribution("市经委作为全市招商工作的重要力量，要组织协调好各项工作。") == nil)
  }
}

/// A numbered item starting with department names and a colon, without a role word (`leading.colon_subjects`;
/// Corpus/heldout59 6001, heldout43 4403, heldout44 4505).
@Suite struct ColonSubjectTests {
  @Test func namesBeforeAColonAreResponsible() throws {
    let a = try #require(try attribution("省民政厅：核实全省干旱灾害的损失，组织安排救灾及灾民安置工作。"))
    #expect(a.responsible == ["省民政厅"])
    let b = try #require(try attribution("建设、交通、林业部门：要在行业管理和项目建设工作中，确保农民工的平等就业权利。"))
    #expect(b.departments == ["建设部门", "交通部门", "林业部门"])
    // not a label, a generic body alone, a title that is no department, or nothing after the colon
    for body in ["责任单位：核实全省干旱灾害的损失。", "有关部门：核实全省干旱灾害的损失。", "工作目标：核实全省干旱灾害的损失。",
                 "主要任务：\n核实全省干旱灾害的损失。"] {
      #expect(try attribution(body)?.departments.isEmpty ?? true, "\(body)")
    }
  }
}

/// More forms of a numbered item's subject (Corpus/heldout58 5902, 5905, 5907).
@Suite struct ItemSubjectFormsTests {
  @Test func aBodyOfAKindBeforeAColonWithARoleWordLater() throws {
    let a = try #require(try attribution("财政部门：保障疫苗、扑杀等经费及时足额到位，负责防治经费的管理和监督。"))
    #expect(a.responsible == ["财政部门"])
    // a label at the end of the words before the colon is no body
    let b = try attribution("县城园林路绿化点补充责任单位：财政局。该绿化点由建设局牵头组织。")
    #expect(b?.departmentsRaw.contains("县城园林路绿化点补充责任单位") != true)
  }

  @Test func namesAndTheWordNamingTheirDutiesBeforeAColon() throws {
    let a = try #require(try attribution("工商部门职责：依法确认道路客运行业的各类市场主体经营资格。"))
    #expect(a.responsible == ["工商部门"])
  }

  @Test func aBodyAloneBeforeAFullStop() throws {
    let a = try #require(try attribution("财政部门。做好社区矫正经费保障工作，将社区矫正经费纳入年度预算。"))
    #expect(a.responsible == ["财政部门"])
    // a heading sentence ending like a body is none
    for body in ["鼓励发展非公立医疗机构。进一步开放医疗服务市场。", "大力改善医疗服务。医疗机构继续落实行动计划。"] {
      #expect(try attribution(body) == nil, "\(body)")
    }
  }
}

/// `工作分工：` names no role of its own: the role words in the list decide (Corpus/heldout58 5906).
@Suite struct WorkDivisionLabelTests {
  @Test func theRoleWordsInTheListDecide() throws {
    let a = try #require(try attribution("不断拓展经费来源渠道。\n工作分工：市科协、市委组织部、市财政局牵头，市全民科学素质工作领导小组其他成员单位参与。"))
    #expect(a.lead.count == 3)
    #expect(a.departmentsRaw.first == "市科协")
    #expect(a.participating.count == 1)
  }
}

/// A heading line of names and a colon, the duties on the next line; museums as bodies (Corpus/heldout61 6205,
/// heldout60 6103).
@Suite struct HeadingColonAndMuseumTests {
  @Test func namesAndAColonEndingTheLine() throws {
    let a = try #require(try attribution("农业、沼气部门：\n要把“两管五改”纳入农田基本建设和新农村的发展规划。"))
    #expect(a.departments == ["农业部门", "沼气部门"])
    // a heading that is no body, ending with a colon, names nobody
    #expect(try attribution("主要任务：\n要把“两管五改”纳入农田基本建设和新农村的发展规划。") == nil)
  }

  @Test func aMemorialHallIsABody() throws {
    let a = try #require(try attribution("蔡文姬墓，由蓝田县蔡文姬纪念馆全面负责文物保护单位的安全管理工作。"))
    #expect(a.responsible == ["蓝田县蔡文姬纪念馆"])
  }
}

/// `X是…的主管机关，负责…` (Corpus/heldout62 6305): the role noun 主管机关.
@Suite struct CompetentOrganTests {
  @Test func theCompetentOrgan() throws {
    let a = try #require(try attribution("公安部门是城市燃放烟花爆竹的主管机关，负责烟花爆竹的公共安全管理。"))
    #expect(a.responsible == ["公安部门"])
  }
}

/// An emergency plan's list of who leads for each kind of incident: the kind, a colon, then the names and their role word
/// (`（1）生产经营性火灾事故：区消防救援局牵头。`; Corpus/heldout133 13301).
@Suite struct TopicColonSubjectTests {
  @Test func theNamesAfterATopicAndItsColonAreTheSubject() throws {
    let (o, _) = try run([U("（1）", [1], "生产经营性火灾事故：区消防救援局牵头。"),
                          U("（2）", [2], "特种设备安全事故：区市场监管局负责，区应急局配合。")])
    #expect(o.attributions[0]?.lead == ["区消防救援局"])
    let b = try #require(o.attributions[1])
    #expect(b.departmentsRaw == ["区市场监管局", "区应急局"])
    #expect(b.responsible.count == 1)
    #expect(b.participating == ["区应急局"])
  }

  @Test func aTopicBeforeAColonAndTextThatNamesNoBodyGivesNothing() throws {
    for body in ["工作目标：到2025年底，全面完成改造任务。", "主要职责：负责全区安全生产的综合监督管理。", "总体要求：各单位要高度重视。"] {
      let (o, _) = try run([U("（1）", [1], body)])
      #expect(o.attributions[0] == nil, "\(body)")
    }
  }
}
