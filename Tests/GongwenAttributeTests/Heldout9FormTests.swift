import GongwenAttribute
import GongwenCore
import Testing

/// Forms found in Corpus/heldout9 and Corpus/heldout10 (gathered blind; first sight 0.551 and 0.752).
@Suite struct Heldout9FormTests {
  @Test func aDivisionOfDutiesUnderAHeadingLine() throws {
    // 1001 Nanning: 一、有关职责⏎A负责…；B负责…；C、D负责…。E负责…。⏎其他有关单位要积极配合…
    let (out, text) = try run([U("一、", [1], """
      有关职责
      市经济适用住房建设管理协调工作领导小组负责建设发展的指导和协调工作；市发改委负责项目立项工作；各城区政府、开发区管委会负责本辖区内项目的征地拆迁工作。市房改办负责实施项目管理工作。
      其他有关单位要积极配合抓好建设、管理工作。
      """)])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["市经济适用住房建设管理协调工作领导小组", "市发改委", "各城区政府", "开发区管委会", "市房改办", "其他有关单位"])
    #expect(a.participating == ["其他有关单位"], "要积极 before the role word is an adverb")
    #expect(a.rangesInText.map { text.string($0) }.last == "其他有关单位要积极配合")
  }

  @Test func laterClausesCountOnlyAfterAFirstSubject() throws {
    // the unit's first sentence (longer than a title) names no departments: a later 市财政局负责… names
    // the clause's department all the same (`later_clauses_alone: 1`; Corpus/heldout29 3001 keys such a
    // sentence), while a later sentence without a role word names none
    let (out, _) = try run([U("1.", [1], "加快推进重点项目建设，确保全年新开工项目按期开工、续建项目加快进度。市财政局负责资金保障。")])
    #expect(out.attributions[0]?.responsible == ["市财政局"])
    let (out1, _) = try run([U("1.", [1], "加快推进重点项目建设，确保全年新开工项目按期开工。市财政局要做好资金保障。")])
    #expect(out1.attributions[0] == nil)
    // a closing list is the notice's own allocation: later subjects do not add to it (the first one
    // does, as before)
    let (out2, _) = try run([U("1.", [1], "市发改委负责项目立项工作；市规划局负责选址。（责任单位：市住建局）")])
    #expect(out2.attributions[0]?.departmentsRaw == ["市发改委", "市住建局"])
    // a clause that does not start with departments and a role word adds nothing, but a lexicon body after its comma
    // does (Corpus/heldout85 8503); a collective there does not
    let (out3, _) = try run([U("1.", [1], "市发改委负责项目立项工作；加快审批，市规划局负责选址。")])
    #expect(out3.attributions[0]?.departmentsRaw == ["市发改委", "市规划局"])
    let (out4, _) = try run([U("1.", [1], "市发改委负责项目立项工作；加快审批，有关部门负责配合。")])
    #expect(out4.attributions[0]?.departmentsRaw == ["市发改委"])
  }
}

@Suite struct Heldout9SentenceFinalTests {
  @Test func attributionsThatEndSentencesInsideAParagraph() throws {
    // 1002 Qinzhou: line breaks lost; each measure's list ends its sentence, the unit has no closing one
    let (out, _) = try run([U("（一）", [1, 1], "加强食用农产品质量安全监管。着力解决农药兽药残留问题（市农业局、水产畜牧兽医局分别负责，食品药品监管局配合）。严格农业投入品监管（市农业局、工商局、质监局、安监局等负责排首位的为牵头部门或单位，下同）。探索建立食用农产品产地准出制度（市农业局、水")])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["市农业局", "水产畜牧兽医局", "食品药品监管局", "市农业局", "工商局", "质监局", "安监局"])
    #expect(a.departments == ["市农业局", "市水产畜牧兽医局", "市食品药品监督管理局", "市工商行政管理局", "市质量技术监督局", "市安全生产监督管理局"])
    #expect(a.participating == ["市食品药品监督管理局"])
    #expect(a.lead == ["市农业局"], "the lost-。 note still declares the first-listed lead (下同)")
  }

  @Test func aSentenceFinalBracketNeedsRoleWordsOrALabel() throws {
    // a bare list in mid-paragraph is a parenthetical, not an attribution
    let (out, _) = try run([U("1.", [1], "加强协作（市卫生局、市财政局）。推进医保改革，完善报销政策。")])
    #expect(out.attributions[0] == nil)
    // at the paragraph's end the same list closes the unit, as before
    let (out2, _) = try run([U("1.", [1], "推进医保改革，完善报销政策。加强协作（市卫生局、市财政局）。")])
    #expect(out2.attributions[0]?.departmentsRaw == ["市卫生局", "市财政局"])
  }
}

@Suite struct Heldout10FormTests {
  @Test func theStateCouncilsMatterThenTogetherWith() throws {
    // 1101 State Council 国办函〔2014〕31号: 关于“…”的问题，由A会同B、C等部门研究提出落实意见
    let (out, text) = try run([
      U("（一）", [1, 1], "关于“确保谷物基本自给、口粮绝对安全”的问题，由发展改革委会同中央农办、农业部、财政部等部门研究提出落实意见。"),
      U("（二）", [1, 2], "关于“严守耕地保护红线”的问题，由国土资源部会同农业部等部门负责落实。"),
    ])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["发展改革委", "中央农办", "农业部", "财政部"])
    #expect(a.lead == ["发展和改革委员会"])
    #expect(a.rangesInText.map { text.string($0) } == ["由发展改革委会同中央农办、农业部、财政部等部门"])
    let b = try #require(out.attributions[1])
    #expect(b.departmentsRaw == ["国土资源部", "农业部"])
    #expect(b.lead == ["国土资源部"])
    #expect(b.rangesInText.map { text.string($0) } == ["由国土资源部会同农业部等部门负责落实"])
  }

  @Test func aBracketGroupEndingInItsOwnSentenceEndInsideAParagraph() throws {
    // 1103 Chaozhou: 〔…负责落实。以下…不再列出。〕 then more of the task, then its closing list
    let (out, _) = try run([U("1.", [2, 1, 1], "制定实施准入清单。完成清单编制工作。〔市生态环境局牵头，市发展和改革局、工业和信息化局、自然资源局参与，各县、区人民政府（管委会）负责落实。以下各项工作均需各县、区人民政府（管委会）落实，不再列出。〕按省的要求，不再新建燃煤锅炉。（市生态环境局、市场监管局牵头，市发展和改革局、工业和信息化局参与）")])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["市生态环境局", "市发展和改革局", "工业和信息化局", "自然资源局", "各县、区人民政府（管委会）", "市生态环境局", "市场监管局", "市发展和改革局", "工业和信息化局"])
    #expect(a.responsible == ["各县、区人民政府（管委会）"])
    // a bracket whose text ends in 。 but names no roles or label stays prose
    let (out2, _) = try run([U("1.", [1], "完成清单编制工作（含生态保护红线。）按省的要求推进。")])
    #expect(out2.attributions[0] == nil)
  }

  @Test func withoutAJoinerOrALeadInATailWordEndsNothing() throws {
    // 由A、B等部门研究… names no lead and no role: not an attribution; nor is A会同B without 由
    let (out, _) = try run([
      U("（一）", [1, 1], "关于“稳定粮食生产”的问题，由发展改革委、农业部等部门研究提出落实意见。"),
      U("（二）", [1, 2], "关于“稳定粮食生产”的问题，发展改革委会同农业部等部门研究提出落实意见。"),
    ])
    #expect(out.attributions[0] == nil)
    #expect(out.attributions[1] == nil)
  }
}

@Suite struct Heldout11FormTests {
  @Test func anOfficialsStepIsPassedOver() throws {
    // 1202 Lanzhou: 由杨志武副市长负责，市发改委牵头，相关部门配合，…
    let (out, _) = try run([U("1、", [1], "在兰州设立综合配套改革试验区事宜\n由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。")])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["市发改委", "相关部门"])
    #expect(a.lead == ["市发展和改革委员会"])
    #expect(a.participating == ["相关部门"])
    // an official alone names no department
    let (out2, _) = try run([U("1、", [1], "兰州综合配套改革试验区事宜\n由杨志武副市长负责,尽快完成实施方案。")])
    #expect(out2.attributions[0] == nil)
  }

  @Test func aFirstListedDeclarationSentenceIsANote() throws {
    // 1203 Huanggang: （由A、B负责。一项任务涉及多个部门的，原则上由排名首位的部门牵头负责。下同）
    let (out, _) = try run([
      U("1、", [1, 1], "全市GDP增长10%以上（由市发展改革委、经委、农办、统计局负责。一项任务涉及多个部门的,原则上由排名首位的部门牵头负责。下同）。"),
      U("2、", [1, 2], "全社会固定资产投资增长20%以上（由市发展改革委、统计局负责）。"),
    ])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["市发展改革委", "经委", "农办", "统计局"])
    #expect(a.departments == ["市发展和改革委员会", "市经济委员会", "市农村工作办公室", "市统计局"])
    #expect(a.lead == ["市发展和改革委员会"])
    #expect(out.attributions[1]?.lead == ["市发展和改革委员会"], "下同")
  }
}

@Suite struct Heldout12FormTests {
  @Test func divisionsOfADepartmentUnderALabelWithANote() throws {
    // 1302 Anhui education department: 责任处室、单位（按处室、单位顺序排列，下同）：…、人事处（人才工作处）。
    let a = try #require(try attribution("健全教育强省建设重点任务落实机制。\n责任处室、单位(按处室、单位顺序排列,下同):秘书组秘书处、办公室、组干处、发展规划处、人事处(人才工作处)。"))
    #expect(a.departmentsRaw == ["秘书组秘书处", "办公室", "组干处", "发展规划处", "人事处(人才工作处)"])
    #expect(a.responsible.count == 5)
    // the bracketed other name alone is no list of its own; a bracket after a label-less line still is
    #expect(try attribution("加强协作。（省卫生厅、招标采购局）")?.departmentsRaw == ["省卫生厅", "招标采购局"])
  }

  @Test func levelsAfterACollectiveAndPlacesSharingAGovernment() throws {
    // 1301 Heilongjiang: （省发改委、铁路办、哈尔滨铁路局、相关市、县政府负责）;（…哈尔滨、黑河、绥芬河市政府…）
    let a = try #require(try attribution("续建哈齐客运专线。（省发改委、铁路办、哈尔滨铁路局、相关市、县政府负责）"))
    #expect(a.departmentsRaw == ["省发改委", "铁路办", "哈尔滨铁路局", "相关市、县政府"])
    let b = try #require(try attribution("开工建设机场。（哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责）"))
    #expect(b.departmentsRaw == ["哈尔滨机场扩建指挥部", "哈尔滨", "黑河", "绥芬河市政府", "省农垦总局"])
    #expect(b.departments == ["哈尔滨机场扩建指挥部", "哈尔滨市政府", "黑河市政府", "绥芬河市政府", "省农垦总局"])
    // a long name before the government is no place name (Corpus/heldout10 1102)
    let c = try #require(try attribution("加大信贷支持。（省发展改革委牵头，农业发展银行云南省分行、各州、市人民政府配合）"))
    #expect(c.departments.contains("农业发展银行云南省分行"))
  }

  @Test func townsSharingAGovernment() throws {
    // Corpus/heldout142 14201: towns sharing one government after other bodies of the list, each its own
    let a = try #require(try attribution("加强管理。（牵头单位：区经济发展局；配合单位：区环境与国土资源局、区综合执法局，岚城乡、北厝镇、澳前镇人民政府）"))
    #expect(a.participating.suffix(3) == ["岚城乡人民政府", "北厝镇人民政府", "澳前镇人民政府"])
    let b = try #require(try attribution("加强管理。（牵头单位：区经济发展局；配合单位：城关、东城镇人民政府）"))
    #expect(b.participating == ["城关镇人民政府", "东城镇人民政府"])
    // the government of levels names no place to share (街道, not 街道镇人民政府)
    let c = try #require(try attribution("加强管理。（牵头单位：区经济发展局；配合单位：街道、乡镇人民政府）"))
    #expect(c.participating == ["街道", "乡镇人民政府"])
  }

  @Test func levelsAloneGiveNoPrefix() throws {
    // Corpus/heldout142 14204: 乡镇 as an item is no jurisdiction for the name after it (not 乡环卫所)
    let a = try #require(try attribution("加强管理。（各片区管理局、乡镇及环卫所负责）"))
    #expect(a.departments == ["各片区管理局", "乡镇", "环卫所"])
  }

  @Test func undertakenByAndAssistedBy() throws {
    // 1304 Fujian: 一、治理畜牧业产品污染⏎由省经贸委承办，省农业厅、卫生厅…协办。
    let (out, _) = try run([U("一、", [1], "治理畜牧业产品污染\n由省经贸委承办,省农业厅、卫生厅、福建出入境检验检疫局协办。治理工作目标:定点屠宰率达85%以上。")])
    let a = try #require(out.attributions[0])
    #expect(a.lead == ["省经济贸易委员会"])
    #expect(a.participating == ["省农业厅", "省卫生厅", "福建出入境检验检疫局"])
  }

  @Test func aListAfterASentenceEndThatRunsOnIntoTheTask() throws {
    // 1306 Tianjin: 常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。(市经委牵头)…
    let (out, _) = try run([U("1.", [2, 1, 1], "主要指标的责任部门。\n常住人口控制在1150万人左右。(市人口计生委、市公安局牵头)万元地区生产总值能源消耗降低20%。(市经委牵头)万元工业增加值取水量降低20%。(市节水办、市经委牵头)耕地保有量保持稳定。")])
    #expect(out.attributions[0]?.departmentsRaw == ["市人口计生委", "市公安局", "市经委", "市节水办", "市经委"])
    // not when a clause marker follows it (a scramble, or a marker Segment did not take: seed 000)
    let (out2, _) = try run([U("（5）", [1, 5], "完善机制。(卫生厅、财政厅负责)(6)完善分配激励机制。全面落实绩效工资。")])
    #expect(out2.attributions[0] == nil)
    let (out3, _) = try run([U("（2）", [2], "培育产业集群。 2.共同推动物流业发展。(省直配合单位:省发展改革委、经贸委) 3.大力拓展旅游合作。")])
    #expect(out3.attributions[0] == nil)
  }
}

@Suite struct Heldout14FormTests {
  @Test func officialsInAListAndAListEndingAClause() throws {
    // 1502 Hunan: (分管副省长、协管副秘书长负责,省科技厅、省发改委…等负责。列第一位的为牵头部门,…,下同),建设一批…
    let (out, _) = try run([U("（一）", [1, 1], "增强创新驱动发展能力。构建政策体系(分管副省长、协管副秘书长负责,省科技厅牵头。明确牵头部门的,其他有关部门配合,不逐一列出,下同)。落实企业研发费用加计扣除政策(分管副省长、协管副秘书长负责,省科技厅、省发改委、省财政厅等负责。列第一位的为牵头部门,其他部门和单位按职责分工负责,下同),建设一批众创空间。")])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["省科技厅", "省科技厅", "省发改委", "省财政厅"])
    #expect(!a.departmentsRaw.contains { $0.contains("省长") || $0.contains("秘书长") })
    #expect(a.lead == ["省科学技术厅"])
  }

  @Test func dataSupplyingUnitsAfterAnOfficialsLabel() throws {
    // 1505 Chengdu: (牵头领导:谢瑞武,牵头单位:市发改委,数据提供单位:市统计局)
    let a = try #require(try attribution("地区生产总值增长7.5%左右。(牵头领导:谢瑞武,牵头单位:市发改委,数据提供单位:市统计局)"))
    #expect(a.departmentsRaw == ["市发改委", "市统计局"])
    #expect(a.lead == ["市发展和改革委员会"])
    #expect(a.participating == ["市统计局"])
  }
}

@Suite struct Heldout15FormTests {
  @Test func aLineThatOnlySaysWhoDoesIt() throws {
    // 1605 Zhoukou: the item's text, then on its own line 由A、B，C县、D县人民政府，E负责落实
    let (out, text) = try run([U("2.", [1, 2], "全面完成漯阜铁路复线电气化改造。\n由漯阜铁路公司、市发展改革委,川汇区、商水县人民政府,市经济开发区管委会负责落实")])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["漯阜铁路公司", "市发展改革委", "川汇区", "商水县人民政府", "市经济开发区管委会"])
    #expect(a.departments.contains("川汇区人民政府"), "a place ending with its own level takes the government without it")
    #expect(a.rangesInText.isEmpty, "like a bracket list, not part of the task's text")
    #expect(text.string(a.range).hasPrefix("由漯阜铁路公司"))
    // 1603 Zhengzhou: the paragraph's last sentence
    let (out2, _) = try run([U("（一）", [2, 1], "继续实施种粮补贴，确保补贴总金额高于上年。由市财政局、农业局、劳动保障局,各县(市)、区人民政府负责落实。")])
    #expect(out2.attributions[0]?.departments == ["市财政局", "市农业局", "市劳动和社会保障局", "各县(市)、区人民政府"])
    // a sentence with more than names before its role word is prose
    let (out3, _) = try run([U("（一）", [2, 1], "继续实施种粮补贴。由于资金紧张，各地要统筹负责")])
    #expect(out3.attributions[0] == nil)
  }

  @Test func aLineSayingWhoDoesTheWholeSection() throws {
    // heldout18 1902: after the section's last item, 此项工作由X和Y牵头，A、B和C配合。 names the section's
    // departments when none of its items names its own
    let (out, _) = try run([
      U("（二）", [2], "环境保护"),
      U("1.", [2, 1], "加强节能减排管理。"),
      U("2.", [2, 2], "加强城市噪声监控。\n此项工作由市环保局牵头，市建委、市城管局和各区政府配合。"),
      U("（三）", [3], "市容市貌"),
    ])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["市环保局", "市建委", "市城管局", "各区政府"])
    #expect(a.lead == ["市环境保护局"])
    #expect(a.participating == ["市建设委员会", "市城市管理局", "各区人民政府"])
    #expect(out.attributions[1] == nil && out.attributions[2] == nil && out.attributions[3] == nil)
    // items with their own departments: the line is the last item's, as any statement line
    let (own, _) = try run([
      U("（二）", [2], "环境保护"),
      U("1.", [2, 1], "加强节能减排管理。（市发改委负责）"),
      U("2.", [2, 2], "加强城市噪声监控。\n此项工作由市环保局牵头。"),
    ])
    #expect(own.attributions[0] == nil)
    #expect(own.attributions[2]?.departmentsRaw == ["市环保局"])
    // the section's marker not in the text (an excerpt): given to no task, and reported
    let (lost, _) = try run([
      U("3.", [1, 3], "加强出租车运营管理。"),
      U("4.", [1, 4], "加强公交车运营管理。\n此项工作由市公安局和市交通局牵头，市城管局配合。"),
      U("（二）", [2], "环境保护"),
    ])
    #expect(lost.attributions.allSatisfy { $0 == nil })
    let w = try #require(lost.warnings.first { $0.code == "unplaced_attribution" })
    #expect(w.message.contains("市公安局、市交通局、市城管局"))
  }

  @Test func aBracketClosingASectionsLastItemIsTheSections() throws {
    // heldout143 14301, heldout138 13805: every section ends with one bracket after its last item, no item has its own
    let (out, _) = try run([
      U("（一）", [1], "合理配置医疗资源"),
      U("1.", [1, 1], "科学编制卫生事业发展规划。"),
      U("2.", [1, 2], "落实政府办医责任。"),
      U("（1）", [1, 2, 1], "制定财政投入长效保障机制。"),
      U("（2）", [1, 2, 2], "建立办医经费补助机制。（责任单位：区财政局、区卫生局）"),
      U("（二）", [2], "深化医院管理制度改革"),
      U("1.", [2, 1], "成立公立医院管理委员会。（区卫生局负责）"),
      U("2.", [2, 2], "建立激励约束机制。（区人社局负责）"),
    ])
    // lifted past 2. (its items have none) to （一）, the highest section it closes
    #expect(out.attributions[0]?.departmentsRaw == ["区财政局", "区卫生局"])
    #expect(out.attributions[1...4].allSatisfy { $0 == nil })
    // items with brackets of their own keep them (the innermost clause)
    #expect(out.attributions[5] == nil)
    #expect(out.attributions[6]?.departmentsRaw == ["区卫生局"] && out.attributions[7]?.departmentsRaw == ["区人社局"])
    // a section of one item keeps the bracket on it; so does a section that goes on after the bracketed item
    let (one, _) = try run([U("（一）", [1], "合理配置医疗资源"), U("1.", [1, 1], "编制规划。（区卫生局负责）"), U("（二）", [2], "其他")])
    #expect(one.attributions[0] == nil && one.attributions[1]?.departmentsRaw == ["区卫生局"])
    let (mid, _) = try run([
      U("（一）", [1], "合理配置医疗资源"), U("1.", [1, 1], "编制规划。（区卫生局负责）"), U("2.", [1, 2], "加快建设。"),
    ])
    #expect(mid.attributions[0] == nil && mid.attributions[1]?.departmentsRaw == ["区卫生局"])
    // an item naming its own lead in a sentence does not keep the section's bracket from the section (14301 （六）)
    let (subj, _) = try run([
      U("（六）", [6], "改革药品供应保障机制"),
      U("1.", [6, 1], "配送具体办法由区市场监督管理局牵头制定。"),
      U("2.", [6, 2], "加强药品质量监管。（责任单位：区市场监督管理局、区财政局）"),
    ])
    #expect(subj.attributions[0]?.departmentsRaw == ["区市场监督管理局", "区财政局"])
    #expect(subj.attributions[1]?.departmentsRaw == ["区市场监督管理局"] && subj.attributions[2] == nil)
  }

  @Test func aLabelLineClosingASectionsLastItemIsTheSections() throws {
    // heldout152 15201: `牵头部门：…推进单位：…` on a line of its own (or after the last item's sentence end) closes each 工程包
    let (out, _) = try run([
      U("（一）", [1], "易地扶贫搬迁工程包"),
      U("1.", [1, 1], "投资重点实施搬迁。"),
      U("2.", [1, 2], "主要措施"),
      U("（1）", [1, 2, 1], "用好用足各类资金。"),
      U("（2）", [1, 2, 2], "积极争取中央预算内投资。\n牵头部门：区交通与建设局、财政金融局推进单位：区交通投资集团有限公司"),
      U("（二）", [2], "信息网络工程包"),
      U("1.", [2, 1], "投资重点光纤网络建设。"),
      U("2.", [2, 2], "加快建设基础网络。牵头部门：区通讯管理办公室推进单位：区土地开发集团有限公司"),
    ])
    #expect(out.attributions[0]?.lead == ["区交通与建设局", "区财政金融局"])
    #expect(out.attributions[0]?.responsible == ["区交通投资集团有限公司"])
    #expect(out.attributions[5]?.lead == ["区通讯管理办公室"])
    #expect(out.attributions[1...4].allSatisfy { $0 == nil } && out.attributions[6...7].allSatisfy { $0 == nil })
    // where label lines as deep as the last item stay on their items, they are the items' own (heldout150 15001: one
    // `责任单位：` line under each item, the section's first item without one)
    let (own, _) = try run([
      U("三、", [3], "做大特色品牌"),
      U("（一）", [3, 1], "加强渔业品牌建设。\n责任单位：农村发展局牵头，财政金融局配合"),
      U("（二）", [3, 2], "加快品牌宣传。\n责任单位：旅游发展局牵头，农村发展局配合"),
      U("四、", [4], "建好服务平台"),
      U("（一）", [4, 1], "推进海洋云建设。"),
      U("（二）", [4, 2], "建设服务中心。\n责任单位：交通与建设局牵头，经济发展局配合"),
    ])
    #expect(own.attributions[3] == nil && own.attributions[5]?.lead == ["交通与建设局"])
  }

  @Test func aLabelAloneOnItsLineOpensTheListOnTheNext() throws {
    // heldout152 15201: the page's space after `牵头部门：` read as a line break
    let (out, _) = try run([
      U("（1）", [1, 1], "积极争取中央预算内投资。"),
      U("（2）", [1, 2], "加快建设。\n牵头部门：\n区流水片区开发管理局、澳前片区开发管理局推进单位：区国有资产投资集团有限公司、交通投资集团有限公司"),
    ])
    let a = try #require(out.attributions[1])
    // (and the names sharing a long ending with the prefixed name before them inherit its prefix: `inherit_parallel_min`)
    #expect(a.lead == ["区流水片区开发管理局", "区澳前片区开发管理局"])
    #expect(a.responsible == ["区国有资产投资集团有限公司", "区交通投资集团有限公司"])
  }

  @Test func aSubjectAfterAFieldLabelOpeningALine() throws {
    // heldout143 14303: 排查整治内容：住房和城乡建设部门负责组织… on the item's second line
    let (out, _) = try run([
      U("4.", [3, 1, 4], "开展在建工程施工工地排查整治排查整治时间：2013年春节前，进行一次全面的消防安全检查。\n排查整治内容：住房和城乡建设部门负责组织相关部门开展排查整治。检查施工单位落实制度情况。"),
    ])
    #expect(out.attributions[0]?.departmentsRaw == ["住房和城乡建设部门"])
    // a label that names bodies itself introduces a list, not a field (heldout70 7001)
    let (list, _) = try run([
      U("二、", [2], "划定工作由省建设厅负责牵头。\n省直有关部门：省发展改革、国土资源、交通等有关部门参与划定工作"),
    ])
    #expect(list.attributions[0]?.departmentsRaw.contains("省发展改革部门") != true)
  }

  @Test func aSectionHeadingNamingItsLeadLeadsEveryItem() throws {
    // heldout9 1004: 一、县示范区管委会牵头工作（8项） then items without lists; heldout4 501: （三）省编办牵头的工作,
    // an item with its own 协同单位 list adds to the lead
    let (out, _) = try run([
      U("一、", [1], "县示范区管委会牵头工作（8项）"),
      U("1.", [1, 1], "投资3000万元建设南美白对虾工厂化循环水养殖基地。"),
      U("2.", [1, 2], "积极稳妥地推进乡镇机构改革。\n协同单位：省财政厅、省人事厅"),
      U("二、", [2], "其他工作"),
      U("1.", [2, 1], "做好宣传。"),
    ])
    #expect(out.attributions[0]?.lead == ["县示范区管委会"])
    #expect(out.attributions[1]?.lead == ["县示范区管委会"])
    #expect(out.attributions[2]?.lead == ["县示范区管委会"])
    #expect(out.attributions[2]?.participating == ["省财政厅", "省人事厅"])
    #expect(out.attributions[4] == nil, "another section's items inherit nothing")
    // not: a heading whose subject is followed by more than the ending (县示范区管委会牵头建设产业园), nor an
    // official's heading, nor a subject in the body rather than the heading line
    for heading in ["县示范区管委会牵头建设产业园", "孟学农省长负责的工作"] {
      let (o, _) = try run([U("一、", [1], heading), U("1.", [1, 1], "做好宣传。")])
      #expect(o.attributions[1] == nil, "\(heading)")
    }
  }

  @Test func linesOfNamesAndARoleWordWithoutALeadIn() throws {
    // heldout16 1704: a table whose rows lost their numbers, each content row followed by its
    // 责任单位 cell on a line of its own; every such line of the unit is read
    let (out, _) = try run([U("（一）", [1, 1], "加强预期引导\n围绕宏观经济政策，及时宣传解读。\n市发改委牵头落实\n加强金融政策信息公开。\n市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实\n加强财政政策信息公开。\n市财政局牵头落实")])
    let a = try #require(out.attributions[0])
    #expect(a.departmentsRaw == ["市发改委", "市金融办", "人民银行潍坊市中心支行", "潍坊银监分局", "市财政局"])
    #expect(a.lead == a.departments)
    // not: a line with more than names before its role word, a sentence's end, a line with a bracket
    for body in ["加强宣传。\n各地要统筹负责", "加强宣传。\n（卫生厅负责", "加强宣传。\n省卫生厅，各地负责"] {
      let (o, _) = try run([U("（一）", [1, 1], body)])
      #expect(o.attributions[0] == nil, "\(body)")
    }
  }
}

@Suite struct UnknownNamePrefixTests {
  @Test func aShortBodyOutsideTheLexiconInheritsTheListsPrefix() throws {
    // heldout8 903: …、市商务局、工业园区 -> 市工业园区; heldout12 1301: 省发改委、铁路办 -> 省铁路办
    let a = try #require(try attribution("加快项目建设。（牵头单位：市招商局；配合单位：市发改局、工业园区、各镇办）"))
    #expect(a.departments.contains("市工业园区"))
    #expect(a.departments.contains("各镇办"), "a collective name inherits nothing")
    let b = try #require(try attribution("推进铁路建设。（省发改委、铁路办、哈尔滨铁路局负责）"))
    #expect(b.departments == ["省发展和改革委员会", "省铁路办", "哈尔滨铁路局"], "a place name before the body is too long to inherit")
    // not: a name with a jurisdiction character before its suffix, nor after a collective prefix
    let c = try #require(try attribution("做好宣传。（市委宣传部、团市委负责）"))
    #expect(c.departments.contains("团市委"))
    let d = try #require(try attribution("做好宣传。（各县区、铁路办负责）"))
    #expect(d.departments.contains("铁路办"))
  }
}

@Suite struct LaterDivisionTests {
  @Test func aDivisionOfDutiesThatBeginsLaterInTheParagraph() throws {
    // heldout20 2102: two sentences without departments, then 建设部门负责…。发展改革部门负责…。
    let body = "明确工作职责。省政府每年签定目标责任书。各有关部门按照职责分工认真抓好落实。建设部门负责指导工程建设。发展改革部门负责争取中央投资补助资金。财政部门负责落实配套资金。"
    let a = try #require(try attribution(body))
    #expect(a.departmentsRaw == ["建设部门", "发展改革部门", "财政部门"])
    #expect(a.responsible == a.departments)
    // a single such clause is enough (`later_clauses_alone: 1`); a sentence starting with a body but
    // naming no role word is not one
    #expect(try attribution("明确工作职责。省政府每年签定目标责任书。建设部门负责指导工程建设。")?.departmentsRaw == ["建设部门"])
    #expect(try attribution("明确工作职责。省政府每年签定目标责任书。") == nil)
    // with a closing list, the list decides
    let c = try #require(try attribution("明确工作职责。建设部门负责指导。财政部门负责落实。（市住建局负责）"))
    #expect(c.departmentsRaw == ["市住建局"])
  }
}

@Suite struct PlacesBodyTests {
  @Test func barePlacesShareTheBodyNamedAfterACollectiveOfPlaces() throws {
    // heldout20 2101: 西宁市、海东、各州食品药品监管局
    let a = try #require(try attribution("组织参观示范街。（责任部门：西宁市、海东、各州食品药品监管局）"))
    #expect(a.departments == ["西宁市食品药品监管局", "海东食品药品监管局", "各州食品药品监管局"])
    #expect(a.departmentsRaw == ["西宁市", "海东", "各州食品药品监管局"])
    // not: names that look like departments themselves, nor a last item without 各 and a place level
    let b = try #require(try attribution("做好宣传。（责任单位：市卫生局、各州食品药品监管局）"))
    #expect(b.departments.first == "市卫生局")
    let c = try #require(try attribution("做好宣传。（责任单位：西宁市、海东、省食品药品监管局）"))
    #expect(!c.departments.contains("海东食品药品监管局"))
  }
}

@Suite struct TailSharedWordTests {
  @Test func fieldsBeforeEtcDepartmentsAreDepartments() throws {
    // heldout20 2102: 各级消防、人防、交警、气象、卫生等部门 — each field is a department with the shared 部门
    let a = try #require(try attribution("做好审批。（消防、人防等部门负责）"))
    #expect(a.departments == ["消防部门", "人防部门"])
    #expect(a.departmentsRaw == ["消防", "人防"])
    // names that are departments on their own keep them as before
    let b = try #require(try attribution("做好审批。（市卫生局、财政局等部门负责）"))
    #expect(b.departments == ["市卫生局", "市财政局"])
    // a bare level is no field: 市、县(市、区)公安交警、…等部门 shares its levels (`SharedLevelsTests`)
    let c = try attribution("做好整治。主要责任单位:市、县(市、区)公安交警、交通管理等部门。")
    #expect(!(c?.departments.contains("市部门") ?? false))
  }

  @Test func aCommaMayStandBeforeTheRoleWordOfSuchAList() throws {
    // …等部门，负责做好… in a division of duties
    let body = "明确工作职责。建设部门负责指导工程建设。财政部门负责落实资金。各级消防、人防、交警、气象、卫生等部门，负责做好项目的有关审批工作。"
    let a = try #require(try attribution(body))
    #expect(a.departments == ["建设部门", "财政部门", "各级消防部门", "各级人防部门", "各级交警部门", "各级气象部门", "各级卫生部门"])
    // a comma after a name that does not end with the shared word stays a clause end
    let b = try #require(try attribution("明确工作职责。建设部门负责指导工程建设。财政部门负责落实资金。各级政府，负责做好项目的有关审批工作。"))
    #expect(b.departments == ["建设部门", "财政部门"])
  }
}


@Suite struct Heldout21FormTests {
  @Test func namesAfterAPhraseEndingInLeadInEndsAreTheItems() throws {
    // heldout21 2205: …按职责分工负责,各项政策措施均需各市政府、省沈抚示范区管委会落实,以下不再列出
    let a = try #require(try attribution("优化政策制定机制。(省发展改革委、省司法厅等有关部门按职责分工负责,各项政策措施均需各市政府、省沈抚示范区管委会落实,以下不再列出)"))
    #expect(a.departmentsRaw == ["省发展改革委", "省司法厅", "有关部门", "各市政府", "省沈抚示范区管委会"])
    #expect(a.responsible == a.departments)
  }

  @Test func etcRelevantDepartmentsIsTheGenericBody() throws {
    // X等有关部门 is X and 有关部门 (heldout13 1402, heldout16 1703, heldout21 2205); 等部门 still shares 部门
    let a = try #require(try attribution("提高立法质效。〔省人大法制委、省司法厅等有关部门按职责分工负责〕"))
    #expect(a.departmentsRaw == ["省人大法制委", "省司法厅", "有关部门"])
    let b = try #require(try attribution("做好审批。（消防、人防等部门负责）"))
    #expect(b.departments == ["消防部门", "人防部门"])
  }

  @Test func aListBeforeANoteOnTheFollowingTasksStands() throws {
    // （A负责，以下不再列出）: the note is an item; the list before it stands
    let a = try #require(try attribution("优化服务。(省发展改革委负责，以下不再列出)"))
    #expect(a.departmentsRaw == ["省发展改革委"])
    // a later sentence that ends 不逐一列出 is a note as a whole (heldout14 1502)
    let b = try #require(try attribution("增强创新能力。(省科技厅牵头。明确牵头部门的，其他有关部门配合，不逐一列出，下同)"))
    #expect(b.departmentsRaw == ["省科技厅"])
    // a sentence beginning 以下 is a note (heldout5 604)
    let c = try #require(try attribution("优化服务。（省发展改革委负责。以下均需各县（市、区）人民政府落实，不再列出）"))
    #expect(c.departmentsRaw == ["省发展改革委"])
  }

  @Test func anAttributionCutByTheEndOfTheTextGivesItsCompleteRoles() throws {
    // heldout10 1103: the page ends inside the bracket; the leads before 牵头督导， are complete
    let a = try #require(try attribution("基本完成全市整治任务。（市生态环境局、发展和改革局、工业和信息化局牵头督导，市公安局、自然资源局、"))
    #expect(a.departmentsRaw == ["市生态环境局", "发展和改革局", "工业和信息化局"])
    #expect(a.lead == a.departments)
    // after a label: the names before the last separator (the cut one is dropped)
    let b = try #require(try attribution("完善补助政策。（责任单位：市发展和改革委员会、财政局、人"))
    #expect(b.departmentsRaw == ["市发展和改革委员会", "财政局"])
    // no role word and no label before the cut: nothing; nor a bracket closed before the end
    #expect(try attribution("完善补助政策。（市发展和改革委员会、财政局、人") == nil)
    #expect(try attribution("完善补助政策（含中医院）和配套措施") == nil)
  }

  @Test func aNameCutByTheEndOfTheTextIsDropped() throws {
    // heldout2 302: 责任部门:市安监局牵头,市发改委、市监察 — the text ends inside 市监察局
    let a = try #require(try attribution("加强监管。\n责任部门:市安监局牵头,市发改委、市监察"))
    #expect(a.departmentsRaw == ["市安监局", "市发改委"])
    // a complete last name stays, and so does any name before a sentence end
    #expect(try attribution("加强监管。\n责任部门:市安监局牵头,市发改委、市财政局")?.departmentsRaw == ["市安监局", "市发改委", "市财政局"])
  }

  @Test func aHeadingOfNamesThenARoleWordNamesTheDepartments() throws {
    // heldout12 1305: （十七）首都综治办、市委督查室、市监察局、市政府督查室。负责组织…
    let (out, _) = try run([U("（十七）", [17], "首都综治办、市委督查室、市监察局、市政府督查室。负责组织对整治行动进行专项督查。")])
    #expect(out.attributions[0]?.departmentsRaw == ["首都综治办", "市委督查室", "市监察局", "市政府督查室"])
    #expect(out.attributions[0]?.responsible.count == 4)
    // X和Y with both ending like departments are two; 人力资源和社会保障厅 stays one
    let (b, _) = try run([U("（十六）", [16], "各区县政府和地区管委会。落实属地责任，制定专项整治方案。")])
    #expect(b.attributions[0]?.departmentsRaw == ["各区县政府", "地区管委会"])
    #expect(try attribution("做好就业。（人力资源和社会保障厅负责）")?.departmentsRaw == ["人力资源和社会保障厅"])
    // a heading that is no list of names is no subject
    let (c, _) = try run([U("（三）", [3], "加强宣传教育。负责宣传的部门要做好工作。")])
    #expect(c.attributions[0] == nil)
  }

  @Test func aHeadingLineOfNamesOnlyNamesTheClausesDepartments() throws {
    // heldout22 2306: （二）县(市)区政府 / 具体负责对本行政区域内…
    let (a, _) = try run([U("（二）", [2], "县（市）区政府\n具体负责对本行政区域内公共安全的全面监管，并负全面监管责任。")])
    #expect(a.attributions[0]?.departmentsRaw == ["县（市）区政府"])
    #expect(a.attributions[0]?.responsible == ["县（市）区政府"])
    let (b, _) = try run([U("（四）", [4], "市安全生产综合监管部门\n在市政府的领导下，对全市安全生产综合监管工作负全责。")])
    #expect(b.attributions[0]?.departmentsRaw == ["市安全生产综合监管部门"])
    // not a heading that is a phrase, nor one without duties after it
    // (its line after names no body: `各地要切实负责` would, 切实 being a role-word adverb since the thirty-ninth session)
    let (c, _) = try run([U("（一）", [1], "加强组织领导\n要切实负起责任。")])
    #expect(c.attributions[0] == nil)
    let (d, _) = try run([U("（一）", [1], "市教育局\n组织开展读书活动。")])
    #expect(d.attributions[0] == nil)
  }

  @Test func hexagonalBracketsAndSpecialZonesInsideNames() throws {
    // heldout23 2403: 各市〔州〕人民政府, 各县〔市、区、特区〕人民政府; 2401: 各县、特区、区人民政府 is one body
    let a = try #require(try attribution("扩大就业。（牵头单位：省发展改革委；责任单位：各市〔州〕人民政府、各县〔市、区、特区〕人民政府）"))
    #expect(a.departmentsRaw == ["省发展改革委", "各市〔州〕人民政府", "各县〔市、区、特区〕人民政府"])
    let b = try #require(try attribution("鼓励创业。（市人力资源社会保障局牵头，各县、特区、区人民政府负责）"))
    #expect(b.departmentsRaw == ["市人力资源社会保障局", "各县、特区、区人民政府"])
    // a document number in brackets is still no department
    #expect(try attribution("贯彻落实。（国办发〔2015〕33号）") == nil)
  }

  @Test func aLineOfNamesAfterASentenceClosesTheParagraph() throws {
    // heldout13 1404: a table's 责任单位 cells under items whose header was not taken
    let a = try #require(try attribution("纳入补贴的重点企业，省财政全额补贴设备购置费用。\n市经信局、市财政局等，各县、市、区政府，咸宁高新区管委会"))
    #expect(a.departmentsRaw == ["市经信局", "市财政局", "各县、市、区政府", "咸宁高新区管委会"])
    #expect(a.responsible == a.departments)
    // one name alone may be a signature; a sentence naming a body is none; nor names after no sentence end
    #expect(try attribution("加快发展。\n淄博市人民政府办公厅") == nil)
    #expect(try attribution("地区生产总值增长15%。\n该目标责任单位为市经委，配合单位为市统计局") == nil)
    #expect(try attribution("加快发展\n市经信局、市财政局") == nil)
  }

  @Test func heldout24Forms() throws {
    // 2503: 各县（市、区）党委和人民政府 is one body (the right side is a bare generic of the left's level)
    let a = try #require(try attribution("严守红线。（责任单位：市水利局，各县（市、区）党委和人民政府）"))
    #expect(a.departmentsRaw == ["市水利局", "各县（市、区）党委和人民政府"])
    // 2501: 省发展改革委：负责联系…；省财政厅：负责联系… — each line's subject before a colon
    let (b, _) = try run([U("一、", [1], "联系单位\n省发展改革委：负责联系南京市雨花台区，句容市；\n省财政厅：负责联系南京市六合区，江都市；")])
    #expect(b.attributions[0]?.departmentsRaw == ["省发展改革委", "省财政厅"])
    // 2504: a list of bodies, each heading only a name; a clause need not say 负责 there
    let units = ["市财政局\n负责全市无偿献血经费的落实。", "市教育局\n将无偿献血知识纳入教学计划。", "市广播电视局\n加大宣传支持力度。",
                 "团市委\n负责全市青年的宣传工作。"].enumerated().map { U("\($0.offset + 1)、", [$0.offset + 1], $0.element) }
    let (c, _) = try run(units)
    #expect(c.attributions.map { $0?.departmentsRaw ?? [] } == [["市财政局"], ["市教育局"], ["市广播电视局"], ["团市委"]])
    // but alone such a clause needs the word
    let (d, _) = try run([U("二、", [2], "市教育局\n将无偿献血知识纳入教学计划。")])
    #expect(d.attributions[0] == nil)
  }

  @Test func heldout25Forms() throws {
    // 2603: a subject after the matter, inside the first sentence; a delegation names the delegate
    let (a, _) = try run([U("七、", [7], "两轮摩托车非法载客、擅自设置雨篷由县公安局负责牵头，县交通局协管。")])
    #expect(a.attributions[0]?.lead == ["县公安局"])
    #expect(a.attributions[0]?.departmentsRaw == ["县公安局", "县交通局"])
    #expect(a.attributions[0]?.participating.count == 1)
    let (b, _) = try run([U("一、", [1], "人车分行按照规定应由公安部门负责管理，现由县公安局委托县城管办负责管理，并行使行政处罚权。")])
    #expect(b.attributions[0]?.departmentsRaw == ["县城管办"])
    // 应由…: what the law assigns, not the notice
    let (c, _) = try run([U("二、", [2], "废品收购按照规定应由公安部门负责管理。")])
    #expect(c.attributions[0] == nil)
    // 2604: 共同责任单位 is a label (responsible)
    let d = try #require(try attribution("新建中小学15所。（牵头单位：市教育局；共同责任单位：市发改委、市财政局）"))
    #expect(d.lead == ["市教育局"] && d.responsible.count == 2)
  }

  @Test func labelsNotInTheListAreReadFromTheirWords() throws {
    // `label_inference`: a name ending in 单位/部门 holding a role keyword, then a colon
    let a = try #require(try attribution("推进改革。（牵头单位：市发改委；协同推进单位：市财政局、市税务局）"))
    #expect(a.lead == ["市发展和改革委员会"])
    #expect(a.participating.count == 2)
    let b = try #require(try attribution("推进改革。（具体落实单位：市财政局）"))
    #expect(b.responsible == ["市财政局"])
    // no keyword: no label (a recipients line 各有关部门：…), so no list is read here
    #expect(try attribution("推进改革。（各有关部门：市财政局）") == nil)
    // a table column named so
    let (o, t) = makeOutline([U("1", [1], "\n推进学校建设。\n区教育局")])
    var outline = o
    outline.units[0].table = TableHeader(columns: ["重点工作", "具体牵头部门"], taskColumn: 0)
    outline.units[0].bodyRange = (outline.units[0].bodyRange.lowerBound + 1)..<outline.units[0].bodyRange.upperBound
    #expect(try Attributor(rules: bundled).attribute(outline, text: t).attributions[0]?.lead == ["区教育局"])
  }

  @Test func aCompanyDoesNotInheritTheListsPrefix() throws {
    // heldout21 2206: 区园林绿化服务中心、新畅公司 -> 新畅公司 (a short body still does: 市发改局、工业园区 -> 市工业园区)
    let a = try #require(try attribution("做好绿化养护。(责任单位:区园林绿化服务中心、新畅公司)"))
    #expect(a.departments == ["区园林绿化服务中心", "新畅公司"])
    let b = try #require(try attribution("做好园区建设。（责任单位：市发改局、工业园区）"))
    #expect(b.departments.last == "市工业园区")
  }

  @Test func anOwnerOfFacilitiesDoesNotInheritTheListsPrefix() throws {
    // heldout112 11202: owners of pipes are no body of the city or of 各行业主管部门, though their names end with a shared
    // suffix (单位); a generic body ending with one still inherits (市发展改革、财政部门 -> 市发展改革部门)
    let a = try #require(try attribution("推进管线普查。（牵头单位：市交通委、设施权属单位）"))
    #expect(a.departments == ["市交通委", "设施权属单位"])
    let b = try #require(try attribution("加强协调。（配合单位：各行业主管部门，上海燃气公司、信息通信管线权属单位等）"))
    #expect(b.departments.last == "信息通信管线权属单位")
    let c = try #require(try attribution("保障资金。（责任单位：市发展改革、财政部门）"))
    #expect(c.departments.first == "市发展改革部门")
  }

  @Test func coordinatingAndGuidingIsASupportingRole() throws {
    // heldout112 11203: a bracket opening with its deadline, a defined term leading, 协调指导 after 配合
    let a = try #require(try attribution("遴选项目实施载体。（2020年3季度完成，项目实施载体牵头，其他公共资源交易服务机构配合，市发展改革委、各公共资源交易行业主管部门协调指导）"))
    #expect(a.lead == ["项目实施载体"])
    #expect(a.participating == ["其他公共资源交易服务机构", "市发展和改革委员会", "各公共资源交易行业主管部门"])
  }

  @Test func streetsShareTheirSuffixAndKeepNoPrefix() throws {
    // heldout105 10505: `川北、嘉兴、北外滩、江湾镇街道` names four streets; a street after a district bureau is its own place
    // (heldout123 12301: `区文化旅游局、江宁路街道`, no `区江宁路街道`)
    let a = try #require(try attribution("完成整区域分类覆盖。（责任单位：川北、嘉兴、北外滩、江湾镇街道）"))
    #expect(a.departments == ["川北街道", "嘉兴街道", "北外滩街道", "江湾镇街道"])
    let b = try #require(try attribution("推进风貌保护。（责任单位：区文化旅游局、江宁路街道）"))
    #expect(b.departments.last == "江宁路街道")
    // a verb opens no body's name (heldout109 10903: `建立街道全面负责、部门联合监管…的…模式`)
    let c = try attribution("完善治理模式。建立街道全面负责、部门联合监管、群众积极参与的基层消防安全综合治理模式。")
    #expect(c?.departments ?? [] == [])
    // nor does 部署 (heldout150 15002: a stage's title `部署落实阶段` is no body 部署 with 落实)
    let d = try attribution("部署落实阶段。各打非成员单位根据本单位实际制定专项整治方案。")
    let names = d?.departments ?? []
    #expect(!names.contains("部署"), "\(names)")
  }

  @Test func aLaterLabelClosesTheClauseWhenTheFirstRunsIntoProse() throws {
    // heldout150 15004: a stage's list runs into the next stage's title; the last stage's list, after a later label, closes
    // the clause, and (since the thirty-eighth session) the first is read too, cut where the title runs on (`区综合执法局第二阶段`
    // -> 区综合执法局, canonical 区综合行政执法局), as the key of 15004 reads it
    let a = try #require(try attribution("专项整治分两个阶段进行。第一阶段：宣传发动要充分利用媒体宣传。责任单位：区综合执法局第二阶段：自查自纠各乡（镇）要整治。责任单位：区社会事业局"))
    #expect(a.departments == ["区综合行政执法局", "区社会事业局"])
  }

  @Test func angleBracketsInsideANameHoldItsSeparators() throws {
    // heldout21 2204: 各县<市、区>人民政府, and a declaration that the first-listed leads after a comma
    let a = try #require(try attribution("健全管理体制。(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)"))
    #expect(a.departmentsRaw == ["市教育局", "市委农办", "各县<市、区>人民政府"])
  }
}

@Suite struct SharedLevelsTests {
  @Test func levelsSeveralJurisdictionsShareArePassedOnThroughTheList() throws {
    // heldout18 1901 (Attribute sees the text before width folding here): 市、县(市、区) opens the list and every later name of it is that body of each
    let a = try #require(try attribution("加大整治力度。主要责任单位:各级人民政府,市、县(市、区)公安交警、交通管理、道路运输管理等部门。"))
    #expect(a.departments == ["各级人民政府", "市、县(市、区)公安交警部门", "市、县(市、区)交通管理部门", "市、县(市、区)道路运输管理部门"])
    #expect(a.departmentsRaw == ["各级人民政府", "市、县(市、区)公安交警", "交通管理", "道路运输管理"])
    #expect(a.responsible == a.departments)
    // after the label; a lexicon name takes the levels with its canonical form (残联)
    let b = try #require(try attribution("开展专项整治。主要责任单位:市、县(市、区)人民政府,市、县(市、区)政法委、公安、残联等部门。"))
    #expect(b.departments == ["市、县(市、区)人民政府", "市、县(市、区)政法委员会", "市、县(市、区)公安部门", "市、县(市、区)残疾人联合会"])
    // levels without a bracket, and a role word after the tail word
    let c = try #require(try attribution("做好统计。（省、市、县统计、财政等部门负责）"))
    #expect(c.departments == ["省、市、县统计部门", "省、市、县财政部门"])
  }

  @Test func aSingleLevelOrACollectiveIsNoSharedLevels() throws {
    // one level is a jurisdiction prefix as before (市卫生局、财政局 -> 市财政局)
    let a = try #require(try attribution("做好宣传。（市卫生局、财政局负责）"))
    #expect(a.departments == ["市卫生局", "市财政局"])
    // a collective first: its later names do not inherit it (各市、县人民政府 is a body of its own)
    let b = try #require(try attribution("加强水利建设。（各市、县人民政府，省水利厅负责）"))
    #expect(b.departments == ["各市、县人民政府", "省水利厅"])
    // without 等部门 a field that is no department is not joined to the levels
    #expect(try attribution("做好整治。（市、县公安交警、交通管理负责）")?.departments.contains("市、县公安交警部门") != true)
    // the rules' own reading of a name, as `gongwen eval` compares them
    #expect(bundled.canonicalName("市、县(市、区)残联") == "市、县(市、区)残疾人联合会")
    #expect(bundled.canonicalName("市、县（市、区）") == "市、县（市、区）")
    #expect(bundled.canonicalName("各市、县人民政府") == "各市、县人民政府")
    #expect(bundled.canonicalName("市残联") == "市残疾人联合会")
  }
}

@Suite struct InstitutionAndInlineLabelTests {
  @Test func bodiesEndingIn机构AreDepartments() throws {
    // 各银行机构 / 各金融机构 are named as participants of a task like any department
    let a = try #require(try attribution("发展普惠金融（市金融局牵头，各银行机构配合）。"))
    #expect(a.lead == ["市金融局"])
    #expect(a.participating == ["各银行机构"])
  }

  @Test func aGenericOrDefiningUseOf机构IsNoDepartment() throws {
    // `X局为…机构` defines X's part, and 工作机构 is a heading word, not a body
    #expect(try attribution("做好统筹协调（区教育局为全国中学生运动会的总协调机构）").map(\.departments) == nil)
    #expect(try attribution("健全组织（工作机构）").map(\.departments) == nil)
    // 实行…负责制 names no subject (实行 starts no department)
    #expect(try attribution("提高服务水平（实行基层医疗卫生机构负责）").map(\.departments) == nil)
  }

  @Test func aLabelRunOnAfterTheLastNameStartsItsOwnList() throws {
    // 责任单位：县教育局　配合单位：县卫健委, the full-width space folded away
    let a = try #require(try attribution("实施营养餐计划。责任单位：县教育局配合单位：县卫健委"))
    #expect(a.responsible == ["县教育局"])
    #expect(a.participating == ["县卫生健康委员会"])
    let b = try #require(try attribution("实施营养餐计划。牵头单位：县教育局责任单位：县卫健委"))
    #expect(b.lead == ["县教育局"])
    // an ignored label run on ends the list; a label that is the whole piece is not cut at a
    // shorter label inside it (完成时限 is not 完成 + 时限)
    let c = try #require(try attribution("推进绿化。(牵头单位:区园林绿化服务中心,责任单位:新畅公司,完成时限:2025年5月31日)"))
    #expect(c.departments == ["区园林绿化服务中心", "新畅公司"])
    let d = try #require(try attribution("推进绿化。责任单位：县林业局完成时限：2025年底"))
    #expect(d.departments == ["县林业局"])
    // a line starting with an ignored label (a person), a listed one run on after its value
    let e = try #require(try attribution("推进项目建设。牵头领导：张三牵头单位：市住建局配合单位：市城管局"))
    #expect(e.lead == ["市住房和城乡建设局"])
    #expect(e.participating == ["市城市管理局"])
    // an ignored label alone names nobody
    #expect(try attribution("推进项目建设。完成时限：2025年底") == nil)
  }
}
