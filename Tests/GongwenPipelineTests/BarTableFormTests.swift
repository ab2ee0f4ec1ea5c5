import Testing
import GongwenCore
import GongwenPipeline
import GongwenTestSupport

/// A table a page prints one row per line with `|` between the cells and no `序号` column, the clause markers inside the cells
/// (Corpus/heldout188 18803, heldout82 8204): each row's cells under a column named like a label are its last clause's
/// departments, the cells matched to the columns from the right (a section cell spanning rows is printed in its first row only);
/// a marker right after a bar starts a clause as after a sentence end (`sequence.inline_after`); an institution's own sections
/// (`财务科`, `人秘股`) are departments.
@Suite struct BarTableFormTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  static let table = """
    工作任务 | 具体要求 | 责任部门 |
    一、做好财政信息公开。 | 1.积极推进本中心预算、决算及相关报表公开。 | 财务科 |
    二、做好政府网站专栏信息公开。 | 2.及时更新网站频道的各类型概况信息。 | 办公室 |
    3.及时反馈网民对调查征集信息的意见。 | 各科室 | |
    4.及时更新微信公众号信息。 | 办公室牵头,各科室配合 | |
    三、持续加强重大政策发布解读。 | 5.聚焦我中心工作,切实加强重大政策实施的发布解读。 | 人秘股、预算股 |
    """

  func tasks(_ text: String) throws -> [TaskRecord] {
    try pipeline.process(PipelineInput(path: "18803.txt", bytes: Array(text.utf8))).tasks
  }

  @Test func eachRowsLabelCellIsItsLastClausesDepartments() throws {
    let t = try tasks(Self.table)
    #expect(t.map(\.path) == [[1], [1, 1], [2], [2, 2], [2, 3], [2, 4], [3], [3, 5]])
    #expect(t.map(\.departmentsRaw) == [[], ["财务科"], [], ["办公室"], ["各科室"], ["办公室", "各科室"], [], ["人秘股", "预算股"]])
    #expect(t[5].lead == ["办公室"] && t[5].participating == ["各科室"])
    #expect(t[1].responsible == ["财务科"])
    // the cell is the attribution, the task's text stays
    #expect(t[1].text.hasPrefix("积极推进本中心预算、决算及相关报表公开。"))
  }

  /// A row's cell under a column that is no label (a person, a target) gives nothing; a bar line that is a page's field row
  /// (`牵头单位: | 市城管局 |`, a colon in its cells) is no header.
  @Test func onlyLabelColumnsAreRead() throws {
    let text = """
      类别 | 民生事项名称 | 2022年度任务目标 | 责任单位 | 分管市领导 |
      四、教育文化 | 1.改扩建泉山学校 | 完成一期2座教学楼建设。 | 教育体育局 | 刘福利 |
      2.推进学校塑胶运动场地建设 | 完成罗峰学校塑胶运动场地建设。 | 教育体育局 | 刘福利 |
      """
    let t = try tasks(text)
    #expect(t.map(\.path) == [[4], [4, 1], [4, 2]])
    #expect(t.map(\.departmentsRaw) == [[], ["教育体育局"], ["教育体育局"]])
    let field = "牵头单位: | 市城市管理综合执法局 |\n一、加强监管。 | 1.开展巡查。 | 市城市管理综合执法局 |"
    #expect(try tasks(field).allSatisfy { $0.departmentsRaw.isEmpty || $0.departmentsRaw == ["市城市管理综合执法局"] })
  }

  /// Sections' short names that are no institution's sections stay no departments: a subject (`学科`), a shareholding
  /// (`控股`), an abbreviation cut before its body (`市科`).
  @Test func notEveryNameEndingWithKeOrGuIsADepartment() throws {
    let text = "一、加强学科建设。（学科、控股负责）\n二、加强协调。（责任单位：市科、市财政局）"
    let t = try tasks(text)
    #expect(t[0].departmentsRaw.isEmpty)
    #expect(!t[1].departments.contains("市科"))
  }

  /// Labels ending with an institution's section word are inferred (`label_inference.endings`: 科室, 股室): a hospital's
  /// `牵头科室` leads, `配合科室` take part.
  @Test func sectionLabelsAreInferred() throws {
    let text = "一、加强院感防控。（牵头科室：医务科；配合科室：护理部、总务科）\n二、做好信息公开。（责任股室：人秘股）"
    let t = try tasks(text)
    #expect(t[0].lead == ["医务科"] && t[0].participating == ["护理部", "总务科"])
    #expect(t[1].responsible == ["人秘股"])
  }
}
