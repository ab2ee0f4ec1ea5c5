import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout195 (fiftieth session): a national work plan's brackets.

/// `等部门单位` closes a list as `等部门` does (`…中国科协等部门单位参与`, Corpus/heldout195 19503): no department `部门单位`.
@Suite struct DepartmentsAndUnitsTailTests {
  @Test func theTailIsDropped() throws {
    let a = try #require(try attribution("开展主题宣传日活动。（国家卫生健康委牵头，广电总局、中国科协等部门单位参与）"))
    #expect(a.departmentsRaw == ["国家卫生健康委", "广电总局", "中国科协"])
    #expect(a.participating.count == 2)
    let b = try #require(try attribution("开展主题宣传日活动。（教育部牵头，全国妇联等相关部门单位参与）"))
    #expect(b.departmentsRaw == ["教育部", "全国妇联"])
  }
}

/// A modal after 还/也 (`还应`, `也应`) marks a sentence, not a name: `…还应检查第三类单位落实日常防火巡查检查…` names no body
/// (Corpus/heldout109 10903 gave a department `还应检查第三类单位`).
@Suite struct ModalInsideANameTests {
  @Test func aSentenceWithAModalIsNoSubject() throws {
    let found = try attribution("排查重点：在落实街面、沿街商铺等场所火灾防控要求基础上，还应检查第三类单位落实日常防火巡查检查制度执行情况。")
    #expect(!(found?.departmentsRaw ?? []).contains { $0.contains("还应") })
    let a = try #require(try attribution("开展排查。区应急局负责组织实施。"))
    #expect(a.responsible == ["区应急局"])
  }
}

/// Verbs no body's name holds (督促, 包括, 配合, 授权, 是指 …) rule out a name read across them (Corpus/heldout174 17401,
/// heldout104 10401, heldout133 13302, heldout168 16804); a body whose name holds none stays.
@Suite struct VerbInsideANameTests {
  @Test(arguments: ["加强巡查。区房管局应指导街道督促物业管理单位落实安全责任。", "明确分工。建设主管部门包括区建设管理委负责。",
                    "开展处置。经区政府授权的区应急局负责组织调查。"])
  func aNameReadAcrossAVerbIsNone(_ text: String) throws {
    let found = try attribution(text)
    #expect(!(found?.departmentsRaw ?? []).contains { n in ["督促", "包括", "授权"].contains { n.contains($0) } })
  }

  @Test func aBodyStays() throws {
    let a = try #require(try attribution("加强巡查。（区房管局、区建设管理委负责）"))
    #expect(a.departmentsRaw == ["区房管局", "区建设管理委"])
  }
}

/// An article's number or 召开/增加/产生/实行 inside a name: none (Corpus/heldout89 8901's `H第四条本州各级人民政府`, heldout117
/// 11705's `…窨井设施实行行政管理和产权单位`).
@Suite struct ArticleOrVerbInsideANameTests {
  @Test(arguments: ["本规定。H第四条本州各级人民政府负责本规定的组织实施。", "城市道路窨井设施实行行政管理和产权单位负责的原则。"])
  func noName(_ text: String) throws {
    let found = try attribution(text)
    #expect(!(found?.departmentsRaw ?? []).contains { $0.contains("第四条") || $0.contains("实行") })
  }
}

/// `予以配合` after a modal is a participating role word (`管线建设单位应予以配合`; Corpus/heldout135 13503).
@Suite struct LendingCooperationTests {
  @Test func theBodyParticipates() throws {
    let a = try #require(try attribution("（道路工程）\n道路新建、改建时，管线及附属设施应当同步建设。管线建设单位应予以配合。"))
    #expect(a.participating == ["管线建设单位"])
  }
}

/// A clause of grounds holding a comma of its own before the subject (`按照力量下沉，属地管理的原则，各街道办事处…牵头`; Corpus/heldout105
/// 10506): the subject after the clause's second comma is read.
@Suite struct GroundsWithACommaTests {
  @Test func theSubjectAfterTheSecondComma() throws {
    let a = try #require(try attribution("按照力量下沉，属地管理的原则，各街道办事处、风景区管理办牵头，制定合理的集中投放设置点位。"))
    #expect(a.lead == ["各街道办事处", "风景区管理办"])
  }
}

/// Names that are departments only as a list reads them, as a subject before a colon (`外经贸、监狱管理部门和武警部队：负责…`;
/// Corpus/heldout59 5902): the list is parsed as a bracket would be, every item a department. A field before a name ending with
/// a kind of body shares that kind (`外经贸部门`), not a place's body cut at the field's length (`外经贸理部门`).
@Suite struct SubjectsReadAsAListTests {
  @Test func aSubjectJoinedByAnd() throws {
    let (o, _) = try run([U("（十六）", [16], "外经贸、监狱管理部门和武警部队：负责做好本系统的禽流感防治工作。")])
    #expect(o.attributions[0]?.responsible == ["外经贸部门", "监狱管理部门", "武警部队"])
  }

  @Test func aFieldSharesTheKindOfBody() throws {
    let a = try #require(try attribution("做好工作。（外经贸、监狱管理部门和武警部队负责）"))
    #expect(a.departments == ["外经贸部门", "监狱管理部门", "武警部队"])
  }
}
