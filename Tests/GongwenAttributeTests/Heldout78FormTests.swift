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
