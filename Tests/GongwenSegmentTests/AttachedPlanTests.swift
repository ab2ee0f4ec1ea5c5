import Foundation
import GongwenCore
import GongwenRules
@testable import GongwenSegment
import GongwenTestSupport
import Testing

private let bundledYAML: String = {
  (try? String(contentsOfFile: TestSupport.rulesDirectory + "/segment.yaml", encoding: .utf8)) ?? ""
}()

/// Plans attached after a body of clauses, each numbering its own from `一、` under `附件k` and its title (Corpus/heldout104
/// 10401: an opinion 一、–五、, then 附件1 细则 and 附件2 职责清单): each is read under the attachment's level, the body's last
/// top-level number plus k, up to the next attachment; the body's last clause ends before the attachments list. (The
/// opinion is printed after its cover's signature, as there: a body numbered before an attachments line with no signature
/// between is read as a cover's requirements, `plan_after_signature`.)
@Suite struct AttachedPlansAfterBodyTests {
  static let notice = """
    上海市青浦区人民政府办公室关于印发《青浦区关于全面加强建筑垃圾管理的实施意见》的通知
    各镇人民政府、街道办事处：
    现印发给你们，请认真按照执行。
    上海市青浦区人民政府办公室
    2025年9月18日
    青浦区关于全面加强建筑垃圾管理的实施意见
    一、总体目标
    构建产消平衡的处置体系。
    二、保障措施
    各部门加强协作。
    附件：1.青浦区建筑垃圾管理细则
    2.青浦区土方管理平台职责清单
    附件1
    青浦区建筑垃圾管理细则
    一、概念定义
    本市建筑垃圾主要指工程渣土。
    二、操作要求
    （一）推动源头减量
    区建设管理委负责源头减量。
    附件2
    青浦区土方管理平台职责清单
    一、区数据局
    做好平台的技术支撑。
    二、区城运中心
    做好平台的运维。
    """

  @Test func eachPlanUnderItsAttachment() throws {
    let (o, _) = try outline(Self.notice)
    #expect(o.units.map(\.path) == [[1], [2], [3, 1], [3, 2], [3, 2, 1], [4, 1], [4, 2]])
    #expect(o.units[4].markers == ["附件1", "二、", "（一）"])
    #expect(o.units[5].markers == ["附件2", "一、"])
    #expect(o.units[5].heading == "区数据局")
    #expect(!o.warnings.contains { $0.code == "clauses_after_closing" })
  }

  @Test func aPlansLastClauseEndsBeforeTheNextAttachment() throws {
    let (o, text) = try outline(Self.notice)
    let last = o.units[4]
    let own = text.string(last.ownRange)
    #expect(own.contains("区建设管理委负责源头减量。"))
    #expect(!own.contains("附件2"))
    #expect(!own.contains("职责清单"))
  }

  @Test func offInTheRulesLeavesThePlansUnread() throws {
    let yaml = bundledYAML.replacingOccurrences(of: "  attached_plans: true\n", with: "  attached_plans: false\n")
    #expect(yaml != bundledYAML)
    let rules = try RuleSet.decode(SegmentRules.self, yaml: yaml)
    let o = try Segmenter(rules: rules).segment(CleanText(source: Self.notice))
    #expect(o.units.map(\.path) == [[1], [2]])
  }
}

/// A notice whose clauses all run on after sentence ends, its line breaks lost, then an attached plan under `附件：` and its title,
/// the plan's `一、` run on after its intro (Corpus/heldout157 15703): the plan is read under the attachment's level.
@Suite struct RunOnAttachedPlanTests {
  static let notice = """
    平潭综合实验区管委会办公室关于印发《赴台团队旅游政策的实施方案》的通知
    各相关部门：
    现将实施方案印发给你们，请认真贯彻落实。
    平潭综合实验区管委会办公室2016年3月28日赴台团队旅游政策的实施方案为落实政策，制定本方案。一、组织领导成立领导小组。二、工作职责（一）区旅游发展局负责指导旅行社。（二）区公安局负责证件受理。
    附件：赴台团队旅游异常情况预防处置工作预案
    赴台团队旅游异常情况预防处置工作预案
    为落实赴台团队旅游优惠政策的贯彻实施，特制定本方案。一、区旅游发展局要指导旅行社对参团人员进行行前教育。二、平潭边防检查站实施出入境边防检查和管理。
    平潭综合实验区管委会办公室2016年3月28日印发
    """

  @Test func thePlanIsReadUnderItsAttachment() throws {
    let (o, _) = try outline(Self.notice)
    #expect(o.units.map(\.path) == [[1], [2], [2, 1], [2, 2], [3, 1], [3, 2]])
    #expect(o.units[4].markers == ["附件", "一、"])
  }

  /// A run-on 一、 whose line above is no plan title (an ordinary paragraph) starts no plan.
  @Test func aRunOnClauseUnderNoTitleIsNoPlan() throws {
    let text = Self.notice.replacingOccurrences(of: "赴台团队旅游异常情况预防处置工作预案\n为落实", with: "各单位要高度重视，认真组织实施，确保各项工作落到实处，并及时报告。\n为落实")
    #expect(text != Self.notice)
    let (o, _) = try outline(text)
    #expect(!o.units.contains { $0.markers.first == "附件" })
  }
}

/// A cover with no clauses of its own that issues several plans, each printed under `附件k` and its title and each
/// numbering its own from `一、` (Corpus/heldout118 11806: 附件1–附件3, three plans of one bureau): each plan is read under
/// its attachment's level, `[k, …]`, as numbered attached tables are (heldout9 1003), and none of them at the top level.
/// One labelled plan alone (its `附件2` a name list without clauses) stays the notice's own tasks at the top level, as the
/// keys of Corpus/heldout16 1702 and heldout49 5002 read it; a child numbered 1 right under a plan's first heading is no
/// second plan.
@Suite struct PlansOfACoverWithoutClausesTests {
  static func notice(plans: Int) -> String {
    var text = """
      上海市奉贤区农业农村委员会关于印发《奉贤区耕地保护工作方案》等的通知
      各街镇、开发区：
      现将工作方案印发给你们，请认真贯彻执行。
      附件：1、奉贤区耕地保护工作方案
      2、奉贤区耕地利用工作方案
      上海市奉贤区农业农村委员会
      2020年10月19日

      """
    for k in 1...plans {
      text += """
        附件\(k)
        奉贤区耕地第\(k)项工作方案
        为加强耕地管理，制定本方案。
        一、总体要求
        （一）指导思想
        坚持保护优先。
        二、主要任务
        （一）建立清单。区农业农村委负责建立清单。

        """
    }
    return text
  }

  @Test func eachPlanUnderItsAttachmentNumber() throws {
    let (o, _) = try outline(Self.notice(plans: 3))
    #expect(o.units.map(\.path) == [[1, 1], [1, 1, 1], [1, 2], [1, 2, 1], [2, 1], [2, 1, 1], [2, 2], [2, 2, 1],
                                     [3, 1], [3, 1, 1], [3, 2], [3, 2, 1]])
    #expect(o.units[0].markers == ["附件1", "一、"])
    #expect(o.units[11].markers == ["附件3", "二、", "（一）"])
    #expect(!o.warnings.contains { $0.code == "clauses_after_closing" })
  }

  /// The same notice with every line break lost (a page run together): each plan is found after its inline label (`…日附件1奉贤区…
  /// 方案为加强…。一、…`), and the cover's attachments list (`附件：1、…方案2、…方案`) names no clauses.
  @Test func plansRunTogetherAreReadUnderTheirAttachments() throws {
    let (o, c) = try outline(Self.notice(plans: 3).replacingOccurrences(of: "\n", with: ""))
    #expect(o.units.map(\.path) == [[1, 1], [1, 1, 1], [1, 2], [1, 2, 1], [2, 1], [2, 1, 1], [2, 2], [2, 2, 1],
                                     [3, 1], [3, 1, 1], [3, 2], [3, 2, 1]], "\(dump(o, c))")
    #expect(o.units.first?.markers == ["附件1", "一、"])
    // (a plan's clause right after its title, no intro between: taken there)
    let bare = Self.notice(plans: 2).replacingOccurrences(of: "为加强耕地管理，制定本方案。\n", with: "").replacingOccurrences(of: "\n", with: "")
    #expect(try outline(bare).0.units.map(\.path) == [[1, 1], [1, 1, 1], [1, 2], [1, 2, 1], [2, 1], [2, 1, 1], [2, 2], [2, 2, 1]])
    // (a mention of an attachment inside a sentence is no label: `详见附件1`)
    let mention = "各街镇要按要求报送材料，详见附件1奉贤区耕地保护工作方案。一、总体要求（一）指导思想。坚持保护优先。"
    #expect(try outline(mention).0.units.map(\.markers.first) == ["一、", "一、"])
  }

  @Test func oneLabelledPlanStaysAtTheTopLevel() throws {
    let (o, _) = try outline(Self.notice(plans: 1))
    #expect(o.units.map(\.path) == [[1], [1, 1], [2], [2, 1]])
    #expect(o.units[0].markers == ["一、"])
  }

  /// Corpus/heldout122 12203: a plan under a bare `附件` line, then its own 分工方案 under a second bare `附件` line, after a
  /// cover with no clauses: attachments 1 and 2, in order, as under `附件1` and `附件2` (it was the plan at the top level and
  /// the 分工方案 after it, `[3,…]`).
  @Test func plansUnderBareAttachmentLinesTakeTheirPlaces() throws {
    let numbered = Self.notice(plans: 2)
    let bare = numbered.replacingOccurrences(of: "附件1\n", with: "附件\n").replacingOccurrences(of: "附件2\n", with: "附件\n")
    #expect(bare != numbered)
    let (o, _) = try outline(bare)
    #expect(o.units.map(\.path) == [[1, 1], [1, 1, 1], [1, 2], [1, 2, 1], [2, 1], [2, 1, 1], [2, 2], [2, 2, 1]])
    #expect(o.units[0].markers == ["附件", "一、"])
    #expect(o.units[4].markers == ["附件", "一、"])
    // one bare plan alone stays the notice's own tasks at the top level
    let one = Self.notice(plans: 1).replacingOccurrences(of: "附件1\n", with: "附件\n")
    #expect(try outline(one).0.units.map(\.path) == [[1], [1, 1], [2], [2, 1]])
  }
}

/// Attached tables met in heldout105: a sub-numbered attachment label (`附件1.1：`, 10503), a category column before 序号
/// whose cells (`1.` / `2.`) start the rows' numbering again (10505), and an attachment label that ends the table above
/// it (Corpus/heldout101 10104: bare numbers after `附件3` are no rows of 附件1's table).
@Suite struct AttachedTableFormTests {
  @Test func aSubNumberedAttachment() throws {
    let (o, _) = try outline("""
      静安区生活垃圾分类工作方案
      一、重点任务
      加强分类。
      二、保障措施
      加强保障。
      附件1.1：
      2025年生活垃圾分类减量推进工作任务清单
      序号
      任务内容
      责任单位
      1
      强化多方参与机制。
      区绿化市容局
      2
      推进源头减量。
      各街镇
      """)
    #expect(o.units.map(\.path) == [[1], [2], [3, 1], [3, 2]])
    #expect(o.units[2].markers == ["附件1.1", "1"])
  }

  @Test func aCategoryCellStartsTheRowsAgain() throws {
    let (o, _) = try outline("""
      虹口区生活垃圾全程分类体系建设三年行动计划
      一、工作目标
      全面覆盖。
      附件
      行动计划任务清单
      类别
      序号
      主要任务
      责任单位
      1.
      分
      类
      1
      绿色账户推进
      各街道办事处
      2
      创建达标小区
      区文明办
      2.
      运
      输
      1
      干垃圾车标识更新
      区绿化市容局
      """)
    #expect(o.units.map(\.path) == [[1], [2, 1], [2, 1, 1], [2, 1, 2], [2, 2], [2, 2, 1]])
  }

  @Test func anAttachmentLabelEndsTheTableAbove() throws {
    let (o, _) = try outline("""
      宝山区生活垃圾分类实施方案
      一、工作目标
      全面覆盖。
      附件1
      工作任务清单
      序号
      任务名称
      牵头部门
      1
      加强组织领导
      区政府办公室
      附件3
      工作指标
      街镇
      51
      吴淞街道
      """)
    #expect(o.units.map(\.path) == [[1], [2, 1]])
  }
}

/// A task list without a `序号` column, its rows the text's own clause markers (Corpus/heldout109 10903; heldout108 10802 with
/// `任务` / `分类` over two lines and a column note `重点任务（2024-2026）`): each marker level stands for a column, and the
/// deepest row is read against the columns from its own; `附件：` alone above its title is an attachment without a number.
@Suite struct MarkerRowedTableTests {
  @Test func rowsNumberedByClauseMarkers() throws {
    let (o, _) = try outline("""
      杨浦区关于加强基层消防安全综合治理建设的意见
      一、总体要求
      全面加强。
      二、保障措施
      加强保障。
      附件：
      杨浦区基层消防安全综合治理建设工作重点任务清单
      类别
      项目
      主要任务
      牵头单位
      配合单位
      一、做好政策保障
      1.做好规划配套
      将基层消防安全综合治理建设工作与专项规划衔接。
      区消防救援支队
      区应急局、区公安分局
      2.完善规章标准
      制定基层消防工作标准。
      区消防救援支队
      各街道
      """)
    #expect(o.units.map(\.path) == [[1], [2], [3, 1], [3, 1, 1], [3, 1, 2]])
    #expect(o.units[3].markers == ["附件", "一、", "1."])
    #expect(o.units[3].table == TableHeader(columns: ["项目", "主要任务", "牵头单位", "配合单位"], taskColumn: 1))
    #expect(o.units[2].table?.columns.first == "类别")
  }

  @Test func aWrappedFirstColumnAndAColumnNote() throws {
    let (o, _) = try outline("""
      交通领域精细化管理工作三年行动计划
      一、工作目标
      全面提升。
      附件：
      交通领域精细化管理工作三年行动计划任务清单
      任务
      分类
      主要方向
      重点任务（2024-2026）
      2024年工作项目
      牵头
      部门
      配合
      部门
      （一）
      提升交通设施环境品质
      1、改善城市道路环境
      （1）建设精品道路300条。
      建设精品道路100条。
      设施养护处
      各区
      """)
    let row = try #require(o.units.last)
    #expect(row.path == [2, 1, 1, 1])
    #expect(row.table == TableHeader(columns: ["重点任务（2024-2026）", "2024年工作项目", "牵头部门", "配合部门"], taskColumn: 0))
  }
}

/// A cover with requirements of its own (`一、`–`三、`, one level, no children), its signature, then a plan under a bare `附件`
/// line (Corpus/heldout164 16403): by its lines the plan is the notice's tasks and the cover's clauses its preamble
/// (`plan_after_signature`, warning `cover_clauses`). The same notice run together (every line break lost) reads alike: the plan
/// found inline is no attachment of its own level.
@Suite struct CoverRequirementsThenPlanTests {
  static let notice = """
    广东省发展改革委关于印发《广东省重点行业节能降碳改造攻坚三年行动方案》的通知
    各地级以上市发展改革局：
    现印发给你们，请结合实际抓好落实。有关事项通知如下。
    一、各地各部门要强化属地责任，制定本地区改造方案。
    二、重点行业企业是实施节能降碳改造的责任主体。
    三、各地节能主管部门要牵头会同有关部门，加强日常调度。
    附件：广东省重点行业节能降碳改造攻坚三年行动方案
    广东省发展改革委
    2026年9月7日
    附件
    广东省重点行业节能降碳改造攻坚三年行动方案
    为落实国家部署，制定本方案。
    一、总体要求
    坚持节约优先。
    二、重点任务
    （一）钢铁行业。推动高炉节能降碳改造。（省工业和信息化厅负责）
    （二）水泥行业。推动熟料生产节能降碳改造。（省工业和信息化厅负责）

    """

  @Test func byItsLinesThePlanIsTheTasks() throws {
    let (o, c) = try outline(Self.notice)
    #expect(o.units.map(\.path) == [[1], [2], [2, 1], [2, 2]], "\(dump(o, c))")
    #expect(o.units[0].markers == ["一、"])
    #expect(o.warnings.contains { $0.code == "cover_clauses" })
  }

  @Test func runTogetherThePlanIsTheTasksToo() throws {
    let (o, c) = try outline(Self.notice.replacingOccurrences(of: "\n", with: ""))
    #expect(o.units.map(\.path) == [[1], [2], [2, 1], [2, 2]], "\(dump(o, c))")
    #expect(o.units[0].markers == ["一、"])
    #expect(o.warnings.contains { $0.code == "cover_clauses" })
  }
}
