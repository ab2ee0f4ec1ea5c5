import GongwenAttribute
import GongwenCore
import Testing

/// Forms met in the blind sets heldout105–109 (Shanghai district and city notices).
@Suite struct Heldout105FormTests {
  /// One table row `number` + lines, with the header Segment would have found.
  func row(_ lines: [String], columns: [String], taskColumn: Int = 0) throws -> Attribution? {
    try tableRow(lines, columns: columns, taskColumn: taskColumn, number: "4")
  }

  @Test func theExercisingBodyOfAPowersList() throws {
    // heldout106 10605: 序号 / 权力责任名称 / 行使主体 / … / 权力责任事项, the last column (the task) over three paragraphs
    let columns = ["权力责任名称", "行使主体", "权力责任类别", "设定依据", "行使层级", "权力责任事项"]
    let a = try #require(try row(["农村公路建设", "区交通委", "建设", "《上海市公路管理条例》第十六条", "区级",
                                  "区交通委应当按照公路专项规划编制建设计划。", "县道的新建计划，应当经市交通行政管理部门审核。",
                                  "乡道、村道的建设计划，区交通委应当负责协调。"],
                                 columns: columns, taskColumn: 5))
    #expect(a.departmentsRaw == ["区交通委"])
    #expect(a.responsible == ["区交通委"])
  }

  @Test func aRowWithSubRowsIsReadFromTheStart() throws {
    // heldout105 10505: 主要任务 / 节点 / 指标数 / 责任单位 / 配合单位, then the same row's later years
    let columns = ["主要任务", "节点", "指标数", "责任单位", "配合单位"]
    let a = try #require(try row(["创建达标分类小区（累计数）", "2018年", "345个", "各街道办事处", "区文明办", "区绿化市容局", "区房管局",
                                  "2019年", "440个", "2020年", "618个"], columns: columns))
    #expect(a.departmentsRaw == ["各街道办事处", "区文明办", "区绿化市容局", "区房管局"])
    #expect(a.responsible == ["各街道办事处"])
    #expect(a.participating.count == 3)
    // an empty 配合单位 cell
    let b = try #require(try row(["湿垃圾车辆新增（累计数）", "2018年", "25辆", "区绿化市容局", "2019年", "35辆", "2020年", "40辆"],
                                 columns: columns))
    #expect(b.departmentsRaw == ["区绿化市容局"])
  }

  @Test func itemsOfOneTaskCellLeaveTheRowsCellToTheRow() throws {
    // heldout105 10503: row 1's 任务内容 cell numbers its items, the 责任单位 cell follows the last
    var (o, t) = makeOutline([U("1", [1], ""), U("1.", [1, 1], "强化党组织领导下的生活垃圾分类多方参与机制。"),
                              U("2.", [1, 2], "加大基层赋能力度。\n区绿化市容局")])
    let header = TableHeader(columns: ["任务内容", "责任单位"], taskColumn: 0)
    o.units[0].table = header
    o.units[1].table = header
    o.units[2].table = header
    o.units[0].bodyRange = o.units[0].bodyRange.upperBound..<o.units[0].bodyRange.upperBound
    let a = try Attributor(rules: bundled).attribute(o, text: t).attributions
    #expect(a[0]?.departmentsRaw == ["区绿化市容局"])
    #expect(a[2]?.departmentsRaw.isEmpty ?? true)
    _ = t
  }

  @Test func eachDistrictAndTheCitysBodies() throws {
    // heldout109 10902: 各区 is one body and the city's commissions the others; 各市、县人民政府 stays one
    let a = try #require(try attribution("推进完整社区建设。（责任单位：各区、市委组织部、市住房城乡建设管理委、市民政局）"))
    #expect(a.departmentsRaw == ["各区", "市委组织部", "市住房城乡建设管理委", "市民政局"])
    let b = try #require(try attribution("加强水利建设。（各市、县人民政府负责）"))
    #expect(b.departmentsRaw == ["各市、县人民政府"])
  }
}
