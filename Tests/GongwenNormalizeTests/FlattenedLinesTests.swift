import GongwenCore
import GongwenNormalize
import GongwenTestSupport
import Testing

/// Line breaks a scrape turned into spaces (`flattened_lines`; Corpus/heldout55 5602).
@Suite struct FlattenedLinesTests {
  static let page = "山西省人民政府印发关于工作目标责任分解的通知 晋政发〔2006〕10号 各市、县人民政府,省人民政府各委、厅,各直属机构: "
    + "《关于山西省国民经济和社会发展第十一个五年规划纲要的报告》工作目标责任分解已经省人民政府同意,现印发给你们,请认真贯彻落实。 "
    + "二○○六年五月十一日 根据省十届人大第四次会议通过的报告,现将工作目标责任分解安排如下: 第一部分:主要工作任务的责任分解 "
    + "一、于幼军省长负责的工作(李政文秘书长、刘俊谦省长助理协助) 对主要工作任务负总责,同时具体负责以下工作: (一)省监察委员会牵头的工作 "
    + "强化行政监察,建立健全教育、制度、监督并重的惩治和预防腐败体系。 协同部门:省政府办公厅、 发展改革委、教育厅。 (三)省编办牵头的工作 "
    + "1.进一步优化政府组织机构,依法界定和规范省、市、县三级政府的职能。"

  @Test func aPageOnOneLineGetsItsLineBreaksBack() throws {
    let d = norm(Self.page)
    let ls = lines(d.text.string)
    #expect(ls.contains("晋政发〔2006〕10号"))
    #expect(ls.contains("一、于幼军省长负责的工作（李政文秘书长、刘俊谦省长助理协助）"))
    #expect(ls.contains("（三）省编办牵头的工作"))
    #expect(ls.contains { $0.hasPrefix("1.进一步优化政府组织机构") })
    // not after 、 (the list goes on) nor inside brackets
    #expect(ls.contains("协同部门：省政府办公厅、发展改革委、教育厅。"))
    #expect((d.stats["flattened_line_breaks"] ?? 0) >= 9)
    // a space between two words of one sentence stays a space (then closed up): 二○○六年五月十一日 根据…
    #expect(ls.contains { $0.hasPrefix("二○○六年五月十一日根据") })
  }

  @Test func aShorterPageWithFewerBreaks() throws {
    // heldout58 5906: a page of five items on one line, six breaks
    let text = "[接上页] 20、完善科普经费投入机制。市、区(县)政府应在将科普经费列入同级财政预算,并在“十一五”期间经费安排水平的基础上,根据事业发展需求和财力状况逐步增加科普投入。各有关部门要根据承担的任务,统筹考虑和落实所需要的经费。引导和鼓励社会力量参与公民科学素质建设。 "
      + "工作分工:市科协、市委组织部、市财政局牵头,市全民科学素质工作领导小组其他成员单位参与。 六、加强组织领导 21、完善组织领导制度。市、区政府要从经济社会发展大局出发,"
      + "把公民科学素质建设列入重要议事日程。要面向基层、重心下移,构建学校、企业、社区、农村等全民科学素质工作体系。 "
      + "22、加强相关政策保障。进一步强化科普事业公益性地位。 工作分工:市科协、市科委牵头,其他成员单位参与。"
    let ls = lines(norm(text).text.string)
    #expect(ls.contains("六、加强组织领导"))
    #expect(ls.contains { $0.hasPrefix("工作分工：市科协、市委组织部") })
  }

  @Test func anAttachmentRunIntoThePageGetsItsOwnLines() throws {
    // heldout139 13902: `附件：` title, a bare `附件` label and the title again, then the attachment's `一、`, all on the
    // page's one line
    let text = "（一）加强组织领导。各行政监督部门要加强对整合工作的组织领导，明确责任分工，确保各项任务落到实处。 （二）落实目标责任。"
      + "加强对平台整合工作情况考核，压实工作责任，层层分解落实目标任务，建立定期通报机制，确保各项任务措施落到实处。 "
      + "（三）强化宣传培训。加大对公共资源交易法律、法规、政策的宣传力度，回应公共资源交易市场主体关切，及时发布有关信息。 "
      + "附件：整合建立统一的公共资源交易平台实施方案任务分工 附件 整合建立统一的公共资源交易平台实施方案任务分工 "
      + "一、加快资源整合1．建立相应工作机制，制定出台实施方案，对本行政区域内现有的各类公共资源交易平台进行清理。（区管委会，2016年4月底前完成）"
      + "2．制定区公共资源交易整合平台建设方案。（区行政审批局、区管委会办公室，2016年4月底前完成）"
    let ls = lines(norm(text).text.string)
    #expect(ls.contains("附件：整合建立统一的公共资源交易平台实施方案任务分工"))
    #expect(ls.contains("附件"))
    #expect(ls.contains("整合建立统一的公共资源交易平台实施方案任务分工"))
    #expect(ls.contains { $0.hasPrefix("一、加快资源整合") })
  }

  /// An attachment's name after `附件：`, then the same name as the attachment's own title, then its text (Corpus/heldout157
  /// 15703): a line each; a different phrase after the name is no title again and stays run on.
  @Test func anAttachmentsNameAndItsTitleAgainGetTheirOwnLines() throws {
    let head = "（一）高度重视，认真组织。各相关部门要统一思想，提高认识，切实加强组织领导，把这项工作列入重要议事日程，确保各项措施落到实处。 "
      + "（二）分工负责，密切配合。各单位要按照职责分工，加强协作，形成合力，及时研究解决工作中遇到的问题，确保工作有序推进。 "
      + "（三）跟踪落实，总结提升。要及时总结经验，查找不足，完善措施，并及时向上级相关部门报送信息，确保政策落地见效。 "
    let text = head
      + "附件：赴台团队旅游异常情况预防处置工作预案 赴台团队旅游异常情况预防处置工作预案 为落实赴台团队旅游优惠政策的贯彻实施，特制定本方案。"
      + "一、区旅游发展局要指导旅行社对参团人员进行行前教育。二、平潭边防检查站实施出入境边防检查和管理。 "
      + "平潭综合实验区管委会办公室 2016年3月28日印发"
    let ls = lines(norm(text).text.string)
    #expect(ls.contains("附件：赴台团队旅游异常情况预防处置工作预案"))
    #expect(ls.contains("赴台团队旅游异常情况预防处置工作预案"))
    #expect(ls.contains { $0.hasPrefix("为落实赴台团队旅游优惠政策") })
    let other = text.replacingOccurrences(of: "工作预案 赴台团队旅游异常情况预防处置工作预案 为落实", with: "工作预案 工作预案 为落实")
    #expect(other != text)
    let ms = lines(norm(other).text.string)
    #expect(ms.contains("附件：赴台团队旅游异常情况预防处置工作预案"))
    #expect(ms.contains { $0.hasPrefix("工作预案为落实") })
  }

  /// On a flattened page a recipients line run into the title (`…的通知 区直各单位，各乡镇人民政府：`) and a signature or printing line
  /// run into the last clause's label line (`…各乡镇人民政府 平潭综合实验区管委会办公室 2016年9月21日印发`) start lines of their own
  /// (Corpus/heldout149 14902, heldout147 14704).
  @Test func recipientsAndSignatureLinesGetTheirOwnLines() throws {
    let text = "岚综管办〔2016〕183号 平潭综合实验区管委会办公室关于印发《社区居家养老服务实施方案》的通知 区直各有关单位：为促进社区居家养老服务发展，"
      + "现印发给你们，请认真组织实施。 一、总体要求 围绕满足社区居家老年人多样化、多层次、个性化的养老服务需求，健全政策体系。 "
      + "二、主要任务 （一）健全服务网络。各乡镇和相关部门要支持和指导社区居家养老专业化服务组织，收集录入辖区内老年人基础数据。 "
      + "责任单位：区社会事业局，各乡镇人民政府 （二）加强队伍建设。大力推进社区居家养老服务人员培训工作，储备一批服务人员。 "
      + "（三）完善工作机制。建立养老服务工作联席会议制度，加强统筹协调。 责任单位：区直有关单位，各乡镇人民政府 "
      + "平潭综合实验区管委会办公室 2016年9月21日印发 来源：平潭综合实验区管委会办公室"
    // (this step alone: in so short a text line_join would take the label line for a wrapped one)
    let step = only(["flattened_lines"])
    let ls = lines(run(step, text))
    #expect(ls.contains { $0.hasPrefix("区直各有关单位：为促进") })
    #expect(ls.contains("责任单位：区直有关单位，各乡镇人民政府"))
    #expect(ls.contains { $0.hasPrefix("平潭综合实验区管委会办公室 2016年9月21日印发") })
    // a name and a date inside a sentence, or a colon after a title ending without a recipients' piece, are no breaks
    let prose = String(repeating: "加强对公共资源交易平台整合工作情况考核，压实工作责任，层层分解落实目标任务。 ", count: 8)
      + "经研究 区管委会 2016年9月21日起施行新办法。 关于某某工作的通知 时间：2016-09-22"
    let ps = lines(run(step, prose))
    #expect(ps.contains { $0.contains("经研究 区管委会 2016年9月21日起施行新办法。") })
    #expect(ps.contains { $0.contains("关于某某工作的通知 时间：2016-09-22") })
  }

  /// A recipients line run into the page's furniture with no title before it (`…时间：2020-05-01 10:35 微信 微博 QQ空间 各处（室）、分局，
  /// 下属事业单位：为贯彻…`; Corpus/heldout163 16303) starts a line of its own when it comes before the line's first sentence end and
  /// holds one of `recipients_words`; a colon segment after that sentence end (a label run into a clause) does not.
  @Test func recipientsRunIntoThePageFurnitureGetTheirOwnLine() throws {
    let body = "为贯彻落实消防工作目标，经研究，现将我局计划印发给你们，请抓好贯彻落实。 一、总体要求 坚持预防为主，落实消防安全责任制。 "
      + "二、工作任务 开展消防安全检查，督促整改火灾隐患 各分局要按照要求：加强检查。 "
      + String(repeating: "加强消防宣传教育，提高群众消防安全意识，层层落实目标任务。 ", count: 4)
    let text = "当前位置： 首页 政务公开 部门文件 某局关于印发消防工作计划的通知 时间：2020-05-01 10:35 微信 微博 QQ空间 各处（室）、分局，下属事业单位："
      + body
    let step = only(["flattened_lines"])
    let ls = lines(run(step, text))
    #expect(ls.contains { $0.hasPrefix("各处（室）、分局，下属事业单位：为贯彻落实") })
    // (after the first sentence end a colon segment holding 各 is a clause's text, not recipients)
    #expect(ls.contains { $0.hasSuffix("督促整改火灾隐患 各分局要按照要求：加强检查。") })
    // without the words, or with the recipients after the first sentence end, no break goes before them
    var rules = TestSupport.rules.normalize
    rules.flattenedLines?.recipientsWords = []
    rules.steps = step.rules.steps
    #expect(!lines(run(Normalizer(rules: rules), text)).contains { $0.hasPrefix("各处（室）") })
    let late = "某局关于印发消防工作计划的通知。 时间：2020-05-01 10:35 微信 微博 QQ空间 各处（室）、分局，下属事业单位：" + body
    #expect(!lines(run(step, late)).contains { $0.hasPrefix("各处（室）") })
  }

  @Test func anAttachmentNamedInsideASentenceIsNoBreak() throws {
    // `详见 附件2 表格` is one sentence: a label followed by neither a space nor a colon, and preceded by a word
    let text = String(repeating: "加强对公共资源交易平台整合工作情况考核，压实工作责任，层层分解落实目标任务。 ", count: 8) + "报送材料详见 附件2表格 要求按时报送。"
    let d = norm(text)
    let ls = lines(d.text.string)
    #expect((d.stats["flattened_line_breaks"] ?? 0) >= 7)
    #expect(ls.contains { $0.contains("详见附件2表格") })
  }

  @Test func aWrappedLineInsideASentenceIsNoBreak() throws {
    // heldout5 601: a PDF's text on one line, its wrapped lines apart by spaces inside sentences (`有序开 发`)
    let body = String(repeating: "（一）增强粮食综合生产能力。 支持将符合条件的盐碱地等后备土地资源适度有序开 发综合利用，开展盐碱化耕地综合利用。 ", count: 6)
    let ls = lines(norm(body).text.string)
    #expect(ls.contains { $0.contains("有序开发综合利用") })
    #expect(ls.count >= 6)
  }

  @Test func shortLinesSpacedWordsAndNumbersStay() throws {
    // a short line, a PDF's spaced-out words (short pieces), a number and its unit
    for text in ["一、总体要求 二、主要任务 三、保障措施", String(repeating: "服 务 费 用 ", count: 80), String(repeating: "2012 年增长 5 %，", count: 40)] {
      #expect(norm(text).stats["flattened_line_breaks"] == nil, "\(text.prefix(20))")
    }
  }

  @Test func aTableRunIntoThePageReadsOneCellPerLine() throws {
    // heldout144 14401: the page's attached task table printed on the same line, its cells apart by spaces; the numbered
    // attachment label gets a line of its own (the digit before the space notwithstanding)
    let text = "四、强化要素保障 全区各级各部门要积极发挥主体作用，切实做好项目的跟踪服务工作，强化土地、规划等要素保障，确保取得实效。 "
      + "附件2 平潭综合实验区签约项目任务分解汇总表 截止日期：2015年9月1日 序号 项目名称 项目内容 投资额（亿元人民币） 牵头领导 "
      + "责任单位 负责事项 一、8.15省领导见证台资签约项目 1 台湾国泰金控平潭人寿财险项目 国泰财产保险有限责任公司拟在平潭设立中心支公司。 "
      + "10 郭小童 区财政金融局 区财政金融局负责对接。 2 海峡证券项目 拟共同设立两岸全牌照证券公司。 10 郭小童 牵头单位： 岚城片区开发管理局 "
      + "配合单位： 区环境与国土资源局 区规划局 岚城片区开发管理局负责牵头对接，并负责土地征迁相关及项目服务事宜。"
    let d = norm(text)
    let ls = lines(d.text.string)
    #expect(ls.contains("附件2"))
    let header = try #require(ls.firstIndex(of: "序号"))
    #expect(Array(ls[header...].prefix(7)) == ["序号", "项目名称", "项目内容", "投资额（亿元人民币）", "牵头领导", "责任单位", "负责事项"])
    #expect(Array(ls[(header + 7)...].prefix(4)) == ["一、8.15省领导见证台资签约项目", "1", "台湾国泰金控平潭人寿财险项目", "国泰财产保险有限责任公司拟在平潭设立中心支公司。"])
    // every space of the table is a break between cells, after a colon and between two names alike
    #expect(ls.suffix(6) == ["牵头单位：", "岚城片区开发管理局", "配合单位：", "区环境与国土资源局", "区规划局", "岚城片区开发管理局负责牵头对接，并负责土地征迁相关及项目服务事宜。"])
    #expect((d.stats["flattened_table_cells"] ?? 0) >= 25)
  }

  @Test func noTableWithoutColumnNamesAfterTheHeaderWord() throws {
    // `序号` in running text (a column named in a sentence) or followed by a row number is no header: the spaces of the
    // sentence after it stay spaces (then closed up)
    let text = "一、总体要求 按照表中序号 顺序逐项填报，不得遗漏。各单位要认真组织，按时报送。 二、工作安排 请于每月15日前报送，逾期不候。 "
      + "三、有关要求 序号 1 为必填项目 请各单位认真核对 确保数据准确无误。 四、联系方式 联系人：张三，电话：12345678。"
    let ls = lines(norm(text).text.string)
    #expect(!ls.contains("序号"))
    #expect(ls.contains { $0.hasPrefix("一、总体要求") })
  }
}

