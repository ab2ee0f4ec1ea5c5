import Testing
@testable import GongwenAttribute
import GongwenCore

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
