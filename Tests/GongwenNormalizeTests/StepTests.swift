import GongwenCore
import GongwenNormalize
import GongwenTestSupport
import Testing

/// One test per step, with the step switched on alone (or with the steps it needs), on
/// before/after examples taken from the seed notices.
@Suite struct StepTests {
  @Test func newlines() {
    let n = only(["newlines"])
    #expect(run(n, "一、总体要求\r\n深入贯彻\r（一）加快\u{2028}1.巩固") == "一、总体要求\n深入贯彻\n（一）加快\n1.巩固")
  }

  @Test func decodingLeftovers() throws {
    let n = only(["decoding"])
    let d = try n.normalize("\u{FEFF}关于\u{200B}印发\u{00AD}通知\u{0007}\n\u{00A0}\u{00A0}桓台县人民政府办公室")
    #expect(d.text.string == "关于印发通知\n  桓台县人民政府办公室")
    #expect(d.removed.map(\.reason) == ["invisible_character", "invisible_character", "invisible_character", "control_character"])
    #expect(d.removed.first?.span == Span(start: 0, end: 1))
    #expect(d.removed.last?.text == "\u{0007}")
    #expect(d.stats["odd_spaces_replaced"] == 2)
  }

  @Test func pdfGlyphsBecomeTheirPunctuation() throws {
    // Corpus/heldout75 7501: a gazette PDF's font gave Yi syllables for ，。；(`decoding.glyphs`); the offsets stay
    let d = try only(["decoding"]).normalize("评估工作ꎬ参与事故调查ꎮ承担办公室职责ꎻ负责组织")
    #expect(d.text.string == "评估工作，参与事故调查。承担办公室职责；负责组织")
    #expect(d.stats["glyphs_replaced"] == 3)
    #expect(d.text.origin == Array(0..<d.text.count))
    // a Yi syllable that is no listed glyph stays
    #expect(try only(["decoding"]).normalize("ꆈꌠ").text.string == "ꆈꌠ")
  }

  @Test func junkSeed002Navigation() throws {
    let src = "- 国务院部门\n- 省市政府\n- 省政府部门\n- 州市政府\n各州、市人民政府,省直各委、办、厅、局:"
    let d = try only(["junk"]).normalize(src)
    #expect(d.text.string == "各州、市人民政府,省直各委、办、厅、局:")
    #expect(d.removed.count == 1)
    #expect(d.removed.first?.reason == "junk")
    #expect(d.removed.first?.rule == "site_navigation")
    #expect(d.removed.first?.text == "- 国务院部门\n- 省市政府\n- 省政府部门\n- 州市政府\n")
    #expect(d.stats["junk_removed"] == 1)
  }

  @Test func junkSeed004WordBookmarkAndSeed000Labels() throws {
    let d = try only(["junk"]).normalize("[bookmark: _GoBack]（桓政办发〔2013〕92号）\n社会环境。附件下载：相关链接：")
    #expect(d.text.string == "（桓政办发〔2013〕92号）\n社会环境。")
    #expect(d.removed.map(\.rule) == ["word_artefact", "empty_link_labels"])
    #expect(d.removed.map(\.text) == ["[bookmark: _GoBack]", "附件下载：相关链接："])
    // page furniture
    #expect(run(only(["junk"]), "正文。\n【打印本页】【关闭窗口】\n分享到：微信 微博\n") == "正文。\n\n")
    // a paged mirror's continuation note (Corpus/heldout4 503)
    let p = try only(["junk"]).normalize("[接上页] (2)培育产业集群。")
    #expect(p.text.string == " (2)培育产业集群。")
    #expect(p.removed.map(\.rule) == ["page_continuation"])
    // a PDF page number between dashes on its own line (Corpus/heldout53 5404); a dash line with words stays
    let q = try only(["junk"]).normalize("协办单位:区委编办、园区党工\n委、各街道党工委\n— — — 3 —\n2.以区域化党建为重点。\n- 12 -\n3.做实街道。")
    #expect(q.text.string == "协办单位:区委编办、园区党工\n委、各街道党工委\n2.以区域化党建为重点。\n3.做实街道。")
    #expect(q.removed.map(\.rule) == ["pdf_page_number", "pdf_page_number"])
    #expect(run(only(["junk"]), "正文。\n— 共3页 —\n2022-12-31\n") == "正文。\n— 共3页 —\n2022-12-31\n")
    // a regulation's table of contents, up to the text's own 第一章 (Corpus/heldout89 8903)
    let toc = try only(["junk"]).normalize("北京市行政问责办法\n\n目录\n第一章总则\n第二章行政问责情形\n第三章附则\n\n\n第一章总则\n\n第一条为了加强管理，制定本办法。")
    #expect(toc.text.string == "北京市行政问责办法\n\n\n\n第一章总则\n\n第一条为了加强管理，制定本办法。")
    #expect(toc.removed.map(\.rule) == ["table_of_contents"])
    // the chapter lines without a 目录 line, before the text's own 第一章 (Corpus/heldout90 9003)
    let bare = try only(["junk"]).normalize("抚州市出租汽车客运管理办法\n第一章 总则\n第二章 管理职责\n第三章 车辆\n第一章 总则\n第一条 为加强管理，制定本办法。")
    #expect(bare.text.string == "抚州市出租汽车客运管理办法\n第一章 总则\n第一条 为加强管理，制定本办法。")
    #expect(bare.removed.map(\.rule) == ["table_of_contents_unlabelled"])
    // an emergency plan's decimal sections under 目录, up to the text's own `1 总则` (Corpus/heldout130 13002)
    let decimal = try only(["junk"]).normalize("应急预案\n\n目  录\n\n1  总则\n\n1.1  编制目的\n\n2  组织体系\n\n2.1  工作机构\n\n1 总则\n\n1.1 编制目的\n\n为有效应对，制定本预案。")
    #expect(decimal.text.string == "应急预案\n\n\n1 总则\n\n1.1 编制目的\n\n为有效应对，制定本预案。")
    #expect(decimal.removed.map(\.rule) == ["table_of_contents_decimal"])
    // `目   录` spaced wide, the plan's title between the contents and the text's own `1 总则`, numbers without a space
    // after them (Corpus/heldout133 13301)
    let titled = try only(["junk"]).normalize("目   录\n\n1总则\n\n1.1编制目的\n\n2组织指挥体系\n\n2.1区指挥部\n\n8附则\n\n区专项应急预案\n\n1总则\n\n1.1编制目的\n\n为规范应急管理。")
    #expect(titled.text.string == "\n区专项应急预案\n\n1总则\n\n1.1编制目的\n\n为规范应急管理。")
    #expect(titled.removed.map(\.rule) == ["table_of_contents_decimal"])
    // a dot after each top number (`1.总则`), the attachments line between the contents and the text's own `1.总则`, which
    // stays with its `1.1` (Corpus/heldout168 16804)
    let dotted = try only(["junk"]).normalize("目  录\n\n1.总则\n\n1.1编制目的\n\n2.组织体系\n\n2.1领导机构\n\n附件：成员单位职责分工\n\n1.总则\n\n1.1编制目的\n\n为建立健全机制，制定本预案。")
    #expect(dotted.text.string == "\n附件：成员单位职责分工\n\n1.总则\n\n1.1编制目的\n\n为建立健全机制，制定本预案。")
    #expect(dotted.removed.map(\.rule) == ["table_of_contents_decimal"])
    // contents that run into the text with no `1 总则` of its own after them stay (a list of numbered lines is no contents)
    let noText = "目录\n\n1总则\n\n2组织体系\n\n3保障措施\n\n各单位要认真落实。"
    #expect(run(only(["junk"]), noText) == noText)
    // a 目录 line with one chapter under it, or none, stays
    #expect(run(only(["junk"]), "目录\n第一章总则\n第一条为了加强管理。") == "目录\n第一章总则\n第一条为了加强管理。")
  }

  @Test func junkKeepsRealListsAndText() {
    let n = only(["junk"])
    // a single dash line, or dash lines with punctuation, are not navigation
    #expect(run(n, "- 国务院部门\n正文") == "- 国务院部门\n正文")
    #expect(run(n, "- 加强领导，落实责任。\n- 完善制度，强化考核。") == "- 加强领导，落实责任。\n- 完善制度，强化考核。")
    #expect(run(n, "附件下载：工作任务分工表.doc") == "附件下载：工作任务分工表.doc")
  }

  @Test func junkMarkdownOfACrawlersCopy() throws {
    // Corpus/heldout36: a page saved as Markdown; the marks go, the words stay
    let src = "# 关于印发《某某方案》的通知\n\n**发布日期**: 2025-12-22\n**原文链接**: [http://a.gov.cn/1.html](http://a.gov.cn/1.html)\n\n---\n\n**二、加快食品原料研发**\n"
    let d = try only(["junk"]).normalize(src)
    #expect(d.text.string == "关于印发《某某方案》的通知\n\n发布日期: 2025-12-22\n原文链接: http://a.gov.cn/1.html\n\n\n二、加快食品原料研发\n")
    #expect(Set(d.removed.compactMap(\.rule)) == ["markdown_heading", "markdown_emphasis", "markdown_link", "markdown_rule"])
    // a lone * (an item mark), a # inside a line, a bracket without a link target and a short dash stay
    let kept = "责任单位：市经信委*\n第#3号\n[牵头单位]市发改委\n--\n"
    #expect(run(only(["junk"]), kept) == kept)
  }

  @Test func rowsOfAMarkdownTableStayLines() throws {
    // Corpus/heldout165 16501: a crawler's table of the page's fields; a row whose cell ends without punctuation
    // (`资质、竞赛、规划`) was joined with the rows after it
    let src = "| 字段 | 内容 |\n|------|------|\n| 发布日期 | 2026-05-01 |\n| 政策类型 | 资质、竞赛、规划 |\n| 资助金额 | — |\n| 关键词 | 服务、贸易、分工负责 |\n"
    let ls = lines(norm(src).text.string)
    #expect(ls.contains { $0.hasSuffix("资质、竞赛、规划") })
    #expect(ls.contains { $0.contains("资助金额") && !$0.contains("规划") })
    #expect(ls.contains { $0.contains("关键词") && !$0.contains("—") })
  }

  @Test func whitespaceSeed003() throws {
    let src = " \t\u{3000}\u{3000}甘政办发〔2016〕112号\n各市、自治州人民政府：\n\u{3000}\u{3000}\n"
      + String(repeating: "\u{00A0}", count: 20) + " 甘肃省人民政府办公厅\n\u{3000}\u{3000}一、全力推进公立医院改革\u{3000}\u{3000}\n\n\n"
    let d = try only(["decoding", "whitespace"]).normalize(src)
    #expect(d.text.string == "甘政办发〔2016〕112号\n各市、自治州人民政府：\n甘肃省人民政府办公厅\n一、全力推进公立医院改革")
    #expect(d.removed.isEmpty)  // layout deletions are counted, not listed
    #expect(d.stats["blank_lines_removed"] == 3)
    #expect(run(only(["whitespace"]), "\n\nWord   Excel \t PDF\n\n") == "Word Excel PDF")
  }

  @Test func lineJoinSeed001() {
    let n = only(["whitespace", "line_join"])
    let src = """
      1. 巩固扩大基本医保覆盖面

      职工基本医疗保险（以下简称职工医保）、城镇居民基本

      医疗保险（以下简称城镇居民医保）和新型农村合作医疗参保率稳定在 98%以上。

      （1）加大救助资金投入，筑牢医疗保障底线。提高救助水平，取消医疗救助起付线，稳步提高封

      顶线，进一步提高救助比例。（责任单位：市民政局、财政局、人力资源和社

      会保障局)

      (2) 深化编制和人事制度改革。

      （1）鼓励县区推行村卫生室人员分流、竞聘上岗、绩效

      考核、绩效工资等综合改革。
      """
    #expect(lines(run(n, src)) == [
      "1. 巩固扩大基本医保覆盖面",
      "职工基本医疗保险（以下简称职工医保）、城镇居民基本医疗保险（以下简称城镇居民医保）和新型农村合作医疗参保率稳定在 98%以上。",
      "（1）加大救助资金投入，筑牢医疗保障底线。提高救助水平，取消医疗救助起付线，稳步提高封顶线，进一步提高救助比例。（责任单位：市民政局、财政局、人力资源和社会保障局)",
      "(2) 深化编制和人事制度改革。",
      "（1）鼓励县区推行村卫生室人员分流、竞聘上岗、绩效考核、绩效工资等综合改革。",
    ])
  }

  @Test func lineJoinKeepsADecimalSectionsHeadingLine() {
    // Corpus/heldout84 8405: an emergency plan's section 6.2 and its heading, then the first department's sentence
    let src = "6.2 应急调查、监测和治理\n国土资源局负责提供地质灾害发生实况、地质灾害的监测等相关资料信息。\n市水利局负责水情和汛情的监测。"
    #expect(lines(run(only(["line_join"]), src)).count == 3)
    // a number with its unit at a line start is no section: a hard-wrapped line before it is joined as before
    let full = "甲乙丙丁戊己庚辛壬癸子丑", prose = "甲乙丙丁戊，己庚辛壬癸子"
    let body = [prose, prose, full, prose, prose, prose, prose, prose, full]
    let unit = body.joined(separator: "\n") + "\n1.2万亩，比上年增长。"
    #expect(lines(run(only(["line_join"]), unit)).count == 1)
    let section = body.joined(separator: "\n") + "\n1.2 工作目标"
    #expect(lines(run(only(["line_join"]), section)).count == 2)
  }

  @Test func lineJoinKeepsADateLineUnderAJointIssuer() {
    // a joint signature `A、B` holds a 、 (running text) but does not run on into the date under it, in Arabic or
    // Chinese numerals, spaced or not
    let prose = "各地各部门要高度重视，加强组织领导，明确责任分工，确保各项工作任务落到实处。"
    for date in ["2020年3月5日", "二〇二〇年三月五日", "2020 年 3 月 15 日", "二〇一一年十二月三十一日"] {
      let src = prose + "\n中共XX市委办公室、XX市人民政府办公室\n" + date
      #expect(lines(run(only(["line_join"]), src)).suffix(2) == ["中共XX市委办公室、XX市人民政府办公室", date], "\(date)")
    }
    // a date broken over lines is no date line: its parts are still joined (`2014\n年6\n月28\n日` stays a wrap)
    let wrapped = prose + "\n本通知自2014年6月28日起施行，有效期至2019年6\n月28日。"
    #expect(lines(run(only(["line_join"]), wrapped)).count == 2)
    // without the rule the date is joined onto the issuer line, as before
    var rules = only(["line_join"]).rules
    rules.lineJoin.dateLine = nil
    let plain = Normalizer(rules: rules)
    #expect(lines(run(plain, prose + "\n中共XX市委办公室、XX市人民政府办公室\n2020年3月5日")).last
      == "中共XX市委办公室、XX市人民政府办公室2020年3月5日")
  }

  /// Corpus/heldout153 15302: a signature's date broken after its year (`2014` / `年8月26日`) is one date line, standing alone;
  /// a date running on into its sentence (`2014` / `年11月30日` / `前，由…组织验收。`) is not joined that way.
  @Test func lineJoinJoinsADateBrokenAfterItsYear() {
    let prose = "各地各部门要高度重视，加强组织领导，明确责任分工，确保各项工作任务落到实处。"
    let sig = [prose, "上海市嘉定区人民政府", "2014", "年8月26日", "嘉定区2014年违法用地专项治理行动实施方案"].joined(separator: "\n")
    #expect(lines(run(only(["line_join"]), sig)) == [prose, "上海市嘉定区人民政府", "2014年8月26日", "嘉定区2014年违法用地专项治理行动实施方案"])
    let running = [prose, "（三）验收阶段", "2014", "年11月30日", "前，由区规土局会同有关部门组织验收。"].joined(separator: "\n")
    #expect(!lines(run(only(["line_join"]), running)).contains("2014年11月30日"))
    // without the date rule nothing is joined there
    var rules = only(["line_join"]).rules
    rules.lineJoin.dateLine = nil
    #expect(lines(run(Normalizer(rules: rules), sig)).contains("2014"))
  }

  @Test func lineJoinKeepsADocNumberLineBetweenABreadcrumbAndTheTitle() {
    // heldout151 15102: the page's breadcrumb holds the title with its 、 (running text), then the doc number and the title
    let crumb = "首页政务公开最新文件区管委会办公室文件平潭综合实验区管委会办公室关于实行义务教育均衡发展工作责任、监督和问责机制的通知时间：2016-08-11 09:16微信微博 QQ空间"
    let title = "平潭综合实验区管委会办公室关于实行义务教育均衡发展工作责任、监督和问责机制的通知"
    for number in ["岚综管办〔2016〕196号", "岚综管办[2016]196号", "岚综管办（２０１６）１９６号"] {
      let out = lines(run(only(["line_join"]), [crumb, number, title, "区直各部门、各乡镇人民政府："].joined(separator: "\n")))
      #expect(out.prefix(3) == [crumb, number, title][...], "\(number)")
    }
    // a number inside a wrapped sentence is no doc number line: the sentence is joined as before
    let prose = "根据《关于加强三十六脚湖省级自然保护区环境综合整治工作的实施意见》（岚综管办〔2015〕119号），实施三十六脚湖核心区内居民搬迁，\n确保水质安全。"
    #expect(lines(run(only(["line_join"]), prose)).count == 1)
    // without the rule the three run together, as before
    var rules = only(["line_join"]).rules
    rules.lineJoin.docNumberLine = nil
    #expect(lines(run(Normalizer(rules: rules), [crumb, "岚综管办〔2016〕196号", title].joined(separator: "\n"))).count == 1)
  }

  @Test func lineJoinKeepsAnAttachmentLabelOnItsOwnLine() {
    // heldout135 13502: a table's last cells, then `附录` and the title of the list under it, ran into one line
    let src = ["许可处", "规划处、林业处、公绿处、执法处", "全年", "附录", "绿化市容行业涉及工程建设领域10项“超100件”办件事项清单", "序号"]
    let out = lines(run(only(["line_join"]), src.joined(separator: "\n")))
    #expect(out.contains("附录"))
    #expect(out.contains("绿化市容行业涉及工程建设领域10项“超100件”办件事项清单"))
    for label in ["附件2", "附表1：", "附件 3"] {
      #expect(lines(run(only(["line_join"]), ["规划处、林业处、公绿处、执法处", label, "重点任务分解表", "序号"].joined(separator: "\n"))).contains(label))
    }
    // without the rule the label runs on into its neighbours, as before
    var rules = only(["line_join"]).rules
    rules.lineJoin.attachmentLine = nil
    #expect(!lines(run(Normalizer(rules: rules), src.joined(separator: "\n"))).contains("附录"))
  }

  @Test func lineJoinKeepsHeadingsTitlesSignatures() {
    let n = only(["whitespace", "line_join"])
    let src = """
      临沂市人民政府办公室
      关于印发临沂市深化医药卫生体制改革
      2012 年主要工作安排的通知
      临政办发〔2012〕64号
      临沂市人民政府办公室
      二〇一二年八月一日
      临沂市深化医药卫生体制改革 2012 年主要工作安排
      2012 年是深化医药卫生体制改革承前启后的关键一年，现对 2012 年医改主要工作安排如下：
      一、总体要求
      深入贯彻落实国家和省、市关于深化医药卫生体制改革的实施意见。
      （一）加快健全全民医保体系
      1. 巩固扩大基本医保覆盖面
      职工基本医疗保险参保率稳定在 98%以上。
      """
    #expect(lines(run(n, src)) == [
      "临沂市人民政府办公室",
      "关于印发临沂市深化医药卫生体制改革2012 年主要工作安排的通知",
      "临政办发〔2012〕64号",
      "临沂市人民政府办公室",
      "二〇一二年八月一日",
      "临沂市深化医药卫生体制改革 2012 年主要工作安排",
      "2012 年是深化医药卫生体制改革承前启后的关键一年，现对 2012 年医改主要工作安排如下：",
      "一、总体要求",
      "深入贯彻落实国家和省、市关于深化医药卫生体制改革的实施意见。",
      "（一）加快健全全民医保体系",
      "1. 巩固扩大基本医保覆盖面",
      "职工基本医疗保险参保率稳定在 98%以上。",
    ])
  }

  @Test func lineJoinUsesTypicalLineLength() {
    // hard-wrapped prose, 12 characters a line: full lines without punctuation are joined by
    // their length, the short lines after the paragraph (signature, date) are not
    let full = "甲乙丙丁戊己庚辛壬癸子丑", prose = "甲乙丙丁戊，己庚辛壬癸子"
    let body = [full, prose, full, prose, prose, prose, full, prose, prose, prose]
    let wrapped = body.joined(separator: "\n") + "\n寅卯。\n签发单位\n二〇一二年八月一日"
    let out = lines(run(only(["line_join"]), wrapped))
    #expect(out == [body.joined() + "寅卯。", "签发单位", "二〇一二年八月一日"])
    // the same short lines in a document of long lines are not joined either
    #expect(lines(run(only(["line_join"]), "签发单位\n" + String(repeating: full, count: 3))).count == 2)
    // Latin words split over a line break keep a space
    #expect(run(only(["line_join"]), "政策，see the\nWord document") == "政策，see the Word document")
  }

  @Test func lineJoinKeepsAnEmergencyPlansTopSectionApart() {
    // `1 总则` under the plan's title (which holds a 、): a section of its own (Corpus/heldout130 13002); a number with its unit
    // on a title's second line is no section
    #expect(lines(run(only(["line_join"]), "住宅修缮、拆房工地安全突发事件应急预案\n1 总则\n1.1 编制目的")).count == 3)
    #expect(lines(run(only(["line_join"]), "关于印发深化医药卫生体制改革、\n7 年主要工作安排的通知")).count == 1)
  }

  @Test func lineJoinKeepsAHeadingInTwoHalves() {
    // paragraphs one line each (a page's Markdown), 8 of them: a short marker line with a comma and no sentence end is the
    // item's heading, not a wrapped line (Corpus/heldout127 12701)
    let para = "坚持对标世行营商环境成熟度评估方法论的底层逻辑和价值导向，推出新的任务清单，学习借鉴参评经济体表现。"
    let body = Array(repeating: para, count: 8).joined(separator: "\n")
    let src = "1、实施世行对标改革，促进世行评价和企业感受双提升\n" + body
    #expect(lines(run(only(["line_join"]), src)).first == "1、实施世行对标改革，促进世行评价和企业感受双提升")
    // wrapped all the same: a cut before a title in 《》, an article, a line with a sentence end inside
    for wrapped in ["（一）市食安办负责，市食安委有关委员单位配合，深入宣传贯彻\n《食品安全法》，制定宣传方案。",
                    "第一条 为完善贫困学生的资助保障体系，帮助家庭经济困难的义\n务教育阶段学生完成学业。",
                    "（三）加强宣传。各地要，利用多种方式\n开展宣传。"]
    {
      #expect(lines(run(only(["line_join"]), wrapped + "\n" + body)).count == 9, "\(wrapped)")
    }
  }

  @Test func lineJoinKeepsFieldLinesApart() {
    // a web page's information block (Corpus/heldout3 401): each field stays on its line, and the
    // title after it is not run onto the last field
    let src = """
      公文时效：有效 发布机构：铜川市人民政府办公室
      铜川市人民政府办公室关于
      落实《政府工作报告》重点工作分工的意见
      来源：铜川市人民政府办公室 发布时间：2020-05-26 14:04 阅读： 字体大小： 打印 保存 收藏
      各区县人民政府，市新区管委会，市政府各工作部门、直属事业单位：
      """
    #expect(lines(run(only(["line_join"]), src)) == [
      "公文时效：有效 发布机构：铜川市人民政府办公室",
      "铜川市人民政府办公室关于落实《政府工作报告》重点工作分工的意见",
      "来源：铜川市人民政府办公室 发布时间：2020-05-26 14:04 阅读： 字体大小： 打印 保存 收藏",
      "各区县人民政府，市新区管委会，市政府各工作部门、直属事业单位：",
    ])
    // the recipients line is never run onto an information field before it (Corpus/heldout6 711)
    let block = "文号：海府办函〔2022〕24号 主题词：医疗机构；健康城市；规划\n各镇人民政府，市政府各工作部门，各企、事业单位："
    #expect(lines(run(only(["line_join"]), block)).count == 2)
    // a short field line with a comma is no wrapped line: the doc number under it stays apart (Corpus/heldout36);
    // a page's prose sets the typical full line
    let prose = String(repeating: "经市政府同意，现将行动方案印发给你们，请认真推进落实，确保各项任务按期完成。\n", count: 8)
    #expect(Array(lines(run(only(["line_join"]), "检索关键词：人工智能，北斗\n沪科合〔2025〕42号\n各有关单位：\n" + prose)).prefix(3)) == [
      "检索关键词：人工智能，北斗", "沪科合〔2025〕42号", "各有关单位：",
    ])
    // a wrapped label list is running text and is still joined
    let wrapped = "牵头单位：市发改委、市财政局、市教育局、市卫生健康\n委、市民政局。"
    #expect(run(only(["line_join"]), wrapped) == "牵头单位：市发改委、市财政局、市教育局、市卫生健康委、市民政局。")
  }

  @Test func docNumbers() {
    let n = only(["doc_number"])
    #expect(run(n, "新政办发[2011]18号") == "新政办发〔2011〕18号")
    #expect(run(n, "新政办发 [2011] 18 号") == "新政办发 〔2011〕 18 号")
    #expect(run(n, "（国办发(2013)14号）") == "（国办发〔2013〕14号）")
    #expect(run(n, "鲁政办发［2013］21号、淄政发【2013】23号") == "鲁政办发〔2013〕21号、淄政发〔2013〕23号")
    #expect(run(n, "近期重点实施方案(2009—2011年)的通知") == "近期重点实施方案(2009—2011年)的通知")
  }

  @Test func widthAndPunctuation() {
    let n = only(["width"])
    #expect(run(n, "参保率均提高到９０％以上。1．巩固") == "参保率均提高到90%以上。1.巩固")
    #expect(run(n, "的通知发布日期:2011-03-07新政办发") == "的通知发布日期：2011-03-07新政办发")
    #expect(run(n, "(人力资源和社会保障厅、卫生厅分别负责)(2)扩大") == "（人力资源和社会保障厅、卫生厅分别负责）（2）扩大")
    #expect(run(n, "（责任单位：市财政局、人力资源和社会保障局)") == "（责任单位：市财政局、人力资源和社会保障局）")
    #expect(run(n, "完善医药产业发展政策,规范生产流通秩序;加强") == "完善医药产业发展政策，规范生产流通秩序；加强")
    // seed 003: mixed pair and a stray comma
    #expect(run(n, "科学合理调整中医医疗服务价格。(省卫生计生委、省财政厅负责）") == "科学合理调整中医医疗服务价格。（省卫生计生委、省财政厅负责）")
    #expect(run(n, "各项改革任务的落实,为实施“十三五”医改规划") == "各项改革任务的落实，为实施“十三五”医改规划")
    #expect(run(n, "“十二五\"期间") == "“十二五”期间")
    // half-width kept where it belongs
    #expect(run(n, "52.67 万、1-2 所、10:30、1,000人") == "52.67 万、1-2 所、10:30、1,000人")
    #expect(run(n, "网址 http://www.gov.cn (Word, Excel)") == "网址 http://www.gov.cn (Word, Excel)")
    // never folded to ASCII
    #expect(run(n, "《通知》“一卡通”、。") == "《通知》“一卡通”、。")
    // small form variants (Corpus/heldout2 321: 1﹒全省生产总值…)
    #expect(run(n, "1﹒全省生产总值增长7﹪以上﹐力争更好﹙全年﹚﹔") == "1.全省生产总值增长7%以上，力争更好（全年）；")
  }

  @Test func cjkSpacing() {
    let n = only(["cjk_spacing"])
    #expect(run(n, "深化医药卫生体制改革 2012 年主要工作安排") == "深化医药卫生体制改革2012年主要工作安排")
    #expect(run(n, "适宜技术和服 务。安排 32 名人员，达到 52.67 万、在 98% 以上") == "适宜技术和服务。安排32名人员，达到52.67万、在98%以上")
    #expect(run(n, "1. 巩固扩大基本医保覆盖面\n（2） 深化编制") == "1.巩固扩大基本医保覆盖面\n（2）深化编制")
    #expect(run(n, "see Hello World 和 Word 文档") == "see Hello World 和 Word 文档")
  }

  @Test func stepsCanBeSwitchedOff() {
    #expect(only([]).stepIDs.isEmpty)
    // (`bar_cells` runs before `junk`, which removes the bar lines it reads; it is switched with `table_cells`)
    #expect(normalizer.stepIDs == ["newlines", "decoding", "bar_cells", "junk", "traditional", "whitespace", "flattened_lines", "table_cells",
                                   "line_join", "doc_number", "width", "cjk_spacing"])
    #expect(run(only([]), " 服 务\u{3000}") == " 服 务\u{3000}")
  }
}

@Test func emptyResultWarns() {
  let d = norm("- 国务院部门\n- 省市政府\n\u{3000}\n")
  #expect(d.text.scalars.isEmpty)
  #expect(d.warnings.map(\.code) == ["empty_after_normalize"])
  #expect(norm("").warnings.isEmpty)
  #expect(norm(" \n\u{3000}\n").warnings.isEmpty)
}
