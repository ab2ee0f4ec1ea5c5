import GongwenCore
import GongwenSegment
import GongwenTestSupport
import Testing

private func signed(_ date: String) -> String {
  "各单位：\n一、任务\n（一）做好工作。\n某某市人民政府办公室\n\(date)"
}

@Suite struct MetadataTests {
  @Test(arguments: [
    ("二〇一一年三月五日", "2011-03-05"),
    ("二〇一二年八月一日", "2012-08-01"),
    ("二○一三年十二月三十一日", "2013-12-31"),
    ("二零一四年十月二十日", "2014-10-20"),
    ("二〇一六年十一月十日", "2016-11-10"),
    ("2014年1月14日", "2014-01-14"),
    ("2016年7月22日", "2016-07-22"),
    ("2013-10-22", "2013-10-22"),
  ])
  func signatureDates(_ written: String, _ iso: String) throws {
    let (o, _) = try outline(signed(written))
    #expect(o.metadata.date == iso)
    #expect(o.metadata.issuer == "某某市人民政府办公室")
  }

  @Test(arguments: ["二〇一一年十三月五日", "2014年2月30日", "二〇一一年三月"])
  func invalidDatesAreNotDates(_ written: String) throws {
    let (o, _) = try outline(signed(written))
    #expect(o.metadata.date == nil)
  }

  @Test func aPageHeadlineAndTheCoversTitleAreTwoTitles() throws {
    // Corpus/heldout68 6802: the headline (issuer + title on one line), then the cover's issuer line and its title
    // over two lines; the title is one of them, not both run together: the cover's, without its issuer line (seed 001's
    // convention, as 6802's key reads it; the headline was its alternative)
    let text = "某某市人民政府办公室关于印发某某实施方案的通知\n某某市人民政府办公室\n关于印发某某\n实施方案的通知\n某政办〔2020〕19号\n各县（市、区）人民政府：\n现印发给你们。\n一、任务\n（一）做好工作。"
    let (o, _) = try outline(text)
    #expect(o.metadata.title == "关于印发某某实施方案的通知")
    // (a headline alone keeps its issuer)
    let alone = "某某市人民政府办公室关于印发某某实施方案的通知\n某政办〔2020〕19号\n各县（市、区）人民政府：\n现印发给你们。\n一、任务\n（一）做好工作。"
    #expect(try outline(alone).0.metadata.title == "某某市人民政府办公室关于印发某某实施方案的通知")
    // (nor does a header run together with its number count as a cover under an issuer line: Corpus/heldout65 6505)
    let runTogether = "某某市人民政府办公室关于某事的函\n某某市人民政府办公室关于某事的函 某政函〔2001〕72号\n各单位：\n现函复如下：\n一、同意。"
    #expect(try outline(runTogether).0.metadata.title == "某某市人民政府办公室关于某事的函")
    // a title wrapped right before its own ending still runs on (关于转发…的通知 / 的通知)
    let (p, _) = try outline("关于转发省政府关于做好某某工作的通知\n的通知\n各单位：\n一、任务\n（一）做好工作。")
    #expect(p.metadata.title == "关于转发省政府关于做好某某工作的通知的通知")
  }

  @Test func aFlattenedPagesHeaderRunTogether() throws {
    // Corpus/heldout142 14202: a scraped page whose header and cover ran into one line — page title field,
    // breadcrumbs ending in the title, then doc number, issuer + title, recipients, cover text and an inline signature
    let text = "标题：关于印发某某工作方案的通知\n当前位置：\n首页政务公开最新文件区管委会办公室文件关于印发某某工作方案的通知时间：2015-06-16 09:50\n"
      + "岚综管办〔2015〕113号某某实验区管委会办公室关于印发某某工作方案的通知区直各单位，各乡镇人民政府：现将方案印发给你们，请认真组织实施。"
      + "某某实验区管委会办公室2015年6月12日某某工作方案为做好工作，特制定本方案。一、任务（一）做好工作。"
    let (o, _) = try outline(text)
    #expect(o.metadata.title == "某某实验区管委会办公室关于印发某某工作方案的通知")
    #expect(o.metadata.docNumber == "岚综管办〔2015〕113号")
    #expect(o.metadata.recipients == ["区直各单位", "各乡镇人民政府"])
    #expect(o.metadata.date == "2015-06-12")
    #expect(o.metadata.issuer == "某某实验区管委会办公室")
    // the title's own doc number in brackets between it and the recipients (Corpus/heldout7); a bureau to its sections
    let cited = "某某省人民政府关于某某工作的落实意见（某政发〔2014〕37号）各市（州）人民政府，省政府各厅委办：\n现提出如下意见。\n一、任务\n（一）做好工作。"
    #expect(try outline(cited).0.metadata.recipients == ["各市（州）人民政府", "省政府各厅委办"])
    let sections = "某某委员会关于某某工作的通知各处室、执法支队，各星级饭店：根据要求，现通知如下。一、任务（一）做好工作。"
    #expect(try outline(sections).0.metadata.recipients == ["各处室、执法支队", "各星级饭店"])
  }

  /// A title quoting what it issues, run into the recipients (关于印发《…》的通知区直各单位，…：; Corpus/heldout137–147): the quotation
  /// is no stop. A page's breadcrumb run into a field label (…监督检查情况索引号：) is no recipients line (Corpus/heldout138, 139).
  @Test func recipientsAfterATitleThatQuotesAPlanAndNotAfterABreadcrumb() throws {
    let quoted = "岚综管办〔2015〕113号某某实验区管委会办公室关于印发《某某工作方案》的通知区直各单位，各乡镇人民政府：《某某工作方案》已经研究同意，"
      + "现印发给你们。\n一、任务\n（一）做好工作。"
    #expect(try outline(quoted).0.metadata.recipients == ["区直各单位", "各乡镇人民政府"])
    let crumb = "当前位置：\n首页政务公开政府信息公开管委会文件环境保护、公共卫生的监督检查情况索引号：\n某某管委会关于某某工作的通知\n"
      + "各片区项目建设指挥部，区直各单位：\n为做好工作，现通知如下。\n一、任务\n（一）做好工作。"
    #expect(try outline(crumb).0.metadata.recipients == ["各片区项目建设指挥部", "区直各单位"])
    // a quotation before any title start still stops the search (a sentence citing a document, then a colon)
    let cited = "各单位要按照《某某条例》规定，做好以下工作：\n一、任务\n（一）做好工作。"
    #expect(try outline(cited).0.metadata.recipients == [])
  }

  @Test func anInlineDateInProseIsNoSignature() throws {
    // a date after a sentence end but with no issuer before it, or one after prose: not the notice's signature
    let prose = "各单位：\n为做好工作，现通知如下。会议定于2015年6月12日召开。一、任务（一）做好工作。\n某某市人民政府办公室\n2015年7月1日"
    let (o, _) = try outline(prose)
    #expect(o.metadata.date == "2015-07-01")
    // an inline signature never outranks one on its own lines
    let both = "各单位：\n请认真组织实施。某某市人民政府办公室2015年6月12日\n一、任务\n（一）做好工作。\n某某市人民政府办公室\n2015年7月1日"
    #expect(try outline(both).0.metadata.date == "2015-07-01")
    let only = "各单位：\n请认真组织实施。某某市人民政府办公室2015年6月12日某某工作方案\n一、任务\n（一）做好工作。"
    #expect(try outline(only).0.metadata.date == "2015-06-12")
  }

  @Test func issuerFromAPageFieldOnlyWhereNothingElseNamesOne() throws {
    // a page's issuer field (Corpus/heldout105 10501, a signature-less page; 1101's 发文机关：/ value on the next line)
    let field = "标题：某某区人民政府办公室关于印发某某方案的通知\n发布单位：某某区人民政府办公室\n发布日期：2020-12-21\n各单位：\n现印发给你们。\n一、任务\n（一）做好工作。"
    #expect(try outline(field).0.metadata.issuer == "某某区人民政府办公室")
    let nextLine = "发文机关：\n国务院办公厅\n成文日期：\n2014年02月23日\n各单位：\n一、任务\n（一）做好工作。"
    #expect(try outline(nextLine).0.metadata.issuer == "国务院办公厅")
    // a site's name in the field is no issuer; a signature outranks the field
    #expect(try outline("发布机构：中国平潭\n各单位：\n一、任务\n（一）做好工作。").0.metadata.issuer == nil)
    #expect(try outline("发布单位：区政府\n" + signed("2014年1月14日")).0.metadata.issuer == "某某市人民政府办公室")
  }

  @Test func signatureIssuersPastASealNoteAndOfASubdistrict() throws {
    // Corpus/heldout109 10901, heldout108 10801: a seal note between issuer and date; heldout100 10005: 街道办事处
    for note in ["（上海市发展和改革委员会代章）", "某某区绿化和市容管理局（代章）"] {
      let text = "各单位：\n一、任务\n（一）做好工作。\n某某市区域发展领导小组办公室\n\(note)\n2025年1月13日"
      #expect(try outline(text).0.metadata.issuer == "某某市区域发展领导小组办公室", "\(note)")
    }
    let office = "各单位：\n一、任务\n（一）做好工作。\n闵行区古美路街道办事处\n2022年7月20日"
    #expect(try outline(office).0.metadata.issuer == "闵行区古美路街道办事处")
    // a year written with the letter O or a digit zero among Chinese numerals (二OO六年, 二00六年; heldout115, heldout119)
    #expect(try outline(signed("二OO六年三月十四日")).0.metadata.date == "2006-03-14")
    #expect(try outline(signed("二00六年十一月二十二日")).0.metadata.date == "2006-11-22")
  }

  @Test func numbers() {
    let cases: [(String, Numerals, Int?)] = [
      ("一", .chinese, 1), ("十", .chinese, 10), ("十一", .chinese, 11), ("二十五", .chinese, 25),
      ("三十", .chinese, 30), ("三十一", .chinese, 31), ("一百零二", .chinese, 102), ("二〇一一", .chinese, 2011),
      ("十百", .chinese, nil), ("12", .arabic, 12), ("１２", .arabic, 12), ("1a", .arabic, nil),
      ("⑫", .circled, 12), ("B", .latin, 2),
    ]
    for (s, kind, v) in cases {
      #expect(parseNumber(Array(s.unicodeScalars), kind) == v, "\(s)")
    }
  }

  @Test func docNumberIgnoresCitations() throws {
    let cited = "各单位：\n根据《关于加强管理的意见》（国办发〔2010〕56号）精神，现通知如下：\n一、任务\n（一）做好工作。"
    #expect(try outline(cited).0.metadata.docNumber == nil)
    let own = "某某县人民政府办公室\n关于加强管理的通知\n某政办发〔2013〕9号\n各单位：\n根据《意见》（国办发〔2010〕56号）精神，现通知如下：\n一、任务"
    let (o, _) = try outline(own)
    #expect(o.metadata.docNumber == "某政办发〔2013〕9号")
    #expect(o.metadata.title == "关于加强管理的通知")
    #expect(o.metadata.issuer == "某某县人民政府办公室")
  }

  @Test func headerRunTogetherByTheNormaliser() throws {
    let text = "临沂市人民政府办公室关于印发临沂市深化医药卫生体制改革2012年主要工作安排的通知临政办发〔2012〕64号\n各县区人民政府，市政府各部门：\n现印发给你们。\n临沂市人民政府办公室 二〇一二年八月一日\n一、总体要求"
    let m = try outline(text).0.metadata
    #expect(m.title == "关于印发临沂市深化医药卫生体制改革2012年主要工作安排的通知")
    #expect(m.docNumber == "临政办发〔2012〕64号")
    #expect(m.issuer == "临沂市人民政府办公室")
    #expect(m.date == "2012-08-01")
    #expect(m.recipients == ["各县区人民政府", "市政府各部门"])
  }

  @Test func titleAcrossLinesAndPageTitleFallback() throws {
    let text = "临沂市人民政府办公室\n关于印发临沂市深化医药卫生体制改革\n2012年主要工作安排的通知\n各县区人民政府：\n一、总体要求"
    let (o, _) = try outline(text, pageTitle: "网页标题")
    #expect(o.metadata.title == "关于印发临沂市深化医药卫生体制改革2012年主要工作安排的通知")
    // no notice title in the text: the page title; an attachment title is never taken
    let plain = "各州、市人民政府：\n《某某实施方案》已经省人民政府同意，现印发给你们。\n某某省人民政府办公厅\n2014年1月14日\n某某省巩固完善基本药物制度实施方案\n一、总体要求"
    #expect(try outline(plain, pageTitle: "云南省人民政府办公厅关于印发某某实施方案的通知").0.metadata.title
      == "云南省人民政府办公厅关于印发某某实施方案的通知")
    #expect(try outline(plain).0.metadata.title == nil)
  }

  @Test func jointIssuersOneALine() throws {
    // Corpus/heldout36 3703: six offices sign, one a line, above the date
    let text = "关于印发《某某行动方案（2026-2030年）》的通知\n沪科合〔2025〕42号\n各有关单位：\n现印发给你们。\n上海市科学技术委员会\n上海市经济和信息化委员会\n上海市商务委员会\n2025年12月22日\n一、工作目标"
    let m = try outline(text).0.metadata
    #expect(m.issuer == "上海市科学技术委员会 上海市经济和信息化委员会 上海市商务委员会")
    #expect(m.date == "2025-12-22")
    // a year range with a hyphen inside the quoted name does not end the title
    #expect(m.title == "关于印发《某某行动方案（2026-2030年）》的通知")
    // a hyphen outside a quote still ends it (a page title run into its site's name)
    #expect(try outline("关于加强管理的意见-某某省人民政府门户网站\n各单位：\n一、任务").0.metadata.title == "关于加强管理的意见")
  }

  @Test func aPageTitleEndingWithTheNameItIssues() throws {
    // Corpus/heldout36 3705: 上海市人民政府办公厅印发《…的若干意见》, the quote closing the line
    let text = "上海市人民政府办公厅印发《关于加快科技服务业发展的若干意见》\n沪府办发〔2025〕11号\n各区人民政府：\n一、提升供给质量"
    #expect(try outline(text).0.metadata.title == "上海市人民政府办公厅印发《关于加快科技服务业发展的若干意见》")
    // a quote followed by more words on its line is no ending
    #expect(try outline("关于学习贯彻《某某条例》精神\n各单位：\n一、任务").0.metadata.title == nil)
  }

  @Test func publishedFromTextThenPage() throws {
    let labelled = "关于某事的通知发布日期:2011-03-07某政办发〔2011〕18号各单位：现通知如下：一、任务"
    let (o, _) = try outline(labelled, pagePublished: "2012-01-01")
    #expect(o.metadata.published == "2011-03-07")
    #expect(o.metadata.docNumber == "某政办发〔2011〕18号")
    #expect(o.metadata.recipients == ["各单位"])
    #expect(try outline("各单位：\n一、任务", pagePublished: "2014-01-20 10:30:00").0.metadata.published == "2014-01-20")
    #expect(try outline("各单位：\n一、任务", pagePublished: "2014年1月20日").0.metadata.published == "2014-01-20")
    #expect(try outline("各单位：\n一、任务").0.metadata.published == nil)
  }

  @Test func recipientsSplitOnCommasOnly() throws {
    #expect(try outline("各州、市人民政府，省直各委、办、厅、局：\n一、任务").0.metadata.recipients
      == ["各州、市人民政府", "省直各委、办、厅、局"])
    #expect(try outline("各州、市人民政府,省直各委、办、厅、局:\n一、任务").0.metadata.recipients
      == ["各州、市人民政府", "省直各委、办、厅、局"])
    // a colon line that names no office is not a recipients line
    #expect(try outline("现将有关事项通知如下：\n一、任务").0.metadata.recipients == [])
  }

  @Test func attachments() throws {
    let one = "一、任务\n（一）做好工作。\n附件：部分重点工作任务分工及进度安排表"
    #expect(try outline(one).0.metadata.attachments == ["部分重点工作任务分工及进度安排表"])
    let two = "一、任务\n（一）做好工作。\n附件：1.任务分工表\n2.进度安排表\n某某局\n2014年1月1日"
    let (o, _) = try outline(two)
    #expect(o.metadata.attachments == ["任务分工表", "进度安排表"])
    #expect(o.units.count == 2)
    #expect(try outline("附件下载：相关链接：").0.metadata.attachments == [])
    // a name wholly in title marks is the name, once, beside the attachment's own label (heldout186 18602); marks around
    // part of a name stay (heldout122 12203)
    let marked = "一、任务\n（一）做好工作。\n附件：《2024年重大行政决策事项目录》\n某某镇人民政府\n2024年10月11日\n附件：\n2024年重大行政决策事项目录"
    #expect(try outline(marked).0.metadata.attachments == ["2024年重大行政决策事项目录"])
    let part = "一、任务\n（一）做好工作。\n附件：1.《上海市实施方案》市级部门分工方案\n2.《甲》《乙》"
    #expect(try outline(part).0.metadata.attachments == ["《上海市实施方案》市级部门分工方案", "《甲》《乙》"])
  }

  @Test func anAttachmentsOwnLabelAndTitleNameNoMore() throws {
    // heldout187 18701: after the signature a bare label, the attachment's title, then its own numbered items
    let own = "附件：存在问题\n某某区人民政府督查室\n2019年5月15日\n附件：\n存在问题：\n1.春江医院附近北侧胡同内垃圾。（责任单位：英雄街道）\n"
      + "2.天桥下路面破损。（责任单位：住建局）"
    let (o, _) = try outline(own)
    #expect(o.metadata.attachments == ["存在问题"])
    #expect(o.units.count == 2)
    // a bare label over numbered names lists them (heldout129 12904)
    let list = "一、任务\n（一）做好工作。\n附件：\n1.建设基本条件\n2.建设指标体系"
    #expect(try outline(list).0.metadata.attachments == ["建设基本条件", "建设指标体系"])
    // the title printed again without its bracketed qualifier is the same attachment (heldout33 3404)
    let again = "附件:铜仁市行动方案(公开征求意见稿)\n铜仁市发展和改革委员会\n2026年1月5日\n附件:\n铜仁市行动方案\n(公开征求意见稿)\n一、工作目标\n（一）完成投资。"
    let names = try outline(again).0.metadata.attachments
    #expect(names == ["铜仁市行动方案(公开征求意见稿)"], "\(names)")
  }

  @Test func aTimesColonIsNoRecipientsColon() throws {
    // heldout187 18701: a page's date line run into the header; its `15:15` is no recipients' colon
    let text = "某某区人民政府2019-05-17 15:15:00来源：区人民政府督查室关于整改的通知\n仁兴街道办事处、区住建局：\n一、整改要求\n（一）立即整改。"
    #expect(try outline(text).0.metadata.recipients == ["仁兴街道办事处、区住建局"])
  }

  /// A list run on in one line and into the signature of a flattened page (Corpus/heldout155 15501).
  @Test func attachmentsRunOnInOneLine() throws {
    let text = "一、任务\n（一）做好工作。\n附件：1.建设项目排查表2.生活源排查表3.垃圾堆放点、采石挖沙点排查表平潭综合实验区管委会办公室2016年6月13日\n"
      + "附件1\n建设项目排查表\n平潭综合实验区管委会办公室\n2016年6月13日"
    let m = try outline(text).0.metadata
    #expect(m.attachments == ["建设项目排查表", "生活源排查表", "垃圾堆放点、采石挖沙点排查表"])
    // a number inside a name and a decimal are no items
    let inside = "一、任务\n（一）做好工作。\n附件：1.第2.0版接口规范2.数据字典"
    #expect(try outline(inside).0.metadata.attachments == ["第2.0版接口规范", "数据字典"])
    // a name that starts with the issuer's and a date without one before it stay whole
    let named = "一、任务\n（一）做好工作。\n附件：某某局2016年工作要点\n某某局\n2016年6月13日"
    #expect(try outline(named).0.metadata.attachments == ["某某局2016年工作要点"])
  }

  /// A page printed without line breaks or spaces (Corpus/heldout158 15801, 15802): the signature runs into the attachment's
  /// name or a phone number with no sentence end before it. The title's issuer (perhaps with more of an office's name) right
  /// before a date signs; an attachment run in after a sentence end is named up to that signature.
  @Test func aSignatureRunIntoTheTextWithNoSentenceEndBeforeIt() throws {
    let head = "岚综管综〔2015〕175号某某实验区管委会关于加强某某工作的通知区直各单位：为做好工作，现通知如下：一、任务（一）做好工作。"
    let glued = head + "附件：某某工作审核时限图某某实验区管委会2015年8月31日来源：中国某某"
    let m = try outline(glued).0.metadata
    #expect(m.date == "2015-08-31")
    #expect(m.issuer == "某某实验区管委会")
    #expect(m.attachments == ["某某工作审核时限图"])
    // the title's issuer with its office's name, after a phone number
    let office = head + "联系电话：24375668某某实验区管委会办公室2015年4月28日来源：中国某某"
    let o = try outline(office).0.metadata
    #expect(o.date == "2015-04-28")
    #expect(o.issuer == "某某实验区管委会办公室")
    #expect(o.attachments == [])
    // a date in prose after another body's name (no title issuer) signs nothing; a run-in 附件 in a sentence names nothing
    let prose = head + "会议按照要求，某某市财政局2015年8月31日召开。详见附件：某某表，按时报送。"
    let p = try outline(prose).0.metadata
    #expect(p.date == nil)
    #expect(p.attachments == [])
  }

  @Test(arguments: [true, false]) func seed000(_ normalised: Bool) throws {
    let m = try outline(normalised ? seed("000") : TestSupport.corpusNotice("000")).0.metadata
    #expect(m.title == "关于印发自治区医药卫生体制五项重点改革2011年度主要工作安排的通知")
    #expect(m.docNumber == "新政办发〔2011〕18号")
    #expect(m.issuer == nil)
    #expect(m.date == "2011-03-05")
    #expect(m.published == "2011-03-07")
    #expect(m.recipients == ["伊犁哈萨克自治州", "各州、市、县（市）人民政府", "各行政公署", "自治区人民政府各部门、各直属机构"])
    #expect(m.attachments == [])
    #expect(m.forwarded == nil)
  }

  @Test(arguments: [true, false]) func seed001(_ normalised: Bool) throws {
    let m = try outline(normalised ? seed("001") : TestSupport.corpusNotice("001")).0.metadata
    #expect(m.title == "关于印发临沂市深化医药卫生体制改革2012年主要工作安排的通知")
    #expect(m.docNumber == "临政办发〔2012〕64号")
    #expect(m.issuer == "临沂市人民政府办公室")
    #expect(m.date == "2012-08-01")
    #expect(m.published == nil)
    #expect(m.recipients.first == "各县区人民政府")
    #expect(m.recipients.count == 7)
    #expect(m.forwarded == nil)
  }

  @Test(arguments: [true, false]) func seed002(_ normalised: Bool) throws {
    let m = try outline(normalised ? seed("002") : TestSupport.corpusNotice("002"), pagePublished: "2014-01-20").0.metadata
    #expect(m.title == nil)
    #expect(m.docNumber == nil)
    #expect(m.issuer == "云南省人民政府办公厅")
    #expect(m.date == "2014-01-14")
    #expect(m.published == "2014-01-20")
    #expect(m.recipients == ["各州、市人民政府", "省直各委、办、厅、局"])
  }

  @Test(arguments: [true, false]) func seed003(_ normalised: Bool) throws {
    let m = try outline(normalised ? seed("003") : TestSupport.corpusNotice("003")).0.metadata
    #expect(m.title == nil)
    #expect(m.docNumber == "甘政办发〔2016〕112号")
    #expect(m.issuer == "甘肃省人民政府办公厅")
    #expect(m.date == "2016-07-22")
    #expect(m.recipients == ["各市、自治州人民政府", "兰州新区管委会", "省政府有关部门", "中央在甘有关单位"])
    #expect(m.attachments == ["部分重点工作任务分工及进度安排表"])
  }

  @Test(arguments: [true, false]) func seed004Forwarded(_ normalised: Bool) throws {
    let m = try outline(normalised ? seed("004") : TestSupport.corpusNotice("004")).0.metadata
    #expect(m.title == "转发淄博市人民政府办公厅关于深化医药卫生体制改革重点工作任务分工的通知")
    #expect(m.docNumber == "桓政办发〔2013〕92号")
    #expect(m.issuer == "桓台县人民政府办公室")
    #expect(m.date == "2013-12-19")
    #expect(m.recipients == ["各镇人民政府", "城区街道办事处", "县政府各部门", "各有关单位"])
    #expect(m.forwarded == ForwardedNotice(title: "关于深化医药卫生体制改革重点工作任务分工的通知",
                                           docNumber: "淄政办发〔2013〕57号", issuer: "淄博市人民政府办公厅",
                                           date: "2013-10-22"))
  }

  @Test func forwardingTitleWrappedInGuanyu() throws {
    let text = "某某县人民政府办公室关于转发某某市卫生局关于做好春季防疫工作的通知的通知\n各镇人民政府：\n现转发给你们。\n一、任务"
    let m = try outline(text).0.metadata
    // the issuer printed on the title's own line is part of the title (GB/T 9704-2012 7.3.3), not a
    // signature; the forwarded notice is still read from the title after it
    #expect(m.title == "某某县人民政府办公室关于转发某某市卫生局关于做好春季防疫工作的通知的通知")
    #expect(m.issuer == nil)
    #expect(m.forwarded?.title == "关于做好春季防疫工作的通知")
    #expect(m.forwarded?.issuer == "某某市卫生局")
  }

  /// Corpus/heldout121 12102, heldout122 12204: a page prints the forwarding title twice (its header's `标题:` line and the
  /// body's own); the repeat is no forwarded notice's header, so the signature under it is the outer notice's.
  @Test func theOuterTitleRepeatedIsNoForwardedHeader() throws {
    let title = "上海市人民政府办公厅关于转发市发展改革委制订的《上海市社区服务设施建设工程实施方案》的通知"
    let text = "标题: \(title)\n文号: 沪府办发〔2024〕25号\n\n\(title)\n\n各区人民政府，市政府各委、办、局：\n"
      + "市发展改革委制订的《上海市社区服务设施建设工程实施方案》已经市政府同意，现转发给你们，请认真按照执行。\n\n"
      + "上海市人民政府办公厅\n\n2024年12月14日\n\n上海市社区服务设施建设工程实施方案\n\n一、强化资源统筹\n（一）完善设施网络。加强统筹。\n"
    let m = try outline(text).0.metadata
    #expect(m.date == "2024-12-14")
    #expect(m.issuer == "上海市人民政府办公厅")
    #expect(m.forwarded?.date == nil)
  }

  /// Corpus/heldout153 15303: `转发区消防支队制订的《宝山区关于…的工作意见》的通知`, the forwarded notice's title printed after the outer
  /// signature with no issuer before it (no title hit), its own signature at the end: the quoted name is the forwarded title,
  /// its line the forwarded header, so the outer date is the first signature's and the inner signature the forwarded one's.
  @Test func forwardedTitleQuotedInTheOuterTitleFindsItsHeaderLine() throws {
    let name = "宝山区关于进一步加强城市公共消防安全的工作意见"
    let text = "上海市宝山区人民政府办公室关于转发区消防支队制订的《\(name)》的通知\n各镇人民政府，各街道办事处：\n"
      + "区消防支队制订的《\(name)》已经区政府同意，现转发给你们，请认真按照执行。\n上海市宝山区人民政府办公室\n2019年7月17日\n"
      + "\(name)\n为深入贯彻落实，现提出以下意见：\n一、健全责任\n（一）完善机制。加强领导。\n上海市宝山区消防支队\n2019年7月2日"
    let m = try outline(text).0.metadata
    #expect(m.date == "2019-07-17")
    #expect(m.issuer == "上海市宝山区人民政府办公室")
    #expect(m.forwarded == ForwardedNotice(title: name, docNumber: nil, issuer: "上海市宝山区消防支队", date: "2019-07-02"))
  }

  /// Without the forwarded notice's own signature, the body named before the quoted name is its issuer (`转发区建设管理委制订的《…》`,
  /// `转发区应急办《…》`; Corpus/heldout104 10402, heldout120 12004).
  @Test(arguments: [("区建设管理委制订的", "区建设管理委"), ("区应急办", "区应急办"), ("市住房城乡建设管理委、市房屋管理局", "市住房城乡建设管理委、市房屋管理局"), ("", nil)]
    as [(String, String?)])
  func forwardedIssuerBeforeAQuotedName(_ before: String, _ issuer: String?) throws {
    let text = "某某区人民政府办公室关于转发\(before)《某某区城市更新实施计划》的通知\n各街镇：\n现转发给你们。\n某某区人民政府办公室\n2025年3月1日\n"
      + "某某区城市更新实施计划\n一、目标\n（一）完成更新。"
    let m = try outline(text).0.metadata
    #expect(m.forwarded?.title == "某某区城市更新实施计划")
    #expect(m.forwarded?.issuer == issuer)
  }

  /// 转发X关于Y实施方案的通知: a plan's title ends with its kind, and 的通知 is the outer notice's; a forwarded 通知 keeps it
  /// (Corpus/heldout60 6101, 6102, 6105, heldout76 7602).
  @Test func aForwardedPlansTitleLeavesTheOuterEnding() throws {
    func forwardedTitle(_ title: String) throws -> String? {
      try outline("\(title)\n各镇人民政府：\n现转发给你们。\n一、任务\n（一）做好工作。").0.metadata.forwarded?.title
    }
    #expect(try forwardedTitle("某某区人民政府办公室转发区教委关于某某幼儿园建设工作实施方案的通知") == "关于某某幼儿园建设工作实施方案")
    #expect(try forwardedTitle("某某市人民政府办公厅转发市计委关于加快现代物流业发展意见的通知") == "关于加快现代物流业发展意见")
    #expect(try forwardedTitle("某某省人民政府转发国务院关于开展第三次全国文物普查的通知") == "关于开展第三次全国文物普查的通知")
  }

  @Test func forwardedWithoutInnerHeaderIsDerivedFromTheTitle() throws {
    let text = "某某县人民政府办公室\n转发某某市人民政府办公厅关于加强管理的通知\n某政办发〔2014〕3号\n各镇人民政府：\n现将通知转发给你们。\n一、任务\n（一）做好工作。"
    let m = try outline(text).0.metadata
    #expect(m.forwarded?.title == "关于加强管理的通知")
    #expect(m.forwarded?.issuer == "某某市人民政府办公厅")
    #expect(m.docNumber == "某政办发〔2014〕3号")
  }

  @Test func numberedLinesAfterANamedAttachmentNumberOn() throws {
    // heldout168 16804: `附件：成员单位职责分工`, then the plan's own `1.总则` is no second attachment; `附件：1.A` / `2.B` are two
    let (o, _) = try outline("各单位：\n现印发给你们。\n附件：成员单位职责分工\n1.总则\n1.1编制目的\n为建立健全机制，制定本预案。")
    #expect(o.metadata.attachments == ["成员单位职责分工"])
    let (p, _) = try outline("各单位：\n现印发给你们。\n附件：1.任务分工表\n2.联系人名单\n某某市人民政府办公室\n2020年3月5日")
    #expect(p.metadata.attachments == ["任务分工表", "联系人名单"])
    let (q, _) = try outline("各单位：\n现印发给你们。\n附件：\n1.任务分工表\n2.联系人名单\n某某市人民政府办公室\n2020年3月5日")
    #expect(q.metadata.attachments == ["任务分工表", "联系人名单"])
  }

  @Test func aCrawlersTableOfPageFields() throws {
    // Corpus/heldout165: a crawler's Markdown table of the page's fields (`| 发布日期 | 2026-05-01`) before the notice; its
    // rows are no recipients line (`| 来源链接 | https://…` holds a colon), and its publication date is the cell after the label
    let text = "基本信息\n| 字段 | 内容\n| 发布机构 | —\n| 发布日期 | 2026-05-01\n| 关键词 | 服务、贸易、分工负责、商务厅、企业、职责\n"
      + "| 来源链接 | https://www.gd.gov.cn/zwgk/post_4899214.html\n全文\n某某省人民政府办公厅关于印发某某行动计划的通知\n某办函〔2026〕57号\n"
      + "各地级以上市人民政府，省政府各部门、各直属机构：\n现印发给你们。\n一、任务\n（一）做好工作。"
    let (o, _) = try outline(text)
    #expect(o.metadata.published == "2026-05-01")
    #expect(o.metadata.recipients == ["各地级以上市人民政府", "省政府各部门、各直属机构"])
    // a row's cell holding the title run into the recipients still gives them (Corpus/heldout39 4001)
    let row = "73b19aa7 | 某某市人民政府印发某某政策措施的通知各县（区）人民政府、开发区管委会，市政府各部门：现印发给你们。\n一、任务\n（一）做好工作。"
    let (p, _) = try outline(row)
    #expect(p.metadata.recipients == ["各县（区）人民政府、开发区管委会", "市政府各部门"])
  }
}

/// A joint notice's issuers laid out two to a line, their spaces closed by Normalize (`中共柳河县委柳河县人民政府`; Corpus/heldout102
/// 10201, heldout100 10001, heldout14 1503): the signature's issuer is each of them, apart by a space (`metadata.issuer_joint_start`).
@Suite struct JointIssuerTests {
  static func issuer(_ lines: String) throws -> String? {
    try outline("各单位：\n一、任务\n（一）做好工作。\n\(lines)\n2023年5月6日").0.metadata.issuer
  }

  @Test(arguments: [
    ("中共柳河县委柳河县人民政府", "中共柳河县委 柳河县人民政府"),
    // (the same first two characters start the next: 上海海事局 names no level)
    ("上海市交通委员会上海海事局", "上海市交通委员会 上海海事局"),
    // (not inside a longer ending: 人民政府 of 人民政府办公厅, 委 of 委员会)
    ("济南市人民政府办公厅临沂市人民政府办公室", "济南市人民政府办公厅 临沂市人民政府办公室"),
    ("黄浦区发展和改革委员会黄浦区建设和管理委员会\n黄浦区规划和自然资源局", "黄浦区发展和改革委员会 黄浦区建设和管理委员会 黄浦区规划和自然资源局"),
    // (one name: a national body's local branch, an office of a committee, a party committee's department)
    ("国家税务总局上海市税务局", "国家税务总局上海市税务局"),
    ("上海市黄浦区人民政府办公室", "上海市黄浦区人民政府办公室"),
    ("中共上海市委宣传部", "中共上海市委宣传部"),
  ])
  func runTogetherIssuersAreApart(_ written: String, _ read: String) throws {
    #expect(try Self.issuer(written) == read)
  }
}

/// A regulation's passage note under its title (`2021年11月26日 丽水市第四届人民代表大会常务委员会第三十四次会议通过`, in brackets or
/// not, with `经` or not): the notice's date and issuer where no signature gives them (`metadata.passage_note`; Corpus/heldout176,
/// heldout177, heldout95 9504, heldout115 11502).
@Suite struct PassageNoteTests {
  @Test(arguments: [
    ("2021年11月26日 丽水市第四届人民代表大会常务委员会第三十四次会议通过", "2021-11-26", "丽水市第四届人民代表大会常务委员会"),
    ("（1994年10月27日山西省大同市第十届人民代表大会常务委员会第八次会议通过 1994年11月26日山西省第八届人民代表大会常务委员会第十二次会议批准）",
     "1994-10-27", "山西省大同市第十届人民代表大会常务委员会"),
    ("《贵州省档案条例》已于2001年9月23日经贵州省第九届人民代表大会常务委员会第二十四次会议通过。", "2001-09-23", "贵州省第九届人民代表大会常务委员会"),
  ])
  func theNoteGivesDateAndIssuer(_ note: String, _ date: String, _ issuer: String) throws {
    let (o, _) = try outline("丽水市扬尘污染防治规定\n\(note)\n第一条 为了防治扬尘污染，制定本规定。\n第二条 市生态环境主管部门负责监督管理。")
    #expect(o.metadata.date == date)
    #expect(o.metadata.issuer == issuer)
  }

  @Test func aSignatureStillWins() throws {
    let (o, _) = try outline(
      "某某市扬尘污染防治规定\n2021年11月26日 丽水市第四届人民代表大会常务委员会第三十四次会议通过\n第一条 为了防治扬尘污染，制定本规定。\n某某市人民政府\n2022年1月5日")
    #expect(o.metadata.date == "2022-01-05")
    #expect(o.metadata.issuer == "某某市人民政府")
  }
}

/// Where no signature names the issuer: a decree's issuer (`北京市人民政府令` / `第233号`), else an issuer line printed under the
/// title, as law sites print a regulation or a notice (Corpus/heldout41 4202, heldout86 8606, heldout89 8903).
@Suite struct IssuerWithoutSignatureTests {
  @Test func aDecreeNamesItsIssuer() throws {
    let (o, _) = try outline("北京市行政问责办法\n北京市人民政府令\n第233号\n第一条 为了加强行政问责，制定本办法。\n第二条 市监察局负责组织实施。")
    #expect(o.metadata.docNumber == "北京市人民政府令第233号")
    #expect(o.metadata.issuer == "北京市人民政府")
    let (p, _) = try outline("上海市户外广告设置规划和管理办法\n上海市人民政府第65号令\n第一条 为了规范户外广告，制定本办法。\n第二条 市市容局负责实施。")
    #expect(p.metadata.issuer == "上海市人民政府")
  }

  @Test func aDecreeWithoutItsPlaceLeavesTheIssuerToTheLineUnderTheTitle() throws {
    let text = "淮南市公园管理办法\n安徽省淮南市人民政府\n淮南市公园管理办法\n市人民政府令第129号\n第一条 为了加强公园管理，制定本办法。\n第二条 市园林局负责实施。"
    let (o, _) = try outline(text)
    #expect(o.metadata.issuer == "安徽省淮南市人民政府")
    // (a decree naming no office at all, and no issuer line: no issuer)
    let (p, _) = try outline("重庆市某某管理办法\n渝府令第121号\n第一条 为了加强管理，制定本办法。\n第二条 市环保局负责实施。")
    #expect(p.metadata.issuer == nil)
  }

  @Test func anIssuerLineUnderTheTitle() throws {
    let text = "西宁市人民政府关于印发某某规定的通知\n青海省西宁市人民政府\n西宁市人民政府关于印发某某规定的通知\n宁政〔2006〕1号\n各县区人民政府：\n现印发给你们。\n一、任务\n（一）做好工作（市财政局负责）。"
    let (o, _) = try outline(text)
    #expect(o.metadata.issuer == "青海省西宁市人民政府")
    // (a recipients line under the title is no issuer)
    let (p, _) = try outline("关于印发某某规定的通知\n各县区人民政府：\n现印发给你们。\n一、任务\n（一）做好工作（市财政局负责）。")
    #expect(p.metadata.issuer == nil)
  }

  @Test func aSignatureStillWins() throws {
    let text = "某某规定\n青海省西宁市人民政府\n某某规定\n北京市人民政府令\n第2号\n第一条 为了加强管理，制定本规定。\n某某市人民政府\n2022年1月5日"
    let (o, _) = try outline(text)
    #expect(o.metadata.issuer == "某某市人民政府")
    #expect(o.metadata.date == "2022-01-05")
  }
}

/// A signature whose date lost its 年, 月 and 日 (`重庆市沙坪坝区人民政府办公室` / `2022121日`; Corpus/heldout9 1003, heldout45 4602,
/// heldout11 1204, heldout3 412): the issuer line above it signs; the digits give the date when only one reading is a valid date,
/// or when one reading is the page's publication date.
@Suite struct DigitDateSignatureTests {
  func text(_ date: String, published: String? = nil) -> String {
    (published.map { "发布日期:\($0)\n" } ?? "") + "各单位：\n现印发给你们。\n一、任务\n（一）做好工作（区财政局负责）。\n某某区人民政府办公室\n\(date)\n（此件公开发布）"
  }

  @Test(arguments: [("2021312", "2021-03-12"), ("20210312", "2021-03-12"), ("202135", "2021-03-05")])
  func oneReading(_ written: String, _ iso: String) throws {
    let (o, _) = try outline(text(written))
    #expect(o.metadata.issuer == "某某区人民政府办公室")
    #expect(o.metadata.date == iso)
  }

  @Test func twoReadingsNeedThePublicationDate() throws {
    let (o, _) = try outline(text("2022121日"))
    #expect(o.metadata.issuer == "某某区人民政府办公室")
    #expect(o.metadata.date == nil)
    let (p, _) = try outline(text("2022121日", published: "2022-01-21"))
    #expect(p.metadata.date == "2022-01-21")
    let (q, _) = try outline(text("2024115", published: "2024-01-18"))
    #expect(q.metadata.date == nil)
  }

  @Test(arguments: ["1234567", "2021", "202113121"])
  func otherDigitsAreNoDate(_ written: String) throws {
    let (o, _) = try outline(text(written))
    #expect(o.metadata.issuer == nil)
    #expect(o.metadata.date == nil)
  }
}

/// A dated note under the title (题注), as opinions, regulations and decrees print their date: the notice's date where no
/// signature gives one, and the office named right after the date (Corpus/heldout102 10201, heldout115 11503, 11506,
/// heldout113 11302, heldout94 9401).
@Suite struct TitleNoteTests {
  func outlineOf(_ note: String, signed: Bool = false) throws -> NoticeMetadata {
    let sig = signed ? "\n某某市人民政府\n2022年1月5日" : ""
    return try outline("某某市公园管理办法\n\(note)\n第一条 为了加强公园管理，制定本办法。\n第二条 市园林局负责实施。\(sig)").0.metadata
  }

  @Test(arguments: [
    ("（2023年2月8日）", "2023-02-08", nil),
    ("(2020 年 3 月 20 日)", "2020-03-20", nil),
    ("（二〇〇八年二月二十六日）", "2008-02-26", nil),
    ("(1995年10月7日 日照市人民政府)", "1995-10-07", "日照市人民政府"),
    ("（1995年10月7日日照市人民政府）", "1995-10-07", "日照市人民政府"),
    ("(2002年12月18日上海市人民政府令第129号发布)", "2002-12-18", "上海市人民政府"),
    ("(1999年7月19日大连市人民政府大政发〔1999〕68号文件公布 2003年12月3日修正)", "1999-07-19", "大连市人民政府"),
    ("(淄发〔1994〕34号 1994年11月11日)", "1994-11-11", nil),
    ("（2021年3月1日市人民政府第5次常务会议通过）", "2021-03-01", nil),
  ] as [(String, String, String?)])
  func theNoteDatesTheNotice(_ note: String, _ date: String, _ issuer: String?) throws {
    let md = try outlineOf(note)
    #expect(md.date == date)
    #expect(md.issuer == issuer)
  }

  @Test func aSignatureStillWins() throws {
    let md = try outlineOf("（2023年2月8日）", signed: true)
    #expect(md.date == "2022-01-05")
    #expect(md.issuer == "某某市人民政府")
  }

  @Test(arguments: ["（试行）", "（2023年修订）", "（征求意见稿）"])
  func otherNotesGiveNoDate(_ note: String) throws {
    #expect(try outlineOf(note).date == nil)
  }
}

/// A page's publication date under a label: the long labels anywhere (`发布于:`, `【公布日期】`), the short ones (时间, 日期, 发布) only
/// in the preamble, standing alone, and not years after the notice's own date; no label in a bracket after a citation
/// (Corpus/heldout2 311, heldout172 17201, heldout86 8606, heldout90 9002).
@Suite struct PublishedLabelTests {
  func published(_ header: String, tail: String = "") throws -> String? {
    try outline("关于某事的通知\n\(header)\n各单位：\n现通知如下：\n一、任务\n（一）做好工作（市财政局负责）。\(tail)").0.metadata.published
  }

  @Test(arguments: [
    ("时间:2023-07-11 17:01 浏览次数:", "2023-07-11"),
    ("时间 : 2021-05-14 22:01:43", "2021-05-14"),
    ("来源:政府办 日期:2011-02-12", "2011-02-12"),
    ("来源 :信用佳木斯 浏览 : 发布 :2018-08-03", "2018-08-03"),
    ("点击量:1570 发布于:2019-01-14 04:42", "2019-01-14"),
    ("∙【公布日期】2014.12.25", "2014-12-25"),
    ("发文字号: | 发布日期: | 2009-05-12 | |", "2009-05-12"),
    ("发布日期\n2023年06月07日 17:35:09", "2023-06-07"),
  ])
  func labelled(_ header: String, _ iso: String) throws {
    #expect(try published(header) == iso)
  }

  @Test func aShortLabelMustStandAlone() throws {
    #expect(try published("完成时间:2023-12-31") == nil)
    // (and only in the preamble: a task's deadline is no publication date)
    #expect(try published("", tail: "\n时间:2023-12-31") == nil)
  }

  @Test func aLawSitesPostingDateIsNoPublication() throws {
    let text = "某某市公园管理办法\n时间:2024-05-18 02:00:56 来源: 法律资料网\n第一条 为了加强管理，制定本办法。\n某某市人民政府\n2011年8月10日"
    #expect(try outline(text).0.metadata.published == nil)
    let numbered = "关于某事的通知\n时间:2019-05-14 10:45:55\n湘政办发〔2009〕24号\n各单位：\n现通知如下：\n一、任务\n（一）做好工作。"
    #expect(try outline(numbered).0.metadata.published == nil)
    let sameYear = "关于某事的通知\n时间:2011-08-12\n各单位：\n现通知如下：\n一、任务\n（一）做好工作。\n某某市人民政府\n2011年8月10日"
    #expect(try outline(sameYear).0.metadata.published == "2011-08-12")
  }

  @Test func aDateInACitationsNoteIsAnotherDocuments() throws {
    let text = "某某市户外广告管理办法[失效]\n*注:本篇法规已被《某某市户外广告设施管理办法》(发布日期:2004年12月15日 实施日期:2005年4月1日)废止\n第一条 为了规范户外广告，制定本办法。"
    #expect(try outline(text).0.metadata.published == nil)
  }
}

/// A 发文字号 run into a date's 日 starts after it; one cited (根据X〔…〕号, and the numbers listed after it) is another document's
/// (`metadata.doc_number_citing_words`; Corpus/heldout90 9003, 9008, heldout113 11301).
@Suite struct CitedDocNumberTests {
  func number(_ note: String) throws -> String? {
    try outline("某某市出租汽车客运管理办法\n\(note)\n第一条 为了加强管理，制定本办法。\n第二条 市交通局负责实施。").0.metadata.docNumber
  }

  @Test func afterADatesDay() throws {
    #expect(try number("（2002年6月5日抚府发〔2002〕18号）") == "抚府发〔2002〕18号")
    #expect(try number("（二〇〇二年六月五日抚府发〔2002〕18号）") == "抚府发〔2002〕18号")
  }

  @Test func aCitationIsNoNumberOfTheNotice() throws {
    #expect(try number("（根据镇政发〔2004〕32号、镇政发〔2004〕78号通知修正）") == nil)
    #expect(try number("（2009年7月1日根据佳政发〔2009〕13号修正）") == nil)
  }
}
