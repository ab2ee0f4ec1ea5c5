import GongwenAttribute
import GongwenCore
import Testing

/// Forms found in Corpus/unseen (real notices the seeds do not show), positives and negatives.
@Suite struct UnseenCorpusFormTests {
  @Test func deadlineItemInsideALabelledListIsDropped() throws {
    // 103 Xiangxi: （牵头单位：…；责任单位：…，6月底完成）
    let a = try #require(try attribution("加大简政放权力度。（牵头单位：州行政审批服务局；责任单位：州司法局、州委编办，6月底完成）"))
    #expect(a.lead == ["州行政审批服务局"])
    #expect(a.departmentsRaw == ["州行政审批服务局", "州司法局", "州委编办"])
    let b = try #require(try attribution("推进改革。（责任单位：市财政局，2023年12月底前完成）"))
    #expect(b.departmentsRaw == ["市财政局"])
    // not a deadline: a department still needs to look like one
    #expect(try attribution("推进改革。（6月底完成）") == nil)
  }

  @Test func aQuarterOrAYearsEndAsTheDeadlineItem() throws {
    // heldout112 11203: （2020年2季度完成，X牵头，Y配合）; the deadline also last, or a half year
    let a = try #require(try attribution("建立协调机制。（2020年2季度完成，市发展改革委牵头，市政府办公厅配合）"))
    #expect(a.departmentsRaw == ["市发展改革委", "市政府办公厅"])
    #expect(a.lead == ["市发展和改革委员会"])
    #expect(a.participating == ["市人民政府办公厅"])
    let b = try #require(try attribution("修订办法。（市发展改革委牵头，市财政局配合，2020年底前完成）"))
    #expect(b.departmentsRaw == ["市发展改革委", "市财政局"])
    let c = try #require(try attribution("制定目录。（第三季度末完成，市财政局负责）"))
    #expect(c.departmentsRaw == ["市财政局"])
    let d = try #require(try attribution("统一规则。（市财政局负责，上半年完成）"))
    #expect(d.departmentsRaw == ["市财政局"])
    #expect(try attribution("推进改革。（2020年2季度完成）") == nil)
  }

  @Test func personLabelIsNotADepartment() throws {
    // 104 Xian'an: （责任领导：人名；牵头单位：区发改局）
    let a = try #require(try attribution("地区生产总值增长8%以上。（责任领导：杜新国；牵头单位：区发改局、区税务局）"))
    #expect(a.departmentsRaw == ["区发改局", "区税务局"])
    #expect(a.lead.count == 2)
  }

  @Test func jiJoinsTwoItems() throws {
    // 105 Xianyang: …牵头，市级各有关部门及各县市区政府按职责分工负责
    let a = try #require(try attribution("实施清单管理。（市政府办公室牵头，市级各有关部门及各县市区政府按职责分工负责）"))
    #expect(a.departmentsRaw == ["市政府办公室", "市级各有关部门", "各县市区政府"])
    #expect(a.responsible.count == 2)
    let b = try #require(try attribution("推进改革。（市财政局以及市卫生局负责）"))
    #expect(b.departmentsRaw == ["市财政局", "市卫生局"])
  }

  @Test func squareBrackets() throws {
    // 102 Xialu: [责任单位:老街办、区招商服务中心]
    let a = try #require(try attribution("推进产业园建设。[责任单位：老街办、区招商服务中心、长乐投资有限公司]"))
    #expect(a.responsible == ["老街办", "区招商服务中心", "长乐投资有限公司"])
    #expect(try attribution("推进产业园建设。[图片]") == nil)
  }

  @Test func leadResponsibleAndCooperatingLabelLines() throws {
    // 109 Lingbi: 牵头责任单位：… / 主要协作单位：… on their own lines
    let a = try #require(try attribution("创建国家卫生县城。\n牵头责任单位：县卫健委、县民政局\n主要协作单位：各乡镇人民政府、县政府有关部门"))
    #expect(a.lead.count == 2)
    #expect(a.responsible.isEmpty)
    #expect(a.departmentsRaw == ["县卫健委", "县民政局", "各乡镇人民政府", "县政府有关部门"])
    #expect(a.participating.count == 2)
  }

  @Test func developmentZonesAndSubdistrictsDoNotTakeASharedSuffix() throws {
    // 101 Lishan: 责任单位：立山经济开发区，各街道、区直各部门 (not 立山经济开发区部门)
    let a = try #require(try attribution("固定资产投资增长15%左右。\n牵头单位：区发改局\n责任单位：立山经济开发区，各街道、区直各部门"))
    #expect(a.departments.contains("立山经济开发区"))
    #expect(a.departments.contains("各街道"))
  }

  @Test func aKnownAgencyDoesNotInheritACollectivePrefix() throws {
    // 101 Lishan: 责任单位：立山经济开发区，各街道，税务局
    let a = try #require(try attribution("一般公共预算收入增长8%左右。\n牵头单位：区财政局\n责任单位：立山经济开发区，各街道，税务局"))
    #expect(a.departments.last == "税务局")
    // a jurisdiction prefix is still inherited
    let b = try #require(try attribution("推进改革。（责任单位：市人社局、卫生局）"))
    #expect(b.departments == ["市人力资源和社会保障局", "市卫生局"])
  }

  @Test func firstListedLeadNoteInBracketsAfterTheList() throws {
    // 111 Xiamen: 责任单位：市发改委、市财政局（第一责任单位为牵头单位，下同） / 时限要求：持续推进
    let a = try #require(try attribution("确保协议落实到位。\n责任单位：市发改委、市财政局（第一责任单位为牵头单位，下同）\n时限要求：持续推进"))
    #expect(a.departmentsRaw == ["市发改委", "市财政局"])
    #expect(a.responsible.count == 2)
    // a bracket that is not a note stays part of the name
    let b = try #require(try attribution("推进改革。（责任单位：市财政局、市卫生局（含中医药局））"))
    #expect(b.departmentsRaw.count == 2)
  }

  @Test func canonicalNameKeepsACollectivePrefix() {
    #expect(bundled.canonicalName("各县市区政府") == "各县市区人民政府")
    #expect(bundled.canonicalName("各县市区人民政府") == "各县市区人民政府")
    #expect(bundled.canonicalName("省人社厅") == "省人力资源和社会保障厅")
    #expect(bundled.canonicalName("各地人民政府") == "各地人民政府")
  }
}
