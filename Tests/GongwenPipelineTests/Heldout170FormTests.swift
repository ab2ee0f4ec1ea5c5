import Foundation
import Testing
import GongwenCore
import GongwenPipeline
import GongwenTestSupport

/// Forms met in the blind set Corpus/heldout170 (forty-third session): Shanghai city and district rules and guidelines.
@Suite struct Heldout170FormTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  /// A notice whose `附表2` is a `任务编号` / `分项任务` / `工作任务` / `主要部门` table, one cell per line, holding `rows`.
  static func table(rows: [String]) -> String {
    (["关于印发公园城市建设指导意见的通知", "一、总体要求", "建设公园城市。", "附表2", "“十四五”重点安排表", "任务编号", "分项任务", "工作任务", "主要部门"]
      + rows).joined(separator: "\n")
  }

  /// Row `n` with its department cell wrapped onto a second line after a comma.
  static func wrappedRow(_ n: Int) -> String {
    "\(n)\n重点发展区域\n以“绿心”公园引领五个新城环境品质全面提升\n嘉定区、青浦区、松江区、奉贤区政府，\n临港新片区管委会"
  }

  /// Row `n` with its department cell on one line.
  static func plainRow(_ n: Int) -> String {
    "\(n)\n重点发展区域\n以“一江一河一带”推动主城区生态空间开放融合\n相关区政府、市绿化市容局、市一江一河办"
  }

  /// A task table numbering its rows in a `任务编号` column, its departments in a `主要部门` column with no role word, one cell per
  /// line, a category column before the task (17001's 附表2): each row is a task whose departments are responsible; a list
  /// wrapped onto a second line (`嘉定区、青浦区、松江区、奉贤区政府，` / `临港新片区管委会`) stays the row's.
  @Test func aTableNumberedByTaskNumberWithAMainDepartmentsColumn() throws {
    let text = Self.table(rows: [Self.wrappedRow(1), Self.plainRow(2)])
    let t = try pipeline.process(PipelineInput(path: "17001.txt", bytes: Array(text.utf8))).tasks
    #expect(t.map(\.markers) == [["一、"], ["附表2", "1"], ["附表2", "2"]])
    #expect(t[1].departmentsRaw == ["嘉定区", "青浦区", "松江区", "奉贤区政府", "临港新片区管委会"])
    #expect(t[1].responsible == t[1].departments)
    #expect(t[1].text.contains("五个新城"))
    #expect(t[2].departmentsRaw == ["相关区政府", "市绿化市容局", "市一江一河办"])
  }

  /// The text's last row with its department cell wrapped after a list separator: the wrapped line is the cell's, though the
  /// row has had as many lines as the table has columns.
  @Test func theLastRowsWrappedDepartmentCellIsRead() throws {
    let text = Self.table(rows: [Self.plainRow(1), Self.wrappedRow(2)])
    let t = try pipeline.process(PipelineInput(path: "17001.txt", bytes: Array(text.utf8))).tasks
    #expect(t.count == 3)
    #expect(t.last?.departmentsRaw == ["嘉定区", "青浦区", "松江区", "奉贤区政府", "临港新片区管委会"])
  }

  /// A second subject after a comma whose list holds, after bodies for sure, a short name that only ends like one (`街道办事处`)
  /// and a name with its short name in brackets (`区文化旅游局（区文物局）`): the list is read (17002 `第七条（八）`).
  @Test func aLaterListWithAKindOfBodyAndABracketedAlias() throws {
    let text = """
      关于印发历史风貌区保护规定的通知
      第七条（管理职责）
      （一）日常巡查及网格化管理，由区城运中心负责统筹协调和派单调度，区规划资源局、区房管局、区文化旅游局（区文物局）、区城管执法局、街道办事处按照各自职责分工负责；
      （二）普查培训工作分级开展，省文物局负责培训市、县文物普查机构人员，各市、县文物部门负责培训市、县普查人员。
      """
    let t = try pipeline.process(PipelineInput(path: "17002.txt", bytes: Array(text.utf8))).tasks
    #expect(t.map(\.markers.last) == ["第七条", "（一）", "（二）"])
    #expect(t[1].departmentsRaw == ["区城运中心", "区规划资源局", "区房管局", "区文化旅游局（区文物局）", "区城管执法局", "街道办事处"])
    // (levels before a kind of body are one body's, not a list of two: 各市、县文物部门 is not read as 各市 and 县文物部门)
    #expect(!t[2].departmentsRaw.contains("县文物部门"))
  }
}
