import GongwenCore
import GongwenNormalize
import GongwenTestSupport
import Testing

/// Tables flattened to text (Corpus/unseen 107, 108): every line is a cell and stays a line.
@Suite struct TableTests {
  @Test func rowNumbersAndCellsAreNeverJoined() throws {
    // 107: `六、…` has running punctuation and was joined onto the row number `68`; a cell with
    // commas (a department list without 。) would be joined onto the next cell
    let src = """
      谯城区教育局2025年政府工作报告重点工作任务分解表

      序号

      重点工作任务

      主要责任单位

      协同配合单位

      六、全力以赴惠民生、增福祉,加快社会事业发展

      68

      持续推进学前教育普及普惠、义务教育优质均衡发展,加快建设黎明小学

      区教育局、区财政局

      区政府有关部门,各乡镇人民政府、街道办事处
      """
    let d = try normalizer.normalize(src)
    #expect(lines(d.text.string) == [
      "谯城区教育局2025年政府工作报告重点工作任务分解表", "序号", "重点工作任务", "主要责任单位", "协同配合单位",
      "六、全力以赴惠民生、增福祉，加快社会事业发展", "68", "持续推进学前教育普及普惠、义务教育优质均衡发展，加快建设黎明小学",
      "区教育局、区财政局", "区政府有关部门，各乡镇人民政府、街道办事处",
    ])
  }

  @Test func cellEndBarsAreRemovedAndRecorded() throws {
    // 108: every cell ends with ` |`
    let d = try normalizer.normalize("序号 |\n目标与任务 |\n分 管 县领导 |\n80 |\n新增托位数400个以上。 |\n俞 悦 |")
    #expect(lines(d.text.string) == ["序号", "目标与任务", "分管县领导", "80", "新增托位数400个以上。", "俞悦"])
    let bars = d.removed.filter { $0.rule == "table_cell_end" }
    #expect(bars.count == 6)
    #expect(bars.allSatisfy { $0.reason == "junk" && $0.text == " |" })
    #expect(d.stats["junk_removed"] == 6)
  }

  @Test func withoutAHeaderLinesAreJoinedAsBefore() throws {
    // the same lines without `序号`: a line with running punctuation is still joined to the next
    let d = try normalizer.normalize("六、全力以赴惠民生、增福祉,加快社会事业发展\n68")
    #expect(lines(d.text.string) == ["六、全力以赴惠民生、增福祉，加快社会事业发展68"])
    // a bar that is part of the text (no space before it) stays
    #expect(try normalizer.normalize("A|B").text.string == "A|B")
  }

  @Test func rowsWithBarsBetweenCellsBecomeOneCellPerLine() throws {
    // heldout13 1403: a page's table saved with ` | ` between cells, one row per line
    let src = """
      一、10件民生实事任务分解表
      序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况 |
      1 | 推动义务教育基本均衡向优质均衡发展,完成吉水二中迁建项目。 | 毛晓青 | 县教体局 各相关乡镇政府 | 已完成。 |
      2 | 推进县域综合医改试点。 |  | 县卫健委 | |
      """
    let d = try normalizer.normalize(src)
    #expect(lines(d.text.string) == [
      "一、10件民生实事任务分解表", "序号", "具体工作任务和要求", "责任领导", "责任单位", "落实情况",
      "1", "推动义务教育基本均衡向优质均衡发展，完成吉水二中迁建项目。", "毛晓青", "县教体局 各相关乡镇政府", "已完成。",
      "2", "推进县域综合医改试点。", "县卫健委",
    ])
    #expect(d.stats["table_cells"] == 10)
    // every kept scalar still maps to its source scalar: the line breaks to the bars
    let text = d.text
    for (i, c) in text.scalars.enumerated() where c == "\n" {
      let o = text.origin[i]
      let src = Array(src.unicodeScalars)
      #expect(src[o] == "\n" || src[o] == "|")
    }
    // idempotent
    #expect(try normalizer.normalize(d.text.string).text.string == d.text.string)
  }

  @Test func rowsWithSpacesBetweenCellsBecomeOneCellPerLine() throws {
    // heldout21 2201: a letter-spaced header, then one row per line with spaces between the cells
    let src = """
      2016年量化指标任务分工
      序号 工 作 任 务 牵头负责部门
      1 居民消费价格涨幅3%左右 发展改革委
      2 安排财政赤字2.18万亿元,赤字率提高到3% 财政部
      3 中央预算内投资安排5000亿元 发展改革
      """
    let d = try normalizer.normalize(src)
    #expect(lines(d.text.string) == [
      "2016年量化指标任务分工", "序号", "工作任务", "牵头负责部门",
      "1", "居民消费价格涨幅3%左右", "发展改革委", "2", "安排财政赤字2.18万亿元，赤字率提高到3%", "财政部",
      "3", "中央预算内投资安排5000亿元", "发展改革",
    ])
    // every line break stands where a space stood
    let sc = Array(src.unicodeScalars)
    for (i, c) in d.text.scalars.enumerated() where c == "\n" { #expect(sc[d.text.origin[i]] == "\n" || sc[d.text.origin[i]] == " ") }
    #expect(try normalizer.normalize(d.text.string).text.string == d.text.string)
    // heldout14 1506: the header ends a long line; a section title and blank lines stand between rows,
    // and a row has fewer fields than the header has columns (the 名称 cell is empty)
    let e = try normalizer.normalize("附件:任务分解表 序号 名称 工作任务 牵头责任单位\n\n一、主要预期目标(11项)\n\n1 地区生产总值增长7%以上. 发改委\n\n2 一般公共预算收入增长8%以上. 财政局")
    #expect(lines(e.text.string) == ["附件：任务分解表", "序号", "名称", "工作任务", "牵头责任单位", "一、主要预期目标（11项）",
                                     "1", "地区生产总值增长7%以上.", "发改委", "2", "一般公共预算收入增长8%以上.", "财政局"])
  }

  @Test func aPDFsRowsWithWrappedCellsBecomeOneCellPerLine() throws {
    // heldout166 16602: the header word wrapped (`序` / `号 …`), a row's number alone above its cells, cells wrapped onto lines
    // of their own (a line there holding the end of one cell and the next), the page's footer and number, the header again
    let src = """
      序
      号 领域 数据范围 责任单位
      1 投资领域 行政处罚 省发展改革委
      2
      文化执法领域（含文化
      、旅游）
      行政处罚、严重失信主体名单 省文化和旅游厅
      3 市场监管领域 行政处罚、严重违法失信
      名单 省市场监
      管局
      第 1 页，共 2 页
      [第 2 页]
      序
      号 领域 数据范围 责任单位
      4 税务领域 行政处罚 省税务局
      """
    let d = try normalizer.normalize(src)
    #expect(lines(d.text.string) == [
      "序", "号", "领域", "数据范围", "责任单位",
      "1", "投资领域", "行政处罚", "省发展改革委",
      "2", "文化执法领域（含文化", "、旅游）", "行政处罚、严重失信主体名单", "省文化和旅游厅",
      "3", "市场监管领域", "行政处罚、严重违法失信", "名单", "省市场监", "管局",
      "序", "号", "领域", "数据范围", "责任单位",
      "4", "税务领域", "行政处罚", "省税务局",
    ])
    #expect(d.removed.filter { $0.rule == "pdf_page_of" }.count == 2)
    // every line break stands where a space or a line break stood, and a second pass changes nothing
    let sc = Array(src.unicodeScalars)
    for (i, c) in d.text.scalars.enumerated() where c == "\n" { #expect(sc[d.text.origin[i]] == "\n" || sc[d.text.origin[i]] == " ") }
    #expect(try normalizer.normalize(d.text.string).text.string == d.text.string)
    // the header word letter-spaced by a PDF (`序 号`) heads the table as `序号` does
    let g = try normalizer.normalize("序 号 工作任务 牵头单位 配合单位\n1 推进学校建设 县教育局 县财政局")
    #expect(lines(g.text.string) == ["序号", "工作任务", "牵头单位", "配合单位", "1", "推进学校建设", "县教育局", "县财政局"])
    // a space next to a number on such a line is a PDF's spacing, no cell break
    let f = try normalizer.normalize("序号 工作任务 责任单位\n1 推进学校建设 县教育局\n于 2024 年底前完成\n2 修建道路 县交通局")
    #expect(lines(f.text.string) == ["序号", "工作任务", "责任单位", "1", "推进学校建设", "县教育局", "于2024年底前完成", "2", "修建道路", "县交通局"])
    // without the header the same lines are prose: joined, their spaces closed up
    let e = try normalizer.normalize("行政处罚、严重违法失信\n名单 省市场监管局")
    #expect(lines(e.text.string) == ["行政处罚、严重违法失信名单省市场监管局"])
  }

  @Test func spacesOutsideSuchATableStay() throws {
    // rows out of order end the table; a line with a number and a space outside a table is text
    let d = try normalizer.normalize("序号 工作任务 责任单位\n1 建设学校 县教育局\n3 修建道路 县交通局")
    #expect(lines(d.text.string) == ["序号", "工作任务", "责任单位", "1", "建设学校", "县教育局", "3修建道路 县交通局"])
    #expect(lines(try normalizer.normalize("2012 年 全县 新建 学校").text.string) == ["2012年全县新建学校"])
    // 序号 inside a sentence is no header
    let e = try normalizer.normalize("请按序号 填写 表格\n1 建设学校 县教育局")
    #expect(!lines(e.text.string).contains("县教育局"))
  }

  @Test func barsOutsideATableAndLinesOfBarsOnly() throws {
    // no header word before the bars: a line with bars is text and stays
    #expect(try normalizer.normalize("甲 | 乙 | 丙").text.string == "甲 | 乙 | 丙")
    // the table ends at the first line without a bar
    let d = try normalizer.normalize("序号 | 工作任务 | 责任单位\n1 | 建设学校。 | 县教育局\n以上任务均须按时完成。\n甲 | 乙")
    #expect(lines(d.text.string) == ["序号", "工作任务", "责任单位", "1", "建设学校。", "县教育局", "以上任务均须按时完成。", "甲 | 乙"])
    // heldout16 1705: rule lines and empty cells of bars only are removed as junk
    let e = try normalizer.normalize("附件:\n|\n项目清单 |\n||||||\n|\n序号 |\n项目名称 |")
    #expect(lines(e.text.string) == ["附件：", "项目清单", "序号", "项目名称"])
    #expect(e.removed.filter { $0.rule == "table_rule_line" }.count == 3)
  }

  @Test func aSpaceBetweenNamesInATableCellStays() throws {
    // inside a table a space between two runs of at least three Chinese characters separates names;
    // before the table, or next to a shorter run (分 管 县领导, 俞 悦, 建设 学校), it goes
    let d = try normalizer.normalize("重点 工作任务 分解表\n序号\n工作任务\n分 管 县领导\n责任单位\n1\n建设 学校。\n俞 悦\n县教体局 各相关乡镇政府")
    #expect(lines(d.text.string) == ["重点工作任务分解表", "序号", "工作任务", "分管县领导", "责任单位", "1", "建设学校。", "俞悦", "县教体局 各相关乡镇政府"])
  }

  @Test func aSpaceBetweenNamesOnALabelLineStays() throws {
    // heldout33 3401: a 责任单位 line lists its names apart by spaces; a PDF's spaces inside a name
    // (市 财政局, 伏羲 山管委 会) still close up, on such a line too
    let d = try normalizer.normalize("1.做好项目建设。\n责任单位:市发改委 五县五区政府 开发区管委会\n责任单位：市 财政局、伏羲 山管委 会")
    #expect(lines(d.text.string) == ["1.做好项目建设。", "责任单位：市发改委 五县五区政府 开发区管委会", "责任单位：市财政局、伏羲山管委会"])
    // not on a line without such a label
    let e = try normalizer.normalize("1.做好项目建设 加快工程进度。")
    #expect(lines(e.text.string) == ["1.做好项目建设加快工程进度。"])
  }

  @Test func aMarkerSpacedOutByAPDFReadsAsAMarker() throws {
    // heldout33 3403: `1 . 严格…` at a line's start, not joined to the line before
    let d = try normalizer.normalize("一、承担的重点工作任务及责任分解\n1 . 严格管控地方政府债务，切实保障支出。\n2 、加强城市管理。")
    #expect(lines(d.text.string) == ["一、承担的重点工作任务及责任分解", "1.严格管控地方政府债务，切实保障支出。", "2、加强城市管理。"])
    // only at a line's start: inside running text the spaces around a dot stay
    let e = try normalizer.normalize("增长 2 . 5个百分点。")
    #expect(lines(e.text.string) == ["增长2 . 5个百分点。"])
  }

  @Test func aShortLineOfNamesEndingInARoleWordIsNotJoined() throws {
    // heldout16 1704: a table whose rows lost their numbers, each row's 责任单位 cell a line
    let d = try normalizer.normalize("""
      （一）加强预期引导
      围绕稳健中性的货币政策、优化融资结构和信贷结构等信贷政策，加强金融政策信息公开。
      市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实
      加强财政政策信息公开，按月公开全市财政收支情况。
      市财政局、市税务局牵头落实
      加强舆情收集研判。
      """)
    #expect(lines(d.text.string) == [
      "（一）加强预期引导", "围绕稳健中性的货币政策、优化融资结构和信贷结构等信贷政策，加强金融政策信息公开。",
      "市金融办、人民银行潍坊市中心支行、潍坊银监分局分别牵头落实", "加强财政政策信息公开，按月公开全市财政收支情况。",
      "市财政局、市税务局牵头落实", "加强舆情收集研判。",
    ])
    // without the role word at its end the line is a wrapped list, joined as before
    let e = try normalizer.normalize("围绕货币政策，加强金融政策信息公开。\n市金融办、人民银行潍坊市中心支行\n做好宣传。")
    #expect(lines(e.text.string) == ["围绕货币政策，加强金融政策信息公开。", "市金融办、人民银行潍坊市中心支行做好宣传。"])
  }
}

@Suite struct BarCellTests {
  @Test func aCellWrappedBetweenBarLinesIsOneLine() throws {
    // heldout186 18601: each cell followed by a `|` line, the cells wrapped over lines of their own
    let src = "类别\n|\n序号\n|\n任务名称\n|\n责任部门\n|\n（一）\n持续\n推进\n建设\n|\n1\n|\n完成2022年度\n乡村振兴示范村建设\n|\n"
      + "区农业农村委*、\n区规划资源局、\n区房管局\n|\n2\n|\n开展 GIS\ndata 建设\n|\n区建管委\n|\n"
    let d = try normalizer.normalize(src)
    #expect(lines(d.text.string) == ["类别", "序号", "任务名称", "责任部门", "（一）持续推进建设", "1", "完成2022年度乡村振兴示范村建设",
                                     "区农业农村委*、区规划资源局、区房管局", "2", "开展 GIS data 建设", "区建管委"])
    #expect(d.stats["bar_cell_lines_joined"] == 7)
    checkOffsets(src, d)
    #expect(try normalizer.normalize(d.text.string).text.string == d.text.string)
  }

  @Test func rowsWrittenWithBarsAndFewBarLinesStay() throws {
    // heldout31 3201: bar lines part the rows, each cell a line of its own starting with a bar: the cells stay apart
    let rows = "|\n工作要点\n| 工作任务\n| 牵头单位\n|\n打造产业旗舰。\n| 全面实施工程。\n| 市发改委\n|\n优化产业布局。\n| 整合工业园区。\n| 市发改委\n|\n"
      + "推进改革。\n| 深化改革。\n| 市财政局\n|\n加强管理。\n| 规范管理。\n| 市商务局\n|\n扩大开放。\n| 招商引资。\n| 市招商局\n|\n"
    let r = try normalizer.normalize(rows)
    #expect(lines(r.text.string).count == 18)
    #expect(lines(r.text.string).prefix(3) == ["工作要点", "|工作任务", "|牵头单位"])
    #expect(r.stats["bar_cell_lines_joined"] == nil)
    // fewer bar lines than `min_bars`: two bars around two lines are no table
    let few = try normalizer.normalize("一、总体要求\n|\n加强领导\n落实责任\n|\n二、保障措施")
    #expect(few.stats["bar_cell_lines_joined"] == nil)
  }
}
