import Testing
import GongwenCore
import GongwenPipeline
import GongwenTestSupport

/// A task table attached to a notice and extracted from its PDF (Corpus/heldout166 16602): the cells of a row stand apart by
/// spaces on its line, a cell too wide for its column wraps onto lines of its own (a department's name cut anywhere: `省人力资源
/// 社会保` / `障厅`), a row's number may stand alone above its wrapped cells, the header word wraps (`序` / `号 领域 …`), each page
/// ends with its footer (`第 1 页，共 2 页`) and the next starts with its number (`[第 2 页]`) and the header printed again, the
/// rows' numbers going on.
@Suite struct PDFTableFormTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  static let notice = """
    关于做好信用信息归集工作的通知
    一、工作要求
    各有关单位按照分工归集本领域信用信息。
    二、保障措施
    省发展改革委负责统筹协调。
    附件：信用信息归集分工
    [第 1 页]
    附件
    信用信息归集分工
    序
    号 领域 数据范围 责任单位
    1 投资领域 行政处罚 省发展改革委
    2 人力资源社会保障领域 行政处罚、行政强制、
    拖欠农民工工资失信联合惩戒对象名单
    省人力资源社会保
    障厅
    3
    文化执法领域（含文化
    、旅游、文物）
    行政处罚、严重失信主体名单 省文化和旅游厅
    4 市场监管领域 行政处罚、异常名录、严重违法失信
    名单 省市场监管局
    第 1 页，共 2 页

    [第 2 页]
    序
    号 领域 数据范围 责任单位
    5 税务领域
    企业纳税信用级别信息、企业
    欠缴税费信息
    省税务局、深圳市
    税务局
    6 能源领域 行政处罚 省能源局、国家能
    源局南方监管局
    7 海洋执法领域 行政处罚 省海洋综合执法总
    队
    第 2 页，共 2 页
    """

  func tasks() throws -> [TaskRecord] {
    try pipeline.process(PipelineInput(path: "16602.txt", bytes: Array(Self.notice.utf8))).tasks
  }

  @Test func everyRowIsATaskUnderTheAttachmentAcrossThePageBreak() throws {
    let t = try tasks()
    #expect(t.map(\.path) == [[1], [2], [3, 1], [3, 2], [3, 3], [3, 4], [3, 5], [3, 6], [3, 7]])
    #expect(t[2].markers == ["附件", "1"])
    #expect(t[8].markers == ["附件", "7"])
  }

  @Test func aDepartmentWrappedInItsCellIsOneName() throws {
    let t = try tasks()
    #expect(t[2].departmentsRaw == ["省发展改革委"])
    #expect(t[3].departmentsRaw == ["省人力资源社会保障厅"])
    #expect(t[4].departmentsRaw == ["省文化和旅游厅"])
    #expect(t[5].departmentsRaw == ["省市场监管局"])
    // (the last row before the page break, its header printed again, keeps its cells)
    #expect(t[6].departmentsRaw == ["省税务局", "深圳市税务局"])
    #expect(t[7].departmentsRaw == ["省能源局", "国家能源局南方监管局"])
    // (the text's last row: the name's last character alone on the last line)
    #expect(t[8].departmentsRaw == ["省海洋综合执法总队"])
    // the task's text is its cell (the cells after it are the row's attribution), the page furniture and the header printed
    // again are in no row
    #expect(t[3].text == "人力资源社会保障领域")
    #expect(t[4].text == "文化执法领域（含文化\n、旅游、文物）")
    // (the task cell wrapped over lines is the row's heading whole)
    #expect(t[4].heading == "文化执法领域（含文化、旅游、文物）")
    #expect(t[3].heading == "人力资源社会保障领域")
    #expect(t[5].text.hasPrefix("市场监管领域") && !t[5].text.contains("省市场监管局"))
    #expect(t.allSatisfy { !$0.text.contains("页") && !$0.text.contains("序") && !$0.text.contains("责任单位") })
  }
}
