import Foundation
import Testing
@testable import GongwenAttribute
import GongwenCore
import GongwenRules
import GongwenTestSupport

// Forms met in the blind sets from heldout78 on (ninth session).

/// A clause of whose lead the subject works under before the subject (在省委领导下，省委农村工作领导小组负责…;
/// Corpus/heldout78 7802); a clause starting with 在 that names no department before its role word gives none.
@Suite struct Heldout78FormTests {
  @Test func theSubjectAfterAClauseOfLeadership() throws {
    let a = try #require(try attribution("在省委领导下，省委农村工作领导小组负责巩固拓展脱贫攻坚成果、全面推进乡村振兴的统筹协调。"))
    #expect(a.departmentsRaw == ["省委农村工作领导小组"])
    #expect(a.responsible == ["省委农村工作领导小组"])
    #expect(try attribution("在全市范围内，全面开展排查工作，负责到底。") == nil)
  }
}

/// A rectification list's lines (Corpus/heldout80 8003, 8004): a descriptor of the bodies in charge of a block before
/// their names (包片单位, `lead_in_ends`), a supply cooperative and a party school as bodies, and a kind described by a
/// clause (表现好的单位) no name.
@Suite struct Heldout80FormTests {
  @Test func theDescriptorBeforeTheNamesIsDropped() throws {
    let (o, _) = try run([
      U("2.", [2], "平利花园对面围墙上有野广告。\n整改要求：由包片单位县气象局负责清除。"),
      U("5.", [5], "沿线商户出店占道经营问题较为突出。\n整改要求：按照先劝阻、再强制，先教育、再处罚的要求，由陈家坝沿线包片单位县职教中心、县消防大队、县委党校、县供销社负责对各自片区出店商户开展经常性劝阻教育。"),
    ])
    #expect(o.attributions[0]?.responsible == ["县气象局"])
    #expect(o.attributions[1]?.departmentsRaw == ["县职教中心", "县消防大队", "县委党校", "县供销社"])
  }

  @Test func aKindDescribedByAClauseIsNoName() throws {
    let (o, _) = try run([U("五、", [5], "文明卫生交通志愿岗本周执勤表现好的单位：县委组织部、老干局，表现较差的单位：文化执法局、人社局。")])
    #expect(!(o.attributions[0]?.departmentsRaw ?? []).contains { $0.hasSuffix("的单位") })
  }
}

/// An article naming a body's duties with 的 before the word for them, its duties after the colon (第二十三条 武警部队的工作
/// 职责：负责…; Corpus/heldout81 8103): `colon_subject_tails`; 部队 ends a body's name.
@Suite struct Heldout81FormTests {
  @Test func anArticleOfABodysDuties() throws {
    let (o, _) = try run([
      U("第二十三条", [2, 23], "武警部队的工作职责：负责支持配合各地打黑除恶工作，及时调动警力。"),
      U("第二十四条", [2, 24], "信访、安监、国安等部门的工作职责：负责在日常工作中发现并主动向公安机关提供线索。"),
    ])
    #expect(o.attributions[0]?.responsible == ["武警部队"])
    #expect(o.attributions[1]?.departmentsRaw == ["信访", "安监", "国安"])
    #expect(o.attributions[1]?.departments == ["信访部门", "安监部门", "国安部门"])
  }
}

/// A heading line of a body's duties names the body on its own task, its children get nothing from it
/// (Corpus/heldout77 7701, 7707; the convention of Corpus/expected/README.md); a collective's names none.
@Suite struct DutyHeadingTests {
  @Test func aHeadingOfABodysDutiesNamesIt() throws {
    let (o, _) = try run([
      U("第七条", [7], "区科委工作职责："),
      U("（一）", [7, 1], "将推动安全生产科技进步纳入本区科学技术发展规划。"),
      U("第八条", [8], "公安、城管综合执法部门职责"),
      U("（一）", [8, 1], "对本区消防工作实施监督管理。"),
    ])
    #expect(o.attributions[0]?.departmentsRaw == ["区科委"])
    #expect(o.attributions[1] == nil)
    #expect(o.attributions[2]?.departments == ["公安部门", "城管综合执法部门"])
    #expect(o.attributions[3] == nil)
  }

  @Test func aCollectivesDutiesNameNone() throws {
    let (o, _) = try run([
      U("（三）", [3, 3], "各区有关行政部门职责"),
      U("1.", [3, 3, 1], "对辖区内的违法行为进行监督检查。"),
      U("（二）", [2, 2], "成员部门（单位）职责"),
      U("二、", [2], "相关部门工作职责"),
    ])
    #expect(o.attributions.allSatisfy { $0 == nil })
  }
}

/// A subject after a comma, later in the sentence (…制定规划，工商行政管理部门负责监督实施; Corpus/heldout85 8503, and
/// heldout57's …，市劳动和社会保障部门负责…): read only when every name is a body for sure (a lexicon name or a short kind of
/// body), never inside brackets, never a clause's verb and object.
@Suite struct SubjectAfterACommaTests {
  @Test func aBodyAfterACommaIsRead() throws {
    let (o, _) = try run([U("第五条", [5], "户外广告的设置、张贴，由当地人民政府组织工商行政管理、城建、环保、公安等有关部门制定规划，工商行政管理部门负责监督实施。")])
    #expect(o.attributions[0]?.departmentsRaw == ["工商行政管理部门"])
    let (p, _) = try run([U("（一）", [3, 1], "继续坚持各地各部门行政领导负责制。继续实行市政府领导下的行政领导负责制，市物价局负责全市价格调控目标责任制的具体实施，各地各有关部门也要相应加强。")])
    #expect(p.attributions[0]?.responsible == ["市物价局"])
  }

  /// The governments of a level named as a collective (各乡镇人民政府) are bodies for sure too (Corpus/heldout140 14003);
  /// a collective without a government word (各地) is not.
  @Test func aCollectiveOfGovernmentsAfterACommaIsRead() throws {
    let (o, _) = try run([
      U("（一）", [4, 1], "加强组织领导。要充分认识当前形势的严峻性，各乡镇人民政府要配合各成员单位将专项行动抓好抓实。领导干部要履职尽责。"),
      U("（二）", [4, 2], "加强宣传。要充分认识当前形势的严峻性，各地要配合做好宣传。"),
    ])
    #expect(o.attributions[0]?.participating == ["各乡镇人民政府"])
    #expect(o.attributions[1] == nil)
  }

  @Test func clauseWordsAfterACommaAreNoSubject() throws {
    let (o, _) = try run([
      U("一、", [1], "加强领导。各地要高度重视，成立专门的工作专班负责推进。"),
      U("三、", [3], "建立机制。定期召开会议，协调各成员单位负责的工作。"),
    ])
    #expect(o.attributions.allSatisfy { $0 == nil })
  }
}

/// A joint conference as a body (省市场价格调控联席会议负责…; Corpus/heldout85 8501) and a definition no name (户外广告的管理
/// 机关是各级工商行政管理部门; 8503).
@Suite struct Heldout85FormTests {
  @Test func aJointConferenceIsABody() throws {
    let (o, _) = try run([U("（一）", [3, 1], "加强组织领导。省市场价格调控联席会议负责价格调控目标责任制的制订、督查和考核工作。")])
    #expect(o.attributions[0]?.responsible == ["省市场价格调控联席会议"])
  }

  @Test func aDefinitionIsNoName() throws {
    let (o, _) = try run([U("第三条", [3], "户外广告的管理机关是各级工商行政管理部门。单位和个人设置户外广告，必须接受当地工商行政管理部门的监督和管理。")])
    #expect(!(o.attributions[0]?.departmentsRaw ?? []).contains { $0.contains("是") })
  }
}

/// A committee's short name under a duties heading (第二章 工作职责 / 第四条 市安委会职责：; Corpus/heldout86 8608): the
/// whole name, not 市安委.
@Suite struct Heldout86FormTests {
  @Test func aCommitteesShortName() throws {
    let (o, _) = try run([
      U("第二章", [2], "工作职责", heading: "工作职责"),
      U("第四条", [2, 4], "市安委会职责："),
      U("（一）", [2, 4, 1], "传达贯彻各级党委、政府关于安全生产工作的重要指示；"),
    ])
    #expect(o.attributions[1]?.departmentsRaw == ["市安委会"])
  }
}

/// Forms of regulations and State Council documents (Corpus/heldout87): a clause of grounds between the names and their
/// role word (…等有关部门，按照…的基本内容负责调查汇总; …管理机构按照本规定…的规定，负责…), a name's short form in brackets
/// before its role word (（以下简称运管机构）负责), 按各自职责 before the role word; not a principle's words (以块为主、分级负责).
@Suite struct Heldout87FormTests {
  @Test func aClauseOfGroundsBeforeTheRoleWord() throws {
    let a = try #require(try attribution("建议仍由铁道部、交通部、民航局等有关部门，按照一九八三年度财务成本调查的基本内容负责调查汇总。"))
    #expect(a.departmentsRaw == ["铁道部", "交通部", "民航局", "有关部门"])
    let (o, _) = try run([U("第三条", [1, 3], "市交通运输主管部门负责组织领导本行政区域内的道路运输管理工作。\n市道路运输管理机构（以下简称运管机构）负责具体实施道路运输管理工作。\n武汉经济技术开发区、武汉化学工业区管理机构按照本规定有关区人民政府职责的规定，负责其管理区域内的道路运输管理工作。")])
    #expect(o.attributions[0]?.departmentsRaw == ["市交通运输主管部门", "市道路运输管理机构", "武汉经济技术开发区", "武汉化学工业区管理机构"])
    let (p, _) = try run([U("第四条", [4], "市工商行政管理局负责户外广告内容的审查登记。市规划国土资源局、市公安局按各自职责负责户外广告设置场地的审核工作。")])
    #expect(p.attributions[0]?.departmentsRaw == ["市工商行政管理局", "市规划国土资源局", "市公安局"])
  }

  @Test func notAPrinciplesWords() throws {
    let (o, _) = try run([U("第十七条", [6, 17], "各级人民政府和有关部门按照条块结合，以块为主、分级负责、各尽其职的原则，领导和组织灾区的恢复重建工作。")])
    #expect(o.attributions[0] == nil)
  }

  @Test func aCollectiveOfGovernmentsIsSharedByTheKindsAfterIt() throws {
    let a = try #require(try attribution("做好保障工作。县级以上人民政府发改、民政、财政等部门按照各自职责负责做好廉租住房保障的相关工作。"))
    #expect(a.departments == ["县级以上人民政府发改部门", "县级以上人民政府民政部门", "县级以上人民政府财政部门"])
  }
}

/// Duties of a social-assistance plan (Corpus/heldout88 8804, 8805): a scope between names sharing their word and the role
/// word (…等部门在各自职责范围内，协助做好…), and a verb before names starts none (做好上级民政部门…交办的其他工作).
@Suite struct Heldout88FormTests {
  @Test func aScopeBeforeTheRoleWord() throws {
    let (o, _) = try run([U("（三）", [3], "加强协作。机构编制、财政、工商、税务等部门在各自职责范围内，协助做好社会救助工作。")])
    #expect(o.attributions[0]?.departments == ["机构编制部门", "财政部门", "工商部门", "税务部门"])
    #expect(o.attributions[0]?.participating.count == 4)
  }

  @Test func aVerbStartsNoName() throws {
    // (an item of a section headed as duties, where a duty's first words may name its department)
    let (o, _) = try run([
      U("2.", [2], "县（市、区）民政部门设立办事机构，其职责是：", heading: "县（市、区）民政部门设立办事机构，其职责是"),
      U("（7）", [2, 7], "做好上级民政部门和县（市、区）人民政府交办的其他工作。"),
    ])
    #expect(o.attributions[1] == nil)
  }
}

/// A subject after a comma that is a clause (…，并可在公安部门配合下组织捕杀狂犬; Corpus/heldout89 8902): a conjunction and a
/// modal before a kind of body start no name.
@Suite struct Heldout89FormTests {
  @Test func aModalClauseIsNoSubject() throws {
    let (o, _) = try run([U("第四条", [4], "市区各级人民政府负责本办法的组织实施。街道办事处、乡镇人民政府负责辖区内养犬的管理工作，并可在公安部门配合下组织捕杀狂犬、野犬。")])
    #expect(!(o.attributions[0]?.departmentsRaw ?? []).contains { $0.hasPrefix("并") })
  }
}

/// Regulations (Corpus/heldout90): levels with 辖市 shared by a body (市、辖市土地行政主管部门), a sentence with 应与 no name.
@Suite struct Heldout90FormTests {
  @Test func levelsWithCountyCities() throws {
    let (o, _) = try run([U("第四条", [1, 4], "市、辖市土地行政主管部门负责城市房屋拆迁中的土地管理工作。")])
    #expect(o.attributions[0]?.departmentsRaw == ["市、辖市土地行政主管部门"])
  }

  @Test func aSentenceWithAModalIsNoName() throws {
    let (o, _) = try run([U("第十九条", [3, 19], "银行、冶炼厂、造纸厂、供销社、外贸、废旧物资回收部门应与文物管理部门配合，做好拣选工作。")])
    #expect(!(o.attributions[0]?.departmentsRaw ?? []).contains { $0.contains("应与") })
  }
}

/// An article's title in brackets (第四条（管理部门）; Corpus/heldout90 9002, heldout94 9401) names no department; the
/// bodies of the article's text do.
@Suite struct BracketedArticleTitleTests {
  @Test func theTitleIsNoAttribution() throws {
    let (o, _) = try run([U("第四条", [4], "（管理部门）\n工商行政管理部门是本市广告业的主管部门。市工商行政管理局负责户外广告设置的经营资质审核。")])
    let a = try #require(o.attributions[0])
    #expect(!a.departmentsRaw.contains("管理部门"))
    #expect(a.departmentsRaw.contains("市工商行政管理局"))
  }
}

/// A regulation's list of kinds of body sharing a level and a longer kind word, its scope before the role word without a
/// comma (县级以上人民政府统计、物价、审计、人事等行政部门在各自职责范围内负责…; Corpus/heldout95 9508).
@Suite struct Heldout95FormTests {
  @Test func kindsSharingALongerWord() throws {
    let (o, _) = try run([U("第六条", [1, 6], "县级以上人民政府统计、物价、审计、人事等行政部门在各自职责范围内负责城市居民最低生活保障工作。")])
    #expect(o.attributions[0]?.departments == ["县级以上人民政府统计行政部门", "县级以上人民政府物价行政部门",
                                                "县级以上人民政府审计行政部门", "县级以上人民政府人事行政部门"])
  }

  /// Every `shared_suffixes` word is also a tail after 等: `…、工商、公安等行政主管部门应按照各自职责协助…` gives 公安行政主管部门,
  /// not 公安等行政主管部门 (Corpus/heldout140 14004).
  @Test func kindsSharingTheirRegulatorWord() throws {
    let (o, _) = try run([U("（二）", [5, 2], "区直各有关单位负责各自产权范围内的公房的摸底排查工作，规划、安监、消防、工商、公安等行政主管部门应按照各自职责协助做好排查等管理工作。")])
    #expect(o.attributions[0]?.participating == ["规划行政主管部门", "安监行政主管部门", "消防行政主管部门", "工商行政主管部门",
                                                  "公安行政主管部门"])
    // the bundled rules keep the two lists in step
    for word in bundled.sharedSuffixes {
      #expect(bundled.tailWords.contains(Array(("等" + word).unicodeScalars)), "tail_words lacks 等\(word)")
    }
  }
}

/// Names, a modifier of their role word and a comma before it (市科技、财政…等部门按照职责，协同做好相关工作; Corpus/heldout46
/// 4704): the names take the role word after the comma; not names holding 的 (市和区、县的计划…等有关管理部门, heldout94 9401).
@Suite struct ModifierBeforeACommaTests {
  @Test func theRoleWordAfterTheComma() throws {
    let (o, _) = try run([U("（二）", [4, 2], "明确分工，责任到人。市发改委负责提出全市节能规划；市科技、财政、统计等部门按照职责，协同做好相关工作。")])
    let a = try #require(o.attributions[0])
    #expect(a.responsible == ["市发展和改革委员会"])
    #expect(a.participating.count == 3)
    let (p, _) = try run([U("第四条", [1, 4], "市和区、县的计划、规划、土地等有关管理部门按照各自职责，协同实施本办法。")])
    #expect(!(p.attributions[0]?.departmentsRaw ?? []).contains { $0.contains("的") })
  }
}

/// A modal and a scope between the comma after names sharing their word and the role word (…等有关行政部门，应当在各自职责
/// 范围内协同做好…; Corpus/heldout90 9004, heldout94): `leading.modals`.
@Suite struct ModalAndScopeAfterACommaTests {
  @Test func theNamesTakeTheRoleWord() throws {
    let (o, _) = try run([U("第四条", [1, 4], "城市规划、财政、民政等有关行政部门，应当在各自职责范围内协同做好城市供热管理工作。")])
    #expect(o.attributions[0]?.departments == ["城市规划行政部门", "财政行政部门", "民政行政部门"])
    #expect(o.attributions[0]?.participating.count == 3)
  }

  /// A scope of `role_word_modifiers` (按照各自的职责, 依据各自职责) after the modal, perhaps with its own comma and an adverb;
  /// the modal also without a comma after the names (Corpus/heldout113 11301, 11302, heldout94).
  @Test func aScopeOfDutiesAfterTheModal() throws {
    let (o, _) = try run([
      U("第五条", [5], "发展改革、财政、交通、公安等有关部门，应当按照各自的职责，积极配合，共同做好散装水泥工作。"),
      U("第六条", [6], "发展改革、财政、交通、公安等有关部门应当按照各自的职责配合做好散装水泥工作。"),
      U("第七条", [7], "市交通局、市公安局应依据各自职责，协助散装水泥工作行政主管部门共同做好专项资金的管理工作。"),
      U("第八条", [8], "统计、审计、规划等有关部门，应当按照各自的职责，互通信息、积极配合、共同做好散装水泥发展工作。"),
    ])
    #expect(o.attributions[0]?.participating == ["发展改革部门", "财政部门", "交通部门", "公安部门"])
    #expect(o.attributions[1]?.participating == ["发展改革部门", "财政部门", "交通部门", "公安部门"])
    #expect(o.attributions[2]?.departmentsRaw == ["市交通局", "市公安局"])
    #expect(o.attributions[2]?.participating.count == 2)
    // (one or two short duties listed before the role word after the scope's comma)
    #expect(o.attributions[3]?.participating == ["统计部门", "审计部门", "规划部门"])
  }

  /// A scope of duties and powers (按照各自职责权限) after the names' comma, no modal, then the role word after its own comma
  /// (Corpus/heldout119 11902); the same scope with a modal.
  @Test func aScopeOfDutiesAndPowers() throws {
    let (o, _) = try run([
      U("第四条", [4], "财政、民政、农业、审计等有关部门,按照各自职责权限,配合做好资助贫困学生的工作。"),
      U("第五条", [5], "财政、民政等有关部门应当按照各自的职责权限，配合做好资助工作。"),
    ])
    #expect(o.attributions[0]?.participating == ["财政部门", "民政部门", "农业部门", "审计部门"])
    #expect(o.attributions[1]?.participating == ["财政部门", "民政部门"])
  }

  /// A scope of divided duties (按照各自职责分工) after the names, then the role word after a comma (Corpus/heldout113 11303):
  /// the whole scope is a modifier, not 分工 alone, so no 按照各自职责 is left on the names.
  @Test func aScopeOfDividedDuties() throws {
    let a = try #require(try attribution("发改、规划、环保、卫生等相关部门按照各自职责分工，配合水行政主管部门做好用水节水的管理工作。"))
    #expect(a.participating == ["发改部门", "规划部门", "环保部门", "卫生部门"])
    let b = try #require(try attribution("公安、工商等有关部门根据各自职责分工，协助做好管理工作。"))
    #expect(b.participating == ["公安部门", "工商部门"])
  }

  /// Without `leading.modals` (optional) a role word right after the comma of names sharing their word is still read, as
  /// before modals were added (各级消防、人防…等部门，负责做好…; Corpus/heldout20 2102); the modal forms are not.
  @Test func withoutModalsTheRoleWordAfterTheCommaIsStillRead() throws {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("gongwen-nomodals-\(UUID().uuidString)")
    try fm.copyItem(atPath: TestSupport.rulesDirectory, toPath: dir.path)
    defer { try? fm.removeItem(at: dir) }
    let file = dir.appendingPathComponent("attribute.yaml")
    let yaml = try String(contentsOf: file, encoding: .utf8)
    let edited = yaml.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  modals:") }.joined(separator: "\n")
    #expect(edited != yaml)
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let rules = try RuleSet.load(directory: dir.path).attribute
    let a = try #require(try attribution("各级消防、人防、交警等部门，负责做好应急保障工作。", rules: rules))
    #expect(a.responsible == ["各级消防部门", "各级人防部门", "各级交警部门"])
    #expect(try attribution("消防、人防、交警等有关部门，应当按照各自的职责，积极配合做好应急保障工作。", rules: rules) == nil)
  }

  /// After a modal, 落实 and 督促落实 take an object (镇人民政府应落实专管人员, …等部门应当按照各自职责，督促落实…责任人;
  /// Corpus/heldout108 10806, heldout104 10404): `leading.modal_role_words` leaves them out, and no department is read.
  @Test func aTransitiveVerbAfterTheModalAssignsNothing() throws {
    let (o, _) = try run([
      U("第二十一条", [21], "镇人民政府应当落实农村房屋质量安全专管人员。"),
      U("第五条", [5], "区国资委、区卫健委、区商务委等部门应当按照各自职责，督促落实行业管理范围内的房屋使用安全责任人做好应急处置工作。"),
    ])
    #expect(o.attributions[0] == nil)
    #expect(o.attributions[1] == nil)
  }
}

/// A body named with its jurisdiction before a full stop, its duties after it (（五）市监察局。…; Corpus/heldout97 9701).
@Suite struct Heldout97FormTests {
  @Test func aBodyBeforeAFullStop() throws {
    let (o, _) = try run([U("（五）", [3, 5], "市监察局。负责对网吧管理工作中有关部门及其工作人员履行职责情况进行监督。")])
    #expect(o.attributions[0]?.departmentsRaw == ["市监察局"])
  }
}

/// Two bodies joined by 或者/或 before their role word are two names, either of which does the work
/// (畜牧兽医部门或者动物防疫监督机构负责…, Corpus/heldout89 8901); a jurisdiction prefix joined by it (市或者区、县工商行政管理局)
/// is not split at it (市 alone is no department).
@Suite struct EitherBodyFormTests {
  @Test func eitherOfTwoBodiesIsSplit() throws {
    let a = try #require(try attribution("畜牧兽医部门或者动物防疫监督机构负责犬类的免疫、检疫。"))
    #expect(a.departmentsRaw == ["畜牧兽医部门", "动物防疫监督机构"])
    #expect(a.responsible == ["畜牧兽医部门", "动物防疫监督机构"])
  }

  @Test func aPrefixJoinedByOrStaysWhole() throws {
    let a = try #require(try attribution("加强户外广告的日常监管。（责任单位：市或者区、县工商行政管理局）"))
    #expect(!a.departmentsRaw.contains("市"))
    #expect(a.departmentsRaw.contains { $0.hasPrefix("市或者区") })
  }
}

/// An article naming a body's duties with 的职责是 before the colon (第二十一条 市文物管理部门的职责是:, its duties as numbered
/// children; Corpus/heldout90 9006): `colon_subject_tails` holds the word with 是.
@Suite struct DutiesAreFormTests {
  @Test func anArticleOfABodysDutiesWithACopula() throws {
    let (o, _) = try run([
      U("第二十一条", [21], "市文物管理部门的职责是:"),
      U("（一）", [21, 1], "宣传、组织实施文物保护法律、法规；"),
    ])
    #expect(o.attributions[0]?.responsible == ["市文物管理部门"])
    #expect(o.attributions[1] == nil)
  }
}

/// A name starting with a word whose first character is a jurisdiction's but no prefix (市政部门: the municipal-works
/// department) gives the list's later names no prefix (…、市政、房产、公安等部门, Corpus/heldout99 9901: `unprefixed_starts`).
@Suite struct UnprefixedStartFormTests {
  @Test func municipalWorksGivesNoPrefix() throws {
    let a = try #require(try attribution("加强住房保障工作。（责任单位：住建、市政、房产、公安等部门）"))
    #expect(!a.departments.contains { $0.hasPrefix("市房产") || $0.hasPrefix("市公安") })
    #expect(a.departments.contains("公安部门"))
  }

  @Test func aCityPrefixIsStillInherited() throws {
    let a = try #require(try attribution("加强住房保障工作。（责任单位：市住建局、房产局）"))
    #expect(a.departments == ["市住房和城乡建设局", "市房产局"])
  }
}

/// A military district is a body (济南军区司令部作战部、省军区：负责指挥…; Corpus/heldout48 4901): `军区`, `军分区` end a name.
@Suite struct MilitaryDistrictFormTests {
  @Test func aMilitaryDistrictBeforeAColon() throws {
    let a = try #require(try attribution("济南军区司令部作战部、省军区：负责指挥驻鲁解放军和预备役部队开展火灾扑救工作。"))
    #expect(a.responsible == ["济南军区司令部作战部", "省军区"])
  }
}

/// A later sentence that opens with a clause of grounds, its subject after the clause's comma (…。按属地管理原则,街道办事处、
/// 乡镇人民政府负责…; Corpus/heldout89 8902: `leading.opening_clauses` holds 按); a government of levels as a subject after a
/// comma (…，镇（乡）人民政府负责…; Corpus/heldout42 4307); 盟市 a jurisdiction prefix the list's names inherit (盟市财政部门、
/// 住房和城乡建设部门; Corpus/heldout82 8203).
@Suite struct LaterSentenceFormTests {
  @Test func aSubjectAfterAClauseOfGroundsInALaterSentence() throws {
    let a = try #require(try attribution("市区各级人民政府负责本办法的组织实施。按属地管理原则，街道办事处、乡镇人民政府负责辖区内养犬的管理工作。"))
    #expect(a.responsible.contains("乡镇人民政府"))
    #expect(a.responsible.contains("街道办事处"))
    // (a comma inside brackets ends no clause of grounds)
    let b = try attribution("防止出现新的逐利行带。按照（省发展改革委牵头，省人社厅参与）4.建立健全城乡居民基本医疗保险制度。深入贯彻落实市政府的通知，进一步完善城乡居民医保管理体制。")
    #expect(b == nil)
  }

  @Test func aGovernmentOfLevelsAfterAComma() throws {
    let a = try #require(try attribution("市农牧林业局负责制定疫情处置方案，镇（乡）人民政府负责落实疫情处置的具体措施。"))
    #expect(a.responsible == ["市农牧林业局", "镇（乡）人民政府"])
  }

  @Test func theBannerAndCityLevelIsInherited() throws {
    let a = try #require(try attribution("加强补助资金管理。（责任单位：盟市财政部门、住房和城乡建设部门）"))
    #expect(a.departments == ["盟市财政部门", "盟市住房和城乡建设部门"])
  }
}

/// Under a heading of duties (二、职责分工), an item whose whole first sentence is one body's name without a prefix, its duties
/// after the full stop with no role word (`4.建管中心。积极依托…协同开展…`; Corpus/heldout100 10005), names that body.
@Suite struct BodyNameSentenceFormTests {
  @Test func aBodysNameAsTheItemsFirstSentence() throws {
    let (o, _) = try run([
      U("二、", [2], "职责分工", heading: "职责分工"),
      U("1.", [2, 1], "建管中心。积极依托“红色物业”创建工作，协同开展社区独居老人消防安全关爱工作。"),
      U("2.", [2, 2], "加强宣传。积极开展消防安全宣传工作。"),
    ])
    #expect(o.attributions[1]?.responsible == ["建管中心"])
    #expect(o.attributions[2] == nil)
  }
}

/// A body named again later in its item by its short form, the end of its full name (1.街道消委办。牵头开展… 消委办负责…;
/// Corpus/heldout100 10005), is one body under its full name; a name with a jurisdiction of its own never merges that way
/// (市民政部门 beside 市、区（县）民政部门).
@Suite struct ShortFormAgainFormTests {
  @Test func theShortFormIsTheSameBody() throws {
    let (o, _) = try run([
      U("二、", [2], "职责分工", heading: "职责分工"),
      U("1.", [2, 1], "街道消委办。牵头开展独居老人消防安全关爱工作，协助居委开展风险评估。消委办负责加强微型消防站基础建设，协同建管中心推动增设电动自行车集中充电场所。"),
    ])
    #expect(o.attributions[1]?.departments == ["街道消委办"])
  }
}

/// A clause of scope opening the sentence after the title (针对…行为，X、Y及Z等单位负责…; Corpus/heldout101 10101):
/// `leading.opening_clauses` holds 针对.
@Suite struct AimedAtClauseFormTests {
  @Test func theSubjectAfterAClauseOfScope() throws {
    let a = try #require(try attribution("加大对偷乱倒行为的处罚力度。针对危害公共道路通行安全的恶性偷乱倒建筑垃圾行为，区城管执法局、区公安分局及各街道办事处等单位负责加大巡查力度。"))
    #expect(a.departmentsRaw == ["区城管执法局", "区公安分局", "各街道办事处"])
  }
}
