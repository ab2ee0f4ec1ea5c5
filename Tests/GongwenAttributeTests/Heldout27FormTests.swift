import GongwenAttribute
import GongwenCore
import Testing

/// Subjects inside running text (Corpus/heldout27, heldout29): departments after 由 in a later
/// sentence, names holding a short bracket, fields before 等有关部门, a later sentence's subject.
@Suite struct RunningTextSubjectTests {
  @Test func departmentsAfter由InALaterSentence() throws {
    // heldout27 2801: a first sentence with its own 的问题， (no State Council 分工 form), then 由 after a comma
    let body = "部门自查\n省级部门要按照职责分工，梳理发现执行中存在的问题，确保决策措施取得实质进展。19个方面督查重点，"
      + "由所涉及的省政府办公厅、住房城乡建设厅、民政厅等省级主管部门（单位）牵头完成自查报告，其他相关部门（单位）配合。"
    let a = try #require(try attribution(body))
    #expect(a.lead.prefix(3) == ["省人民政府办公厅", "省住房和城乡建设厅", "省民政厅"])
    // heldout27 2803: after a phrase, with 统一 before the role word; the sentence after the comma is no list
    let b = try #require(try attribution("日军遗弃化学武器情况复杂。因此，这项工作由外交部和总参谋部统一归口管理，有关省、自治区、直辖市及军区也要相应指定有关部门负责管理。"))
    #expect(b.departments == ["外交部", "总参谋部"])
    #expect(b.responsible == ["外交部", "总参谋部"])
    // not 应由: what the law assigns
    #expect(try attribution("加强执法。依法查处违法行为。该类案件应由公安部门负责查处。") == nil)
  }

  @Test func aShortBracketInsideASubjectsName() throws {
    let a = try #require(try attribution("各县（市、区）人民政府负责组织实施本地区工作。"))
    #expect(a.responsible == ["各县（市、区）人民政府"])
    let b = try #require(try attribution("各县（市、区）政府、省教育厅（牵头）负责落实。"))
    #expect(b.lead == ["省教育厅"])
    #expect(b.departments.count == 2)
    // a longer bracket is no part of a name
    #expect(try attribution("各县（根据本地实际情况自行确定）负责落实。") == nil)
  }

  @Test func fieldsBefore等有关部门ShareTheBodyAndTheJurisdiction() throws {
    // heldout29 3001 (一)
    let a = try #require(try attribution("制订发展规划。相关规划工作由省科技、发展改革、经济和信息化等有关部门负责。"))
    #expect(a.departments == ["省科技部门", "省发展改革部门", "省经济和信息化部门"])
    // after a department, X等有关部门 is X and 有关部门 (heldout13 1402)
    let b = try #require(try attribution("做好宣传。（市财政局等有关部门负责）"))
    #expect(b.departments == ["市财政局", "有关部门"])
  }

  @Test func aLaterSentencesSubjectAlone() throws {
    // heldout29 3001 (十四): 要 between the subject and its role word
    let a = try #require(try attribution("为人才提供落户便利。各地级以上市人力资源社会保障部门要牵头开展专项行动，对不合理规定进行清理。"))
    #expect(a.lead == ["各地级以上市人力资源社会保障部门"])
  }
}

/// Forms of Corpus/heldout30: places sharing the body named after the last of them, a mark after a
/// name, a labelled bracket inside a clause cut by the page's end.
@Suite struct Heldout30FormTests {
  @Test func placesShareTheBodyNamedAfterTheLast() throws {
    let a = try #require(try attribution("推动规划衔接。(责任单位:襄阳市、十堰市、随州市、神农架林区发改委,完成时限:2023年6月)"))
    #expect(a.departments == ["襄阳市发改委", "十堰市发改委", "随州市发改委", "神农架林区发改委"])
    #expect(a.departmentsRaw == ["襄阳市", "十堰市", "随州市", "神农架林区发改委"])
    let b = try #require(try attribution("建立协调机制。\n责任单位：海东市、兰州市、临夏州发展改革部门"))
    #expect(b.departments == ["海东市发展改革部门", "兰州市发展改革部门", "临夏州发展改革部门"])
    // not a department before the places' body: 各级卫生计生、发展改革、财政部门 shares 部门 as before
    let c = try #require(try attribution("加大投入。（各级卫生计生、发展改革、财政部门负责）"))
    #expect(c.departments == ["各级卫生计生部门", "各级发展改革部门", "各级财政部门"])
  }

  @Test func aMarkAfterANameIsDropped() throws {
    let a = try #require(try attribution("加快建设现代工业强市。（责任单位：市经信委*、市发改委）"))
    #expect(a.departmentsRaw == ["市经信委", "市发改委"])
    #expect(a.lead.isEmpty)
  }

  @Test func aLabelledBracketInsideAClauseCutByThePageEnd() throws {
    // the text goes on after the bracket and is cut mid-sentence: the bracket is the list, whole
    let a = try #require(try attribution("加快建设现代工业强市。突破性发展新兴产业（责任单位：市经信委、高新区管委会、经开区管委会）。未来五年，围绕规模以上工业产值突破10000亿元的目标，着力培育大"))
    #expect(a.departmentsRaw == ["市经信委", "高新区管委会", "经开区管委会"])
  }
}

/// Forms of Corpus/heldout31.
@Suite struct Heldout31FormTests {
  @Test func aFirstListedDeclarationIsRoleEvidence() throws {
    // a list without role word whose last name does not end like a department (直属库), closed by the
    // declaration that the first-listed leads
    let a = try #require(try attribution("增强粮食安全意识。（市发改委、市农委、市商务粮食局、各县市区人民政府、中储粮株洲直属库。排名第一的为牵头单位，下同）"))
    #expect(a.lead == ["市发展和改革委员会"])
    #expect(a.departments.count == 5)
    // without it, such a list is no attribution
    #expect(try attribution("增强粮食安全意识。（市发改委、中储粮株洲直属库）") == nil)
  }

  @Test func barsSeparateNames() throws {
    let a = try #require(try attribution("发展旅游业。（市商务局、市旅游局|市发改委负责）"))
    #expect(a.departmentsRaw == ["市商务局", "市旅游局", "市发改委"])
  }
}

/// Labels in square brackets instead of before a colon (found by probing common forms).
@Suite struct BracketedLabelTests {
  @Test func aLabelInSquareBrackets() throws {
    let a = try #require(try attribution("优化营商环境。【牵头单位】市数据局【配合单位】市司法局、市公安局"))
    #expect(a.lead == ["市数据局"])
    #expect(a.participating == ["市司法局", "市公安局"])
    let b = try #require(try attribution("加强监管。\n[责任单位]市市场监管局"))
    #expect(b.responsible == ["市市场监督管理局"])
    // a bracket that holds no listed label is no label (【重点任务】 is a heading word)
    #expect(try attribution("加强监管。【重点任务】市市场监管局") == nil)
  }
}

/// Forms of Corpus/heldout32.
@Suite struct Heldout32FormTests {
  @Test func aLabelLineAfterALabelLineEndingInAFullStop() throws {
    // 牵头单位：A。⏎责任单位：A、B… (the line break after 。 is no note)
    let a = try #require(try attribution("单位地区生产总值能耗降低17%。\n牵头单位：省发展改革委。\n责任单位：省发展改革委、省经济和信息化委、省统计局、省电力公司等。"))
    #expect(a.lead == ["省发展和改革委员会"])
    #expect(a.departments.count == 4)
  }

  @Test func aDeadlineWithItsAdverbInTheList() throws {
    let a = try #require(try attribution("扎实做好六稳工作。（市政府各部门分别负责，年内持续推进）"))
    #expect(a.departmentsRaw == ["市政府各部门"])
  }
}

/// Forms of Corpus/heldout33.
@Suite struct Heldout33FormTests {
  @Test func namesApartBySpacesOnALabelLine() throws {
    // the space Normalize keeps on a 责任单位 line separates names
    let a = try #require(try attribution("做好省政府全会重点工作。\n责任单位：市发改委 五县五区政府 开发区管委会"))
    #expect(a.departmentsRaw == ["市发改委", "五县五区政府", "开发区管委会"])
  }
}

/// Forms of Corpus/heldout34.
@Suite struct Heldout34FormTests {
  @Test func aCollegeInALabelledList() throws {
    let a = try #require(try attribution("开工建设产教融合园区项目。（牵头单位：投资集团有限公司；责任单位：职业技术学院、轵城镇人民政府）"))
    #expect(a.lead == ["投资集团有限公司"])
    #expect(a.responsible == ["职业技术学院", "轵城镇人民政府"])
    // without a label such a bracket is no attribution
    #expect(try attribution("完善医疗服务体系（含中医院）") == nil)
  }
}

/// A department named through its people (Corpus/heldout22 2304: inspection teams).
@Suite struct StaffSubjectTests {
  @Test func aDepartmentsPeopleLeadingATeam() throws {
    let a = try #require(try attribution("煤矿安全督查组。由市煤炭工业局1名县级领导带队，2名专业人员参加。"))
    #expect(a.departments == ["市煤炭工业局"])
    #expect(a.responsible == ["市煤炭工业局"])
    let b = try #require(try attribution("由市发改委主要负责同志牵头，市财政局配合，做好项目储备工作。"))
    #expect(b.lead == ["市发展和改革委员会"])
    #expect(b.participating == ["市财政局"])
    let c = try #require(try attribution("由市公安消防支队的分管领导带队开展检查。"))
    #expect(c.departments == ["市公安消防支队"])
  }

  @Test func peopleWithoutADepartmentNameNobody() throws {
    // a count of people is no department, nor is a bare level before the staff word
    #expect(try attribution("检查组。由2名县级领导带队，专业人员参加。") == nil)
    #expect(try attribution("检查组。由县领导带队开展督查。") == nil)
  }
}

/// A subject that organises others (Corpus/heldout20 2102) and an alias of the lexicon (heldout33 3403).
@Suite struct OrganisingSubjectTests {
  @Test func aSubjectThatOrganisesFieldsSharingTheTailsBody() throws {
    let a = try #require(try attribution("加强督促检查。省保障性住房建设领导小组要组织省建设、监察、发改等部门对各地落实情况进行督查。"))
    #expect(a.lead == ["省保障性住房建设领导小组"])
    #expect(a.participating == ["省建设部门", "省监察部门", "省发改部门"])
    // 会同 without 由 describes a mechanism, no assignment (the key of heldout21 2204); with 由 it names one
    #expect(try attribution("建立联席会议制度。市教育局会同编制、财政等单位发挥联席会议制度作用。") == nil)
    let b = try #require(try attribution("由市教育局会同市财政局、市人社局等部门研究提出落实意见。"))
    #expect(b.lead == ["市教育局"])
    #expect(b.participating == ["市财政局", "市人力资源和社会保障局"])
    // the partners take part whatever role word closes the list (the keys of heldout10 1101, heldout27)
    let c = try #require(try attribution("（由国土资源部会同农业部、财政部等部门负责落实）"))
    #expect(c.lead == ["国土资源部"])
    #expect(c.participating == ["农业部", "财政部"])
    #expect(!c.responsible.contains("农业部") && !c.responsible.contains("财政部"))
  }

  @Test func aFiveCharacterShortNameInheritsAsALexiconName() throws {
    let a = try #require(try attribution("推进城市更新。（责任单位：市住建局、资源规划局、市城管局）"))
    #expect(a.departments == ["市住房和城乡建设局", "市自然资源和规划局", "市城市管理局"])
  }
}

/// A bracket cut by the page's end right after a role word's modifier (Corpus/heldout34 3504).
@Suite struct CutModifierTests {
  @Test func aModifierCutBeforeItsRoleWord() throws {
    let a = try #require(try attribution("城镇、农村居民人均可支配收入增长保持全省领先。（发展改革和统计局、农业农村局按职责分工"))
    #expect(a.departments == ["发展改革和统计局", "农业农村局"])
    #expect(a.responsible == ["发展改革和统计局", "农业农村局"])
    // 分别 starts 分别牵头 and 分别负责: the role is not known, nothing is read
    #expect(try attribution("保持全省领先。（发展改革和统计局、农业农村局分别") == nil)
  }
}

/// A section heading closed by its lead in brackets (Corpus/heldout34 3506).
@Suite struct SectionHeadingLeadTests {
  @Test func theHeadingsLeadLeadsTheItemsUnderIt() throws {
    let (o, _) = try run([
      U("一、", [1], "强化科技创新（区科技局牵头，区财政局参与）\n推进创新链产业链深度融合。\n"),
      U("（一）", [1, 1], "加强科创平台效能建设。推进结对合作。\n"),
      U("（二）", [1, 2], "培育科技企业。（区经信局牵头）\n"),
      U("二、", [2], "扩大有效投资\n"),
      U("（一）", [2, 1], "推进重大项目建设。\n"),
    ])
    let a = o.attributions
    #expect(a[0]?.lead == ["区科学技术局"])
    // its lead only, not the department taking part
    #expect(a[1]?.lead == ["区科学技术局"])
    #expect(a[1]?.departments == ["区科学技术局"])
    // an item with a lead of its own keeps it
    #expect(a[2]?.lead == ["区经济和信息化局"])
    // the next section inherits nothing
    #expect(a[4] == nil)
  }

  @Test func aBracketClosingALongSentenceIsNoHeading() throws {
    let (o, _) = try run([
      U("一、", [1], "全面推进科技创新体系建设，加快培育发展新质生产力，推动经济持续向好。（区科技局牵头）\n推进融合。\n"),
      U("（一）", [1, 1], "加强科创平台效能建设。\n"),
    ])
    #expect(o.attributions[1] == nil)
  }
}

/// A role word's object before the comma after which the next step follows (Corpus/heldout25 2603).
@Suite struct RoleObjectTests {
  @Test func theNextStepAfterARoleWordsObject() throws {
    let a = try #require(try attribution("两轮摩托车非法载客、擅自设置雨篷由县公安局负责牵头管理，县交通局协管。"))
    #expect(a.departments == ["县公安局", "县交通运输局"])
    #expect(a.participating == ["县交通运输局"])
    let b = try #require(try attribution("由市发改委负责组织实施，市财政局配合。"))
    #expect(b.participating == ["市财政局"])
  }

  @Test func notWhenTheClauseAfterTheCommaGoesOn() throws {
    // heldout27 2801: `，其他相关部门（单位）配合，于6月20日前…报送` is a clause of its own, no last step
    let a = try #require(try attribution("梳理存在的问题。由省政府办公厅、民政厅牵头完成自查报告，其他相关部门配合，于6月20日前报送自查报告。"))
    #expect(a.departments == ["省人民政府办公厅", "省民政厅"])
    // an object longer than max_role_object (20): the step after it is a subject after a comma, read as a lexicon body
    // (laterSubjects; Corpus/heldout85 8503)
    let b = try #require(try attribution("由县公安局负责牵头开展全县城区及农村公路道路交通秩序集中整治专项行动，县交通局协管。"))
    #expect(b.departments == ["县公安局", "县交通运输局"])
    // within it
    let c = try #require(try attribution("由县公安局负责牵头开展道路交通秩序集中整治，县交通局协管。"))
    #expect(c.participating == ["县交通运输局"])
  }
}

/// Regulations written as articles (Corpus/heldout41): a lead-in in a later clause, levels sharing a body,
/// a copula and a role noun.
@Suite struct ArticleSubjectTests {
  @Test func aLeadInInALaterClauseAndLevelsSharingTheBody() throws {
    let a = try #require(try attribution("关闭工作按照全市统一部署进行。其中采石场的关闭由所在区人民政府负责；小水泥厂的关闭按照权限分别由市、区人民政府负责。"))
    #expect(a.departments == ["所在区人民政府", "市、区人民政府"])
    // a level alone at the end shares nothing: no subject
    #expect(try attribution("加强管理。相关工作由县、市负责。") == nil)
  }

  @Test func aCopulaAndARoleNoun() throws {
    let a = try #require(try attribution("市直行业主管部门是市级项目的责任主体，县区政府和市行业主管部门是县区级扩大内需项目的责任主体。"))
    #expect(a.responsible == ["市直行业主管部门", "县区政府", "市行业主管部门"])
    let b = try #require(try attribution("市经委是本行政区域内企业治乱减负工作的主管部门，负责组织实施本规定。"))
    #expect(b.responsible == ["市经济委员会"] || b.responsible == ["市经委"])
    let c = try #require(try attribution("街道办事处管理职责。街道办事处是本辖区范围内菜市场监管责任的落实主体，负责落实专职监管人员。"))
    #expect(c.responsible == ["街道办事处"])
    // a clause that ends with no role noun names nobody
    #expect(try attribution("发展改革部门是项目建设管理的综合部门，主要负责项目的申报。") == nil)
  }
}

/// A role word followed by a word's start that is no other word (Corpus/heldout26, heldout42).
@Suite struct FollowedAnywayTests {
  @Test func 负责制定IsNo负责制() throws {
    let a = try #require(try attribution("疫情处置。市财政局负责制定疫情处置方案，镇人民政府负责落实具体措施。"))
    #expect(a.departments.first == "市财政局")
    let b = try #require(try attribution("市人社局负责人员培训工作。"))
    #expect(b.departments == ["市人力资源和社会保障局"])
    // 负责制 (a system), 负责人 (a person) are still no role word
    #expect(try attribution("实行院长负责制，落实管理责任。") == nil)
    #expect(try attribution("市财政局负责人要亲自抓。") == nil)
  }

  @Test func 全面And主要BeforeTheRoleWord() throws {
    let a = try #require(try attribution("疫情监测。市动物疾病预防控制中心全面负责城区疫情监测。"))
    #expect(a.departments == ["市动物疾病预防控制中心"])
    let b = try #require(try attribution("市民政局主要负责救助站的管理。"))
    #expect(b.departments == ["市民政局"])
  }
}

/// A line naming its department before a colon, a role word later in the line (Corpus/heldout44 4505).
@Suite struct ColonLineSubjectTests {
  @Test func theDepartmentBeforeTheColonTakesTheLinesRoleWord() throws {
    let a = try #require(try attribution("市林业局：编制和实施林业建设总体规划必须与规划纲要相协调，负责组织水源涵养林的建设和管理。"))
    #expect(a.responsible == ["市林业局"])
    let b = try #require(try attribution("市科技局、团市委配合落实青年创业计划。"))
    #expect(b.participating.count == 2)
  }

  @Test func notAGenericBodyOrALabel() throws {
    #expect(try attribution("省政府领导小组成员单位：对定点联系地区工作进行督查指导，负责了解执行情况。") == nil)
    #expect(try attribution("责任部门：做好宣传，负责协调。") == nil)
    // a numbered item without a role word names its department all the same since `leading.colon_subjects`
    // (as the key of Corpus/heldout44 4505 reads 19、市旅游局：…), and only as responsible
    #expect(try attribution("市旅游局：旅游规划及开发必须与规划纲要相协调。")?.responsible == ["市旅游局"])
  }
}

/// A division of duties with 等 after the last name (Corpus/heldout46 4704).
@Suite struct DutyDivisionTailTests {
  @Test func aBare等AfterTheLastNameOfAStep() throws {
    let a = try #require(try attribution("明确分工，责任到人。市发改委负责提出全市节能规划；市农业局、市林业局等负责所属系统及行业节能。"))
    #expect(a.departments.contains("市农业局") && a.departments.contains("市林业局"))
  }
}

/// 督促落实 as a role word (Corpus/heldout47 4803).
@Suite struct UrgeImplementTests {
  @Test func 督促落实NamesWhoSeesToIt() throws {
    let a = try #require(try attribution("对9座以上的客车，属客运企业的，由当地客运企业主管部门督促落实车辆的安全检验。"))
    #expect(a.responsible == ["当地客运企业主管部门"])
  }
}

/// A label naming units and their officials; the officials after each name are dropped (Corpus/heldout49 5002).
@Suite struct UnitsAndOfficialsLabelTests {
  @Test func theUnitsAreNamed() throws {
    let a = try #require(try attribution("完成特勤消防三中队建设。\n责任单位及责任人：呈贡县政府、市财政局、市公安消防支队主要领导。"))
    #expect(a.responsible == ["呈贡县政府", "市财政局", "市公安消防支队"])
  }
}

/// Headings that are only a department's name, the duties in numbered items under them (Corpus/heldout48 4906).
@Suite struct HeadingNameOverItemsTests {
  @Test func theHeadingsOwnTaskNamesTheDepartment() throws {
    let (o, _) = try run([
      U("十二、", [12], "市民政局\n"),
      U("1、", [12, 1], "督促各级民政部门严格社会福利机构审批。\n"),
      U("十三、", [13], "市安全生产监督管理局\n"),
      U("1、", [13, 1], "指导全市各级安监部门加强化学危险品监督管理。\n"),
      U("十四、", [14], "市人防办\n"),
      U("1、", [14, 1], "贯彻执行国家有关人防工程的消防法律法规。\n"),
    ])
    #expect(o.attributions[0]?.departments == ["市民政局"])
    #expect(o.attributions[2]?.departments.count == 1)
    // the items under it name nobody of their own
    #expect(o.attributions[1] == nil)
  }
}
