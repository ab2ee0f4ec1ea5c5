import Foundation
import Testing
@testable import GongwenSegment
import GongwenCore

/// A task table printed under an attachment line without a number (`附件：…重点任务分解表`) after a body numbered 一、–三、
/// (Corpus/heldout100 10004): its rows are the level after the body's last top-level clause (`[4, n]`, markers
/// `["附件", "n"]`), so they never share a path with the body; a header printed again at a page break continues the same
/// attachment. With nothing numbered before it, a bare `附件` line adds no level (Corpus/heldout72 7205).
@Suite struct UnnumberedAttachmentTests {
  static let afterBody = """
    嘉定区人民政府办公室关于印发海绵城市建设实施方案的通知
    一、总体要求
    做好海绵城市建设。
    二、重点任务
    推进项目建设。
    三、保障措施
    加强组织领导。
    附件：嘉定区系统化全域推进海绵城市建设重点任务分解表
    序号
    任务类型
    重点内容
    责任单位
    1
    建设管理
    指导推进海绵城市建设工作。
    区建设管理委
    2
    系统方案
    编制海绵城市系统方案。
    区建设管理委、区水务局
    序号
    任务类型
    重点内容
    责任单位
    3
    达标评估
    有序推进达标评估工作。
    区水务局
    """

  @Test func rowsFollowTheBodyUnderTheAttachment() throws {
    let (o, _) = try outline(Self.afterBody)
    #expect(o.units.map(\.path) == [[1], [2], [3], [4, 1], [4, 2], [4, 3]])
    #expect(o.units[3].markers == ["附件", "1"])
    #expect(o.units[5].markers == ["附件", "3"])
    #expect(o.units[3].schemes == ["table_attachment", "table_row"])
  }

  /// Two blocks after a body numbered 一、–二、 (Corpus/heldout135 13502): `附表：` alone over a table without row numbers (no
  /// task), then `附录` alone over a numbered list: the list is the level after both, `[4, n]`, as a key counting each
  /// attached block would have it. A label with its name after the colon (the attachments line) is no block of its own.
  static let twoBlocks = """
    关于工程建设领域营商环境一体化改革工作的通知
    一、总体要求
    做好改革工作。
    二、保障措施
    加强培训宣传。
    附表：改革任务分工表
    附表：
    改革任务分工表
    任务名称
    任务内容
    牵头部门
    深化改革
    在规划选址阶段提前介入。
    规划处
    附录
    行业办件事项清单
    序号
    事项名称
    责任处室
    配合部门
    1
    对植物调运检疫的许可
    林业总站
    许可处
    2
    城市建筑垃圾处置核准
    环卫处
    分类中心
    """

  @Test func bareLabelsOfEarlierBlocksCountAsLevels() throws {
    let (o, _) = try outline(Self.twoBlocks)
    #expect(o.units.map(\.path) == [[1], [2], [4, 1], [4, 2]])
    #expect(o.units[2].markers == ["附录", "1"])
    // without the bare `附表：` line the list is the level right after the body
    let (p, _) = try outline(Self.twoBlocks.replacingOccurrences(of: "附表：\n", with: ""))
    #expect(p.units.map(\.path) == [[1], [2], [3, 1], [3, 2]])
  }

  /// No `附件` line at all: the table's title line right above its header (`tables.titled_attachment`) makes it an
  /// attachment without a number after a body numbered 一、–二、 (Corpus/heldout101 10105); its section rows repeat the
  /// body's 一、 under the attachment's level, and its task column is `内容`, not the later `2024年工作任务` (a column of one
  /// year's work).
  static let titledTable = """
    关于印发城市综合交通体系建设工作方案的通知
    一、总体要求
    （一）加强领导。各牵头部门要高度重视。
    二、工作要求
    （一）强化责任分工。各牵头部门要细化工作举措。
    全面推进城市综合交通体系建设任务分解表
    序号
    内容
    牵头部门
    配合部门
    2024年工作任务
    2025年工作计划
    一、科学编制并实施城市综合交通体系规划
    1
    有序推进城市快速干线交通系统建设
    综合规划处
    交通建设处
    推进轨道交通四期建设规划编制。
    深化研究相关项目前期方案。
    """

  @Test func aTitleLineAboveTheHeaderMakesAnAttachment() throws {
    let (o, c) = try outline(Self.titledTable)
    #expect(o.units.map(\.path) == [[1], [1, 1], [2], [2, 1], [3, 1], [3, 1, 1]])
    #expect(o.units[4].markers == ["附件", "一、"])
    #expect(o.units[5].markers == ["附件", "一、", "1"])
    // the body's last clause ends before the table's title line
    let scalars = c.scalars
    #expect(!String(String.UnicodeScalarView(scalars[o.units[3].bodyRange])).contains("分解表"))
  }

  @Test func aColumnOfOneYearsWorkIsNoTaskColumn() throws {
    let (o, _) = try outline(Self.titledTable)
    let header = try #require(o.units[5].table)
    #expect(header.columns[header.taskColumn] == "内容")
  }

  @Test func aNumberedTitleLineIsNoAttachment() throws {
    let (o, _) = try outline("""
      关于印发民生实事的通知
      一、10件民生实事任务分解表
      序号
      具体工作任务和要求
      责任单位
      1
      推动义务教育优质均衡发展。
      县教体局
      """)
    #expect(o.units.map(\.path) == [[1], [1, 1]])
    #expect(o.units[1].markers == ["一、", "1"])
  }

  @Test func aBareAttachmentLineWithNothingBeforeItAddsNoLevel() throws {
    let (o, _) = try outline("""
      天津市人民政府办公厅
      2015年12月21日
      附件
      重点任务分工及进度安排表
      序号
      工作任务
      责任单位
      1
      强化各成员单位的职责。
      市旅游发展委员会
      2
      编制旅游规划。
      市规划局
      """)
    #expect(o.units.map(\.path) == [[1], [2]])
    #expect(o.units.map(\.markers) == [["1"], ["2"]])
  }
}

/// Articles numbered in Arabic digits (第1条), spaces and all as a WeChat page prints them (第 2 0 条; Corpus/heldout102
/// 10201): the `article_arabic` scheme, written 第20条; a reference to an article inside a sentence (在第2条基础上) is none.
@Suite struct ArabicArticleTests {
  @Test func arabicArticlesWithSpaces() throws {
    let (o, _) = try outline("""
      关于支持重点产业加快发展的实施意见
      一、加大项目支持
      第 1 条 设立重点产业发展引导基金。
      第 2 条 对重点产业新上的工业类项目给予奖励。重大产业项目投资奖励可在第2条基础上实行一事一议。
      二、支持企业发展
      第 3 条 对新建项目给予奖励。
      """)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [2], [2, 3]])
    #expect(o.units.map { $0.markers.last ?? "" } == ["一、", "第1条", "第2条", "二、", "第3条"])
  }
}

/// A plan's body followed by numbered attachments, each a task table under its `附件k` line (Corpus/heldout101 10104): the
/// body stays the plan's tasks (the tables are no plan replacing a cover), and 附件k is the level after the body's last
/// top-level clause plus k (`[2 + 1, n]`, markers `["附件1", "n"]`).
@Suite struct NumberedAttachmentAfterBodyTests {
  @Test func bodyThenAttachedTables() throws {
    let (o, _) = try outline("""
      宝山区生活垃圾分类减量推进工作实施方案
      一、工作目标
      生活垃圾分类全面覆盖。
      二、保障措施
      明确工作责任。
      宝山区人民政府办公室
      2019年3月1日
      附件1
      2019年宝山区生活垃圾分类减量推进工作任务清单
      序号
      任务名称
      牵头部门
      配合部门
      1
      加强组织领导
      区政府办公室
      各联席会议成员单位
      2
      加强宣传
      区委宣传部
      区绿化市容局
      """)
    #expect(o.units.map(\.path) == [[1], [2], [3, 1], [3, 2]])
    #expect(o.units[2].markers == ["附件1", "1"])
  }
}

/// A plan printed after its cover's signature, under its title, with attachments of its own after it (Corpus/heldout104
/// 10401): the plan's clauses are the tasks, not a cover before the first attachment's plan; no `cover_clauses` warning
/// names zero lines.
@Suite struct PlanAfterCoverWithAttachmentsTests {
  @Test func thePlanIsTheOneAfterTheCover() throws {
    let (o, _) = try outline("""
      上海市青浦区人民政府办公室关于印发《青浦区关于全面加强建筑垃圾管理的实施意见》的通知
      各镇人民政府、街道办事处：
      《青浦区关于全面加强建筑垃圾管理的实施意见》已经区政府同意，现印发给你们，请认真按照执行。
      特此通知。
      上海市青浦区人民政府办公室
      2025年9月18日
      青浦区关于全面加强建筑垃圾管理的实施意见
      一、总体目标
      构建产消平衡的处置体系。
      二、主要任务
      加强源头管理。
      附件：1.青浦区建筑垃圾管理细则
      2.青浦区土方管理平台职责清单
      附件1
      青浦区建筑垃圾管理细则
      一、概念定义
      本市建筑垃圾主要指工程渣土。
      二、具体要求
      加强运输管理。
      """)
    #expect(o.units.prefix(2).map(\.markers) == [["一、"], ["二、"]])
    #expect(o.units.first?.heading == "总体目标")
    #expect(!o.warnings.contains { $0.code == "cover_clauses" })
  }
}

