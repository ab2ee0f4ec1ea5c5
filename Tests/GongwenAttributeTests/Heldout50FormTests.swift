import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind sets heldout50–55 (seventh session).

/// A bracket cut by the page's end inside the note after its list (Corpus/heldout51 5204).
@Suite struct CutNoteTests {
  @Test func aListEndingWithARoleWordAndAFullStopBeforeACutNote() throws {
    let a = try #require(try attribution("综合评价对就业岗位的影响。（区发展改革委、区财政局、人行江津中心支行等负责。列第一位者为牵头单位，下"))
    #expect(a.departmentsRaw == ["区发展改革委", "区财政局", "人行江津中心支行"])
    #expect(a.lead.count == 1)
    #expect(a.responsible.count == 3)
    // a full stop not after a role word still ends the search: the bracket was closed before it, or is no list
    #expect(try attribution("综合评价对就业岗位的影响（区发展改革委、区财政局。列第一位者为牵头单位，下") == nil)
  }
}

/// `牵头负责` and `牵头落实` name leads only: 牵头 decides (Corpus/heldout51 5203, heldout16).
@Suite struct LeadDecidesTests {
  @Test func leadAndResponsibleWordsGiveLeadOnly() throws {
    let a = try #require(try attribution("规范信用信息的征集。（县政府法制办、人行德安分行、县发改委牵头负责）"))
    #expect(a.lead == a.departments)
    #expect(a.departments.count == 3)
    #expect(a.responsible.isEmpty)
    let b = try #require(try attribution("加强宣传。（市财政局牵头落实，市税务局配合）"))
    #expect(b.lead == ["市财政局"])
    #expect(b.responsible.isEmpty)
    #expect(b.participating == ["市税务局"])
  }
}
