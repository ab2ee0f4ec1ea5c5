import Foundation
import Testing
import GongwenCore
import GongwenPipeline
import GongwenTestSupport

/// Task tables printed after a plan's body the way a district's joint-meeting office prints them (Corpus/heldout114 11401): an
/// unlabelled `附件` holding two tables, each under its own title line and numbering its rows from 1; the first with its category
/// column (`改革领域`) before `序号` and that category printed again before every row; the second with a name cell before the
/// column that numbers its measures (`品牌名称` / `工作举措` / `落实推进单位`), one department cell after the last measure.
@Suite struct AttachedTableFormTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  static let notice = """
    关于印发营商环境特色品牌工作方案的通知
    一、工作目标
    打造营商环境特色品牌。
    二、保障措施
    加强组织领导。
    附件
    2024年静安区营商环境建设任务分工表（基础任务清单）
    改革领域
    序号
    改革事项
    落实推进单位
    市场准入
    1
    推进各类市场主体使用登记系统办理登记注册。
    区市场监管局
    市场准入
    2
    为居民服务业个体工商户提供登记地。
    区市场监管局
    获取经营场所
    3
    推进产业用地混合利用。
    区规划资源局
    获取经营场所
    4
    优化建设工程审批流程。
    区建设管理委
    2024年静安区营商环境建设任务分工表（品牌创建清单）
    创建领域
    序号
    品牌名称
    工作举措
    落实推进单位
    企业服务
    1
    全球服务商共话营商环境
    1、支持全球服务商与市级部门互动交流。
    2、支持全球服务商成为营商环境体验官。
    区发展改革委
    企业服务
    2
    外资企业圆桌会议
    加强与外资企业常态化沟通交流。
    区商务委
    """

  func tasks() throws -> [TaskRecord] {
    try pipeline.process(PipelineInput(path: "11401.txt", bytes: Array(Self.notice.utf8))).tasks
  }

  @Test func eachUnlabelledTableIsALevelAfterTheBody() throws {
    let t = try tasks()
    #expect(t.map(\.path) == [[1], [2], [3, 1], [3, 2], [3, 3], [3, 4], [4, 1], [4, 1, 1], [4, 1, 2], [4, 2]])
    #expect(t[2].markers == ["附件", "1"])
    #expect(t[6].markers == ["附件", "1"])
  }

  @Test func theCategoryPrintedBeforeEveryRowIsTheNextRowsCell() throws {
    let t = try tasks()
    #expect(t[2].departments == ["区市场监督管理局"])
    #expect(t[3].departments == ["区市场监督管理局"])
    // (not `获取经营场所`, the next row's category, read as a second department)
    #expect(t[3].departmentsRaw == ["区市场监管局"])
    #expect(t[4].departmentsRaw == ["区规划资源局"])
    #expect(!t[3].text.contains("获取经营场所"))
  }

  @Test func theDepartmentCellAfterTheLastMeasureIsTheRows() throws {
    let t = try tasks()
    #expect(t[6].departmentsRaw == ["区发展改革委"])
    #expect(t[6].responsible == t[6].departments)
    #expect(t[7].departmentsRaw.isEmpty && t[8].departmentsRaw.isEmpty)
    #expect(t[9].departmentsRaw == ["区商务委"])
  }

  /// A task timetable (Corpus/heldout114 11402's 附件3): `项目序号` for `序号`, a category column (`任务类型`) before the task
  /// column (`改革任务`), its cell on the group's first row only, and department columns whose names wrap onto a bracketed note
  /// (`责任部门` / `（单位）`); a name with its alias in brackets (`区建设管理委（区水务局）`) is one department.
  @Test func aTimetableWithWrappedColumnNamesAndACategoryColumn() throws {
    let text = """
      关于印发排水管理体制改革实施方案的通知
      一、工作目标
      完成排水设施移交。
      附件3
      静安区排水改革任务时间表
      项目序号
      任务类型
      改革任务
      工作要求
      完成时间
      责任部门
      （单位）
      配合部门
      （单位）
      1
      推进平稳有序移交
      区级动员部署
      建立区级排水管理体制改革工作小组。
      2025年4月
      区政府
      区建设管理委（区水务局）
      2
      区级改革方案制定
      编制静安区排水管理体制改革方案。
      2025年6月
      区建设管理委（区水务局）
      区财政局、区国资委
      """
    let t = try pipeline.process(PipelineInput(path: "11402.txt", bytes: Array(text.utf8))).tasks
    #expect(t.map(\.path) == [[1], [4, 1], [4, 2]])
    #expect(t[1].responsible == ["区人民政府"])
    #expect(t[1].departmentsRaw == ["区政府", "区建设管理委（区水务局）"])
    #expect(t[2].departmentsRaw == ["区建设管理委（区水务局）", "区财政局", "区国资委"])
    #expect(t[2].participating.count == 2)
    #expect(t[2].heading == "区级改革方案制定")
  }

  /// A `（n）` heading line closed by a labelled list (`（牵头部门：…；配合部门：…）`, Corpus/heldout116 11602) is the heading's own
  /// attribution; only a role word's bracket (`（区科技局牵头）`, heldout34 3506) leads the items under it.
  @Test func aLabelledListOnAHeadingLineStaysWithTheHeading() throws {
    let text = """
      关于印发房屋设施加固工程实施方案的通知
      一、主要任务
      （一）城镇老旧住宅加固（牵头部门：市住房城乡建设管理委、市地震局；配合部门：市房屋管理局）
      1．开展排查。对老旧住宅开展抗震性能排查。
      2．实施加固。分批实施加固改造。
      二、强化科技支撑（市科委牵头）
      加强科技攻关。
      （一）开展加固技术研究。
      """
    let t = try pipeline.process(PipelineInput(path: "11602.txt", bytes: Array(text.utf8))).tasks
    #expect(t.map(\.path) == [[1], [1, 1], [1, 1, 1], [1, 1, 2], [2], [2, 1]])
    #expect(t[1].departmentsRaw == ["市住房城乡建设管理委", "市地震局", "市房屋管理局"])
    #expect(t[2].departmentsRaw.isEmpty && t[3].departmentsRaw.isEmpty)
    #expect(t[5].lead == ["市科学技术委员会"])
  }
}

/// Attachments met in Corpus/heldout120: a task table under a title that is the table's word alone (`任务分解表`, 12002), after
/// a cover numbered 一、–二、 whose `附件：任务分解表` line names it; and attached duty lists under `附件1` / `附件2`, each under a
/// title that names bodies' duties (`…单位消防安全职责`, 12001), no plan word at its end. (The cover's prose lines and the
/// intro ending `履行下列职责：` are 12001's: with a one-sentence intro ending in 。 Normalize joins the title line, which holds
/// 、, to it as a wrapped line, and the plan has no title; noted, not changed.)
@Suite struct Heldout120AttachmentTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  func tasks(_ text: String) throws -> [TaskRecord] {
    try pipeline.process(PipelineInput(path: "120.txt", bytes: Array(text.utf8))).tasks
  }

  @Test func aTableUnderItsBareTitleIsAnAttachmentAndTheCoversClausesStayTasks() throws {
    let t = try tasks("""
      关于进一步完善生活垃圾可回收物体系促进资源利用的实施意见
      各区分减联办、各有关单位：
      一、工作目标
      健全可回收物体系。
      二、主要任务
      1、完善回收体系。由市绿化市容部门牵头完善回收体系。
      2、规范收运服务。由各区政府统筹考虑。
      附件：任务分解表
      上海市分类减量推进工作联席会议办公室
      2020年3月24日
      任务分解表
      序号
      任务名称
      主要内容
      完成时限
      责任部门
      1
      推进可回收物体系规范化提升
      全面推进服务点规范化建设。
      2020年底
      牵头部门：各街镇
      配合部门：市房管局
      2
      加快集散场标准化建设
      各区至少建成1个集散场。
      2020年底
      牵头部门：各区政府
      """)
    #expect(t.map(\.path) == [[1], [2], [2, 1], [2, 2], [3, 1], [3, 2]])
    #expect(t[4].markers == ["附件", "1"])
    #expect(t[4].departmentsRaw == ["各街镇", "市房管局"])
  }

  @Test func dutyListsUnderTheirAttachmentLines() throws {
    let t = try tasks("""
      关于印发《黄浦区消防安全责任制实施细则》的通知
      一、适用范围
      本细则适用于本区各单位。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实消防设施方面的消防安全责任，做好本单位、本区域的相关工作。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实疏散通道方面的消防安全责任，做好本单位、本区域的相关工作。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实电气线路方面的消防安全责任，做好本单位、本区域的相关工作。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实易燃物品方面的消防安全责任，做好本单位、本区域的相关工作。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实消防演练方面的消防安全责任，做好本单位、本区域的相关工作。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实宣传教育方面的消防安全责任，做好本单位、本区域的相关工作。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实值班巡查方面的消防安全责任，做好本单位、本区域的相关工作。
      本区各机关、团体、企业、事业单位和居民区应当按照本细则的规定，落实隐患整改方面的消防安全责任，做好本单位、本区域的相关工作。
      二、工作措施
      （一）区消防救援支队负责消防监督检查。
      附件：1.机关、团体、企业、事业单位消防安全职责
      2.居民区相关主体消防安全职责
      附件1

      机关、团体、企业、事业等单位消防安全职责

      各机关、团体、企业、事业等单位应当落实消防安全主体责任，履行下列职责：

      一、单位共同职责
      （一）明确各级、各岗位消防安全责任人及其职责。
      二、消防安全重点单位职责
      （一）确定消防安全管理人。
      附件2
      居民区相关主体消防安全职责
      一、居委会职责
      （一）组织制定防火安全公约。
      """)
    #expect(t.map(\.path) == [[1], [2], [2, 1], [3, 1], [3, 1, 1], [3, 2], [3, 2, 1], [4, 1], [4, 1, 1]])
    #expect(t[3].markers == ["附件1", "一、"])
    #expect(t[7].markers == ["附件2", "一、"])
    #expect(t[2].departmentsRaw == ["区消防救援支队"])
  }
}
