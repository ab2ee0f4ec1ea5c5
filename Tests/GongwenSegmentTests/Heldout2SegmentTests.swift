import GongwenCore
import GongwenSegment
import GongwenTestSupport
import Testing

/// Segment forms found in Corpus/heldout2, positives and negatives.
@Suite struct Heldout2SegmentTests {
  @Test func aTextThatBeginsInsideASectionTakesTheNextSectionMarker() throws {
    // 302: a later page of a scraped notice starts at 4、 of a section whose 六、 is not in the text
    let text = "4、积极化解公办学校债务。\n责任部门：市教育局牵头。\n七、健全住房保障制度\n1、扩大廉租住房保障范围。\n2、加大经济适用住房建设力度。\n八、大力推进扶贫开发\n1、坚持整村推进。"
    let (o, c) = try outline(text)
    // (4、 sat under 六、, inferred from 七、: the key's path 六、4.)
    #expect(o.units.map(\.path) == [[6, 4], [7], [7, 1], [7, 2], [8], [8, 1]])
    #expect(o.units[0].markers == ["六、", "4."])
    #expect(o.units[1].heading == "健全住房保障制度")
    #expect(o.warnings.contains { $0.code == "numbering_gap" && $0.message.contains("七、") })
    checkInvariants(o, c)
  }

  @Test func aFarJumpAtTheSameOrALowerLevelIsStillNoMarker() throws {
    // only a scheme never met, ranking above every open level, may open at any number
    let (o1, _) = try outline("一、任务\n（一）甲项工作。\n（九）乙项工作。")
    #expect(o1.units.map(\.path) == [[1], [1, 1]])
    let (o2, _) = try outline("一、任务\n1.甲项工作。\n二、任务\n（七）乙项工作。")
    #expect(o2.units.map(\.path) == [[1], [1, 1], [2]])
    // inside running text never
    let (o3, _) = try outline("4、甲项工作，七、乙项工作。")
    #expect(o3.units.map(\.path) == [[4]])
  }

  @Test func aHeadingLineLosesItsOwnAttribution() throws {
    // 331: 一、加快调整能源结构（省发改委总牵头）
    let (o, _) = try outline("一、加快调整能源结构（省发改委总牵头）\n（一）制订实施煤炭消费总量控制方案。\n1.制订目标。（省经信委负责）")
    #expect(o.units.first?.heading == "加快调整能源结构")
    // a bracket group that is not an attribution stays
    let (o2, _) = try outline("一、健全基层服务体系（含中医院）\n1.建设。（省卫生厅负责）")
    #expect(o2.units.first?.heading == "健全基层服务体系（含中医院）")
  }

  @Test func aTitleKeepsTheIssuerOnItsLineAndTheNameItQuotes() throws {
    // GB/T 9704-2012 7.3.3: 发文机关名称 + 事由 + 文种, with 《》 around a quoted document name
    let text = "立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知\n立政发〔2023〕3号\n各街道：\n现印发给你们。\n一、总体要求"
    let m = try outline(text).0.metadata
    #expect(m.title == "立山区人民政府关于印发《立山区政府2023年重点工作任务分解和责任分工方案》的通知")
    #expect(m.issuer == nil, "the issuer in the title is not a signature")
    // the issuer on its own line above is not part of the title
    let above = "临沂市人民政府办公室\n关于印发《某某方案》的通知\n各县区人民政府：\n一、总体要求"
    let m2 = try outline(above).0.metadata
    #expect(m2.title == "关于印发《某某方案》的通知")
    #expect(m2.issuer == "临沂市人民政府办公室")
    // an unclosed quotation mark ends the title scan: no title
    #expect(try outline("关于印发《某某方案的通知\n各县区人民政府：\n一、总体要求").0.metadata.title == nil)
  }
}

@Suite struct Heldout2DocNumberTests {
  @Test func anIssuerCodeWithABracketedPartIsOneDocNumber() throws {
    let text = "某县农业农村局文件\n县农（计）发〔2019〕8号\n各乡镇人民政府：\n一、任务"
    #expect(try outline(text).0.metadata.docNumber == "县农（计）发〔2019〕8号")
    // cited after 》, it is not the notice's own
    let cited = "各乡镇人民政府：\n厅已印发《某某方案的通知》（宁农（计）发〔2019〕48号），现转发给你们。\n一、任务"
    #expect(try outline(cited).0.metadata.docNumber == nil)
    // a decree's number on a line of its own, or over two (Corpus/heldout89 8903), not one cited in a sentence
    #expect(try outline("北京市人民政府令\n第233号\n《北京市行政问责办法》已经市人民政府常务会议审议通过。\n第一条 为了加强管理，制定本办法。").0.metadata.docNumber == "北京市人民政府令第233号")
    #expect(try outline("渝府令第121号\n第一条 为了加强管理，制定本办法。").0.metadata.docNumber == "渝府令第121号")
    // its number in brackets on the next line (Corpus/heldout90 9004)
    #expect(try outline("锦州市人民政府令\n（第1号）\n《锦州市城市供热管理办法》已经市政府常务会议通过。\n第一条 为了加强管理，制定本办法。").0.metadata.docNumber == "锦州市人民政府令第1号")
    #expect(try outline("根据1998年4月30日山东省人民政府令第90号令关于修订的决定进行修正\n第一条 为了加强管理，制定本办法。").0.metadata.docNumber == nil)
  }
}

@Suite struct Heldout3SegmentTests {
  @Test func anInlineMarkerAfterAHostAndAssistAttribution() throws {
    // 411: …协办）2.重点抓好…
    let (o, _) = try outline("一、任务\n1.抓好重点产业项目。（省发改委主办，省工信委、科技厅协办）2.重点抓好一批项目。（省工信委主办，省发改委协办）")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
  }

  @Test func aTaskTableWithAMeasuresColumn() throws {
    // 412 Liaozhong: 序号 / 主要工作举措 / 牵头单位 / 配合单位 / 责任领导
    let text = "2024年政府工作报告主要工作任务分解表\n序号\n主要工作举措\n牵头单位\n配合单位\n责任领导\n一、做大做强主导产业\n1\n加快构建现代化产业体系。\n区农业农村局\n区发展改革局\n2\n加快在建项目的建设进度。\n沈阳近海经济区管委会\n自然资源分局\n冯冬昌"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    #expect(o.units[1].table?.columns == ["主要工作举措", "牵头单位", "配合单位", "责任领导"])
  }

  @Test func runOnNumberingAcrossSectionsMayStartWithDigits() throws {
    // 403 Jiangxi: （一）1、2、 then （二）3、2017年，… (the item's text starts with a year)
    let text = "一、任务\n（一）加快公路建设。\n1、建设一级公路。\n2、升级国省道。\n（二）加快铁路建设。\n3、2017年，九景衢铁路建成通车。"
    let (o, _) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 1, 1], [1, 1, 2], [1, 2], [1, 2, 3]])
    // never a first child: a year after a section heading is not item 2
    let (o2, _) = try outline("一、任务\n（一）加快公路建设。\n2017年，九景衢铁路建成通车。\n1.2万人参加培训。")
    #expect(o2.units.map(\.path) == [[1], [1, 1]])
  }

  @Test func theDateOfIssueOnAnInformationPageIsTheWrittenDate() throws {
    let text = "发文日期：2020年05月21日\n发布日期：2020-05-26 14:04\n关于落实重点工作分工的意见\n各区县人民政府：\n一、任务"
    let m = try outline(text).0.metadata
    #expect(m.date == "2020-05-21")
    #expect(m.published == "2020-05-26")
  }
}

@Suite struct Heldout4SegmentTests {
  @Test func lawDatabaseLabelsAndShortIssuers() throws {
    // 501: 【发布日期】2008-02-03; 502: 市政府关于… and a page field 发布部门： that is no recipient
    let a = "【发布文号】晋政发〔2008〕8号\n【发布日期】2008-02-03\n山西省人民政府关于印发工作目标责任分解的通知\n各市、县人民政府：\n一、任务"
    #expect(try outline(a).0.metadata.published == "2008-02-03")
    let b = "政策\n发布部门：市人民政府办公室\n发布时间：2020年01月28日\n市政府关于印发2020年政府工作报告主要目标任务分解方案的通知\n徐政发〔2020〕3号\n各县（市）区人民政府，市各直属单位：\n一、任务"
    let m = try outline(b).0.metadata
    #expect(m.title == "市政府关于印发2020年政府工作报告主要目标任务分解方案的通知")
    #expect(m.recipients == ["各县（市）区人民政府", "市各直属单位"])
    // a short group is still a recipient
    #expect(try outline("关于做好工作的通知\n各单位：\n一、任务").0.metadata.recipients == ["各单位"])
  }
}

@Suite struct Heldout5SegmentTests {
  @Test func aPageTitleEndsBeforeTheSiteName() throws {
    let text = "湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见-湖南省人民政府门户网站湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见\n各市州人民政府：\n一、总体要求"
    #expect(try outline(text).0.metadata.title == "湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见")
  }
}

@Suite struct Heldout6SegmentTests {
  @Test func pageFieldLabelsBeforeTheTitleAndTheDocNumber() throws {
    // 714 Zunyi: 标题 / 文号 written before their values (the space between them removed by Normalize)
    let text = "文号遵府办函〔2022〕56号\n标题市人民政府办公室关于印发《遵义都市圈发展规划》责任分工方案的通知\n各县人民政府：\n一、任务"
    let m = try outline(text).0.metadata
    #expect(m.docNumber == "遵府办函〔2022〕56号")
    #expect(m.title == "市人民政府办公室关于印发《遵义都市圈发展规划》责任分工方案的通知")
    // 711 Qionghai: 标题：… with a colon
    let colon = try outline("标题：琼海市人民政府办公室关于印发主要任务分工方案的通知\n各镇人民政府：\n一、任务").0.metadata
    #expect(colon.title == "琼海市人民政府办公室关于印发主要任务分工方案的通知")
  }
}

@Suite struct CoverClausesTests {
  static let cover = "关于印发《2023年重点工作分工方案》的通知\n各镇人民政府：\n《分工方案》已经区政府同意，现印发给你们。\n一、提高政治站位，强化担当意识。各部门要抓好落实。\n二、狠抓工作落实，确保任务完成。\n北京市大兴区人民政府办公室\n2023年3月3日\n"

  @Test func aPlanAfterTheSignatureTakesTheTasksFromTheCoversRequirements() throws {
    // 704 Daxing: the cover's 一、二、 are requirements; the plan after the signature restarts at 一、
    let (o, c) = try outline(Self.cover + "2023年区政府工作报告重点工作分工方案（共计121项）\n一、全区经济社会发展主要预期目标\n1.地区生产总值增长4.5%以上。\n2.一般公共预算收入增长5%。")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    #expect(o.units[0].heading == "全区经济社会发展主要预期目标")
    #expect(o.warnings.contains { $0.code == "cover_clauses" })
    #expect(o.metadata.issuer == "北京市大兴区人民政府办公室")
    checkInvariants(o, c)
  }

  @Test func withoutAPlanTitleTheNoticeStillClosesAtItsSignature() throws {
    // an attachment that is not a plan (no title line before its 一、) is not read, as before
    let (o, _) = try outline(Self.cover + "附件：联系人名单\n一、张三\n二、李四")
    #expect(o.units.map(\.path) == [[1], [2]])
    #expect(!o.warnings.contains { $0.code == "cover_clauses" })
  }
}

@Suite struct RunTogetherHeaderTests {
  @Test func recipientsStartAfterADocNumberOnTheirLine() throws {
    // a header the scrape ran together: title, doc number and recipients on one line
    let text = "临沂市人民政府办公室关于印发工作安排的通知临政办发〔2012〕64号各县区人民政府，市政府各部门：\n现印发给你们。\n一、总体要求"
    let m = try outline(text).0.metadata
    #expect(m.docNumber == "临政办发〔2012〕64号")
    #expect(m.recipients == ["各县区人民政府", "市政府各部门"])
  }
}
