import Testing
@testable import GongwenAttribute
import GongwenCore

/// `standing_note`: a note in an attribution that gives every later task of its task's level to some bodies (`以下均需各地级以上市
/// 人民政府落实，不再一一列出`; Corpus/heldout165 16501, heldout167 16705, heldout73 7302, heldout137 13702, heldout193 19303). The
/// bodies come after a task's own; section headings above that level get nothing; `此项及以下` gives them to the note's own task.
@Suite struct StandingNoteTests {
  let units = [
    U("一、", [1], "扩大服务消费", heading: "扩大服务消费"),
    U("（一）", [1, 1], "提升入境旅游竞争力。（省文化和旅游厅、省公安厅按职责分工负责，以下均需各地级以上市人民政府落实，不再一一列出）"),
    U("（二）", [1, 2], "发展养老服务。（省民政厅负责）"),
    U("二、", [2], "完善保障措施", heading: "完善保障措施"),
    U("（三）", [2, 3], "加强统计监测。（省统计局负责）"),
    U("（四）", [2, 4], "加强宣传引导。（省委宣传部、各地级以上市人民政府负责）"),
  ]

  @Test func laterTasksOfItsLevelGetTheBodies() throws {
    let (a, _) = try run(units)
    #expect(a.attributions[1]?.departments == ["省文化和旅游厅", "省公安厅"])
    #expect(a.attributions[2]?.departments == ["省民政厅", "各地级以上市人民政府"])
    #expect(a.attributions[2]?.responsible == ["省民政厅", "各地级以上市人民政府"])
    // (under the next section too; a task that names them already keeps its own list)
    #expect(a.attributions[4]?.departments == ["省统计局", "各地级以上市人民政府"])
    #expect(a.attributions[5]?.departments == ["省委宣传部", "各地级以上市人民政府"])
    // section headings get nothing
    #expect(a.attributions[0] == nil)
    #expect(a.attributions[3] == nil)
  }

  @Test func aNoteThatNamesItsOwnTaskGivesItTheBodiesToo() throws {
    let (a, _) = try run([
      U("1.", [1], "促进就业。〔市人社局,此项及以下任务均需各县(市、区)落实,不再列出。〕"),
      U("2.", [2], "支持创业。(市人社局)"),
    ])
    #expect(a.attributions[0]?.departments == ["市人力资源和社会保障局", "各县(市、区)"])
    #expect(a.attributions[1]?.departments == ["市人力资源和社会保障局", "各县(市、区)"])
  }

  @Test func aRoleWordOfTakingPartGivesThatRole() throws {
    let (a, _) = try run([
      U("1.", [1], "专项整治。（区环保局牵头，相关乡镇配合。以下均需相关乡镇配合，不再列出）"),
      U("2.", [2], "强化治理。（区建设局牵头）"),
      U("3.", [3], "加强监测。"),
    ])
    #expect(a.attributions[1]?.lead == ["区建设局"])
    #expect(a.attributions[1]?.participating == ["相关乡镇"])
    // (a task without a bracket of its own gets them alone)
    #expect(a.attributions[2]?.departments == ["相关乡镇"])
  }

  @Test func aNoteThatQualifiesItsBodiesIsNoStandingNote() throws {
    // (no `不再列出`: heldout21 2203's `以下均需各县(市)区政府落实,区政府无相关工作职能的,由市政府直属部门落实`)
    let (a, _) = try run([
      U("1.", [1], "专项整治。（市环保局牵头，以下均需各县区政府落实，区政府无相关职能的由市直部门落实）"),
      U("2.", [2], "强化治理。（市建设局牵头）"),
    ])
    #expect(a.attributions[1]?.departments == ["市建设局"])
  }
}
