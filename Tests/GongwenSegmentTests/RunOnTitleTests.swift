import GongwenCore
import GongwenSegment
import GongwenTestSupport
import Testing

/// A scrape that lost its line breaks runs a plan's title into its first clause: `…三年行动计划（2019—2021）一、指导思想…`. The
/// text's first marker, numbered 1, is taken right after a run that reads as a title (no comma, 、 or semicolon since the last
/// sentence end, ending with a `title_endings` word and perhaps a short bracketed note), when its clause's text follows on the
/// same line. Found by re-reading the corpus with every line break removed (Corpus/heldout116 11605 lost all 30 tasks).
@Suite struct RunOnTitleTests {
  let plan = "一、指导思想为全力维护全区消防安全形势稳定，制定本计划。二、工作任务（一）加强体系建设1.建立工作机制。"
    + "（区应急局负责）2.完善预案。（区消防支队负责）"

  @Test(arguments: [
    "静安区消防救援发展三年行动计划（2019—2021）",
    "区消防支队《静安区消防救援发展三年行动计划》已经区政府常务会议通过，现转发给你们，请认真按照执行。静安区消防救援发展三年行动计划",
    "关于加强消防安全工作的实施方案",
  ])
  func aFirstClauseRunOnAfterATitle(_ before: String) throws {
    let (o, c) = try outline(before + plan)
    #expect(o.units.map(\.path) == [[1], [2], [2, 1], [2, 1, 1], [2, 1, 2]], "\(dump(o, c))")
    checkInvariants(o, c)
  }

  /// Not after running text (a comma since the last sentence end), and not a title's own part number at its line's end
  /// (`…重点工作分工方案(一)`, Corpus/heldout10 1106), nor a later number.
  @Test func notAfterOtherText() throws {
    let prose = "为全力维护全区消防安全形势稳定，防范化解重大风险的行动计划"
    let (a, _) = try outline(prose + plan)
    #expect(!a.units.contains { $0.markerRange.lowerBound == prose.unicodeScalars.count })
    let (b, c) = try outline("2025年省政府工作报告重点工作分工方案（一）\n2025年是收官之年。现制定分工方案如下。\n一、对地区生产总值增长5%以上等目标任务。（省发展改革委负责）\n二、加快建设。（省营商局负责）")
    #expect(b.units.map(\.markers) == [["一、"], ["二、"]], "\(dump(b, c))")
    let (d, e) = try outline("静安区消防救援发展三年行动计划二、工作任务。三、保障措施。")
    #expect(d.units.isEmpty, "\(dump(d, e))")
  }

  /// A top-level heading with a comma, run on into the level after the next (a notice that skips （一）), is a heading when
  /// that level's next number follows: `一、拓宽市场准入，让民间资本“有得投”1.…2.…` (Corpus/heldout124 12401 without its line
  /// breaks). Without the next number, a `1.` after such a heading is no marker.
  @Test func aCommaHeadingBeforeTheLevelAfterTheNext() throws {
    let text = "为促进民间投资，制定本方案。一、拓宽市场准入、加强项目推介，让民间资本“有得投”1.支持参与国家重大基础设施项目建设。"
      + "（责任部门：市发展改革委）2.鼓励参与城市基础设施建设运营。（责任部门：市交通委）二、优化服务1.加强项目服务保障。（责任部门：市发展改革委）"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [2], [2, 1]], "\(dump(o, c))")
    let lone = "为促进民间投资，制定本方案。一、拓宽市场准入，让民间资本有得投1.支持参与国家重大基础设施项目建设。二、优化服务。"
    let (p, d) = try outline(lone)
    #expect(p.units.map(\.path) == [[1], [2]], "\(dump(p, d))")
  }

  /// A first `1.` after a page's furniture, with no title before it, is taken when its `2.` and `3.` follow, each after a
  /// sentence end (Corpus/unseen 109 without its line breaks); with only a `2.` after it, it is not.
  @Test func aFirstClauseAfterFurnitureWhenItsRunFollows() throws {
    let chrome = "发表时间:2021-05-07 10:49 责任编辑:卫健委政务公开"
    let run = "1.落实积极应对人口老龄化国家战略。（县卫健委负责）2.加快建设养老服务体系。（县民政局负责）3.推进医养结合。（县卫健委负责）"
    let (o, c) = try outline(chrome + run)
    #expect(o.units.map(\.path) == [[1], [2], [3]], "\(dump(o, c))")
    let short = "1.落实积极应对人口老龄化国家战略。（县卫健委负责）2.加快建设养老服务体系。（县民政局负责）"
    let (p, d) = try outline(chrome + short)
    #expect(!p.units.contains { $0.path == [1] }, "\(dump(p, d))")
  }

  /// A document preview's page number between a sentence end and a chapter (`…起施行。2第一章总则…`; Corpus/heldout113 11303)
  /// does not hide the chapter.
  @Test func aPreviewsPageNumberBeforeAChapter() throws {
    let text = "石家庄市节约用水办法已经市政府常务会议讨论通过，现予发布，自二○一四年三月一日起施行。2第一章总则第一条为加强节约用水管理，"
      + "制定本办法。第二条本办法适用于本市行政区域。第二章管理第三条市水行政主管部门负责全市节约用水工作。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.markers) == [["第一章"], ["第一章", "第一条"], ["第一章", "第二条"], ["第二章"], ["第二章", "第三条"]], "\(dump(o, c))")
  }

  /// A task list whose `责任单位：` lines ran into the next item (`…。责任单位:市发改委2.规上…`): a labelled field's value opens an
  /// item as a sentence end does, so a first `1.` after a page's furniture is taken when its `2.` and `3.` follow so (Corpus/unseen
  /// 109 and heldout2 311 without their line breaks). A label is matched at its end: `主要协作单位` reads as `协作单位`.
  @Test func aRunOfItemsAfterLabelledFields() throws {
    let chrome = "时间:2023-07-11 17:01 浏览次数: 信息来源: 丽水市政府"
    let run = "1.生产总值增长6%以上。责任单位:市发改委2.规上工业增加值增长8%。主要协作单位:市经信局3.研发投入强度达到2.3%。责任单位:市科技局"
    let (o, c) = try outline(chrome + run)
    #expect(o.units.map(\.path) == [[1], [2], [3]], "\(dump(o, c))")
    // (not after a field whose label is no department's or deadline's: `备注：`)
    let noted = "1.生产总值增长6%以上。备注:年度目标2.规上工业增加值增长8%。备注:年度目标3.研发投入强度达到2.3%。"
    let (p, d) = try outline(chrome + noted)
    #expect(!p.units.contains { $0.path == [1] }, "\(dump(p, d))")
  }

  /// A first section run on after a page's furniture, numbered anything, whose first child follows its heading and opens a run of
  /// three (`…丽水市政府一、全市经济社会发展主要预期目标1.…`, an excerpt cut off before `三、`; `…其他成员单位四、卢山副省长牵头重点工作1.…`,
  /// an excerpt starting inside `三、`; Corpus/heldout2 311 and heldout14 1504 without their line breaks). A first child without
  /// its run does not vouch for it.
  @Test func aFirstSectionWhoseFirstChildOpensARun() throws {
    let items = "1.优化企业发展环境。责任单位:省经信厅2.加快推进重大产业项目建设。责任单位:省发展改革委3.全力稳住工业经济基本盘。责任单位:省经信厅"
    let (o, c) = try outline("信息来源: 丽水市政府一、全市经济社会发展主要预期目标" + items + "二、重点抓好六方面工作")
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [1, 3], [2]], "\(dump(o, c))")
    let (p, d) = try outline("省食品药品安全委员会其他成员单位四、卢山副省长牵头重点工作" + items)
    #expect(p.units.map(\.markers) == [["四、"], ["四、", "1."], ["四、", "2."], ["四、", "3."]], "\(dump(p, d))")
    let (q, e) = try outline("省食品药品安全委员会其他成员单位四、卢山副省长牵头重点工作1.优化企业发展环境。责任单位:省经信厅")
    #expect(q.units.isEmpty, "\(dump(q, e))")
  }

  /// A section above every open level, its scheme not met before, opens after an attribution as after a sentence end: an excerpt
  /// beginning inside `四、` run together, `…（十八）…。（责任单位：市工业和信息化局）五、附则…` (Corpus/heldout168 16802).
  @Test func aSectionAboveAfterAnAttribution() throws {
    let text = "（十七）拓宽多元化投融资渠道。鼓励金融机构提供贷款。（责任单位：市财政局）（十八）打造产业交流高端平台。对符合条件的活动给予资助。"
      + "（责任单位：市工业和信息化局）五、保障措施各区要加强组织领导。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[4, 17], [4, 18], [5]], "\(dump(o, c))")
  }

  /// A number the scheme's wider pattern reads only where it is the next number (`1.2个百分点`) is no marker after `2.`: a run of
  /// items together on one line goes on past it (Corpus/heldout32 3303 without its line breaks).
  @Test func aDecimalNumberDoesNotBreakARun() throws {
    let l = "（市发展改革委，各县〔市、区〕政府）"
    let text = "为做好工作，现将任务分解。一、主要预期目标1.地区生产总值增长7%以上。" + l + "2.常住人口城镇化率提高1.2个百分点。" + l
      + "3.研发投入强度超过2.4%。" + l + "4.规模以上工业增加值增长8%。" + l
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 2], [1, 3], [1, 4]], "\(dump(o, c))")
  }

  /// An excerpt that begins inside a list run together (`…。（责任单位：县旅游局）21、开展…`) starts at its first item when that
  /// item stands after a sentence end, an attribution or a labelled field and its next two numbers follow so (Corpus/heldout96
  /// 9602 and heldout58 5902 without their line breaks); with only one more number after it, it does not.
  @Test func anExcerptBeginningInsideARunTogetherList() throws {
    let text = "整顿市场秩序。（责任单位：县商务局）20、整顿旅游市场，规范旅游行为。（责任单位：县旅游局）21、开展文明示范一条街创建活动。"
      + "（责任单位：县建设局）22、开展全省文化先进县联创活动。（责任单位：县文体局）"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[20], [21], [22]], "\(dump(o, c))")
    let duties = "做好屠宰厂的防疫工作。9.药品监管部门：负责医药及防护用品质量的监督管理。10.质量技监部门：负责禽类加工产品的生产质量监督。"
      + "11.交通运输部门：负责优先安排紧急防疫物资的调运。"
    let (p, d) = try outline(duties)
    #expect(p.units.map(\.path) == [[9], [10], [11]], "\(dump(p, d))")
    let two = "整顿市场秩序。（责任单位：县商务局）20、整顿旅游市场，规范旅游行为。（责任单位：县旅游局）21、开展文明示范一条街创建活动。"
    let (q, e) = try outline(two)
    #expect(q.units.isEmpty, "\(dump(q, e))")
  }

  /// A text that begins with `14.` does not number its own clauses from 1 when the `（一）` after it is the first child of a
  /// later section opened where an item opens (`…。六、保障措施（一）…`), inline as at a line start (Corpus/heldout43 4403 without
  /// its line breaks lost all its pairs).
  @Test func anExcerptWhoseLaterSectionNumbersItsChildrenFromOne() throws {
    let text = "14.市卫生局：负责医院周边环境秩序综合整治的协调工作。15.市药监局：负责查处违法收售药品等行为。16.市社会办：指导社区环境整治工作。"
      + "六、保障措施（一）加强组织领导。各区要落实责任。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[5, 14], [5, 15], [5, 16], [6], [6, 1]], "\(dump(o, c))")
  }

  /// An excerpt that begins at a section whose first child in the text is numbered on from a number it does not hold, all run
  /// together (`四、大力加强地震应急救援能力建设（九）推进…。（责任单位：…）（十）…（十一）…`; Corpus/heldout72 7203 without its line breaks):
  /// the section and its children are taken when the children run on in threes. A first item after a heading of its own or a
  /// colon is taken as after a sentence end (`…牵头？大力实施乡村振兴战略（二十四）…`).
  @Test func anExcerptRunTogetherFromASectionOrAHeading() throws {
    let items = "（九）推进地震烈度速报预警系统建设。（责任单位：市地震局）（十）加强地震灾害救援力量建设。（责任单位：市应急局）"
      + "（十一）加强应急避难场所建设。（责任单位：市规划局）"
    let (o, c) = try outline("四、大力加强地震应急救援能力建设" + items)
    #expect(o.units.map(\.path) == [[4], [4, 9], [4, 10], [4, 11]], "\(dump(o, c))")
    let (p, d) = try outline("实施乡村振兴战略的四项工作由哪些部门牵头？大力实施乡村振兴战略" + items)
    #expect(p.units.map(\.path) == [[9], [10], [11]], "\(dump(p, d))")
    // (not after running text with a comma: `…抓好落实，（九）…` is no heading's)
    let (q, e) = try outline("各部门要按照职责分工，认真抓好落实" + items)
    #expect(q.units.isEmpty, "\(dump(q, e))")
  }

  /// A first `一、` after a colon and a bracketed note, its `二、` after a sentence end, all run together (`…通告如下:(资料图)一、…。二、
  /// 职责分工…`; Corpus/heldout175 17501 without its line breaks). Without the `二、`, it is not taken there.
  @Test func aFirstSectionAfterAColonWhenItsSecondFollows() throws {
    let text = "结合我县实际，现就禁燃禁放烟花爆竹通告如下:(资料图)一、禁燃禁放的时间及区域：即日起，全县范围内禁燃禁放烟花爆竹。"
      + "二、职责分工（一）公安部门负责烟花爆竹公共安全管理。（二）应急管理部门负责烟花爆竹安全生产监督管理。"
    let (o, c) = try outline(text)
    #expect(o.units.map(\.path) == [[1], [2], [2, 1], [2, 2]], "\(dump(o, c))")
    let lone = "结合我县实际，现就禁燃禁放烟花爆竹通告如下:(资料图)一、禁燃禁放的时间及区域：即日起，全县范围内禁燃禁放烟花爆竹。"
    let (p, d) = try outline(lone)
    #expect(p.units.isEmpty, "\(dump(p, d))")
  }
}
