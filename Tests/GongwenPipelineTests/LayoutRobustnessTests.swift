import Testing
import GongwenCore
import GongwenPipeline
import GongwenTestSupport

/// The same notice laid out another way gives the same tasks (`scripts/robustness` measures it over the whole corpus): its
/// digits full-width (Word's full-width mode), its lines indented with full-width spaces, its line ends CRLF, a blank line
/// between its paragraphs.
@Suite struct LayoutRobustnessTests {
  let pipeline = Pipeline(rules: TestSupport.rules)

  static let notice = """
    关于印发某区2016年生态环境保护工作要点的通知
    各乡镇人民政府，区直各单位：
    现将《某区2016年生态环境保护工作要点》印发给你们，请认真贯彻执行。
    一、加强大气污染防治
    1.推进燃煤锅炉整治，2016年底前完成10蒸吨以下燃煤锅炉淘汰。（责任单位：区环保局、区经信局）
    2.加强扬尘污染控制，落实施工工地围挡、冲洗等措施。（区住建局牵头，区城管局配合）
    3.开展机动车尾气治理，淘汰黄标车1200辆。（责任单位：区公安分局）
    二、加强水污染防治
    （1）完成城区雨污分流改造20公里。（责任单位：区住建局）
    （2）推进农村生活污水治理。（责任单位：各乡镇人民政府）
    """

  func tasks(_ text: String) throws -> [[String]] {
    try pipeline.process(PipelineInput(path: "layout.txt", bytes: Array(text.utf8))).tasks
      .map { [$0.markers.joined(), $0.departments.joined(separator: "、"), $0.lead.joined(separator: "、")] }
  }

  @Test func fullWidthDigitsGiveTheSameTasks() throws {
    let full = String(String.UnicodeScalarView(Self.notice.unicodeScalars.map { c in
      ("0"..."9").contains(c) ? Unicode.Scalar(c.value + 0xFEE0)! : c
    }))
    #expect(full != Self.notice)
    #expect(try tasks(full) == tasks(Self.notice))
  }

  @Test func indentsAndCRLFGiveTheSameTasks() throws {
    let indented = Self.notice.split(separator: "\n").map { "\u{3000}\u{3000}" + $0 }.joined(separator: "\r\n")
    #expect(try tasks(indented) == tasks(Self.notice))
  }

  @Test func blankLinesBetweenParagraphsGiveTheSameTasks() throws {
    let spaced = Self.notice.split(separator: "\n").joined(separator: "\n\n")
    #expect(try tasks(spaced) == tasks(Self.notice))
  }

  /// A page run into one line (its breaks turned into spaces) with its digits full-width: the document number between
  /// spaces still starts a line (`flattened_lines` reads digits, which are folded at decoding), so the number and the title
  /// after it are found (Corpus/heldout144 14401 with full-width digits lost its metadata and every path).
  @Test func fullWidthDigitsInAFlattenedPage() throws {
    let page = "当前位置： 首页政务公开最新文件区管委会办公室文件 关于印发《某区创业合作对接会签约项目跟踪推进方案》的通知 "
      + "时间：2015-09-14 16:02 微信 微博 QQ空间 岚综管办〔2015〕172号 某区管委会办公室关于印发《某区创业合作对接会签约项目跟踪"
      + "推进方案》的通知 区直各单位，各乡镇人民政府： 现将《某区创业合作对接会签约项目跟踪推进方案》印发给你们，请认真贯彻执行。 "
      + "某区管委会办公室 2015年9月11日 一、工作目标 推进签约项目落地。 二、工作措施 1.建立项目跟踪机制。（责任单位：区招商局） "
      + "2.强化项目服务保障。（责任单位：区发改局） 3.加强督查考核。（责任单位：区效能办）"
    let full = String(String.UnicodeScalarView(page.unicodeScalars.map { c in
      ("0"..."9").contains(c) ? Unicode.Scalar(c.value + 0xFEE0)! : c
    }))
    let a = try pipeline.process(PipelineInput(path: "page.txt", bytes: Array(page.utf8)))
    let b = try pipeline.process(PipelineInput(path: "page.txt", bytes: Array(full.utf8)))
    #expect(b.document.docNumber == a.document.docNumber && a.document.docNumber == "岚综管办〔2015〕172号")
    #expect(b.tasks.map(\.path) == a.tasks.map(\.path))
    #expect(b.tasks.map(\.departments) == a.tasks.map(\.departments))
  }
}
