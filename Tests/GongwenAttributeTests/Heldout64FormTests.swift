import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind sets heldout64 and heldout65 (eighth session).

/// Modifiers before a role word, several in a row too (Corpus/heldout64 6401, heldout65 6504).
@Suite struct ChainedModifierTests {
  @Test func modifiersAreDroppedFromTheLastName() throws {
    let a = try #require(try attribution("将指标分解到各县区。（市国土资源局、经贸委、环保局按照职责牵头负责）"))
    #expect(a.departmentsRaw == ["市国土资源局", "经贸委", "环保局"])
    #expect(a.lead.count == 3)
    let (o, _) = try run([U("（四）", [4], "加强督查。县编办、县发改局等部门按照职责分工积极配合，主动履责。")])
    let b = try #require(o.attributions[0])
    #expect(b.participating == ["县机构编制委员会办公室", "县发展和改革局"])
  }
}

/// A county named with a role word is its government (Corpus/heldout64 6401); without one, a bare place in
/// brackets stays no attribution.
@Suite struct BarePlaceTests {
  @Test func aBarePlaceWithARoleWordIsAnAttribution() throws {
    let a = try #require(try attribution("大高通用航空城建设工程。（沾化县牵头负责）"))
    #expect(a.lead == ["沾化县"])
    let b = try #require(try attribution("滨州港建设工程。（邹平县、市交通局负责）"))
    #expect(b.departmentsRaw == ["邹平县", "市交通局"])
    #expect(try attribution("完善县城功能。（沾化县）") == nil)
    #expect(try attribution("完善县城功能（含沾化县、邹平县）。") == nil)
  }
}

/// After a role word and its object (which may list things with 、), a comma and a clause of names and a role
/// word: another step, also when the sentence goes on after it if its first name is a lexicon body
/// (Corpus/heldout65 6504); a vague one followed by more of the sentence is not read (Corpus/heldout27 2801).
@Suite struct StepAfterObjectTests {
  @Test func participatingBodiesAfterTheLeadsObject() throws {
    let (o, _) = try run([U("（一）", [1], "明确责任。县级各部门要明确责任。县教育局负责乡村教师队伍建设统筹管理、规划和指导，县编办、县发改局、县财政局等部门要按照职责分工积极配合，主动履责。")])
    let a = try #require(o.attributions[0])
    #expect(a.responsible == ["县教育局"])
    #expect(a.participating == ["县机构编制委员会办公室", "县发展和改革局", "县财政局"])
  }

  @Test func aVagueBodyBeforeMoreOfTheSentenceIsNotAStep() throws {
    let (o, _) = try run([U("二、", [2], "部门自查\n省财政厅牵头完成自查报告，其他相关部门（单位）配合，于6月20日前向省政府报送自查报告。")])
    let a = try #require(o.attributions[0])
    #expect(a.departmentsRaw == ["省财政厅"])
  }
}

/// `由A会同B、C` and another verb, without 等部门 or a role word (Corpus/heldout65 6505's form).
@Suite struct JoinedWithoutTailTests {
  @Test func theFirstLeadsAndThePartnersTakePart() throws {
    let a = try #require(try attribution("由市发改委会同市财政局、市住建局研究制定实施细则。"))
    #expect(a.lead == ["市发展和改革委员会"])
    #expect(a.participating == ["市财政局", "市住房和城乡建设局"])
  }

  @Test func notWithoutLexiconNamesOrWithoutTheLeadIn() throws {
    #expect(try attribution("由市发改委会同有关方面研究制定实施细则。") == nil)
    #expect(try attribution("市发改委会同市财政局研究制定实施细则。")?.participating.isEmpty ?? true)
  }
}

/// A flattened assessment table whose responsible column is followed by a column of bodies that score the
/// county (`评分部门`) and whose rows lost cells before their target (Corpus/heldout65 6501).
@Suite struct ScoringColumnTests {
  func row(_ lines: [String]) throws -> Attribution? {
    let (o, t) = makeOutline([U("3", [3], "\n" + lines.joined(separator: "\n"))])
    var outline = o
    outline.units[0].table = TableHeader(columns: ["考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门"], taskColumn: 1)
    outline.units[0].bodyRange = (outline.units[0].bodyRange.lowerBound + 1)..<outline.units[0].bodyRange.upperBound
    return try Attributor(rules: bundled).attribute(outline, text: t).attributions[0]
  }

  @Test func theResponsibleCellIsReadFromTheEnd() throws {
    // a row that lost its 考核内容 cell: read from the task on, the county bureau would fall under 年度目标
    let a = try #require(try row(["粮食安全责任制", "-", "良好以上", "县经济和信息化局", "市商务局"]))
    #expect(a.departmentsRaw == ["县经济和信息化局"])
    // two names in the responsible cell, one per line
    let b = try #require(try row(["农业劳动生产率及增幅", "万元/人", "全市统筹", "县海洋与渔业局", "县农业农村局", "市海洋渔业局市农业农村局"]))
    #expect(b.departmentsRaw == ["县海洋与渔业局", "县农业农村局"])
  }
}

// Forms met in heldout66 and heldout67.

/// Who leads a body, between its name and its role word (Corpus/heldout67 6702).
@Suite struct UnderClauseTests {
  @Test func theNamesBeforeAnAdverbialOfWhoLeadsThem() throws {
    let a = try #require(try attribution("防汛抗旱指挥部各成员单位在本级政府和防汛抗旱指挥部的领导下，负责本地防汛准备和抗洪抢险。"))
    #expect(a.responsible == ["防汛抗旱指挥部各成员单位"])
    // not without names before it
    #expect(try attribution("在本级政府的领导下，负责本地防汛准备和抗洪抢险。") == nil)
  }

  @Test func theNamesBeforeAShortClauseOfHow() throws {
    // Corpus/heldout66 6602; `how_clause_role_words`: 负责 and 牵头, not 落实 (Corpus/heldout44)
    let (o, _) = try run([U("（一）", [1], "加强领导。\n各区县政府要高度重视，负责本地区调查工作的组织和实施。")])
    #expect(o.attributions[0]?.responsible == ["各区县政府"])
    let (p, _) = try run([U("（1）", [1], "各企业许可机关要强化监督，落实被许可企业责任，建立车辆源头装载管理制度。")])
    #expect(p.attributions[0] == nil)
  }
}

/// A requirement named first, then the subject after its comma (Corpus/heldout66 6602: `after_clauses`).
@Suite struct AfterRequirementTests {
  @Test func theSubjectAfterARequirement() throws {
    let (o, _) = try run([U("（二）", [2], "明确任务。按照国务院“国家整体控制、地方细化调查”的要求，市政府负责全市土地调查组织实施。")])
    #expect(o.attributions[0]?.departmentsRaw == ["市政府"])
  }
}

/// A sentence starting with 将 or 把 is no department list (Corpus/heldout66 6604).
@Suite struct PrepositionTests {
  @Test func aSentenceWithAPrepositionIsNoList() throws {
    let (o, _) = try run([U("5.", [5], "将路面执法中发现的非法改装、拼装车辆通报有关部门，配合有关部门开展查处工作。")])
    #expect(o.attributions[0] == nil)
  }
}

/// A kind of body named alone on its line under a duties heading (`1.农业部门。` / `（七）卫生部门职责、任务`; Corpus/heldout67
/// 6705, heldout66 6605), and 乡镇 as a level of its own (`（二）乡镇人民政府职责`, heldout67 6704).
@Suite struct KindOfBodyHeadingTests {
  @Test func aKindOfBodyUnderADutiesHeading() throws {
    let units = [
      U("（二）", [2], "部门职责", heading: "部门职责"),
      U("1.", [2, 1], "农业部门。"),
      U("2.", [2, 2], "卫生部门职责、任务"),
      U("3.", [2, 3], "乡镇人民政府职责"),
      U("4.", [2, 4], "协助教育部门对校医进行培训。"),
    ]
    let (o, _) = try run(units)
    #expect(o.attributions[1]?.responsible == ["农业部门"])
    #expect(o.attributions[2]?.responsible == ["卫生部门"])
    #expect(o.attributions[3]?.responsible == ["乡镇人民政府"])
    #expect(o.attributions[4] == nil)
  }
}

/// A duty list's table with its department column before the duty (Corpus/heldout67 6707).
@Suite struct DutyDepartmentColumnTests {
  @Test func theDutyDepartmentColumnIsResponsible() throws {
    let (o, t) = makeOutline([U("1", [1], "\n县应急局\n负责煤矿安全生产监督管理\n县应急局“三定”规定")])
    var outline = o
    outline.units[0].table = TableHeader(columns: ["职责部门", "职责名称", "职责依据"], taskColumn: 1)
    outline.units[0].bodyRange = (outline.units[0].bodyRange.lowerBound + 1)..<outline.units[0].bodyRange.upperBound
    let a = try #require(try Attributor(rules: bundled).attribute(outline, text: t).attributions[0])
    #expect(a.departmentsRaw == ["县应急局"])
    #expect(a.responsible == ["县应急局"])
  }
}

// Forms met in heldout69.

/// 和 between a body and a government with its own place (Corpus/heldout69 6903), and subjects quoted after a colon
/// (Corpus/heldout69 6901).
@Suite struct Heldout69FormTests {
  @Test func aGovernmentWithItsOwnPlaceAfterAnd() throws {
    let a = try #require(try attribution("其后勤工作分别由水电部和宜昌市人民政府负责。"))
    #expect(a.departmentsRaw == ["水电部", "宜昌市人民政府"])
    // a bare body of the left's level stays one name (Corpus/heldout24 2503)
    let b = try #require(try attribution("加强领导。（各县（市、区）党委和人民政府负责）"))
    #expect(b.departmentsRaw.count == 1)
  }

  @Test func subjectsQuotedAfterAColon() throws {
    let (o, _) = try run([U("一、", [1], "动漫管理的有关条文\n“三定”规定中规定：“文化部负责动漫产业规划。国家新闻出版总署负责游戏出版物的前置审批。”")])
    let a = try #require(o.attributions[0])
    #expect(a.departmentsRaw == ["文化部", "国家新闻出版总署"])
  }
}

/// A later step whose subject is a place alone, its government (Corpus/heldout68 6802).
@Suite struct PlaceStepTests {
  @Test func aPlaceAfterTheFirstStepsObject() throws {
    let (o, _) = try run([U("（二）", [2], "职责分工。市政府各有关部门负责本部门职权范围内赋权事项的下放工作，灵宝市负责下放权限的承接工作。")])
    let a = try #require(o.attributions[0])
    #expect(a.departmentsRaw == ["市政府各有关部门", "灵宝市"])
  }
}

// Forms met in heldout70 and heldout71.

/// Places as subjects (亭子镇、浙水乡负责…; Corpus/heldout71 7101), a note in brackets after a list's last name (Corpus/
/// heldout71 7104), and a section headed by a label alone (二、主办单位 / 高楼镇人民政府; Corpus/heldout71 7106).
@Suite struct Heldout71FormTests {
  @Test func placesAsSubjects() throws {
    let (o, _) = try run([U("二、", [2], "职责分工\n亭子镇、浙水乡负责做好项目规划；县发改局负责做好项目的立项审批。")])
    let a = try #require(o.attributions[0])
    #expect(a.departmentsRaw.prefix(2) == ["亭子镇", "浙水乡"])
    // not a bare two-character place
    let (p, _) = try run([U("二、", [2], "职责分工\n全县负责做好项目规划。")])
    #expect(p.attributions[0] == nil)
  }

  @Test func aNoteAfterTheLastNameKeepsTheName() throws {
    let a = try #require(try attribution("完善制度。（责任单位：县民政局、各镇人民政府（县政府部门中列在首位的为牵头部门，下同））"))
    #expect(a.departmentsRaw == ["县民政局", "各镇人民政府"])
    #expect(a.lead == ["县民政局"])
  }

  @Test func aSectionHeadedByALabel() throws {
    let (o, _) = try run([U("二、", [2], "主办单位\n高楼镇人民政府"), U("三、", [3], "承办单位\n高楼镇文化服务中心、高楼镇龙源社区"),
                          U("四、", [4], "活动时间\n春节期间")])
    #expect(o.attributions[0]?.lead == ["高楼镇人民政府"])
    #expect(o.attributions[1]?.responsible == ["高楼镇文化服务中心", "高楼镇龙源社区"])
    #expect(o.attributions[2] == nil)
  }
}

/// A shared word alone after a name ending with another: the name's stem with it (Corpus/heldout73 7302).
@Suite struct SharedWordAloneTests {
  @Test func aSharedWordTakesTheStemBeforeIt() throws {
    let a = try #require(try attribution("推进数字政府建设。（牵头单位：市行政审批服务局；责任单位：市直有关部门、单位，各区市政府、开发区管委）"))
    #expect(a.departments.contains("市直有关单位"))
    #expect(!a.departments.contains { $0.hasPrefix("单位") })
  }
}

/// A clause of grounds before the subject (根据干部管理权限，…分别负责; Corpus/heldout72 7202), and a headquarters named under
/// a duties heading (2.2.1市防汛抗旱指挥部职责; Corpus/heldout72 7207).
@Suite struct Heldout72FormTests {
  @Test func theSubjectAfterAClauseOfGrounds() throws {
    let a = try #require(try attribution("根据干部管理权限，市委组织部、市人事局分别负责办理因公临时出国人员的政审工作。"))
    #expect(a.departmentsRaw == ["市委组织部", "市人事局"])
  }

  @Test func aHeadquartersUnderADutiesHeading() throws {
    let (o, _) = try run([U("2.2", [2, 2], "职责分工", heading: "职责分工"), U("2.2.1", [2, 2, 1], "市防汛抗旱指挥部职责\n负责全市防汛抗旱工作。")])
    #expect(o.attributions[1]?.responsible == ["市防汛抗旱指挥部"])
  }
}

// Forms met in heldout74 and heldout75.

@Suite struct Heldout74FormTests {
  @Test func leadOrganisesAsARoleWord() throws {
    // Corpus/heldout74 7401
    let a = try #require(try attribution("加强环境监督管理。（市环保局牵头组织，各区政府、各经济功能区管委会负责落实）"))
    #expect(a.lead == ["市环境保护局"])
    #expect(a.departmentsRaw == ["市环保局", "各区政府", "各经济功能区管委会"])
  }

  @Test func aStreetOfficeKeepsItsOwnPlace() throws {
    // Corpus/heldout74 7402: no inherited 市 for a street office
    let a = try #require(try attribution("建设森林公园。（责任单位：市林业局、西山街办、市旅游局）"))
    #expect(a.departments.contains("西山街办"))
  }

  @Test func aVerbBeforeLevelsIsNoPlace() throws {
    // Corpus/heldout75 7502: 统筹旗区协同发展 is a heading, not 统筹旗区 taking part
    let (o, _) = try run([U("（一）", [1], "统筹旗区协同发展。各旗区立足地区实际，差异化定位。（责任单位：市直相关部门，各旗区人民政府）")])
    #expect(o.attributions[0]?.departmentsRaw == ["市直相关部门", "各旗区人民政府"])
  }
}

/// A line of clauses ending with a body is no line of names sharing its word (Corpus/heldout76 7606: `shared_field_max`).
@Suite struct SharedFieldTests {
  @Test func clausesDoNotShareALinesWord() throws {
    let (o, _) = try run([U("6.", [6], "公安机关负责立案查处。\n按照国务院关于行政案件移送的规定，国土资源部门对于涉嫌土地、矿产资源犯罪的案件，可将材料退回国土资源部门")])
    let a = try #require(o.attributions[0])
    #expect(!a.departmentsRaw.contains { $0.hasPrefix("按照") })
    // fields sharing the last item's word still do
    let (p, _) = try run([U("3.", [3], "加快发展现代物流业。\n市民政、规划建设、水利部门")])
    #expect(p.attributions[0]?.departments == ["市民政部门", "市规划建设部门", "市水利部门"])
  }
}
