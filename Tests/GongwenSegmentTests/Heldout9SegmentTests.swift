import GongwenCore
import GongwenSegment
import Testing

/// Segmentation forms found in Corpus/heldout9 (gathered blind; first sight 0.551).
@Suite struct Heldout9SegmentTests {
  @Test func aFirstChildInlineAfterAHeadingWithAComma() throws {
    // 1002 Qinzhou: line breaks lost; the section's heading has a comma before its first child
    let (o, c) = try outline("现就有关工作安排如下:一、严格监管执法，着力解决食品安全突出问题（一）加强食用农产品质量安全监管。深入开展专项整治。（二）加强食品生产监管。严格许可。")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    #expect(o.units[1].heading == "加强食用农产品质量安全监管")
    checkInvariants(o, c)
    // a sentence end in between still rules it out: （一） after 。 needs the usual context, and a
    // number 2 is no first child
    let (o2, _) = try outline("一、严格监管执法，着力解决突出问题（2）加强监管。")
    #expect(o2.units.map(\.path) == [[1]])
  }

  @Test func aFirstChildInlineAfterAHeadingWithAQuotedWord() throws {
    // heldout143 14301: （一）合理配置医疗资源，打好“强基层”基础1.科学编制… — the quotes do not end the heading
    let (o, c) = try outline("三、主要任务\n（一）合理配置医疗资源，打好“强基层”基础1.科学编制发展规划。（1）结合总体规划。（2）调整设置规划。2.加快资源建设。")
    #expect(o.units.map(\.path) == [[3], [3, 1], [3, 1, 1], [3, 1, 1, 1], [3, 1, 1, 2], [3, 1, 2]])
    checkInvariants(o, c)
    // a heading of two clauses, 25 characters (（八）…)
    let (l, _) = try outline("三、主要任务\n（八）推动优质医疗资源合理流动，不断构建分级诊疗工作格局1.积极组建医疗联合体。（1）推动托管。2.加强人才队伍建设。")
    #expect(l.units.map(\.path) == [[3], [3, 8], [3, 8, 1], [3, 8, 1, 1], [3, 8, 2]])
  }

  @Test func anExpectedSiblingAfterALabelledFieldsValue() throws {
    // heldout143 14302: 责任单位：…完成时限：… fields run together with the next item, no sentence end between
    let text = "二、主要任务\n（一）分类整改。1.清理前置条件。责任单位：区直各部门、各乡镇完成时限：10月23日前2.精简申办材料。责任单位：区直各部门完成时限：11月20日前"
      + "3.推进标准化。责任单位：区行政审批局牵头完成时限：12月25日前（二）加快网上办事大厅建设。（联系邮箱：ptxzspj@163.com）\n附件：1.事项目录"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[2], [2, 1], [2, 1, 1], [2, 1, 2], [2, 1, 3], [2, 2]])
    checkInvariants(o, c)
    // a number after another label, or one no run follows, stays text
    let (p, _) = try outline("二、主要任务\n（一）分类整改。1.清理前置条件。联系电话：23121177转2.精简申办材料")
    #expect(p.units.map(\.path) == [[2], [2, 1], [2, 1, 1]])
  }

  @Test func aCoversListOfAttachmentsIsNoClauses() throws {
    // heldout144 14401: 附件：1.《…方案》 / 2.《…汇总表》 before the plan's 一、; they name documents
    let text = "各单位：\n现将方案印发给你们。\n附件：1.《某某签约项目跟踪推进方案》\n2.《某某签约项目任务分解汇总表》某某办公室2015年9月10日\n"
      + "附件1某某签约项目跟踪推进方案\n一、构建组织机构成立领导小组。\n二、明确工作任务\n（一）分工原则\n1.对区领导对接的项目，由该区领导牵头；2.项目实行属地化管理。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.markers.first) == ["一、", "二、", "二、", "二、", "二、"])
    #expect(o.units.map(\.path) == [[1], [2], [2, 1], [2, 1, 1], [2, 1, 2]])
    checkInvariants(o, c)
  }

  @Test func aTaskListTitleAfterTheSignatureStartsThePlan() throws {
    // 1004 Qinxian: the cover numbers its requirements; the attachment's 任务清单 holds the tasks
    let text = """
      关于印发任务分解的通知
      各乡、镇人民政府：
      现将任务分解印发给你们。
      一、责任到人，闭环管理。各单位要逐项细化职责。
      二、节点管控，动态调度。各单位要加强调度。
      附件:1.2025年县政府工作报告任务清单
      2.2025年十五件民盼实事任务分解
      沁县人民政府办公室
      2025年5月18日
      附件1
      2025年县政府工作报告任务清单
      一、县示范区管委会牵头工作（8项）
      1.投资3000万元建设养殖基地。
      2.打造食用菌酵素生产基地。
      """
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    #expect(o.units[0].heading == "县示范区管委会牵头工作（8项）")
    #expect(o.warnings.contains { $0.code == "cover_clauses" })
    checkInvariants(o, c)
  }

  @Test func aTitleEndsWhereItsDocNumberRunsOn() throws {
    // Corpus/heldout2 313: a later ending word (分解) in the text run on after the doc number is no title's
    let text = "河南省人民政府关于明确重点工作责任单位的通知豫政〔2023〕5号现将重点工作任务予以分解\n各市人民政府：\n一、任务"
    let m = try outline(text).0.metadata
    #expect(m.title == "关于明确重点工作责任单位的通知", "(the issuer before it: a header run together)")
    #expect(m.docNumber == "豫政〔2023〕5号")
    // 601 Inner Mongolia: a doc number run on after a title ending in 清单 is the notice's own
    let m2 = try outline("内蒙古自治区2023年推动产业高质量发展政策清单内政发〔2023〕3号为全面贯彻会议精神，提出如下政策清单。\n一、推进农牧业转型").0.metadata
    #expect(m2.docNumber == "内政发〔2023〕3号")
  }
}

@Suite struct Heldout12SegmentTests {
  @Test func plansInParts() throws {
    // 1303 Tongzhou: 第一部分 通州区政府主责任务（312项）⏎一、主要指标（30项）⏎（一）约束性指标（15项）⏎1.…
    let text = "北京城市副中心任务分工方案\n第一部分 通州区政府主责任务(312项)\n一、主要指标(30项)\n(一)约束性指标(15项)\n1.北运河水质达到Ⅳ类。\n牵头单位:区水务局\n2.森林覆盖率达到36.5%。\n牵头单位:区园林绿化局\n第二部分 通州区政府配合任务\n一、主要指标\n1.推进改革。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 2], [2], [2, 1], [2, 1, 1]])
    #expect(o.units[0].markers == ["第一部分"])
    checkInvariants(o, c)
  }
}

@Suite struct Heldout14SegmentTests {
  @Test func aHigherLevelAfterAnExcerptsFirstClausesClosesThem() throws {
    // 1504 Zhejiang, page 7: 3.… then 四、… 1.… 2.… — 四、 is above 3., not inside it
    let text = "3.加强食品药品全链条闭环监管。\n责任单位:省市场监管局、省药监局\n四、卢山副省长牵头重点工作\n1.优化企业发展环境。\n责任单位:省经信厅\n2.加快推进重大产业项目建设。\n责任单位:省经信厅、省发展改革委"
    let (o, c) = try outline(text)
    // 3. sat under 三、, the previous sibling of 四、, whose marker is on an earlier page: written into
    // its path and markers (as the key does), without a task for 三、 itself
    #expect(o.units.map(\.path) == [[3, 3], [4], [4, 1], [4, 2]])
    #expect(o.units[0].markers == ["三、", "3."])
    #expect(o.units[1].markers == ["四、"])
    #expect(o.warnings.contains { $0.code == "numbering_gap" && $0.message.contains("三、") })
    checkInvariants(o, c)
    // heldout18 1902: 3.–5. then （二）: under （一）
    let (p, _) = try outline("3.整治占道经营。\n4.整治乱贴乱画。\n5.整治夜市。\n此项工作由市公安局牵头。\n（二）环境保护\n1.治理噪声。")
    #expect(p.units.map(\.path) == [[1, 3], [1, 4], [1, 5], [2], [2, 1]])
    #expect(p.units.map(\.markers.first) == ["（一）", "（一）", "（一）", "（二）", "（二）"])
  }

  @Test func aTwoPartHeadingBeforeItsFirstItemInline() throws {
    // heldout39 4001: a notice on one line; the heading 优服务、提效能 runs into 1. (a level skipped)
    let text = "各县（区）人民政府：现提出以下政策措施：一、优服务、提效能1.加快项目审批进度。(责任单位:市行政审批局)2.加大援企稳岗力度。(责任单位:市人社局)二、扶实体、保经营3.加大金融支持。(责任单位:市金融办)"
    let (o, _) = try outline(prenormalize(text))
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [2], [2, 3]])
    #expect(o.units[0].heading == "优服务、提效能")
    // a heading with a comma still takes only the very next level: （一）…，包括（1）类人员 is no marker
    let (p, _) = try outline("一、总体要求\n（一）加快推进改革，包括（1）类人员的安置。")
    #expect(p.units.map(\.path) == [[1], [1, 1]])
    // below the top level, a heading with 、 takes only the very next level: （一）教育、卫生（1）类 is no marker
    let (q, _) = try outline("一、总体要求\n（一）教育、卫生（1）类事业单位改革。")
    #expect(q.units.map(\.path) == [[1], [1, 1]])
  }

  @Test func theLastArticleKeepsItsParagraphs() throws {
    // heldout22 2305: 第三条's second paragraph names who does it; the page is cut after it
    let text = "实施办法\n第一条为加强管理，制定本办法。\n第二条本办法适用于城区。\n第三条责任制工作在县人民政府领导下，实行分块管理。\n主要街道由县市容环境卫生行政主管部门负责组织实施。\n责任书应当明确责任区的具体范围。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [2], [3]])
    #expect(c.string(o.units[2].bodyRange).hasSuffix("责任书应当明确责任区的具体范围。"))
    // a numbered clause (no article) still ends with its own paragraph: what follows is the closing paragraph
    let (p, d) = try outline("一、加强管理，制定办法。\n二、本办法适用于城区。具体事项由各单位落实，自发布之日起施行。\n各单位要高度重视，认真抓好落实。")
    #expect(d.string(p.units[1].bodyRange) == "本办法适用于城区。具体事项由各单位落实，自发布之日起施行。")
  }

  @Test func anExcerptsNextSectionsFirstChildIsNoRestartOfTheText() throws {
    // heldout43 4403: a later page begins at 14., then 六、 and its （一）: the page is an excerpt
    let text = "14.市卫生局：负责医院周边环境秩序综合整治的协调工作。\n15.市药监局：负责查处违法收售药品等行为。\n六、工作措施\n（一）加强组织领导，固化工作机制。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.markers.last) == ["14.", "15.", "六、", "（一）"])
    // a text that numbers its own clauses from 1 later still does not begin with a stray number
    let (p, _) = try outline("17.政策清单.docx\n政策清单。\n一、推进农牧业转型\n（一）增强粮食生产能力")
    #expect(p.units.first?.markers == ["一、"])
  }

  @Test func aLastClauseEndingInAColonKeepsTheLinesItIntroduces() throws {
    // heldout42 4304: 5、…其职责分工为： then one line per department
    let text = "4、各街道要设立禁放标志。\n5、各部门要各司其职，组织好各项禁放工作。其职责分工为：\n区委宣传部：制订宣传工作方案。\n教委：负责在中小学校贯彻禁放规定。\n建委：负责组织对建筑工地的禁放宣传。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[4], [5]])
    #expect(c.string(o.units[1].bodyRange).hasSuffix("建委：负责组织对建筑工地的禁放宣传。"))
  }

  @Test func aLastClauseWithATitleAndColonKeepsTheLinesAfterIt() throws {
    // heldout44 4504: 5、部门主要职责： runs on into the first department's duties; the others follow
    let text = "4、现场指挥机构：负责现场的紧急抢险。\n5、部门主要职责：省民政厅组织、协调救灾工作。\n省财政厅负责救灾应急资金的筹集。\n省交通厅负责修复中断的道路。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[4], [5]])
    #expect(c.string(o.units[1].bodyRange).hasSuffix("省交通厅负责修复中断的道路。"))
    // not after a title longer than heading.label_max_length, nor one with punctuation in it, nor a colon
    // that ends the line's text (then the colon rule above decides); the lines are longer than a heading
    let duty = "省民政厅组织、协调救灾工作，核实、报告灾情，申请、管理和参与分配救灾款物。"
    for line in ["5、各部门在救灾工作中的主要职责分别是：" + duty, "5、部门（单位）职责：" + duty] {
      let (p, d) = try outline("4、现场指挥机构：负责现场的紧急抢险。\n" + line + "\n各单位要高度重视，认真抓好落实。")
      #expect(d.string(p.units[1].bodyRange).hasSuffix("救灾款物。"))
    }
  }

  @Test func anExcerptQuotingOneClauseOfASection() throws {
    // heldout37 3801: a report quotes 二、's （五） (its first clause 二、: an excerpt)
    let text = "其中，科技部参与的工作如下：\n二、加强供给侧结构性改革\n（五）充分释放全社会创业创新潜能。\n强化企业创新主体地位。（科技部牵头）\n（六）推进改革。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[2], [2, 5], [2, 6]])
    #expect(o.warnings.contains { $0.code == "numbering_gap" && $0.message.contains("excerpt") })
    // not in a notice whose first clause numbers 1, nor when text stands between the parent's line and it
    let (p, _) = try outline("各单位：\n一、总体要求\n（五）充分释放全社会创业创新潜能。")
    #expect(p.units.map(\.path) == [[1]])
    let (q, _) = try outline("各单位：\n二、加强供给侧结构性改革\n着力实施创新驱动发展战略。\n（五）充分释放全社会创业创新潜能。")
    #expect(q.units.map(\.path) == [[2]])
  }

  @Test func anExcerptIsNotUndoneByANumberInsideALine() throws {
    // heldout183 18301: a later page begins with the last item's label line, then ㈦ (Word's one-character （七）) and items
    // numbered on (`19、`); it is cut inside `23、`, at `1名食品安`, which a line-start scheme reads as a number before a title,
    // but inside a line it is no marker and no sign that the text numbers its own clauses from 1
    let text = "责任部门:市食品药品监管局、市农业局\n㈦依法治理饮用水源的污染。\n19、加强对水源的监测与治理。\n责任部门:市环保局\n㈧全面推开食品安全信用体系建设工作。\n20、全市食品安全信用企业达到市级标准。\n责任部门:市工商局\n21、为全市所有学校各培训1名食品安"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[7], [7, 19], [8], [8, 20], [8, 21]])
  }

  @Test func aTextThatBeginsWithAMarkerIsAnExcerpt() throws {
    // heldout18 1901: page 5 of a longer notice begins at 5. (too far from 1 for a gap)
    let (o, _) = try outline("5.完善城乡交通管理长效机制。\n加大交通秩序整治力度。主要责任单位:各级人民政府。")
    #expect(o.units.map(\.path) == [[5]])
    #expect(o.warnings.contains { $0.code == "numbering_gap" && $0.message.contains("begins the text") })
    // not with a cover's text before it, nor when the text numbers its own clauses from 1 later on (heldout5 601:
    // a file name `17.….docx` first, then 一、…（一）…1.); a title alone before it is a page's heading (heldout91 9105)
    let (p, _) = try outline("各区人民政府：\n现将方案印发给你们，请认真贯彻执行。\n5.完善城乡交通管理长效机制。")
    #expect(p.units.isEmpty)
    let (t, _) = try outline("关于印发方案的通知\n5.完善城乡交通管理长效机制。")
    #expect(t.units.map(\.path) == [[5]])
    let (q, _) = try outline("17.政策清单.docx\n政策清单。一、推进农牧业转型（一）增强粮食生产能力1.实施高标准农田建设。")
    #expect(q.units.first?.markers == ["一、"])
    // nor when its line reads as a title (an entry of a list of notices)
    let (r, _) = try outline("15、关于做好防汛工作的通知\n各部门：\n请做好以下工作。")
    #expect(r.units.isEmpty)
  }

  @Test func numberedLinesInsideARowsTaskCellAreReadAgainstTheColumnsFromTheTaskOn() throws {
    // heldout6 701: row 1 (项目 `主要预期目标`) holds items 1.–2., each with its own leader and department cells
    let text = "序号\n项目\n重点工作目标任务\n牵头领导\n责任单位\n1\n主要预期目标\n1.地区生产总值增长5%以上。\n钱宇\n★区发改委、统计局\n2.一般公共预算收入增长6%以上。\n★区财政局、税务局"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    #expect(o.units[0].table?.columns == ["项目", "重点工作目标任务", "牵头领导", "责任单位"])
    #expect(o.units[1].table == TableHeader(columns: ["重点工作目标任务", "牵头领导", "责任单位"], taskColumn: 0))
    #expect(o.units[2].table == o.units[1].table)
    // clauses outside a table have none
    let (p, _) = try outline("一、总体要求\n（一）加强领导。")
    #expect(p.units.allSatisfy { $0.table == nil })
  }

  @Test func anExcerptsFirstMarkerStandsWhenALaterOneIsTheNextSectionsFirstChild() throws {
    // heldout12 1305: （十六）, （十七）, then 四、 and its （一）: the text does not number its own clauses from 1
    let text = "北京市人民政府办公厅关于印发行动方案的通知\n（十六）各区县政府和地区管委会。落实属地责任。\n（十七）市监察局。负责督查。\n四、工作步骤\n（一）动员部署阶段。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[3, 16], [3, 17], [4], [4, 1]])
    #expect(o.units.first?.markers == ["三、", "（十六）"])
  }

  @Test func aHeaderCellWrappedOverTwoLinesIsOneColumn() throws {
    // heldout14 1501: 市政府 / 分管领导 under 序号; 重点工作 is the task column; （一） stands in the number column
    let text = "序号\n重点工作\n市政府\n分管领导\n牵头单位\n配合单位\n备注\n强化科技创新支撑能力。\n（一）\n加强战略科技力量建设。\n1\n加快建设科技创新轴。\n王东\n市科技局\n黄埔区、南沙区政府"
    let (o, _) = try outline(text)
    #expect(o.units.last?.table?.columns == ["重点工作", "市政府分管领导", "牵头单位", "配合单位", "备注"])
    #expect(o.units.map(\.path) == [[1], [1, 1]])
  }

  @Test func decimalSectionsOfAnEmergencyPlan() throws {
    // heldout48 4902, 4904: 2.2 / （1） / 2.4.9 市交通局; the ancestors 2 and 2.4 are not in the text
    let text = "2.2 成员部门职责\n（1）疫情扑控。市畜牧食品局负责疫情扑控工作。\n（2）检疫监督。市公安局负责封锁。\n2.4.9 市交通局\n负责运输保障。\n2.4.10 市卫生局\n负责医疗救护。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[2, 2], [2, 2, 1], [2, 2, 2], [2, 4, 9], [2, 4, 10]])
    #expect(o.units[3].markers == ["2", "2.4", "2.4.9"])
    // a section that goes backwards is no marker; neither is a date or a percentage
    let (p, _) = try outline("2.5 基本生活保障\n民政局负责。\n2.4 通信\n2011.3.5召开会议。\n1.5%的增长。")
    #expect(p.units.map(\.path) == [[2, 5]])
  }

  @Test func topSectionsOfAnEmergencyPlan() throws {
    // heldout130 13002: `1总则` / `1.1编制目的` / `2组织体系` / `2.1工作机构` / `2.1.1市修缮中心`
    let text = "1总则\n1.1编制目的\n为有效应对，制定本预案。\n2组织体系\n2.1工作机构\n2.1.1市修缮中心\n（1）动态掌握行业运行情况。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [2], [2, 1], [2, 1, 1], [2, 1, 1, 1]])
    #expect(o.units[2].markers == ["2"])
    // a number with its unit, or a long line, is no section; nor is a first section other than 1
    let (p, _) = try outline("1.1编制目的\n为有效应对，制定本预案。\n7年主要工作安排\n2组织体系下设办公室，负责日常工作，办公室设在市房管局\n2.1工作机构")
    #expect(p.units.map(\.path) == [[1, 1], [2, 1]])
    let (q, _) = try outline("3应急响应\n按照分级负责。")
    #expect(q.units.isEmpty)
  }

  @Test func topSectionsWrittenAsItems() throws {
    // heldout168 16804: `1.总则` / `1.1编制目的` / `（1）…` / `1.2编制依据` / `2.组织体系` / `2.1领导机构` / `3.启用准备` / `3.2启用准备` /
    // `3.2.1组织准备`: the item `2.` is the top of `2.1`, not a level above a `2` the text does not hold
    let text = "1.总则\n1.1编制目的\n为建立健全机制，制定本预案。\n（1）本区的转移安置。\n1.2编制依据\n依据有关法律。\n2.组织体系\n2.1领导机构\n区城运应急委负责领导。\n3.启用准备\n3.2启用准备\n3.2.1组织准备\n（1）组织排摸。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 1, 1], [1, 2], [2], [2, 1], [3], [3, 2], [3, 2, 1], [3, 2, 1, 1]])
    #expect(o.units[5].markers == ["2.", "2.1"])
    #expect(o.units[8].markers == ["3.", "3.2", "3.2.1"])
  }

  @Test func anExcerptsItemsBeforeItsFirstDecimalSectionSatUnderTheSectionBefore() throws {
    // heldout50 5102: page 3 of a plan starts at (2); then 3 预警发布 / 3.1: the items were section 2's
    let text = "(2)市安全生产监督管理局:负责突发事件调查处理。\n(3)市财政局:负责保障应急工作经费。\n3 预警发布\n3.1 建立健全旅游行业警告、警示通报机制。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[2, 2], [2, 3], [3, 1]])
    #expect(o.units[0].markers == ["2", "（2）"])
    #expect(o.warnings.contains { $0.code == "numbering_gap" && $0.message.contains("section 2") })
    // not when the first section is 1.1 (nothing before it), nor when a section of its own level came first
    let (p, _) = try outline("(2)市财政局:负责保障应急工作经费。\n1.1 建立健全旅游行业警告机制。")
    #expect(p.units.map(\.path) == [[2], [2, 1, 1]])
    // heldout59 6001: (10)…(22), then 2.4: the items sat in 2.3
    let (r, _) = try outline("(10)省民政厅:核实灾情。\n(11)省财政厅:安排资金。\n2.4 抗旱应急工作组\n负责抗旱。")
    #expect(r.units.map(\.path) == [[2, 3, 10], [2, 3, 11], [2, 4]])
    #expect(r.units[0].markers == ["2", "2.3", "（10）"])
    let (q, _) = try outline("一、总则\n(1)市财政局:负责保障应急工作经费。\n3.1 建立健全旅游行业警告机制。")
    #expect(q.units.map(\.path).first == [1])
  }

  @Test func aPagesFirstHeadingWhoseFirstChildOpensTheNextLine() throws {
    // heldout55 5601: page 5 begins with the label lines closing an item of 六、, then 七、… / 1. …
    let text = "责任人:李刚副市长\n责任单位:市农委会同水务局。\n七、加强基础设施和生态环境建设,为又好又快发展奠定坚实基础\n1. 坚持科学规划城市。\n2. 加快城市基础设施建设。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[7], [7, 1], [7, 2]])
    // not when the next line is no first child (text follows; 七、 is then a numbered line of the page's text)
    let (p, _) = try outline("责任人:李刚副市长\n七、加强基础设施和生态环境建设\n坚持科学规划城市。\n1. 坚持科学规划城市。")
    #expect(p.units.first?.path != [7])
  }

  @Test func anInlineMarkerAfterASquareBracketedAttributionWithBracketsInside() throws {
    // heldout54 5501: …最低水平。[责任单位:市财政局、市税务局,各市(区)政府,排在首位为牵头单位,下同]2.执行…
    let text = "（一）降低企业税收负担。1.严格执行标准。[责任单位:市财政局、市税务局,各市(区)政府,排在首位为牵头单位,下同]2.执行全省统一的印花税核定征收办法。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    // a bracket that is no attribution is still no place for an inline marker
    let (p, _) = try outline("（一）降低企业税收负担。1.严格执行标准[见附表]2.执行全省统一的印花税核定征收办法。")
    #expect(p.units.map(\.path) == [[1], [1, 1]])
  }

  @Test func aPageBeginningWithTheAttributionOfAClauseOnThePageBefore() throws {
    // heldout61 6203: (牵头单位:…) closes the page before's clause, then (十)…, later 四、
    let text = "(牵头单位:市林业局;责任单位:市城乡建设局)\n(十)涉林旅游观光工程。开发绿色文化。\n(牵头单位:市旅游局;责任单位:市林业局)\n四、保障措施\n(一)强化组织领导。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[3, 10], [4], [4, 1]])
    // text that is no attribution before it still keeps a lone (十) out
    let (p, _) = try outline("市林业局要加强管理。\n(十)涉林旅游观光工程。开发绿色文化。")
    #expect(p.units.isEmpty)
  }

  @Test func aLastClausesParagraphsOfDepartmentsDuties() throws {
    // heldout62 6305: 一、 then paragraphs 公安部门是…的主管机关，负责… / 工商行政管理部门负责…; then a closing paragraph
    let text = "一、加强领导，明确分工，落实责任\n各县、区人民政府要高度重视烟花爆竹安全生产工作，切实加强领导，明确分工，落实责任，确保安全。\n公安部门是城市燃放烟花爆竹的主管机关，负责公共安全管理。\n工商行政管理部门负责工商登记注册管理工作。\n各单位要认真贯彻执行。"
    let (o, c) = try outline(text)
    #expect(c.string(o.units[0].bodyRange).hasSuffix("工商行政管理部门负责工商登记注册管理工作。"))
    // a section statement with a lead-in is no duty line (heldout18 1902)
    let (p, d) = try outline("一、市容市貌\n1.加强城市立面容貌管理，城市建筑物整洁美观，立面无明显污迹、残损、脱落、严重变色等。\n此项工作由市城管局牵头，市城市规划局配合。")
    #expect(!d.string(p.units[1].bodyRange).contains("此项工作"))
  }

  @Test func anItemStartingWithAYear() throws {
    // heldout49 5002: 1.2009年底前，完成… is item 1, a first child
    let text = "一、消防站点建设\n1.2009年底前，完成特勤消防三中队建设。\n2.2009年底前，完成盘龙消防三中队建设。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    // a decimal is still no marker: 增长1.5%, 2011.3.5
    let (p, _) = try outline("一、发展目标\n地区生产总值增长1.5%，于2011.3.5前完成。")
    #expect(p.units.map(\.path) == [[1]])
  }

  @Test func aColumnBeforeTheNumberColumn() throws {
    // heldout47 4802: 分类 before 序号; the first row's 分类 cell stands right above its number
    let text = "分类\n序号\n事项\n责任单位\n牵头单位\n发展目标\n1\n地区生产总值增长6.5%以上。\n区农业农村局、区经商局\n区发改局\n2\n区本级固定资产投资增长25%。\n区发改局\n区发改局"
    let (o, _) = try outline(text)
    #expect(o.units.last?.table?.columns == ["事项", "责任单位", "牵头单位"])
    #expect(o.units.map(\.path) == [[1], [2]])
    // without it the line is a column name (the header reads as written)
    let (p, _) = try outline(text.replacingOccurrences(of: "分类\n", with: ""))
    #expect(p.units.first?.table?.columns == ["事项", "责任单位", "牵头单位", "发展目标"])
  }

  @Test func anAssessmentTablesItemColumnBeforeTheNumberAndItsTaskColumn() throws {
    // heldout65 6501: 考核项目 before 序号 (its cell `农业高质高效` above the first row), 考核内容 the task column
    // (not 年度目标, which holds the task word 目标)
    let text = "考核项目\n序号\n考核指标\n考核内容\n单位\n年度目标\n责任部门\n评分部门\n农业高质高效\n1\n确保粮食供给\n农林牧渔业增加值增幅\n%\n≥2%\n县海洋与渔业局\n市海洋渔业局\n2\n粮食安全责任制\n-\n良好以上\n县经济和信息化局\n市商务局"
    let (o, _) = try outline(text)
    let table = try #require(o.units.last?.table)
    #expect(table.columns == ["考核指标", "考核内容", "单位", "年度目标", "责任部门", "评分部门"])
    #expect(table.columns[table.taskColumn] == "考核内容")
    #expect(o.units.map(\.path) == [[1], [2]])
  }

  @Test func anExcerptRunOnInOneParagraphOpensItsLostSectionInline() throws {
    // heldout70 7003: `（十九）…（二十）…）。 三、加强领导 …` on one line: 三、 after a sentence end opens the level above,
    // and the items before it sat under the lost 二、
    let text = "（十九）探索体制改革。依法探索管理体制（省编委办牵头）。 （二十）分类推进事业单位改革。开展改革试点（省财政厅负责）。 三、加强领导 省各有关部门要抓好贯彻落实。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path).prefix(2) == [[2, 19], [2, 20]])
    // in running text a 三、 after a sentence end does not open a level when a level of its scheme is open
    let (p, _) = try outline("一、总体要求\n做好工作。三、四年内完成。\n二、主要任务")
    #expect(p.units.map(\.path) == [[1], [2]])
  }

  @Test func aHeaderWordWrappedOverTwoLines() throws {
    // heldout73 7301: a narrow 序号 cell printed as `序` / `号`
    let text = "附件2\n重点任务责任分工\n序\n号\n工作任务\n牵头单位\n责任单位\n完成时限\n1\n成立协调推进机制。\n市行政审批局\n市直相关部门\n2021年9月底\n2\n指定专门处室负责数据共享工作。\n市直相关部门\n2021年9月底"
    let (o, _) = try outline(text)
    #expect(o.units.compactMap(\.table).first?.columns == ["工作任务", "牵头单位", "责任单位", "完成时限"])
    // (the one attachment of a text that holds nothing else keeps its rows' own numbers, as the key of 7301 has them)
    #expect(o.units.map(\.path).suffix(2) == [[1], [2]])
    #expect(o.units.map(\.markers).suffix(2) == [["1"], ["2"]])
  }

  @Test func columnNamesWrappedOverTwoLines() throws {
    // heldout74 7403: `牵头` / `部门`, `完成` / `时间` are one column each (`wrapped_columns`); 具 体 内 容 loses its spaces
    let text = "序号\n项目\n类别\n具 体 内 容\n牵头\n部门\n相关责任部门\n完成\n时间\n108\n继续全面推进素质教育\n教育局\n13个街道、镇\n2010年"
    let (o, _) = try outline(text)
    #expect(o.units.compactMap(\.table).first?.columns == ["项目", "类别", "具体内容", "牵头部门", "相关责任部门", "完成时间"])
  }

  @Test func anAttachmentsLineEndsTheCoverWhenItsSignatureRunsIntoOtherText() throws {
    // heldout25 2604: `…电子邮箱：…市人大社会建设委员会2023年7月24日` / `附件：` / title / `一、` `1.`
    let text = "根据工作安排，现征集意见。\n1.您比较关注哪些问题？\n2.您想了解哪些进展？\n二、征集时间\n即日起至8月5日\n三、反映方式\n联系电话：85800393，电子邮箱：a@163.com市人大社会建设委员会2023年7月24日\n附件：\n2023年连云港市民生实事项目\n一、教育惠民领域\n1.新建中小学15所。（牵头单位：市教育局）\n2.完成照明改造。（牵头单位：市教育局）"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    #expect(o.warnings.contains { $0.code == "cover_clauses" })
  }

  @Test func aTableAfterTheCoverNoticesSignatureIsThePlan() throws {
    // heldout21 2201: the cover notice's 一、二、 are not tasks; the table under its title after the signature is
    let text = "国务院有关部门：\n现将任务分工印发给你们，并就有关事项通知如下：\n一、各有关部门要高度重视。\n二、各有关部门要及时报送。\n国务院办公厅\n2016年4月6日\n2016年量化指标任务分工\n序号\n工作任务\n牵头负责部门\n1\n居民消费价格涨幅3%左右\n发展改革委\n2\n城镇新增就业1000万人以上\n人力资源社会保障部"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [2]])
    #expect(o.units.map(\.markers) == [["1"], ["2"]])
    #expect(o.warnings.contains { $0.code == "cover_clauses" })
    // without a title line above the header the cover's clauses stay the tasks
    let (p, _) = try outline(text.replacingOccurrences(of: "2016年量化指标任务分工\n", with: ""))
    #expect(p.units.first?.markers == ["一、"])
  }

  @Test func aPlanTitleAboveASubtitleAndAnIntroAfterTheAttachmentsLine() throws {
    // heldout33 3404: the cover's 1. 2. (ways to send comments), its signature without a date, then
    // 附件： / title / （公开征求意见稿） / intro / 一、: the plan's clauses are the tasks
    let text = "根据工作安排，起草了行动方案，现公开征求意见。\n1.通过邮箱反馈。\n2.通过信函反馈。\n附件：铜仁市2026年项目建设提升年行动方案\n铜仁市发展和改革委员会\n附件：\n铜仁市2026年项目建设提升年行动方案\n（公开征求意见稿）\n为深入贯彻落实经济工作会议精神，制定本方案。\n一、工作目标\n全年完成投资390亿元。\n二、重点任务\n（一）加力实施生态工业项目建设提升行动。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [2], [2, 1]])
    #expect(o.units.first?.markers == ["一、"])
    // more than a subtitle and an intro between them: the cover's clauses stay the tasks
    let far = text.replacingOccurrences(of: "为深入贯彻", with: "第一段。\n第二段。\n为深入贯彻")
    #expect(try outline(far).0.units.first?.markers == ["1."])
  }

  @Test func anExcerptAfterAPagesTextStartsWhereARunOfMarkersDoes() throws {
    // heldout21 2202: a news report quotes （二十四）, （二十五） of a longer notice after its own text
    let text = "近日，国务院发布重点工作部门分工的意见。\n大力实施乡村振兴战略\n（二十四）健全城乡融合发展体制机制。（国家发展改革委牵头）\n（二十五）推进农业供给侧结构性改革。（农业农村部负责）"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[24], [25]])
    #expect(o.units.map(\.markers) == [["（二十四）"], ["（二十五）"]])
    #expect(o.warnings.contains { $0.code == "numbering_gap" && $0.message.contains("begins the text") })
    // one stray marker, or one not followed by its next number, is no such run
    let (p, _) = try outline("近日，国务院发布意见。\n（二十四）健全城乡融合发展体制机制。")
    #expect(p.units.isEmpty)
    let (q, _) = try outline("近日，国务院发布意见。\n（二十四）健全体制机制。\n（三十）推进改革。")
    #expect(q.units.isEmpty)
  }
}

@Suite struct UnreadTableTests {
  @Test func aTableWhoseRowsAreNotReadIsReported() throws {
    // heldout13 1403: the header and each row on one line, cells between bars
    let (o, _) = try outline("一、10件民生实事任务分解表\n序号 | 具体工作任务和要求 | 责任领导 | 责任单位 |\n1 | 推动义务教育均衡发展。 | 毛晓青 | 县教体局 |")
    let w = try #require(o.warnings.first { $0.code == "unread_table" })
    #expect(w.message.contains("序号 | 具体工作任务和要求"))
    // 序号 alone, but a header the reader does not take (no column holds the task text)
    let (o2, _) = try outline("任务分工\n序号\n市政府\n\n分管领导\n牵头单位\n1\n加快建设科技创新轴。\n王 东\n市科技局")
    #expect(o2.warnings.contains { $0.code == "unread_table" }, "\(o2.units.map(\.path)) \(o2.warnings.map(\.code))")
    // a table read as usual (Corpus/unseen 107's layout) gives no warning
    let (o3, _) = try outline("序号\n重点工作任务\n主要责任单位\n1\n推进学校建设。\n县教育局")
    #expect(!o3.warnings.contains { $0.code == "unread_table" })
    #expect(o3.units.count == 1)
  }
}

/// A later page whose mirror header and the notice's title stand before its first marker, a clause of a section on an
/// earlier page (Corpus/heldout91 9105): the page begins there, the next top-level marker opens that section's sibling.
@Suite struct HeadingLinesBeforeAnExcerptTests {
  @Test func aTitleAboveALaterPage() throws {
    let text = "法搜网--中国法律信息搜索网\n鄂州市政府关于建立城乡一体社会救助体系的实施意见\n（十三）救助内容和救助标准的调整\n市政府适时调整救助内容和救助标准。\n五、保障措施\n为了切实建立救助制度，必须上下一心。\n（一）健全组织体系\n民政部门负责城乡社会救助工作。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[4, 13], [5], [5, 1]])
    // a cover paragraph before it is no heading line: a marker that continues nothing stays unread there
    let (p, _) = try outline("各县区人民政府：\n现将有关事项通知如下，请认真贯彻执行。\n（十三）救助内容和救助标准的调整\n市政府适时调整救助标准。")
    #expect(p.units.isEmpty)
  }
}

/// An inline gap in a paragraph run together (Corpus/heldout137 13704: `…指导。（六）市政提升…` after `（三）`, then `（七）`): taken
/// after a sentence end when the scheme's next marker after it is its next number; otherwise not.
/// A task-division list run together whose brackets hold bodies and deadlines, no role word (Corpus/heldout139 13902): the
/// expected next item after such a bracket is a marker when numbering runs on after it.
@Suite struct BracketRunTests {
  @Test func anItemAfterABareBracketInARun() throws {
    let (o, c) = try outline("一、加快资源整合\n1．建立工作机制。（区管委会，2016年4月底前完成）2．制定建设方案。（区行政审批局，2016年4月底前完成）"
      + "3．推进平台建设。（区财政金融局，2016年6月底完成）\n二、统一制度规则")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [1, 3], [2]])
    checkInvariants(o, c)
  }

  @Test func theLastOfABracketRun() throws {
    // 二、 has no successor, but the run before it went on after brackets
    let (o, c) = try outline("一、加快资源整合\n1．建立工作机制。（区管委会，2016年4月底前完成）2．制定建设方案。（区行政审批局，2016年4月底前完成）"
      + "3．推进平台建设。（区财政金融局，2016年6月底完成）二、强化实施保障4．建立联席会议制度。（区管委会）")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [1, 3], [2], [2, 4]])
    checkInvariants(o, c)
  }

  @Test func theLastItemOfASectionBeforeTheNextSectionsFirst() throws {
    // Corpus/heldout140 14002: bare brackets close the items, each section numbers its own from 1; the section's last item
    // (its scheme's next marker is the next section's 1.) and the next section's heading follow a bracket too
    let (o, c) = try outline("二、目标任务（一）畜禽生产环节治理工作任务：1.加强屠宰监督管理。把好检疫关。（区经济发展局农业处）"
      + "2.开展打击违法犯罪行动，严厉查处违法犯罪活动。（区公安局）3.强化生猪管控。立即启动执法程序。（区经济发展局农业处）"
      + "（二）种植环节治理工作任务：1.加强农药监督管理。规范生产经营行为。（区经济发展局农业处）2.加强监测预警。（区经济发展局农业处）"
      + "（三）其他有关工作1.开展专项行动。（区公安局）\n三、保障措施")
    #expect(o.units.map(\.path) == [[2], [2, 1], [2, 1, 1], [2, 1, 2], [2, 1, 3], [2, 2], [2, 2, 1], [2, 2, 2], [2, 3], [2, 3, 1], [3]])
    #expect(c.string(o.units[3].ownRange).contains("（区公安局）"))
    checkInvariants(o, c)
    // without a run before it, the last item after a bare bracket is no marker (as before)
    let (o2, _) = try outline("一、任务\n（一）甲项。1.建立机制。（见附表）2.制定方案。\n（二）乙项。1.推进建设。")
    #expect(!o2.units.map(\.path).contains([1, 1, 2]))
  }

  @Test func aBracketOfBareDepartmentsClosesAnItemAsASentenceEndDoes() throws {
    // Corpus/heldout150 15003: sections of two items each, every item closed by a bracket holding only department names
    let (o, c) = try outline("二、目标任务（一）甲环节治理目标：甲。工作任务：1.开展甲。做甲。（区市场监管局）2.加强乙。做乙。（区市场监管局）"
      + "（二）乙环节治理指标：乙。工作任务：1.加强丙。做丙。（区教育局、区市场监管局）2.深入开展丁。做丁。（区市场监管局）"
      + "三、保障措施（一）周密组织部署。各有关部门要落实。")
    #expect(o.units.map(\.path) == [[2], [2, 1], [2, 1, 1], [2, 1, 2], [2, 2], [2, 2, 1], [2, 2, 2], [3], [3, 1]])
    checkInvariants(o, c)
    // the source's own gaps, after such a bracket: `2.` then `4.` (its next number `5.` follows), and a section `（三）` after
    // `（一）`, the last of its run (the next `（一）` is under `三、`), its first child right after its heading
    let (o2, _) = try outline("二、目标任务（一）餐饮环节治理1.加强学校食堂监督。做甲。（区教育局）2.加强量化分级。做乙。（区市场监管局）"
      + "4.强化水质监测。做丙。（区卫计局）5.强化企业监管。做丁。（区市场监管局）（三）其他有关工作1.开展监测。做戊。（区卫计局）"
      + "2.打击犯罪。做己。（区公安局）三、保障措施（一）周密组织部署。各有关部门要落实。")
    #expect(o2.units.map(\.path) == [[2], [2, 1], [2, 1, 1], [2, 1, 2], [2, 1, 4], [2, 1, 5], [2, 3], [2, 3, 1], [2, 3, 2], [3], [3, 1]])
    // a bracket that only reads like names is none: `（以下简称市发改委）`, `（含中医院）`
    let (o3, _) = try outline("一、任务\n（一）甲项。1.建立机制（以下简称市发改委）2.制定方案。\n（二）乙项。1.推进建设（含中医院）3.其他。")
    #expect(!o3.units.map(\.path).contains([1, 1, 2]))
    #expect(!o3.units.map(\.path).contains([1, 2, 3]))
  }

  @Test func aBracketedNoteMayEndAHeadingBeforeItsFirstChild() throws {
    // Corpus/heldout151 15101: `（一）回眸“十二五”(集中在8月份)1.基础设施建设专题：…`, line breaks lost
    let (o, c) = try outline("三、专题分工（一）回眸“十二五”(集中在8月份)1.基础设施建设专题：一是交通设施巨大变化。责任单位：区交建局。"
      + "2.社会事业发展专题：一是民生保障水平。责任单位：区社会事业局。（二）展望“十三五”(集中在9月份)3.发展目标专题：宣传要点。责任单位：区经发局。")
    #expect(o.units.map(\.path) == [[3], [3, 1], [3, 1, 1], [3, 1, 2], [3, 2], [3, 2, 3]])
    checkInvariants(o, c)
    // a note longer than heading_gap_note_max, or one holding a sentence end, does not
    let (o2, _) = try outline("三、专题分工（一）回眸过去(集中在8月份完成全部的宣传报道工作任务)1.基础设施建设专题。（二）展望未来。")
    #expect(!o2.units.map(\.path).contains([3, 1, 1]))
  }

  @Test func aNumberAfterABracketOutOfSequenceIsNoMarker() throws {
    // 5． is not the expected 2．
    let (o, _) = try outline("一、加快资源整合\n1．建立工作机制。（区管委会，2016年4月底前完成）5．制定建设方案。\n二、统一制度规则")
    #expect(o.units.map(\.path) == [[1], [1, 1], [2]])
    // the expected 2．, but numbering does not run on after it (3． is followed by 7．)
    let (o2, _) = try outline("一、加快资源整合\n1．建立工作机制。（见附表）2．制定建设方案（详见方案）7．年度目标。\n二、统一制度规则")
    #expect(o2.units.map(\.path) == [[1], [1, 1], [2]])
  }
}

/// A plan whose cover's signature runs into its title (Corpus/heldout139 13902): its body's clauses have children of their
/// own, so the attachment after it (`附件` / title / `一、`) is read as the plan's attachment, not as the plan itself after a cover.
@Suite struct PlanBodyBeforeAttachmentTests {
  @Test func aBodyWithChildrenKeepsItsClauses() throws {
    let (o, c) = try outline("管委会2016年4月5日平潭综合实验区整合建立统一的公共资源交易平台实施方案为贯彻落实有关要求，制定如下方案。\n"
      + "一、总体要求\n（一）整合范围。进一步整合分散设立的交易平台。\n（二）工作目标。全面完成平台整合工作。\n"
      + "二、保障措施\n（三）加强组织领导。各部门要加强领导。\n"
      + "附件：整合建立统一的公共资源交易平台实施方案任务分工\n附件\n整合建立统一的公共资源交易平台实施方案任务分工\n"
      + "一、加快资源整合\n1．建立相应工作机制。（区管委会，2016年4月底前完成）\n2．制定建设方案。（区行政审批局，2016年4月底前完成）\n")
    #expect(o.units.map(\.path).prefix(5) == [[1], [1, 1], [1, 2], [2], [2, 3]])
    #expect(o.units.map(\.path).contains([3, 1, 2]))
    #expect(!o.warnings.contains { $0.code == "cover_clauses" })
    checkInvariants(o, c)
  }
}

@Suite struct InlineGapTests {
  @Test func anInlineGapConfirmedByItsSuccessor() throws {
    let (o, c) = try outline("一、主要内容\n（一）甲项目。（二）乙项目。（三）丙项目。（六）丁项目。（七）戊项目。\n二、保障措施")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [1, 3], [1, 6], [1, 7], [2]])
    #expect(o.warnings.contains { $0.code == "numbering_gap" && $0.message.contains("2 number(s) missing") })
    checkInvariants(o, c)
  }

  @Test func anInlineGapWithoutItsSuccessorOrSentenceEndIsNoMarker() throws {
    // no （七） after （六）
    let (o1, _) = try outline("一、主要内容\n（一）甲项目。（二）乙项目。（三）丙项目。（六）丁项目。\n二、保障措施")
    #expect(o1.units.map(\.path) == [[1], [1, 1], [1, 2], [1, 3], [2]])
    // （六） inside a sentence
    let (o2, _) = try outline("一、主要内容\n（一）甲项目。（二）乙项目。（三）丙项目，见（六）丁项目。（七）戊项目。\n二、保障措施")
    #expect(o2.units.map(\.path) == [[1], [1, 1], [1, 2], [1, 3], [2]])
  }
}
