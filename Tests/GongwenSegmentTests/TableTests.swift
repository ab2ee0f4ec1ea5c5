import GongwenCore
import GongwenRules
import GongwenSegment
import GongwenTestSupport
import Testing

/// Tables flattened to text (任务分解表, Corpus/unseen 107 and 108): a header row `序号` / columns,
/// then rows whose number stands alone on its line. Positives and negatives.
@Suite struct TableTests {
  static let table = """
    重点工作任务分解表
    序号
    重点工作任务
    主要责任单位
    协同配合单位
    一、主要预期目标
    3
    固定资产投资增长7.5%左右。
    区发改委
    区工信局、区住建局。
    二、加快社会事业发展
    68
    持续推进学前教育普及普惠、义务教育优质均衡发展，加快建设黎明小学、亳州四中等扩建教学楼项目。
    区教育局
    区政府有关部门。
    69
    深化与海亮集团合作，积极引进优质教育资源。
    区教育局
    区投资促进中心。
    """

  @Test func rowsAfterAHeaderAreMarkersUnderTheirSection() throws {
    let (o, c) = try outline(Self.table)
    #expect(o.units.map(\.path) == [[1], [1, 3], [2], [2, 68], [2, 69]])
    #expect(o.units.map(\.markers) == [["一、"], ["一、", "3"], ["二、"], ["二、", "68"], ["二、", "69"]])
    #expect(o.units[1].schemes == ["chinese_dun", "table_row"])
    // rows skip numbers (an extract of a longer table): no numbering warnings for them
    #expect(!o.warnings.contains { $0.code.hasPrefix("numbering_") })
    // each row carries the header it is read against; sections do not
    let header = TableHeader(columns: ["重点工作任务", "主要责任单位", "协同配合单位"], taskColumn: 0)
    #expect(o.units.map(\.table) == [nil, header, nil, header, header])
    // the row's text is its cells; the last row ends with its last cell
    #expect(c.string(o.units[4].bodyRange) == "深化与海亮集团合作，积极引进优质教育资源。\n区教育局\n区投资促进中心。")
    #expect(o.units[1].heading == "固定资产投资增长7.5%左右")
    #expect(o.units[3].heading == nil)
  }

  @Test func theLastRowDoesNotRunIntoWhatFollowsTheTable() throws {
    let (o, c) = try outline("序号\n目标与任务\n分管县领导\n牵头责任单位\n责任单位\n80\n新增托位数400个以上。\n俞悦\n县教育局\n县各有关单位\n以上任务请各单位认真落实，按时报送进展情况。")
    #expect(o.units.map(\.path) == [[80]])
    #expect(c.string(o.units[0].bodyRange) == "新增托位数400个以上。\n俞悦\n县教育局\n县各有关单位")
  }

  @Test func aRowCutOffAfterItsTaskTextHasNoHeading() throws {
    let (o, _) = try outline("序号\n重点工作任务\n责任单位\n73\n大力推进“安心托幼”，全区托位数提高至560")
    #expect(o.units.map(\.path) == [[73]])
    #expect(o.units[0].heading == nil)
  }

  @Test func aBareNumberLineOutsideATableIsNotAMarker() throws {
    // page numbers and counts on their own line, no header before them
    let (o, _) = try outline("一、总体要求\n加快推进改革。\n3\n二、主要任务\n完善制度。\n68\n持续推进。")
    #expect(o.units.map(\.path) == [[1], [2]])
    #expect(o.warnings.isEmpty)
  }

  @Test func aHeaderWithoutATaskColumnIsNoTable() throws {
    // 序号 / 姓名 / 单位: a list of people, not a task table
    let (o, _) = try outline("一、参会人员\n序号\n姓名\n单位\n1\n张三\n区教育局")
    #expect(o.units.map(\.path) == [[1]])
  }

  @Test func rowNumbersOnlyGoUpWithinATable() throws {
    // a cell holding a bare number (a count) is not a row
    let (o, _) = try outline("序号\n重点工作任务\n目标值\n责任单位\n5\n新建学校。\n3\n区教育局\n6\n新增托位。\n2\n区卫健委")
    #expect(o.units.map(\.path) == [[5], [6]])
  }

  @Test func aNumberCellInsideARowIsNotTheNextRow() throws {
    // heldout16 1705: 建设时间 and 投资金额 cells hold bare numbers (`300`); inside a row's cells (one
    // line per column) only the next row's number starts a row
    let (o, _) = try outline("序号\n项目名称\n建设地点\n年度投资\n责任单位\n1\n中小学改造项目\n相关镇\n300\n教体局\n2\n城北道路建设项目\n纸坊街道\n30\n住建局\n3\n老旧小区改造\n洋州街道\n1360\n住建局")
    #expect(o.units.map(\.path) == [[1], [2], [3]])
    #expect(o.units.map(\.table?.taskColumn) == [0, 0, 0])
  }

  @Test func aColumnHoldingATaskWordIsTheTaskColumn() throws {
    // heldout13 1403: 具体工作任务和要求 is no listed name but holds 任务
    let (o, _) = try outline("序号\n具体工作任务和要求\n责任领导\n责任单位\n1\n完成吉水二中迁建项目。\n毛晓青\n县教体局 各相关乡镇政府")
    #expect(o.units.map(\.path) == [[1]])
    #expect(o.units.first?.table == TableHeader(columns: ["具体工作任务和要求", "责任领导", "责任单位"], taskColumn: 0))
    // a listed name wins over an earlier column holding a word (工作措施 is listed; 主要任务说明 is not)
    let (p, _) = try outline("序号\n任务说明\n工作措施\n责任单位\n1\n说明。\n建设学校。\n县教育局")
    #expect(p.units.first?.table?.taskColumn == 1)
    // the words in their order: 任务 before 项目 (heldout6 701: 项目 is a category, 重点工作目标任务 the task);
    // 项目 when nothing holds 任务 (heldout20 2101: 项目 / 内容 / 责任部门 / 实施时间)
    let (q, _) = try outline("序号\n项目\n重点工作目标任务\n责任单位\n1\n主要预期目标\n地区生产总值增长5%以上。\n区发改委")
    #expect(q.units.first?.table?.taskColumn == 1)
    let (r, _) = try outline("序号\n项 目\n内 容\n责任部门\n实施时间\n1\n下发开展宣传周活动的通知\n部署宣传周活动\n省局食品安全监管处\n5月21日前")
    #expect(r.units.first?.table?.taskColumn == 0)
  }

  static let attached = """
    重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知
    各镇人民政府、街道办事处：
    请各单位细化工作举措，确保全面高质量完成各项目标任务。
    附件：1. 2022年区政府工作报告经济社会发展预期目标任务分解表
    2. 2022年区政府工作报告重点工作任务分解表
    重庆市沙坪坝区人民政府办公室
    2022年1月21日
    （此件公开发布）
    附件1
    2022年区政府工作报告经济社会发展预期目标任务分解表
    序号
    2022年预期目标
    责任单位
    1
    地区生产总值增长5.5%左右
    区发展改革委
    2
    节能减排降碳完成年度目标任务
    区发展改革委
    附件2
    2022年区政府工作报告重点工作任务分解表
    序号
    工作任务
    牵头单位
    配合单位
    一、加快建设科学城
    1
    推动量子通信器件国家重点实验室落地。
    区科技局
    区发展改革委
    """

  @Test func tablesAttachedAfterTheSignatureAreReadUnderTheirAttachment() throws {
    // heldout9 1003: two attached tables after the signature, each numbering its rows from 1
    let (o, c) = try outline(Self.attached)
    #expect(o.units.map(\.path) == [[1, 1], [1, 2], [2, 1], [2, 1, 1]])
    #expect(o.units.map(\.markers) == [["附件1", "1"], ["附件1", "2"], ["附件2", "一、"], ["附件2", "一、", "1"]])
    #expect(o.units[0].schemes == ["table_attachment", "table_row"])
    // 2022年预期目标 holds a task word; the last row of 附件1 ends with its cells, not 附件2's title
    #expect(o.units[0].table?.taskColumn == 0)
    #expect(c.string(o.units[1].bodyRange) == "节能减排降碳完成年度目标任务\n区发展改革委")
    // the attachments list's numbered names are no clauses; the signature stays the notice's
    #expect(!o.units.contains { $0.markers.last == "1." || $0.markers.last == "2." })
    #expect(o.metadata.issuer == "重庆市沙坪坝区人民政府办公室")
    #expect(o.metadata.date == "2022-01-21")
    #expect(!o.warnings.contains { $0.code == "clauses_after_closing" })
    checkInvariants(o, c)
  }

  @Test func aTableAfterTheAttachmentTheBodyIsPrintedAsTakesTheNextLevel() throws {
    // heldout144 14401: a cover without clauses, `附件1` (the plan, read as the notice's tasks: 一、–二、), then `附件2` a
    // table; the table is the level after the plan's last (3), not body + 2 (4) as after a body of the cover's own
    let (o, _) = try outline("""
      关于印发推进方案及任务分解表的通知
      各单位：
      现将推进方案及任务分解表印发给你们，请遵照执行。
      附件：1.《推进方案》
      2.《任务分解汇总表》
      平潭综合实验区管委会办公室
      2015年9月10日
      附件1
      推进方案
      一、构建组织机构
      成立工作领导小组，负责日常指导协调。
      二、明确工作任务
      各责任单位制定具体工作方案。
      附件2
      任务分解汇总表
      序号
      项目名称
      责任单位
      负责事项
      1
      台湾国泰金控平潭人寿财险项目
      区财政金融局
      区财政金融局负责对接。
      2
      海峡证券项目
      区财政金融局
      区财政金融局负责对接。
      """)
    #expect(o.units.map(\.path) == [[1], [2], [3, 1], [3, 2]])
    #expect(o.units.map(\.markers).last == ["附件2", "2"])
  }

  @Test func aPlanPrintedRightAfterAttachmentKeepsItsClauses() throws {
    // numbered lines after 附件： that read as clauses (sentence punctuation) are tasks, not names
    let (o, _) = try outline("关于做好工作的通知\n附件：\n1.加强监督检查，确保按时完成。（市卫生局负责）\n2.做好宣传工作。（市委宣传部负责）")
    #expect(o.units.map(\.path) == [[1], [2]])
  }
}

/// An assessment table (考核细则, Corpus/heldout28 2901): a totals row under the header, section rows
/// whose marker stands alone on its line followed by their own cells, a score column whose number may
/// equal the next row's, and items numbered inside the indicator cell.
@Suite struct AssessmentTableTests {
  static let table = """
    石城县2018年度河长制工作乡镇考核细则
    序号
    考核项目
    各项分值
    考核指标
    负责考核部门
    总分
    100
    一、
    巩固成果，提升河长制工作实效
    31
    1
    完善四个到位
    5
    进一步健全河长制组织体系。
    县河长办
    2
    深化河长制培训、宣传和教育
    3
    1.充分利用各类媒体开展公益宣传，得2分。2.开展宣传活动，得1分。
    县委宣传部 县教育局
    二、
    水岸联动，推进管治保措施
    15
    落实属地管理责任，建立湖长体系。
    县河长办
    3
    继续强化城镇生活污水治理
    3
    进一步加强城镇生活污水处理设施建设。
    县城建局
    """

  @Test func sectionsRowsTotalsAndScores() throws {
    let (o, _) = try outline(Self.table)
    // not `100` (the totals row), not `3` (row 2's score, though it is the next row's number), not the
    // `1.` / `2.` inside row 2's indicator cell
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [2], [2, 3]])
    #expect(o.units.map { $0.markers.last } == ["一、", "1", "2", "二、", "3"])
    // a section row carries the header, so its own department cell is read
    #expect(o.units[3].table?.columns == ["考核项目", "各项分值", "考核指标", "负责考核部门"])
    #expect(o.units[3].heading == "水岸联动，推进管治保措施")
  }

  @Test func itemsOnLinesOfTheirOwnInAContentColumnStayClauses() throws {
    // Corpus/heldout20 2101: the 内容 column holds a row's items, one per line
    let (o, _) = try outline("序号\n项目\n内容\n责任部门\n实施时间\n1\n启动宣传周活动\n1、参加省启动仪式\n2、参加各州启动仪式\n省局监管处\n6月11日\n2\n组织参观示范街\n组织消费者参观示范街\n各州食品药品监管局\n6月19日")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [2]])
  }
}

/// A table inside a clause whose own numbering restarts (Corpus/heldout30 3101): the notice's `一、`
/// holds the table; the table's `一、`/`二、` nest under it, its rows `(1)`… stand on lines of their own.
@Suite struct NestedTableTests {
  static let text = """
    芜湖市人民政府关于2025年重点工作及责任分解的通知
    一、市政府重点工作任务
    序号
    目标与任务
    牵头责任单位
    责任单位
    一、主要预期目标
    (1)
    地区生产总值增长6%以上。
    市发展改革委
    各县市区政府、开发区管委会
    (2)
    固定资产投资增长6%左右。
    市发展改革委
    各县市区政府
    二、重点做好以下九个方面工作
    （一）加强经济运行调节。
    1
    大力提振消费。
    (3)
    统筹衔接消费券发放与消费品以旧换新行动。
    市商务局
    市财政局
    """

  @Test func theTablesNumberingNestsUnderTheClauseHoldingIt() throws {
    let (o, c) = try outline(Self.text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 1, 1], [1, 1, 2], [1, 2], [1, 2, 1], [1, 2, 1, 1], [1, 2, 1, 1, 3]])
    // no text is left out as a repeated path
    #expect(!o.warnings.contains { $0.code == "duplicate_path" })
    // a bracketed row carries the header: its cells are read as columns
    #expect(o.units[2].table?.columns == ["目标与任务", "牵头责任单位", "责任单位"])
    #expect(c.string(o.units[2].bodyRange) == "地区生产总值增长6%以上。\n市发展改革委\n各县市区政府、开发区管委会")
  }

  @Test func aTableContinuingTheNoticesNumberingDoesNotNest() throws {
    // the table's first marker is the next section (二、), not a restart: read as before
    let (o, _) = try outline("一、总体要求\n加快发展。\n序号\n重点工作任务\n责任单位\n二、主要任务\n1\n推进改革。\n市发改委")
    #expect(o.units.map(\.path) == [[1], [2], [2, 1]])
  }
}

/// Attached tables labelled `附表`, with a note line between the title and the header (Corpus/heldout127 12702), and the one
/// attachment of a text that holds nothing else (Corpus/heldout73 7301).
@Suite struct AttachedTableLabelTests {
  @Test func aTableUnderAFuBiaoLineWithANoteIsReadUnderItsAttachment() throws {
    let (o, c) = try outline("""
      关于印发《交通领域光伏推广应用实施方案》的通知
      各区人民政府：
      现将《实施方案》印发给你们，请认真按照执行。
      一、总体要求
      推动光伏应用。
      二、主要任务
      加快建设。
      三、保障措施
      强化组织领导。
      附表：1.任务分工表
      2.光伏建设分配表
      附表1
      任务分工表
      打*的为具体项目
      序号
      事项
      工作措施
      责任单位
      1
      “光伏+地铁”工程
      充分利用轨道交通内既有高架车站进行光伏项目的开发和建设
      申通地铁集团
      2
      “光伏+铁路”工程
      对符合条件的既有站点进行光伏改造
      中国铁路上海局
      """)
    #expect(o.units.map(\.markers).suffix(2) == [["附表1", "1"], ["附表1", "2"]])
    #expect(o.units.map(\.path).suffix(2) == [[4, 1], [4, 2]])
    #expect(o.metadata.attachments == ["任务分工表", "光伏建设分配表"])
    #expect(!o.warnings.contains { $0.code == "unread_table" })
    checkInvariants(o, c)
  }

  @Test func aHeaderWithoutATaskColumnButWithADepartmentColumnTakesItsFirstColumn() throws {
    let text = """
      关于印发《实施方案》的通知
      一、总体要求
      推动光伏应用。
      附表：1.光伏建设分配表
      附表1
      交通子行业“十四五”光伏建设分配表
      序号
      交通子行业
      建设区域
      十四五装机计划（MW）
      责任单位
      1
      地铁
      高架车站、地面车站、停车场
      35-36
      申通地铁集团
      2
      铁路
      候车楼、货场、站房
      15-20
      中国铁路上海局
      """
    let (o, c) = try outline(text)
    #expect(o.units.map(\.markers).suffix(2) == [["附表1", "1"], ["附表1", "2"]])
    #expect(o.units.last?.table?.taskColumn == 0)
    #expect(o.units.last.map { c.string($0.bodyRange) } == "铁路\n候车楼、货场、站房\n15-20\n中国铁路上海局")
    checkInvariants(o, c)
    // without a department column the header is no table's
    let (p, _) = try outline(text.replacingOccurrences(of: "责任单位", with: "备注"))
    #expect(!p.units.contains { $0.markers.first == "附表1" })
  }

  @Test func theOneAttachmentOfATextWithNothingElseKeepsItsRowNumbers() throws {
    let (o, c) = try outline("""
      附件2
      关于建立健全政务数据共享协调机制加快推进数据
      有序共享的重点任务责任分工
      序号
      工作任务
      牵头单位
      责任单位
      1
      成立政务数据共享协调推进机制。
      市行政审批局
      市直相关部门
      2
      指定专门处室负责政务数据共享工作。
      市直相关部门
      """)
    #expect(o.units.map(\.path) == [[1], [2]])
    checkInvariants(o, c)
  }

  /// Category rows numbered with a bare numeral (`tables.section_row`; Corpus/heldout134 13401): `一` / its title / rows `1`…,
  /// the title being the category's cell of the column after the row numbers, so the rows print one cell fewer.
  static let categoryTable = """
    附表
    2025年重点工作分工
    序号
    重点任务
    具体工作
    时间进度
    责任部门
    一
    推进综合管理
    1
    明确年度重点工作任务
    全年推进
    发展改革委、生态环境局等
    2
    编制温室气体排放清单
    年内完成
    生态环境局
    二
    加快能源转型
    3
    推动可再生能源发展
    全年推进
    发展改革委
    """

  @Test func bareNumberedCategoryRowsHoldTheirRows() throws {
    let (o, c) = try outline(Self.categoryTable)
    // (the one attachment of a text that holds nothing else keeps no level of its own)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [2], [2, 3]])
    // written as printed, as the row numbers are
    #expect(o.units[1].markers == ["一", "1"])
    #expect(o.units[3].markers == ["二"])
    #expect(o.units[0].schemes.last == "chinese_dun")
    #expect(o.units[0].heading == "推进综合管理")
    // the rows' cells are read against the columns after the merged one: the task first, the departments last
    let rows = TableHeader(columns: ["具体工作", "时间进度", "责任部门"], taskColumn: 0)
    #expect(o.units[1].table == rows)
    #expect(o.units[4].table == rows)
    #expect(o.units[1].heading == "明确年度重点工作任务")
    #expect(o.units.last.map { c.string($0.bodyRange) } == "推动可再生能源发展\n全年推进\n发展改革委")
    checkInvariants(o, c)
  }

  @Test func aBareNumeralOutOfOrderOrWithoutATitleIsNoCategory() throws {
    // `二` first: no category starts at two; the header reads on as before
    let skipped = Self.categoryTable.replacingOccurrences(of: "\n一\n", with: "\n二\n")
    let (o, _) = try outline(skipped)
    #expect(!o.units.contains { $0.markers.contains("二") && $0.path.count == 2 && $0.path[1] == 1 })
    // a numeral cell in a row (a count written in Chinese) followed by a number is no category
    let (p, _) = try outline("序号\n重点任务\n数量\n责任部门\n1\n新建学校\n三\n教育局\n2\n新增托位\n二\n卫健委")
    #expect(p.units.map(\.path) == [[1], [2]])
    #expect(p.units.allSatisfy { $0.markers.allSatisfy { !["三", "二"].contains($0) } })
  }

  @Test func aSectionRowOfNoSchemeIsARuleError() throws {
    let bundled = try String(contentsOfFile: TestSupport.rulesDirectory + "/segment.yaml", encoding: .utf8)
    let yaml = bundled.replacingOccurrences(of: "scheme: chinese_dun, first_lookalikes", with: "scheme: chinese_comma, first_lookalikes")
    #expect(yaml != bundled)
    do {
      _ = try RuleSet.decode(SegmentRules.self, yaml: yaml, file: "segment.yaml")
      Issue.record("a section_row naming no scheme loaded")
    } catch {
      let p = try #require(error.problems.first { $0.message.contains("section_row") })
      #expect(p.code == "R005")
      #expect(p.location.line > 1)
      #expect(p.message.contains("chinese_comma"))
    }
  }

  @Test func withoutTheRuleTheHeaderReadsOnAsBefore() throws {
    let bundled = try String(contentsOfFile: TestSupport.rulesDirectory + "/segment.yaml", encoding: .utf8)
    let yaml = bundled.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("  section_row:") }.joined(separator: "\n")
    #expect(yaml != bundled)
    let rules = try RuleSet.decode(SegmentRules.self, yaml: yaml)
    let o = try Segmenter(rules: rules).segment(CleanText(source: Self.categoryTable))
    #expect(!o.units.contains { $0.markers.contains("一") })
  }
}

/// A duty table printed one cell per line with rows numbered `（一）` under category rows, the first category's number lost
/// to a dash and the header printed again mid-table (Corpus/heldout104 10401's 附件3).
@Suite struct BracketRowTableTests {
  static let table = """
    附件3
    全面加强建筑垃圾管理的实施意见任务职责分工表
    序号
    工作任务
    主要工作内容
    牵头单位
    配合单位
    —
    构建产消平衡的处置体系
    （一）
    推动源头减量
    在项目规划、立项、设计文件中，增加工程土方消纳平衡内容。
    建设主管部门、区规划资源局
    区水务局、区绿化市容局
    （二）
    提升消纳处置能力
    梳理评估本区出土项目和综合利用潜力一张图。
    区土方工作专班
    区绿化市容局、属地街镇
    二
    构建全链条全过程闭环管理体系
    （一）
    加强备案申报管理
    严格落实建筑垃圾处理方案备案制度。
    区绿化市容局
    区建设管理委
    序号
    工作任务
    主要工作内容
    牵头单位
    配合单位
    （二）
    加强源头监管
    落实工地数字化监督管理。
    区城运中心
    区数据局、区水务局
    三
    构建数字赋能监管体系
    （一）
    推进数据平台建设
    加快建设全区建筑垃圾数据平台。
    区数据局
    ——
    """

  @Test func bracketNumberedRowsUnderCategoriesReadAsTheTablesRows() throws {
    let (o, c) = try outline(Self.table)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [2], [2, 1], [2, 2], [3], [3, 1]])
    // the dash where `一` belongs is the first category row, its marker as printed
    #expect(o.units[0].markers == ["—"])
    #expect(o.units[0].heading == "构建产消平衡的处置体系")
    #expect(o.units[1].markers == ["—", "（一）"])
    // the rows are the table's: read against its columns, the task column first
    let header = TableHeader(columns: ["工作任务", "主要工作内容", "牵头单位", "配合单位"], taskColumn: 0)
    #expect(o.units[1].table == header)
    #expect(o.units[1].heading == "推动源头减量")
    // the header printed again continues the table and its categories: `（二）` after it is 二's, `三` the third category
    #expect(o.units[5].markers == ["二", "（二）"])
    #expect(o.units[5].table == header)
    #expect(c.string(o.units[5].bodyRange).hasSuffix("区数据局、区水务局"))
    #expect(o.units[6].markers == ["三"])
    checkInvariants(o, c)
  }

  @Test func aDashIsTheFirstCategoryOnlyRightAfterTheHeader() throws {
    // a dash in a cell (an empty 配合单位) is no category row, nor does it take the rows after it
    let (o, _) = try outline("序号\n重点任务\n牵头单位\n配合单位\n1\n推动源头减量\n区建设管理委\n—\n2\n提升消纳处置能力\n区绿化市容局\n属地街镇")
    #expect(o.units.map(\.path) == [[1], [2]])
    #expect(o.units.allSatisfy { !$0.markers.contains("—") })
    // without the rules' lookalikes, a dash after the header is nothing: the rows stop where the categories would start
    let bundled = try String(contentsOfFile: TestSupport.rulesDirectory + "/segment.yaml", encoding: .utf8)
    let yaml = bundled.replacingOccurrences(of: ", first_lookalikes: ['—', '－', '-', '―']}", with: "}")
    #expect(yaml != bundled)
    let rules = try RuleSet.decode(SegmentRules.self, yaml: yaml, file: "segment.yaml")
    let plain = try Segmenter(rules: rules).segment(CleanText(source: Self.table))
    #expect(!plain.units.contains { $0.markers.contains("—") })
  }

  @Test func aBracketedNumeralAloneOnALineOutsideATableIsAnOrdinaryClause() throws {
    let (o, _) = try outline("一、总体要求\n（一）\n推动源头减量。\n（二）\n提升消纳处置能力。")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2]])
    #expect(o.units.allSatisfy { $0.table == nil })
  }
}

@Suite struct ColumnNoteTests {
  @Test func aColumnsBracketedNoteDoesNotCountTowardsItsLength() throws {
    // heldout186 18601: `责任部门（加*号为牵头部门，其余为参与部门）` is one column, 22 characters with its note
    let text = "序号\n任务名称\n责任部门（加*号为牵头部门，其余为参与部门）\n责任街镇\n1\n推进农民集中居住\n区农业农村委*、区财政局\n浦江镇\n"
      + "2\n加强农房建设管理\n区建管委*\n马桥镇"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [2]])
    #expect(o.units.first?.table?.columns == ["任务名称", "责任部门（加*号为牵头部门，其余为参与部门）", "责任街镇"])
    checkInvariants(o, c)
  }
}
