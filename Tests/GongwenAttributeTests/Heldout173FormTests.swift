import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind sets heldout172 and heldout173 (forty-third session).

/// `依法负责` is a role word: kinds of body sharing `等部门` before it are responsible (`由海事、海关、边检等部门依法负责…`;
/// Corpus/heldout173 17301). `依法` is no adverb before any role word: `…等部门要依法落实…职责` stays unread, as the key of
/// Corpus/heldout155 15502 reads it.
@Suite struct LawfullyResponsibleTests {
  @Test func lawfullyResponsibleNamesTheKinds() throws {
    let (o, _) = try run([
      U("第三条", [3], "对入出内地的港澳游艇和驾驶人员，由海事、海关、边检等部门依法负责入境出境口岸检查监管。")
    ])
    #expect(o.attributions[0]?.departments == ["海事部门", "海关部门", "边检部门"])
    #expect(o.attributions[0]?.responsible == ["海事部门", "海关部门", "边检部门"])
  }

  @Test func lawfullyBeforeAnotherVerbIsNoRole() throws {
    let (o, _) = try run([
      U("（4）", [2, 2, 1, 4], "电动车火灾防范。区经发、市场监管等部门要依法落实电动车的源头管理职责，明确工作职责。")
    ])
    #expect(o.attributions[0]?.departments.isEmpty != false)
  }
}
