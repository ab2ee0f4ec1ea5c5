import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout168 (forty-second session): emergency plans of Shanghai districts.

/// An emergency plan's organisation section names its parts by role (`3.1领导机构`, `3.2应急联动机构`, `3.4专家机构`): headings, no bodies
/// (`not_department`; Corpus/heldout168 16803). A named role body stays one (`现场指挥机构`, Corpus/heldout44 4504).
@Suite struct OrganisationHeadingTests {
  @Test func roleHeadingsNameNoBody() throws {
    let (o, _) = try run([
      U("3", [3], "组织体系", heading: "组织体系"),
      U("3.1", [3, 1], "领导机构", heading: "领导机构"),
      U("3.2", [3, 2], "应急联动机构\n区应急联动中心设在区公安分局，作为先期处置的职能机构。", heading: "应急联动机构"),
      U("3.4", [3, 4], "专家机构\n市、区共享专家库资源。", heading: "专家机构"),
    ])
    for k in 1...3 { #expect(o.attributions[k]?.departments.contains { $0.hasSuffix("机构") && $0.count <= 6 } != true) }
    #expect(try attribution("组织救援。（专家机构负责）") == nil)
    #expect(try attribution("组织救援。（现场指挥机构负责）")?.departments == ["现场指挥机构"])
  }
}
