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

/// `责任主体为X。`: a clause opening with a role noun and a copula names its departments after them (Corpus/heldout156 15601).
@Suite struct RoleNounFirstTests {
  @Test func namesAfterARoleNounAndACopula() throws {
    let (o, _) = try run([
      U("（一）", [2, 1], "一级、二级网格\n根据指导意见的精神，我区一、二级网格合一，责任主体为平潭综合实验区管委会。主要工作职责：指导监督。"),
      U("（二）", [2, 2], "三级网格\n以乡镇行政区域为单元划分，责任主体为各乡镇人民政府。工作职责：指导检查。"),
      U("（三）", [2, 3], "建立工作机制\n建立联席会议制度，定期研究解决问题。牵头单位为市发展改革委；配合单位为市财政局。"),
      // not department-like: no names
      U("（四）", [2, 4], "四级网格\n每个四级网格作为一个监管细胞单元，责任主体为按意见组建的服务管理团队。"),
    ])
    #expect(o.attributions[0]?.responsible == ["平潭综合实验区管委会"])
    #expect(o.attributions[1]?.departmentsRaw == ["各乡镇人民政府"])
    #expect(o.attributions[2]?.departmentsRaw == ["市发展改革委"])
    #expect(o.attributions[2]?.lead.count == 1)
    #expect(o.attributions[3] == nil)
  }
}

/// A later sentence or clause of a duty item that opens with a body for sure and a modal: a second subject of the item, also
/// responsible (`…监管部门要加强…；物价部门要加强运价监督…`; Corpus/heldout156 15602).
@Suite struct LaterDutySubjectTests {
  @Test func aSecondBodyWithAModalInTheSameItem() throws {
    let units = [
      U("二、", [2], "明确职责分工", heading: "明确职责分工"),
      U("（一）", [2, 1], "区社会事业局卫计部门要做好医疗保障。教育部门要在放假前集中对学生进行安全教育。"),
      U("（二）", [2, 2], "区市场监督局食品药品安全监管部门要加强食品安全监管；物价部门要加强运价监督检查。"),
      // not a body for sure: a collective, a facility, a clause of work that merely holds 要
      U("（三）", [2, 3], "区公安局要加强管理。各级公安机关要加强巡查；客运车站要加强安检。安全工作要到位。"),
    ]
    let (o, _) = try run(units)
    #expect(o.attributions[1]?.departmentsRaw == ["区社会事业局卫计部门", "教育部门"])
    #expect(o.attributions[1]?.responsible.count == 2)
    #expect(o.attributions[2]?.departmentsRaw == ["区市场监督局食品药品安全监管部门", "物价部门"])
    #expect(o.attributions[3]?.departmentsRaw == ["区公安局"])
  }

  @Test func theItemsSubjectBeforeALaterClauseWithItsOwnRoleWord() throws {
    let units = [
      U("二、", [2], "明确职责分工", heading: "明确职责分工"),
      U("（一）", [2, 1], "区公安局（交管部门）要对参加春运的驾驶人进行集中排查，会同交通部门和各乡镇人民政府加强道路巡查，严厉打击超员超载。驻岚武警部队要积极参与春运工作。"),
    ]
    let (o, _) = try run(units)
    #expect(o.attributions[1]?.departmentsRaw == ["区公安局（交管部门）", "驻岚武警部队"])
    #expect(o.attributions[1]?.responsible == ["区公安局（交管部门）"])
    #expect(o.attributions[1]?.participating == ["驻岚武警部队"])
  }
}
