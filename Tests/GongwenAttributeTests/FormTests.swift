import GongwenAttribute
import GongwenCore
import Testing

/// Forms not in the seeds, negatives, and the 下同 state.
@Suite struct UnseenFormTests {
  @Test func leadUnitThenCooperatingUnitsWithoutBrackets() throws {
    let a = try #require(try attribution("建立健全分级诊疗制度。\n牵头单位：市卫生局；配合单位：市财政局、民政局"))
    #expect(Roles(a) == Roles(raw: ["市卫生局", "市财政局", "民政局"], departments: ["市卫生局", "市财政局", "市民政局"],
                              lead: ["市卫生局"], participating: ["市财政局", "市民政局"]))
    #expect(a.raw == "牵头单位：市卫生局；配合单位：市财政局、民政局")
  }

  @Test func labelledListsOnTwoLines() throws {
    let a = try #require(try attribution("建立健全分级诊疗制度。\n牵头单位：市卫生局\n配合单位：市财政局、市人社局。"))
    #expect(a.lead == ["市卫生局"])
    #expect(a.participating == ["市财政局", "市人力资源和社会保障局"])
    #expect(a.raw == "牵头单位：市卫生局\n配合单位：市财政局、市人社局")
  }

  @Test func labelledListsInsideBrackets() throws {
    let a = try #require(try attribution("推进医养结合。（牵头单位：省卫生厅；配合单位：省民政厅、省财政厅）"))
    #expect(Roles(a) == Roles(raw: ["省卫生厅", "省民政厅", "省财政厅"], departments: ["省卫生厅", "省民政厅", "省财政厅"],
                              lead: ["省卫生厅"], participating: ["省民政厅", "省财政厅"]))
  }

  @Test func leadThenCooperate() throws {
    let a = try #require(try attribution("加强健康教育。（市卫生局牵头，市教育局、财政局配合）"))
    #expect(Roles(a) == Roles(raw: ["市卫生局", "市教育局", "财政局"], departments: ["市卫生局", "市教育局", "市财政局"],
                              lead: ["市卫生局"], participating: ["市教育局", "市财政局"]))
  }

  @Test func inlineLeadMarkerInsideLabelledList() throws {
    let a = try #require(try attribution("完善医保支付。（责任单位：市人社局（牵头）、市卫生局、市财政局）"))
    #expect(Roles(a) == Roles(
      raw: ["市人社局", "市卫生局", "市财政局"],
      departments: ["市人力资源和社会保障局", "市卫生局", "市财政局"],
      lead: ["市人力资源和社会保障局"],
      responsible: ["市人力资源和社会保障局", "市卫生局", "市财政局"]))
    // unbracketed, the inline marker at the very end
    let b = try #require(try attribution("完善医保支付。\n责任单位：市卫生局、市人社局（牵头）"))
    #expect(b.lead == ["市人力资源和社会保障局"])
    #expect(b.responsible == ["市卫生局", "市人力资源和社会保障局"])
    #expect(b.raw == "责任单位：市卫生局、市人社局（牵头）")
    let c = try #require(try attribution("完善医保支付。\n责任单位：市卫生局、市人社局（牵头单位）"))
    #expect(c.lead == ["市人力资源和社会保障局"])
    #expect(c.departmentsRaw == ["市卫生局", "市人社局"])
  }

  @Test func mainResponsibleAndAssistingUnits() throws {
    let a = try #require(try attribution("加强监督。（主要责任单位：省卫生计生委；协办单位：省财政厅、省编办）"))
    #expect(a.lead.isEmpty)
    #expect(a.responsible == ["省卫生和计划生育委员会"])
    #expect(a.participating == ["省财政厅", "省机构编制委员会办公室"])
  }

  @Test func responsibleForImplementation() throws {
    let a = try #require(try attribution("按时完成债务化解。（市财政局负责落实）"))
    #expect(Roles(a) == Roles(raw: ["市财政局"], departments: ["市财政局"], responsible: ["市财政局"]))
  }

  @Test func togetherWithMeansTheFirstLeads() throws {
    // the partner takes part, whatever role word closes the list (the keys of Corpus/heldout10 1101 and
    // heldout27 2802 read 会同 so; before, 省卫生厅 was responsible too)
    let a = try #require(try attribution("研究确定补助办法。（省财政厅会同省卫生厅负责）"))
    #expect(Roles(a) == Roles(raw: ["省财政厅", "省卫生厅"], departments: ["省财政厅", "省卫生厅"], lead: ["省财政厅"],
                              responsible: ["省财政厅"], participating: ["省卫生厅"]))
  }

  @Test func etceteraAndDutyWords() throws {
    let a = try #require(try attribution("开展专项整治。（市卫生局、财政局等部门按职责分工负责）"))
    #expect(Roles(a) == Roles(raw: ["市卫生局", "财政局"], departments: ["市卫生局", "市财政局"],
                              responsible: ["市卫生局", "市财政局"]))
  }

  @Test func deadlineInsideTheAttributionIsDropped() throws {
    let a = try #require(try attribution("出台实施方案。（牵头单位：市卫生局；完成时限：2016年9月底前；配合单位：市财政局）"))
    #expect(Roles(a) == Roles(raw: ["市卫生局", "市财政局"], departments: ["市卫生局", "市财政局"], lead: ["市卫生局"],
                              participating: ["市财政局"]))
  }

  @Test func collectivesOverJurisdictions() throws {
    let a = try #require(try attribution("抓好落实。（各县区、市直有关部门负责）"))
    #expect(a.departments == ["各县区", "市直有关部门"])
    #expect(try attribution("抓好落实。（各地负责）")?.responsible == ["各地"])
  }

  @Test func leadInWordAndBareList() throws {
    let a = try #require(try attribution("制定实施细则。（由县卫生局负责）"))
    #expect(a.departments == ["县卫生局"])
    let b = try #require(try attribution("制定实施细则。（省卫生厅、招标采购局）"))
    #expect(b.responsible == ["省卫生厅", "省招标采购局"])
  }
}

@Suite struct NegativeTests {
  @Test(arguments: [
    "职工基本医疗保险（以下简称职工医保）",
    "再建设一批县级医院（含中医院）",
    "贯彻落实《实施意见》（国办发〔2015〕33号）",
    "近期重点实施方案（2009—2011年）",
    "基本实现参保人员统筹区域内医疗费用即时结算(或结报，下同)",
    "对基本药物（中药饮片除外）和常用药品（包括自治区增补品种）",
    "推行全科医生（团队）",
    "分管负责同志要具体负责（分管负责同志要具体负责）",
    "研究制定实施办法（试行）。",
    "各县、市（区）",
    "加强管理（各类医疗机构）",
    "完成（各项任务）",
    "认真落实（各地要结合实际负责）",
    "开展专项行动（以下简称“双强六好”活动）",
    "深入推进（“加快城市更新改造”）",
    "组织开展（“三旧”改造、“两新”组织）",
  ])
  func parentheticalsThatAreNotAttributions(_ body: String) throws {
    #expect(try attribution(body) == nil)
  }

  /// A role word as the object of another (`负责组织实施`, `牵头组织实施`): the first gives the roles, neither stays in the name
  /// (Corpus/heldout137 13704 `责任分工：…，区财政局负责组织实施，…`; the bracket gave nothing before).
  @Test func aRoleWordAfterARoleWord() throws {
    let a = try #require(try attribution("增加城市停车场。（市财政局负责组织实施）"))
    #expect(a.responsible == ["市财政局"])
    let b = try #require(try attribution("增加城市停车场。（市财政局牵头组织实施，市民政局配合）"))
    #expect(b.lead == ["市财政局"])
    #expect(b.participating == ["市民政局"])
    let (o, _) = try run([U("（二）", [1, 2], "增加城市停车场。责任分工：由区规划局负责开展规划编制工作，区财政局、区民政局负责组织实施，区交通与建设局负责检查指导。")])
    #expect(o.attributions[0]?.departmentsRaw == ["区规划局", "区财政局", "区民政局", "区交通与建设局"])
  }

  /// A body whose name quotes a short word (`市“两新”组织党工委`, Corpus/heldout141 14101; `“三旧”改造办公室`) is a department;
  /// a longer quotation, an unclosed quote or a straight `"` is not.
  @Test func aNameQuotingAShortWordIsADepartment() throws {
    let a = try #require(try attribution("创新设置模式。（牵头单位：市委组织部，配合单位：市“两新”组织党工委、市国资委）"))
    #expect(a.lead == ["市委组织部"])
    #expect(a.departmentsRaw == ["市委组织部", "市“两新”组织党工委", "市国资委"])
    let b = try #require(try attribution("推进改造。（市“三旧”改造办公室负责）"))
    #expect(b.responsible == ["市“三旧”改造办公室"])
    #expect(try attribution("推进改造。（市“加快推进三旧改造”办公室负责）") == nil)
    #expect(try attribution("推进改造。（市\"三旧\"改造办公室负责）") == nil)
  }

  @Test func onlyTheTrailingGroupCounts() throws {
    // a parenthetical in the middle, then the attribution at the end
    let a = try #require(try attribution("统筹推进公立医院（含国有企业所办医院）管理体制改革（试点）。（市卫生局负责）"))
    #expect(a.raw == "（市卫生局负责）")
    // an attribution-looking group in the middle is not the unit's attribution
    #expect(try attribution("（市卫生局负责）的工作要抓紧落实，并按时上报。") == nil)
  }

  @Test func unitWithoutTrailingAttributionButEarlierParagraphEndsWithOne() throws {
    // the last unit runs on into the notice's closing remarks
    let (out, _) = try run([U("（三十）", [4, 30], "加强卫生全行业监管。（市卫生局、市人力资源社会保障局负责）")],
                           trailer: "全市深化医药卫生体制改革工作任务艰巨，时间紧迫。\n淄博市人民政府办公厅")
    #expect(out.attributions[0]?.departments == ["市卫生局", "市人力资源和社会保障局"])
  }

  @Test func headingOnlyParentHasNone() throws {
    let (out, _) = try run([
      U("（一）", [1, 1], "加快推进基本医疗保障制度建设"),
      U("1．", [1, 1, 1], "巩固扩大基本医疗保障覆盖面。（卫生厅负责）"),
    ])
    #expect(out.attributions[0] == nil)
    #expect(out.attributions[1]?.departments == ["卫生厅"])
  }
}

@Suite struct StateTests {
  /// 下同: from the unit declaring it on, the first-listed responsible department leads.
  @Test func firstListedLeadCarriesForwardFromTheDeclaringUnit() throws {
    let (out, _) = try run([
      U("（一）", [1, 1], "巩固扩大基本医保覆盖面。（市人力资源社会保障局负责）"),
      U("（二）", [1, 2], "改革医保支付方式。（市人力资源社会保障局、市卫生局负责）"),
      U("（五）", [1, 5], "建立健全重大疾病保障制度。（市人力资源社会保障局、市卫生局、市发展改革委、市财政局负责。负责部门排在第一位的为牵头部门，下同）"),
      U("（六）", [1, 6], "完善医疗救助制度。（市卫生局、市民政局分别牵头，市财政局、市发展改革委、市人力资源社会保障局负责）"),
      U("（七）", [2, 7], "巩固和完善基层综合改革成果。（市卫生局负责）"),
      U("（八）", [2, 8], "扩大基本药物制度实施范围。（市卫生局、市财政局、市经济和信息化委负责）"),
      U("（九）", [2, 9], "加强监督。（市监察局参与）"),
    ])
    let a = out.attributions
    #expect(a[0]?.lead == [])
    #expect(a[1]?.lead == [])
    #expect(a[2]?.lead == ["市人力资源和社会保障局"])
    #expect(a[3]?.lead == ["市卫生局", "市民政局"])  // an explicit lead wins
    #expect(a[4]?.lead == ["市卫生局"])
    #expect(a[5]?.lead == ["市卫生局"])
    #expect(a[5]?.responsible == ["市卫生局", "市财政局", "市经济和信息化委员会"])
    #expect(a[6]?.lead == [])  // nobody responsible, so nobody first-listed
  }

  @Test func noDeclarationNoLead() throws {
    let (out, _) = try run([
      U("(1)", [1], "提高筹资标准。(财政厅、卫生厅、人力资源和社会保障厅负责)"),
      U("(2)", [2], "扩大门诊统筹。(人力资源和社会保障厅、卫生厅分别负责)"),
    ])
    #expect(out.attributions.allSatisfy { $0 != nil && $0!.lead.isEmpty })
  }

  @Test func stateDoesNotLeakAcrossDocuments() throws {
    let attributor = Attributor(rules: bundled)
    let (o1, t1) = makeOutline([U("（一）", [1], "甲。（省卫生厅、省财政厅负责。注：排在首位的为牵头部门，下同）")])
    let (o2, t2) = makeOutline([U("（一）", [1], "乙。（省卫生厅、省财政厅负责）")])
    #expect(try attributor.attribute(o1, text: t1).attributions[0]?.lead == ["省卫生厅"])
    #expect(try attributor.attribute(o2, text: t2).attributions[0]?.lead == [])
  }
}

@Suite struct WarningTests {
  @Test func missingAttributionWhenMostSiblingsHaveOne() throws {
    let units = [
      U("一、", [1], "工作任务"),
      U("1.", [1, 1], "甲任务。（市卫生局负责）"),
      U("2.", [1, 2], "乙任务。（市财政局负责）"),
      U("3.", [1, 3], "丙任务，没有写责任单位。"),
      U("4.", [1, 4], "丁任务。（市民政局负责）"),
    ]
    let (o, t) = makeOutline(units)
    let out = try Attributor(rules: bundled).attribute(o, text: t)
    let w = out.warnings.filter { $0.code == "missing_attribution" }
    #expect(w.count == 1)
    #expect(w.first?.stage == "attribute")
    #expect(w.first?.span == Span(o.units[3].ownRange))
    #expect(w.first?.message.contains("1.3") == true)
  }

  @Test func noMissingWarningWhenSiblingsMostlyLackOne() throws {
    let (out, _) = try run([
      U("1.", [1], "甲任务。"),
      U("2.", [2], "乙任务。"),
      U("3.", [3], "丙任务。（市民政局负责）"),
    ])
    #expect(out.warnings.allSatisfy { $0.code != "missing_attribution" })
  }

  @Test func unknownDepartmentsAreReportedOncePerDocument() throws {
    let (out, _) = try run([
      U("(1)", [1], "培训人员。(卫生厅、教育厅、军区后勤卫生处、财政厅负责)"),
      U("(2)", [2], "培训人员。(军区后勤卫生处、卫生厅负责)"),
      U("(3)", [3], "参加保险。(甘肃保监局、卫生厅负责)"),
    ])
    let w = out.warnings.filter { $0.code == "unknown_department" }
    #expect(w.count == 1)
    #expect(w.first?.message.hasSuffix("军区后勤卫生处、甘肃保监局") == true)
    #expect(w.first?.span == out.attributions[0].map { Span($0.range) })
  }

  @Test func knownCollectivesAreNotReported() throws {
    let (out, _) = try run([
      U("（一）", [1], "落实责任。（省医改办、省医改领导小组各成员单位、各地人民政府负责）"),
      U("（二）", [2], "开展试点。（省卫生计生委、试点市县人民政府负责，省残联参与）"),
    ])
    #expect(out.warnings.isEmpty)
    #expect(out.attributions[0]?.departments
      == ["省深化医药卫生体制改革领导小组办公室", "省医改领导小组各成员单位", "各地人民政府"])
    #expect(out.attributions[1]?.participating == ["省残疾人联合会"])
  }
}

/// Lists of units under a label (Corpus/heldout114 11401, heldout101 10106).
@Suite struct CollectiveLevelListTests {
  @Test func aBareLevelAfterACollectiveItemIsKeptAsWritten() throws {
    let a = try #require(try attribution("推进工作。（责任单位：各部门、各街道、镇、各功能区）"))
    #expect(a.departmentsRaw == ["各部门", "各街道", "镇", "各功能区"])
    // not after an item without 各
    #expect(try attribution("推进工作。（责任单位：区财政局、镇）")?.departmentsRaw.contains("镇") != true)
  }

  @Test func aClosingBracketIsNoPartOfALabelledName() throws {
    // the bracketed list does not read (村 is no name): the label read on its own must not take the bracket in
    let a = try attribution("推进工作。（责任单位：区财政局、村）")
    #expect(a?.departmentsRaw.contains { $0.contains("）") } != true)
  }
}

/// A department, its role word and its duty, under a label (Corpus/heldout137 13704) or in a bracket (heldout139 13902): the
/// department with the role word's roles, the duty dropped; `全力配合` is a role word after an adverb.
@Suite struct DutyAfterNameTests {
  @Test func aNameItsRoleWordAndItsDuty() throws {
    let a = try #require(try attribution("加强统筹规划。责任分工：区规划局负责开展规划编制工作，潭城镇人民政府全力配合。"))
    #expect(a.departmentsRaw == ["区规划局", "潭城镇人民政府"])
    #expect(a.responsible == ["区规划局"])
    #expect(a.participating == ["潭城镇人民政府"])
  }

  @Test func noNameBeforeTheRoleWordKeepsThePiece() throws {
    // the words before 负责 are no department: nothing is cut (the piece is read as before, or not at all)
    let a = try attribution("加强统筹规划。责任分工：各项工作负责到底，区规划局配合。")
    #expect(a?.departmentsRaw.contains("各项工作") != true)
  }

  @Test func inABracketWithoutALabelEachNameItsDuty() throws {
    // Corpus/heldout139 13902: a bracket dividing one item's work among bodies, a deadline last
    let a = try #require(try attribution(
      "加快推进平台建设。（区财政金融局负责区政府采购电子化管理系统的建设，区环境与国土资源局负责区土地及矿业出让电子信息系统的建设，"
        + "区行政审批局、区公共资源交易中心负责工程建设招标投标系统的建设，2016年6月底完成）"))
    #expect(a.departmentsRaw == ["区财政金融局", "区环境与国土资源局", "区行政审批局", "区公共资源交易中心"])
    #expect(a.responsible.count == 4)
    // prose in a bracket starting with no department is still no attribution
    #expect(try attribution("加快推进平台建设。（其中资金部分负责到位，年底完成）") == nil)
  }

  @Test func aListThenAMatterLedByAnotherBody() throws {
    // Corpus/heldout139 13902: the list without a role word of its own is a bare list; the body after 由 leads its matter
    let a = try #require(try attribution(
      "征集专家。（区行政审批局、党群工作部、区公共资源交易中心，政府采购评审专家征集由区财政金融局牵头，2016年底前完成）"))
    #expect(a.departmentsRaw == ["区行政审批局", "党群工作部", "区公共资源交易中心", "区财政金融局"])
    #expect(a.departments == ["区行政审批局", "区党群工作部", "区公共资源交易中心", "区财政金融局"])
    #expect(a.lead == ["区财政金融局"])
    #expect(a.responsible == ["区行政审批局", "区党群工作部", "区公共资源交易中心"])
  }

  @Test func theZoneAdministrationsOfficeInheritsThePrefix() throws {
    let a = try #require(try attribution("制定方案。（区行政审批局、管委会办公室、经济发展局，2016年4月底前完成）"))
    #expect(a.departments == ["区行政审批局", "区管理委员会办公室", "区经济发展局"])
  }

  @Test func aZonesBureauInheritsTheListsPrefix() throws {
    let a = try #require(try attribution("完善信用记录。（责任单位：区市场监督管理局、经济发展局）"))
    #expect(a.departments == ["区市场监督管理局", "区经济发展局"])
  }
}

/// A party committee's prefix is inherited only by the committee's own bodies (`party_prefixes`; Corpus/heldout134 13401):
/// `区委组织部、宣传部` names the district committee's propaganda department, but the commission after `区委党校` is no part of
/// the committee.
@Suite struct PartyPrefixTests {
  @Test func aPartyBodyInheritsTheCommitteesPrefix() throws {
    let a = try #require(try attribution("加强干部培训。（责任单位：区委组织部、宣传部）"))
    #expect(a.departments == ["区委组织部", "区委宣传部"])
  }

  @Test func aGovernmentBodyInheritsNoPartyPrefix() throws {
    let a = try #require(try attribution("加强干部培训。（责任单位：区委党校、国资委、区财政局、人社局）"))
    #expect(a.departments.contains("区委国有资产监督管理委员会") == false)
    #expect(a.departments.contains("国有资产监督管理委员会"))
    // a jurisdiction's prefix is still inherited after a government body
    #expect(a.departments.contains("区人力资源和社会保障局"))
  }
}

/// A zone's merged bodies, written without the `区` the rest of the list carries (Corpus/heldout137, heldout138,
/// Pingtan): a name longer than `inherit_unknown_max` inherits when it starts with a field a lexicon name starts with
/// (`inherit_field_max`); a body named by its place does not, nor a vertical branch (`inherit_unknown_except`).
@Suite struct FieldNameInheritanceTests {
  @Test func aMergedBodyInheritsTheListsPrefix() throws {
    let a = try #require(try attribution("加快平台建设。（责任单位：区财政金融局、交通与建设局、环境与国土资源局、旅游文化中心）"))
    #expect(a.departments == ["区财政金融局", "区交通与建设局", "区环境与国土资源局", "区旅游文化中心"])
    #expect(a.departmentsRaw == ["区财政金融局", "交通与建设局", "环境与国土资源局", "旅游文化中心"])
  }

  @Test func anOrgansOfficeInheritsTheListsPrefix() throws {
    // heldout143 14301: the zone's party working committee's and management committee's offices (`organ_starts`)
    let a = try #require(try attribution("加强管理。（责任单位：区社会事业局、党工委党群工作部、管委会办公室电子政务处、各县级公立医院）"))
    #expect(a.departments == ["区社会事业局", "区党工委党群工作部", "区管委会办公室电子政务处", "各县级公立医院"])
    // not after a collective
    let b = try #require(try attribution("加强管理。（责任单位：各片区管理局、管委会办公室电子政务处）"))
    #expect(b.departments.contains("管委会办公室电子政务处"))
  }

  @Test func aBodyNamedByItsPlaceKeepsItsName() throws {
    let a = try #require(try attribution("加强金融监管。（责任单位：省发展改革委、湖北银监局、宝山海事局）"))
    #expect(a.departments.contains("湖北银监局"))
    #expect(a.departments.contains("宝山海事局"))
  }

  @Test func aVerticalBranchKeepsItsName() throws {
    let a = try #require(try attribution("完善消防治理机制。（责任单位：区建管委、公安青浦分局、区人社局）"))
    #expect(a.departments.contains("公安青浦分局"))
    let b = try #require(try attribution("健全投融资机制。（责任单位：市发展改革委、人民银行上海总部）"))
    #expect(b.departments.contains("人民银行上海总部"))
    // a bank's branch named by its place (Corpus/heldout137 13701)
    let c = try #require(try attribution("建立信用体系。（责任单位：区经济发展局、人民银行平潭支行、区直各相关单位）"))
    #expect(c.departments == ["区经济发展局", "人民银行平潭支行", "区直各相关单位"])
    let d = try #require(try attribution("加强金融服务。（责任单位：市财政局、农业发展银行平潭分行）"))
    #expect(d.departments.contains("农业发展银行平潭分行"))
  }

  @Test func aBodyOfTheSameKindAsThePrefixedOneBeforeItInheritsItsPrefix() throws {
    // heldout152 15201: a long shared ending (`inherit_parallel_min`), whatever the name's length or ending
    let a = try #require(try attribution("加快建设。（推进单位：区国有资产投资集团有限公司、交通投资集团有限公司）"))
    #expect(a.departments == ["区国有资产投资集团有限公司", "区交通投资集团有限公司"])
    // a short shared ending is no kind (a branch named by its place stays), nor is a name holding a jurisdiction of its own
    let b = try #require(try attribution("加强监管。（责任单位：区公安局、青浦公安分局）"))
    #expect(b.departments.contains("青浦公安分局"))
    let c = try #require(try attribution("加快建设。（推进单位：区流水片区开发管理局、澳前片区开发管理局、县城片区开发管理局）"))
    #expect(c.departments == ["区流水片区开发管理局", "区澳前片区开发管理局", "县城片区开发管理局"])
  }

  @Test func aLongerNameThanTheLimitKeepsItsName() throws {
    // nine characters: over `inherit_field_max` (8)
    let a = try #require(try attribution("加强监管。（责任单位：区财政局、交通运输综合执法支队）"))
    #expect(a.departments.contains("交通运输综合执法支队"))
  }
}

/// A city bureau assigning work to its own divisions (Corpus/heldout116 11603): `市局` names the bureau, and the divisions after
/// the first inherit it whatever their length (`division_inheritance`); `市局各有关处室` is a group of its divisions.
@Suite struct DivisionListTests {
  @Test func divisionsInheritTheBodysPrefix() throws {
    let a = try #require(try attribution("及时做好宣贯培训。（牵头指导处室：市局反不正当竞争处、消费者权益保护处）"))
    #expect(a.departments == ["市局反不正当竞争处", "市局消费者权益保护处"])
    #expect(a.departmentsRaw == ["市局反不正当竞争处", "消费者权益保护处"])
    // a jurisdiction's prefix does not make a long unknown name inherit (`inherit_unknown_max`)
    #expect(try attribution("及时做好宣贯培训。（牵头单位：市反不正当竞争处、消费者权益保护处）")?.departments.contains("市消费者权益保护处") != true)
  }

  @Test func aBodysDivisionsAsAGroup() throws {
    #expect(try attribution("加强溯源打击。（牵头指导处室：市局各有关处室）")?.departmentsRaw == ["市局各有关处室"])
    #expect(try attribution("加强溯源打击。（牵头指导处室：市局各相关处室）")?.lead == ["市局各相关处室"])
  }
}
