import GongwenAttribute
import GongwenCore
import Testing

/// Rows of a flattened table (Corpus/unseen 107, 108): the cells after the task text are read
/// against the header's columns.
@Suite struct TableTests {
  /// One table row `number` + lines, with the header Segment would have found.
  func row(_ lines: [String], columns: [String], taskColumn: Int = 0) throws -> Attribution? {
    try tableRow(lines, columns: columns, taskColumn: taskColumn)
  }

  @Test func aNamesCellWrappedOverLines() throws {
    // Corpus/heldout100 10004: the 责任单位 cell wrapped after 、 and ， is one list (街镇 ends a body's name), and the
    // 参考文件 cell after it, wrapped over three lines, leaves it alone
    let a = try #require(try row(["海绵城市", "达标评估", "有序推进嘉定区达标评估工作。", "区建设管理委、区水务局、", "区绿化市容局、区交通委，", "各街镇",
                                  "《本市系统化全域推进海绵", "城市建设的实施意见》", "（沪府办发〔2024〕3号）"],
                                 columns: ["任务类型", "重点内容", "责任单位", "参考文件"], taskColumn: 1))
    #expect(a.departmentsRaw == ["区建设管理委", "区水务局", "区绿化市容局", "区交通委", "各街镇"])
  }

  @Test func roleColumnsGiveDepartmentsWithTheirRoles() throws {
    // 107: 主要责任单位 -> responsible, 协同配合单位 -> participating, cells split like any list
    let a = try #require(try row(["固定资产投资增长7.5%左右。", "区发改委", "区工信局、区住建局，各乡镇人民政府、街道办事处，魏武国控集团。"],
                                 columns: ["重点工作任务", "主要责任单位", "协同配合单位"]))
    #expect(a.responsible == ["区发展和改革委员会"])
    #expect(a.participating == ["区工业和信息化局", "区住房和城乡建设局", "各乡镇人民政府", "街道办事处", "魏武国控集团"])
    #expect(a.lead.isEmpty)
    #expect(a.raw == "区发改委\n区工信局、区住建局，各乡镇人民政府、街道办事处，魏武国控集团。")
  }

  @Test func aRoleCellWrittenAsLabelledListsOnLinesOfTheirOwn() throws {
    // heldout144 14401: a flattened page's table whose every space became a cell break; the 责任单位 cell holds
    // `牵头单位：` / names / `配合单位：` / names, with persons (责任单位负责人) and the duty prose after it
    let columns = ["项目名称", "项目内容", "投资额（亿元人民币）", "企业方联系人及联系方式", "牵头领导", "责任单位", "责任单位负责人", "负责事项"]
    let a = try #require(try row(["武汉东湖高新共建平潭两岸高新技术产业园", "拟与区国有公司共同出资设立合资公司。", "50", "曹青15527704326",
                                  "谭运涛", "林杰", "牵头单位：", "岚城片区开发管理局", "配合单位：", "区环境与国土资源局", "区规划局",
                                  "区土地开发集团公司", "郑宇", "孙树群", "岚城片区开发管理局负责牵头对接，并负责土地征迁相关及项目服务事宜。"],
                                 columns: columns))
    #expect(a.lead == ["岚城片区开发管理局"])
    #expect(a.participating == ["区环境与国土资源局", "区规划局", "区土地开发集团公司"])
    #expect(!a.departmentsRaw.contains("郑宇"))
    // a label line holding its names, then a line of names under its last label
    let b = try #require(try row(["大唐集团风能博物馆项目", "建设平潭风能博物馆建筑主体工程。", "1", "陈江新", "陈东荣",
                                  "牵头单位：区社会事业局配合单位：区经济发展局", "区规划局", "欧阳晓波", "区社会事业局负责牵头对接。"],
                                 columns: columns))
    #expect(b.lead == ["区社会事业局"])
    #expect(b.participating == ["区经济发展局", "区规划局"])
  }

  @Test func namesRunTogetherInACellAreApart() throws {
    // heldout144 14401: a flattened page's cell lost the space between two names
    let a = try #require(try row(["平潭慧谷项目", "区环境与国土资源局区规划局", "区交通与建设局区经济发展局"], columns: ["项目名称", "牵头单位", "配合单位"]))
    #expect(a.lead == ["区环境与国土资源局", "区规划局"])
    #expect(a.participating == ["区交通与建设局", "区经济发展局"])
    // a name whose place comes again inside it, not after an organ's end, stays one name
    let c = try #require(try row(["推进学校建设。", "区政府办公室"], columns: ["重点工作任务", "牵头单位"]))
    #expect(c.departmentsRaw == ["区政府办公室"])
  }

  @Test func itemsNumberedInACellAfterTheRowsDepartmentsNameTheirOwn() throws {
    // heldout144 14401: row 7's 责任单位 cell, then its 负责事项 cell numbering items, each a task naming its own body
    let columns = ["项目名称", "责任单位", "负责事项"]
    let (o0, t) = makeOutline([U("7", [7], "\n福建省投资集团平潭项目\n区国有资产投资有限公司 区交通与建设局\n"),
                               U("1.", [7, 1], "区国有资产投资有限公司负责联系对接企业并做好相关服务工作。\n"),
                               U("2、", [7, 2], "区交通与建设局负责对接电力项目、燃气项目等事宜；")])
    var outline = o0
    for k in outline.units.indices { outline.units[k].table = TableHeader(columns: columns, taskColumn: 0) }
    outline.units[0].bodyRange = (outline.units[0].bodyRange.lowerBound + 1)..<outline.units[0].bodyRange.upperBound
    let a = try Attributor(rules: bundled).attribute(outline, text: t).attributions
    #expect(a[0]?.responsible == ["区国有资产投资有限公司", "区交通与建设局"])
    #expect(a[1]?.departmentsRaw == ["区国有资产投资有限公司"])
    #expect(a[2]?.departmentsRaw == ["区交通与建设局"])
  }

  @Test func aPersonColumnIsNeverADepartment() throws {
    // 108: 分管县领导 names officials; 牵头责任单位 -> lead, 责任单位 -> responsible
    let a = try #require(try row(["新增托位数400个以上。", "俞悦", "县教育局", "县各有关单位"],
                                 columns: ["目标与任务", "分管县领导", "牵头责任单位", "责任单位"]))
    #expect(a.departmentsRaw == ["县教育局", "县各有关单位"])
    #expect(a.lead == ["县教育局"])
    #expect(a.responsible == ["县各有关单位"])
    // even when the official's cell looks like a department
    let b = try #require(try row(["新增托位数400个以上。", "县教育局局长", "县教育局", "县各有关单位"],
                                 columns: ["目标与任务", "分管县领导", "牵头责任单位", "责任单位"]))
    #expect(!b.departmentsRaw.contains("县教育局局长"))
  }

  @Test func cellsAlignFromTheEndWhenTheTaskTextHasSeveralLinesAndInOrderWhenCellsAreEmpty() throws {
    let columns = ["重点工作任务", "牵头单位", "配合单位"]
    let a = try #require(try row(["推进学校建设。", "第二段任务说明。", "区教育局", "区财政局"], columns: columns))
    #expect(a.lead == ["区教育局"])
    #expect(a.participating == ["区财政局"])
    // the 配合单位 cell is empty and left no line
    let b = try #require(try row(["推进学校建设。", "区教育局"], columns: columns))
    #expect(b.lead == ["区教育局"])
    #expect(b.participating.isEmpty)
  }

  @Test func aRowWithoutItsMergedCategoryCellReadsItsCellsFromTheEnd() throws {
    // heldout14 1506: `序号 名称 工作任务 牵头责任单位`; the 名称 cell stands in the group's first row only
    let columns = ["名称", "工作任务", "牵头责任单位"]
    let a = try #require(try row(["地区生产总值增长7%以上.", "发改委"], columns: columns, taskColumn: 1))
    #expect(a.departmentsRaw == ["发改委"] && a.lead == a.departments)
    let b = try #require(try row(["经济指标", "地区生产总值增长7%以上.", "发改委"], columns: columns, taskColumn: 1))
    #expect(b.departmentsRaw == ["发改委"] && b.lead == b.departments)
    // an empty cell after the task still reads in order when that gives more departments
    let c = try #require(try row(["类别", "推进学校建设。", "区教育局"], columns: ["类别", "重点工作任务", "牵头单位", "完成时限"], taskColumn: 1))
    #expect(c.lead == ["区教育局"])
  }

  @Test func anItemWhoseLeaderCellIsMergedReadsItsLastCellUnderTheLastColumn() throws {
    // heldout6 701: items inside a row's task cell; 牵头领导 is written once for several items
    let columns = ["重点工作目标任务", "牵头领导", "责任单位"]
    let a = try #require(try row(["地区生产总值增长5%以上。", "钱宇", "★区发改委、统计局"], columns: columns))
    #expect(a.departmentsRaw == ["区发改委", "统计局"])
    #expect(a.departments == ["区发展和改革委员会", "区统计局"])
    let b = try #require(try row(["一般公共预算收入增长6%以上。", "★区财政局、税务局"], columns: columns))
    #expect(b.departmentsRaw == ["区财政局", "税务局"])
    // a person's name alone under the last column is still no department
    #expect(try row(["一般公共预算收入增长6%以上。", "钱宇"], columns: columns) == nil)
  }

  @Test func aDepartmentCellOfOneNamePerLineIsReadWhole() throws {
    // heldout22 2301: `县水务局` / `县住建局` / `县护城河指挥部`, then the deadline
    let columns = ["民生实事", "责任单位", "完成时限"]
    let a = try #require(try row(["启动建设东柳河城区段综合治理工程。", "县水务局", "县住建局", "县护城河指挥部", "12月底前"], columns: columns))
    #expect(a.departmentsRaw == ["县水务局", "县住建局", "县护城河指挥部"])
    // the deadline cell empty: no line is taken for it
    let b = try #require(try row(["新建2座人行天桥。", "县住建局", "县代建中心"], columns: columns))
    #expect(b.departmentsRaw == ["县住建局", "县代建中心"])
    // a task line that reads as a list with a label is no cell of names (heldout20 2101 row 5)
    let c = try row(["组织检查学校食堂。", "联合教育部门，邀请食品安全社会监督员、学生家长参观检查", "6月"], columns: ["内容", "责任部门", "实施时间"])
    #expect(c?.departmentsRaw.contains("学生家长") != true)
  }

  @Test func aDepartmentColumnBeforeTheTaskIsReadInAFullRow() throws {
    // heldout22 2303: `序号 涉及部门 职责分工`, `1 市公安局 负责…`
    let columns = ["涉及部门", "职责分工"]
    let a = try #require(try row(["市公安局", "负责烟花爆竹运输通行证发放。"], columns: columns, taskColumn: 1))
    #expect(a.departmentsRaw == ["市公安局"] && a.responsible == ["市公安局"])
    #expect(try row(["市公安局"], columns: columns, taskColumn: 1) == nil)
  }

  @Test func aRowWithoutCellsHasNoAttributionAndUnknownColumnsAreNotRead() throws {
    #expect(try row(["大力推进“安心托幼”，全区托位数提高至560"], columns: ["重点工作任务", "主要责任单位"]) == nil)
    // 工作要求 is neither a label nor ignored: its cell is not read, and the notice says so
    let (o, t) = makeOutline([U("1", [1], "\n推进学校建设。\n区教育局\n区财政局")])
    var outline = o
    outline.units[0].table = TableHeader(columns: ["重点工作任务", "工作要求", "责任单位"], taskColumn: 0)
    let out = try Attributor(rules: bundled).attribute(outline, text: t)
    #expect(out.attributions[0]?.departmentsRaw == ["区财政局"])
    #expect(out.warnings.contains { $0.code == "unknown_table_column" && $0.message.contains("工作要求") })
  }

  @Test func namesInACellMayStandApartWithASpace() throws {
    // heldout13 1403: `县教体局 各相关乡镇政府` (Normalize keeps the space inside a table)
    let a = try #require(try row(["完成吉水二中迁建项目。", "毛晓青", "县教体局 各相关乡镇政府", "已完成。"],
                                 columns: ["具体工作任务和要求", "责任领导", "责任单位", "落实情况"]))
    #expect(a.departmentsRaw == ["县教体局", "各相关乡镇政府"])
    #expect(a.responsible == a.departments)
  }
}

/// A row whose task cell is merged over sub-rows of the columns after it, a name wrapped inside a narrow cell, and a body
/// listed both to lead and to take part (Corpus/heldout104 10401's 附件3).
@Suite struct SubRowTableTests {
  let columns = ["工作任务", "主要工作内容", "牵头单位", "配合单位"]

  @Test func subRowsOfOneTaskAreReadEach() throws {
    let a = try #require(try tableRow(["强化资源化处理", "推动设施建设、更新、改造和管理。", "区发展改革委", "区绿化市容局、区建设管理委、区房管局",
                                       "建立健全建筑垃圾资源化利用建材产品。", "区建设管理委", "——"], columns: columns, number: "（五）"))
    #expect(a.departmentsRaw == ["区发展改革委", "区绿化市容局", "区建设管理委", "区房管局", "区建设管理委"])
    // a body that leads one sub-row and supports another leads the task
    #expect(a.lead == ["区发展和改革委员会", "区建设管理委"])
    #expect(a.participating == ["区绿化市容局", "区房产管理局"])
  }

  @Test func linesThatDoNotFallIntoSubRowsAreNotReadSo() throws {
    // the second group's 牵头单位 line is a sentence: no sub-rows; the row is read as before (the cells right after the
    // task text), and the last line, under no column of that reading, is not taken
    let a = try #require(try tableRow(["强化资源化处理", "推动设施建设。", "区发展改革委", "区绿化市容局",
                                       "建立健全建筑垃圾资源化利用建材产品。", "加强推广和落实强制使用标准。", "区建设管理委"], columns: columns, number: "（五）"))
    #expect(a.departmentsRaw == ["区发展改革委", "区绿化市容局"])
  }

  @Test func aNameWrappedInANarrowCellIsOneName() throws {
    let a = try #require(try tableRow(["提升消纳处置能力", "梳理评估本区出土项目和综合利用潜力一张图。", "区土方工作", "专班", "区绿化市容局、属地街镇"],
                                      columns: columns, number: "（二）"))
    #expect(a.lead == ["区土方工作专班"])
    #expect(a.participating == ["区绿化市容局", "属地街镇"])
  }

  @Test func aBodyListedToLeadAndToTakePartLeads() throws {
    let a = try #require(try tableRow(["推动源头减量", "在项目规划中增加工程土方消纳平衡内容。", "建设主管部门、区规划资源局", "区水务局、区规划资源局"],
                                      columns: columns, number: "（一）"))
    #expect(a.lead == ["建设主管部门", "区规划和自然资源局"])
    #expect(a.participating == ["区水务局"])
    #expect(a.departments == ["建设主管部门", "区规划和自然资源局", "区水务局"])
  }
}

/// A department's name wrapped inside a narrow cell of a PDF's table (Corpus/heldout166 16602), read as one name; names that
/// each stand whole on their lines stay apart.
@Suite struct WrappedNameCellTests {
  let columns = ["领域", "数据范围", "责任单位"]

  @Test func aNameCutAnywhereIsJoined() throws {
    let a = try #require(try tableRow(["人力资源社会保障领域", "行政处罚、行政强制、", "拖欠农民工工资失信联合惩戒对象名单", "省人力资源社会保", "障厅"],
                                      columns: columns, number: "2"))
    #expect(a.departmentsRaw == ["省人力资源社会保障厅"])
    // a list's last name cut: its rest is the next line's first name
    let b = try #require(try tableRow(["税务领域", "企业纳税信用级别信息", "省税务局、深圳市", "税务局"], columns: columns, number: "8"))
    #expect(b.departmentsRaw == ["省税务局", "深圳市税务局"])
    let c = try #require(try tableRow(["能源领域", "行政处罚", "省能源局、国家能", "源局南方监管局"], columns: columns, number: "35"))
    #expect(c.departmentsRaw == ["省能源局", "国家能源局南方监管局"])
  }

  @Test func namesWholeOnTheirLinesStayApart() throws {
    // each line a department of its own, the second starting with the jurisdiction word as a new name does
    let a = try #require(try tableRow(["垃圾分类领域", "行政处罚", "区文明办", "区绿化市容局"], columns: columns, number: "3"))
    #expect(a.departmentsRaw == ["区文明办", "区绿化市容局"])
    let b = try #require(try tableRow(["税务领域", "行政处罚", "省税务局、深圳市", "区税务局"], columns: columns, number: "8"))
    #expect(!b.departmentsRaw.contains("深圳市区税务局"))
  }
}

@Suite struct RunTogetherRowTests {
  /// Attributes one row of a table run together with no separator between its cells.
  func row(_ body: String, runTogether: Bool = true) throws -> Attribution? {
    let (o, t) = makeOutline([U("1", [1], body)])
    var outline = o
    outline.units[0].runTogetherRow = runTogether
    return try Attributor(rules: bundled).attribute(outline, text: t).attributions[0]
  }

  @Test func theLastSentenceIsTheDepartmentCell() throws {
    // heldout49 5003: the names after the 目标任务 cell's last 。, the last a name with its own bracket (`县政府（管委会）`)
    let body = "将垃圾分类作为精神文明建设的重要内容。2021年2月底前，知晓率达90%以上。市委宣传部（市文明办）、市城管委，市住建局、市妇联等部门，各区（市）县政府（管委会）"
    let a = try #require(try row(body))
    #expect(a.departmentsRaw == ["市委宣传部（市文明办）", "市城管委", "市住建局", "市妇联", "各区（市）县政府（管委会）"])
    #expect(a.responsible == a.departments)
    // read as running text, the end bracket is the list
    #expect(try row(body, runTogether: false)?.departmentsRaw == ["管委会"])
    // role words in the cell (heldout70 7006)
    let b = try #require(try row("树立婚育新风。构建新型婚育文化。省委宣传部、省妇联牵头；省总工会、团省委配合；各州（市）党委和政府落实"))
    #expect(Roles(b) == Roles(raw: ["省委宣传部", "省妇联", "省总工会", "团省委", "各州（市）党委和政府"],
                            departments: ["省委宣传部", "省妇女联合会", "省总工会", "团省委", "各州（市）党委和政府"],
                            lead: ["省委宣传部", "省妇女联合会"], responsible: ["各州（市）党委和政府"], participating: ["省总工会", "团省委"]))
  }

  @Test func aLastSentenceThatIsNoListIsNoCell() throws {
    // the row's text ends with a sentence of the task: no names there
    #expect(try row("完善回收利用体系。2021年2月底前，基本建成生活垃圾回收利用体系") == nil)
  }
}

@Suite struct MarkedLeadTests {
  let columns = ["任务名称", "责任部门（加*号为牵头部门，其余为参与部门）", "责任街镇"]

  /// Attributes table rows (`number` + lines) under `columns`, the header's lines printed before them.
  func rows(_ rows: [[String]], header: [String]) throws -> [Attribution?] {
    let units = rows.enumerated().map { k, lines in U("\(k + 1)", [k + 1], "\n" + lines.joined(separator: "\n")) }
    var (o, t) = makeOutline(units, preamble: (["序号"] + header).joined(separator: "\n"))
    for k in o.units.indices { o.units[k].table = TableHeader(columns: columns, taskColumn: 0) }
    return try Attributor(rules: bundled).attribute(o, text: t).attributions
  }

  @Test func theMarkedNamesLeadWhereTheNoticeSaysSo() throws {
    // heldout186 18601: `区农业农村委*` leads, the cell's other names take part, the towns' column is responsible
    let a = try rows([["推进农民相对集中居住", "区农业农村委*、区规划资源局、区财政局", "浦江镇、梅陇镇"],
                      ["加强农房建设管理", "区建管委*、区农业农村委", "马桥镇"]], header: columns)
    #expect(Roles(try #require(a[0])) == Roles(raw: ["区农业农村委", "区规划资源局", "区财政局", "浦江镇", "梅陇镇"],
                                               departments: ["区农业农村委", "区规划和自然资源局", "区财政局", "浦江镇", "梅陇镇"],
                                               lead: ["区农业农村委"], responsible: ["浦江镇", "梅陇镇"],
                                               participating: ["区规划和自然资源局", "区财政局"]))
    #expect(try #require(a[1]).lead == ["区建管委"])
    #expect(try #require(a[1]).participating == ["区农业农村委"])
  }

  @Test func aMarkWithoutADeclarationGivesNoRole() throws {
    // heldout6 701, heldout30 3104: marks no note explains are dropped, the cell keeps its column's role
    let a = try rows([["推进农民相对集中居住", "区农业农村委*、区规划资源局", "浦江镇"]], header: ["任务名称", "责任部门", "责任街镇"])
    let r = try #require(a[0])
    #expect(r.lead.isEmpty)
    #expect(r.responsible == ["区农业农村委", "区规划和自然资源局", "浦江镇"])
  }
}
