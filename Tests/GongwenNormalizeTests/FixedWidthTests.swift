import GongwenCore
import GongwenNormalize
import Testing

/// Text printed to a fixed width (a PDF's text, a plain-text export) breaks lines wherever the width runs out, also
/// inside a label word and right before a comma. Such breaks are joined; a field line of a page's information block,
/// and a line after a closing bracket that starts a paragraph of its own, keep theirs. Found by re-reading the corpus
/// wrapped at 38 characters (Corpus/heldout38 3901's `（责任部` / `门：市交通委…）` is such a break in a real source).
@Suite struct FixedWidthTests {
  /// Prose lines wrapped at 38 characters, so the document has a typical full line length of 38.
  let body = (1...9).map { _ in "各区要结合实际，制定本区工作方案，明确任务分工和时间安排，确保各项任务按期\n完成。" }
    .joined(separator: "\n")

  @Test func aLabelWrappedInsideItsWordIsJoined() {
    let wrapped = "（三）加强督查考核。将专项整治工作纳入年度绩效考核，定期通报进展情况；配合\n单位：区公安分局、区市场监管局。"
    let ls = lines(run(only(["line_join"]), body + "\n" + wrapped))
    #expect(ls.last == "（三）加强督查考核。将专项整治工作纳入年度绩效考核，定期通报进展情况；配合单位：区公安分局、区市场监管局。")
    let bracket = "8.开展云端一体的智能交通应用，推动北斗高精度服务在智能网联汽车产业链各环节应用（责任部\n门：市交通委、市水务局）"
    #expect(lines(run(only(["line_join"]), body + "\n" + bracket)).last
      == "8.开展云端一体的智能交通应用，推动北斗高精度服务在智能网联汽车产业链各环节应用（责任部门：市交通委、市水务局）")
  }

  /// A field line stays a line of its own when the line before does not end with the start of a label: `名称：` after a
  /// page's `主题分类：科技、教育`, `注：` after a table's figures.
  @Test func aFieldLineAfterOtherTextKeepsItsBreak() {
    let info = "发布机构：谯城区教育局主题分类：科技、教育、卫生、体育、文化、旅游、社会保障、就业\n名称：谯城区教育局2025年工作任务分解表"
    #expect(lines(run(only(["line_join"]), body + "\n" + info)).suffix(2)
      == ["发布机构：谯城区教育局主题分类：科技、教育、卫生、体育、文化、旅游、社会保障、就业", "名称：谯城区教育局2025年工作任务分解表"])
    let note = "嘉定新城中心城区、嘉北公园一期、城北大居西、城北大居东、远香湖南、嘉北公园二期\n注：建设用地面积按照100.9平方公里计。"
    #expect(lines(run(only(["line_join"]), body + "\n" + note)).last == "注：建设用地面积按照100.9平方公里计。")
  }

  @Test func aLineStartingWithACommaGoesOnFromTheLineBefore() {
    let src = "（七）日常巡查由区城运中心负责统筹协调，区规划资源局、区房管局、区文化旅游局（区文物局）\n、区城管执法局、街道办事处按照各自职责分工负责；"
    #expect(lines(run(only(["line_join"]), body + "\n" + src)).last
      == "（七）日常巡查由区城运中心负责统筹协调，区规划资源局、区房管局、区文化旅游局（区文物局）、区城管执法局、街道办事处按照各自职责分工负责；")
    // a full stop cut onto its own line, too; a bracket's end then a new paragraph keeps the break
    let stop = "教育主管部门还需报送宣传情况总结至教育厅职业教育处邮箱（不超过1500字）\n。\n（八）加强宣传。"
    #expect(lines(run(only(["line_join"]), body + "\n" + stop)).suffix(2)
      == ["教育主管部门还需报送宣传情况总结至教育厅职业教育处邮箱（不超过1500字）。", "（八）加强宣传。"])
  }

  /// A number wrapped over two lines is one number again (`123` / `45` → `12345`); two words of Latin letters keep a space between
  /// them (Corpus/heldout105 10503 wrapped at 38 characters: `12345热线` had become `123 45热线`).
  @Test func aNumberWrappedOverTwoLinesIsJoinedWithoutASpace() {
    let number = "全面梳理中央及市生态环保督察、区委巡察、123\n45热线反映的问题，逐项整改销号，按期完成。"
    #expect(lines(run(only(["line_join"]), body + "\n" + number)).last == "全面梳理中央及市生态环保督察、区委巡察、12345热线反映的问题，逐项整改销号，按期完成。")
    let words = "推进建筑信息模型技术在工程建设全过程中的应用，推广使用BIM\nmodel数据标准，按期完成。"
    #expect(lines(run(only(["line_join"]), body + "\n" + words)).last == "推进建筑信息模型技术在工程建设全过程中的应用，推广使用BIM model数据标准，按期完成。")
  }

  /// A list of names wrapped after its comma (a table's cell, `区委编办、` / `各街道`) is joined, and the short line that ends it
  /// ends the group: the next cell's name stays on its own line (Corpus/heldout109 10903 had `区委编办、各街道区消防救援支队`).
  /// A list wrapped by the width still runs on while its last line is full.
  @Test func aShortLineAfterAListsCommaEndsTheGroup() {
    let cells = "5.实化运行消防安全委员会\n区委编办、\n各街道\n区消防救援支队"
    #expect(lines(run(only(["line_join"]), body + "\n" + cells)).suffix(3) == ["5.实化运行消防安全委员会", "区委编办、各街道", "区消防救援支队"])
    let full = "牵头单位：区发展改革委、区财政局、区教育局、区卫生健康委、区民政局、区人社局、\n区住房城乡建设管理委、区交通委、区商务委、区文化旅游局、区体育局、区应急局、区\n市场监管局、区医保局"
    #expect(lines(run(only(["line_join"]), body + "\n" + full)).last
      == "牵头单位：区发展改革委、区财政局、区教育局、区卫生健康委、区民政局、区人社局、区住房城乡建设管理委、区交通委、区商务委、区文化旅游局、区体育局、区应急局、区市场监管局、区医保局")
  }

  @Test func theWholePipelineStaysIdempotent() {
    let src = body + "\n（三）加强督查考核，定期通报进展情况；配合\n单位：区公安分局。\n（四）区文化旅游局（区文物局）\n、区城管执法局负责。"
    let once = norm(src).text.string
    #expect(norm(once).text.string == once)
  }

  /// The tables-of-contents junk rules read an indented text (full-width spaces before every line, as Word and PDF text
  /// keep a paragraph's indent) in linear time, and remove its contents: before their indents were read possessively, an
  /// emergency plan's contents took `table_of_contents_decimal` past the regex time limit and the notice failed
  /// (Corpus/heldout133 13301 indented).
  @Test func anIndentedTableOfContentsIsRemovedInTime() {
    var entries = ["1 总则", "1.1 编制目的", "1.2 编制依据", "1.3 适用范围", "1.4 事故分级", "1.5 工作原则", "2 组织机构及职责"]
    entries += (2...40).map { "2.\($0) 区安全生产应急救援第\($0)工作组" }
    entries += ["3 预警", "4 应急响应", "5 后期处置"]
    var text = ["虹口区生产安全事故专项应急预案", "", "目   录", ""] + entries.flatMap { [$0, ""] }
    text += ["虹口区生产安全事故专项应急预案", "", "1 总则", "", "1.1 编制目的", ""]
    text += Array(repeating: "为规范生产安全事故应急管理工作，提高应对能力，依据有关法律法规，制定本预案。", count: 30)
    let indented = text.map { $0.isEmpty ? $0 : "\u{3000}\u{3000}" + $0 }.joined(separator: "\n")
    var failure: String? = nil
    var clean = ""
    do { clean = try normalizer.normalize(indented).text.string } catch { failure = "\(error)" }
    #expect(failure == nil)
    #expect(!clean.contains("目录") && !clean.contains("第40工作组"), "\(clean.prefix(80))")
  }
}
