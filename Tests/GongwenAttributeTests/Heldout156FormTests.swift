import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout156 (thirty-fourth session).

/// A duty item's body followed by one of its units before the modal (`区交通与建设局运输管理部门要…`, `区公安局（交管部门）要…`;
/// Corpus/heldout156 15602): the unit stays in the name.
@Suite struct DutyItemUnitTests {
  @Test func aUnitGluedOnOrInBracketsStaysInTheName() throws {
    let units = [
      U("二、", [2], "明确职责分工", heading: "明确职责分工"),
      U("（一）", [2, 1], "区交通与建设局运输管理部门要认真履行管理职责，严格准入管理。"),
      U("（二）", [2, 2], "区公安局（交管部门）要对参加春运的驾驶人进行集中排查。"),
      U("（三）", [2, 3], "区市场监督局食品药品安全监管部门要加强食品安全监管。"),
      U("（四）", [2, 4], "区交通局要加强运力调度。"),
      // not a unit: the words after the body are its work, or a note on it
      U("（五）", [2, 5], "区交通局加强部门协作要到位。"),
      U("（六）", [2, 6], "区交通局（牵头部门）要加强协调。"),
    ]
    let (o, _) = try run(units)
    #expect(o.attributions[1]?.departmentsRaw == ["区交通与建设局运输管理部门"])
    #expect(o.attributions[2]?.departmentsRaw == ["区公安局（交管部门）"])
    #expect(o.attributions[3]?.departmentsRaw == ["区市场监督局食品药品安全监管部门"])
    #expect(o.attributions[4]?.departmentsRaw == ["区交通局"])
    #expect(o.attributions[5]?.departmentsRaw == ["区交通局"])
    #expect(o.attributions[6]?.departmentsRaw.contains("区交通局（牵头部门）") != true)
  }
}
