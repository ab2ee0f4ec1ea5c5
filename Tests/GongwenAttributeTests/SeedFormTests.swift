import GongwenAttribute
import GongwenCore
import Testing

/// Every attribution form seen in the five seed notices, with exact expectations.
@Suite struct SeedFormTests {
  // MARK: 000 (Xinjiang): 负责 / 分别负责, no jurisdiction prefix, half-width brackets in the raw text

  @Test func form000SingleResponsible() throws {
    let a = try #require(try attribution("适当提高个人缴费标准。（卫生厅负责）"))
    #expect(Roles(a) == Roles(raw: ["卫生厅"], departments: ["卫生厅"], responsible: ["卫生厅"]))
    #expect(a.raw == "（卫生厅负责）")
  }

  @Test func form000RespectivelyResponsibleHalfWidth() throws {
    let body = "积极探索职工医保门诊统筹。(人力资源和社会保障厅、卫生厅分别负责)"
    let a = try #require(try attribution(body))
    #expect(Roles(a) == Roles(raw: ["人力资源和社会保障厅", "卫生厅"], departments: ["人力资源和社会保障厅", "卫生厅"],
                              responsible: ["人力资源和社会保障厅", "卫生厅"]))
    #expect(a.raw == "(人力资源和社会保障厅、卫生厅分别负责)")
  }

  @Test func form000AliasesAndTrailingFullStop() throws {
    let body = "按时竣工投入使用。（发展改革委、卫生厅、民政厅负责）。"
    let a = try #require(try attribution(body))
    #expect(a.raw == "（发展改革委、卫生厅、民政厅负责）")
    #expect(Roles(a) == Roles(raw: ["发展改革委", "卫生厅", "民政厅"], departments: ["发展和改革委员会", "卫生厅", "民政厅"],
                              responsible: ["发展和改革委员会", "卫生厅", "民政厅"]))
    // range is the attribution only, the trailing 。 excluded
    let (o, t) = makeOutline([U("1.", [1], body)])
    let r = try Attributor(rules: bundled).attribute(o, text: t).attributions[0]
    #expect(r.map { t.string($0.range) } == "（发展改革委、卫生厅、民政厅负责）")
  }

  @Test func form000Abbreviations() throws {
    let a = try #require(try attribution("促进失业人员参保。（人力资源和社会保障厅、教育厅、国资委、财政厅负责）"))
    #expect(a.departments == ["人力资源和社会保障厅", "教育厅", "国有资产监督管理委员会", "财政厅"])
    #expect(a.departmentsRaw == ["人力资源和社会保障厅", "教育厅", "国资委", "财政厅"])
  }

  // MARK: 001 (Linyi): 责任单位：, jurisdiction prefix inherited inside the list, broken line

  @Test func form001ResponsibleUnitLabelInheritsPrefix() throws {
    let body = "继续做好国有企业职工医疗保险纳入属地职工医保统筹工作。（责任单位：市人力资源和社会保障局、卫生局、教育局、国有资产监督管理委员会）"
    let a = try #require(try attribution(body))
    let canon = ["市人力资源和社会保障局", "市卫生局", "市教育局", "市国有资产监督管理委员会"]
    #expect(Roles(a) == Roles(raw: ["市人力资源和社会保障局", "卫生局", "教育局", "国有资产监督管理委员会"],
                              departments: canon, responsible: canon))
  }

  @Test func form001AttributionBrokenAcrossALine() throws {
    // as in the raw seed: a line break inside a name and a half-width closing bracket
    let body = "落实基层医疗卫生机构承担基本公共卫生服务的经费。（责任单位：市财政局、发展和改革委员会、卫生局、人力资源和社\n会保障局)"
    let a = try #require(try attribution(body))
    #expect(a.departmentsRaw == ["市财政局", "发展和改革委员会", "卫生局", "人力资源和社会保障局"])
    #expect(a.departments == ["市财政局", "市发展和改革委员会", "市卫生局", "市人力资源和社会保障局"])
    #expect(a.responsible == a.departments)
    #expect(a.raw.hasPrefix("（责任单位：") && a.raw.hasSuffix("会保障局)"))
  }

  @Test func form001HalfWidthLabelAndAliases() throws {
    let body = "严厉打击违法违规活动。(责任单位:市食品药品监督管理局、经济和信息化委员会、工商局、国税局、地税局)"
    let a = try #require(try attribution(body))
    #expect(a.departments == ["市食品药品监督管理局", "市经济和信息化委员会", "市工商行政管理局", "市国家税务局", "市地方税务局"])
  }

  @Test func form001UnknownInheritsThePrefixAndIsReportedAsWritten() throws {
    let (out, _) = try run([U("（1）", [1], "保障人身安全。（责任单位：市卫生局、人力资源和社会保障局、综治办、某某中心）")])
    let a = try #require(out.attributions[0])
    // a short body outside the lexicon takes the list's prefix as the lexicon names do (`inherit_unknown_max`)
    #expect(a.departments == ["市卫生局", "市人力资源和社会保障局", "市社会治安综合治理委员会办公室", "市某某中心"])
    #expect(a.departmentsRaw.last == "某某中心")
    let w = out.warnings.filter { $0.code == "unknown_department" }
    #expect(w.count == 1)
    #expect(w.first?.message.contains("某某中心") == true)
  }

  // MARK: 002 (Yunnan): 责任部门:, half-width, lost opening bracket

  @Test func form002HalfWidthLabel() throws {
    let a = try #require(try attribution("确保配送及时到位。(责任部门:省卫生厅、招标采购局)"))
    #expect(Roles(a) == Roles(raw: ["省卫生厅", "招标采购局"], departments: ["省卫生厅", "省招标采购局"],
                              responsible: ["省卫生厅", "省招标采购局"]))
  }

  @Test func form002LostOpeningBracket() throws {
    let body = "对违反法律法规的企业,2年内不得参与云南省药品招标采购。 责任部门:省卫生厅、招标采购局、食品药品监管局、商务厅、监察厅)"
    let a = try #require(try attribution(body))
    #expect(a.raw == "责任部门:省卫生厅、招标采购局、食品药品监管局、商务厅、监察厅)")
    #expect(a.departmentsRaw == ["省卫生厅", "招标采购局", "食品药品监管局", "商务厅", "监察厅"])
    #expect(a.departments == ["省卫生厅", "省招标采购局", "省食品药品监督管理局", "省商务厅", "省监察厅"])
    #expect(a.responsible == a.departments && a.lead.isEmpty && a.participating.isEmpty)
  }

  @Test func form002PrefixedAliases() throws {
    let a = try #require(try attribution("加强药品不良反应监测。(责任部门:省食品药品监管局、卫生厅、工业和信息化委、商务厅、物价局、监察厅)"))
    #expect(a.departments == ["省食品药品监督管理局", "省卫生厅", "省工业和信息化委员会", "省商务厅", "省物价局", "省监察厅"])
    let b = try #require(try attribution("基层医疗卫生机构工作人员按照规定参加社会保险。(责任部门:省编办、卫生厅、人力资源社会保障厅)"))
    #expect(b.departments == ["省机构编制委员会办公室", "省卫生厅", "省人力资源和社会保障厅"])
  }

  @Test func form002ParentheticalsInsideTheBodyAreIgnored() throws {
    let body = "将企业通过《药品生产质量管理规范(2010年版)》(GMP)认证作为质量评价重要指标;对因各种原因不能正常供货的中标(成交)产品,及时补齐。(责任部门:省卫生厅、招标采购局、物价局、食品药品监管局)"
    let a = try #require(try attribution(body))
    #expect(a.raw == "(责任部门:省卫生厅、招标采购局、物价局、食品药品监管局)")
  }

  // MARK: 003 (Gansu): 负责 … 参与 with a first-listed-lead note

  @Test func form003ResponsibleAndParticipatingWithNote() throws {
    let body = "整体推动县级公立医院综合改革工作。（省卫生计生委、省财政厅负责，省编办、省发展改革委、省人社厅、省中医药局参与。注：排在首位的为牵头部门，下同）"
    let a = try #require(try attribution(body))
    #expect(Roles(a) == Roles(
      raw: ["省卫生计生委", "省财政厅", "省编办", "省发展改革委", "省人社厅", "省中医药局"],
      departments: ["省卫生和计划生育委员会", "省财政厅", "省机构编制委员会办公室", "省发展和改革委员会", "省人力资源和社会保障厅",
                    "省中医药管理局"],
      lead: ["省卫生和计划生育委员会"],
      responsible: ["省卫生和计划生育委员会", "省财政厅"],
      participating: ["省机构编制委员会办公室", "省发展和改革委员会", "省人力资源和社会保障厅", "省中医药管理局"]))
  }

  @Test func form003CollectiveBodiesAndSharedSuffix() throws {
    let units = [
      U("（一）", [1, 1], "深化县级公立医院综合改革。（省卫生计生委、省财政厅负责，省编办参与。注：排在首位的为牵头部门，下同）"),
      U("（二）", [1, 2], "扩大城市公立医院综合改革试点。（省卫生计生委、省财政厅、省政府国资委分别负责，省编办、省发展改革委、省人社厅、省中医药局参与）"),
      U("（三）", [1, 3], "编制医疗卫生服务体系规划。（各地人民政府负责，各级卫生计生、发展改革、财政部门分别落实）"),
    ]
    let (out, _) = try run(units)
    let b = try #require(out.attributions[1])
    #expect(b.lead == ["省卫生和计划生育委员会"])
    #expect(b.responsible == ["省卫生和计划生育委员会", "省财政厅", "省国有资产监督管理委员会"])
    #expect(b.participating == ["省机构编制委员会办公室", "省发展和改革委员会", "省人力资源和社会保障厅", "省中医药管理局"])
    #expect(b.departmentsRaw.contains("省政府国资委"))
    let c = try #require(out.attributions[2])
    #expect(Roles(c) == Roles(
      raw: ["各地人民政府", "各级卫生计生", "发展改革", "财政部门"],
      departments: ["各地人民政府", "各级卫生计生部门", "各级发展改革部门", "各级财政部门"],
      lead: ["各地人民政府"],
      responsible: ["各地人民政府", "各级卫生计生部门", "各级发展改革部门", "各级财政部门"]))
    #expect(out.warnings.isEmpty)
  }

  @Test func collectivePrefixIsNotInheritedByNamedBodies() throws {
    let a = try #require(try attribution("支持商业保险机构参与经办服务。（省医改办、各市州人民政府分别负责，甘肃保监局参与）"))
    #expect(a.departments == ["省深化医药卫生体制改革领导小组办公室", "各市州人民政府", "甘肃保监局"])
    #expect(a.participating == ["甘肃保监局"])
  }

  // MARK: 004 (Zibo): 负责部门排在第一位的为牵头部门; 分别牵头 … 负责

  @Test func form004RespectivelyLeadThenResponsible() throws {
    let body = "探索建立医疗救助“一站式”结算机制。（市卫生局、市民政局分别牵头，市财政局、市发展改革委、市人力资源社会保障局负责）"
    let a = try #require(try attribution(body))
    #expect(Roles(a) == Roles(
      raw: ["市卫生局", "市民政局", "市财政局", "市发展改革委", "市人力资源社会保障局"],
      departments: ["市卫生局", "市民政局", "市财政局", "市发展和改革委员会", "市人力资源和社会保障局"],
      lead: ["市卫生局", "市民政局"],
      responsible: ["市财政局", "市发展和改革委员会", "市人力资源和社会保障局"]))
  }

  @Test func form004NoteWithoutLabel() throws {
    let body = "提高重特大疾病保障水平。（市人力资源社会保障局、市卫生局、市发展改革委、市财政局负责。负责部门排在第一位的为牵头部门，下同）"
    let a = try #require(try attribution(body))
    #expect(a.departmentsRaw == ["市人力资源社会保障局", "市卫生局", "市发展改革委", "市财政局"])
    #expect(a.lead == ["市人力资源和社会保障局"])
    #expect(a.responsible == ["市人力资源和社会保障局", "市卫生局", "市发展和改革委员会", "市财政局"])
  }

  @Test func form004PartyPrefixAndAbbreviations() throws {
    let a = try #require(try attribution("提升基层服务能力。（市卫生局、市人力资源社会保障局、市发展改革委、市委高校工委、市国资办负责）"))
    #expect(a.departments == ["市卫生局", "市人力资源和社会保障局", "市发展和改革委员会", "市委高校工作委员会", "市国有资产监督管理办公室"])
  }
}
