import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout165 (forty-second session): a province's plans with long brackets of groups (Guangdong).

/// A bracket whose list runs on into a note on later tasks after a comma (`…按职责分工负责，以下均需各地级以上市人民政府落实，不再一一
/// 列出`) keeps its list; the note's items are no names of its own (its bodies go to the later tasks: `StandingNoteTests`;
/// Corpus/heldout165 16501). A bracket that is the note alone names nothing for its own task.
@Suite struct FollowingNoteTests {
  @Test func theListBeforeTheNoteStays() throws {
    let a = try #require(try attribution(
      "提升入境旅游国际竞争力。（省委宣传部、省公安厅，省通信管理局，各地级以上市人民政府按职责分工负责，以下均需各地级以上市人民政府落实，不再一一列出）"))
    #expect(a.departments == ["省委宣传部", "省公安厅", "省通信管理局", "各地级以上市人民政府"])
    #expect(a.responsible == a.departments)
  }

  @Test func aListEndingWithTheNoteAloneStays() throws {
    // (heldout21 2205: `A负责，以下不再列出`)
    let a = try #require(try attribution("做好宣传。（市商务局负责，以下不再列出）"))
    #expect(a.departments == ["市商务局"])
  }

  @Test func theNoteAloneIsNoAttribution() throws {
    #expect(try attribution("做好宣传。（以下均需各县区落实，不再列出）") == nil)
  }
}

/// A branch written by its place alone after another branch of one body takes that body's head (`branch_endings`:
/// `人民银行广东省分行、深圳市分行` -> `人民银行深圳市分行`), and bare places before a body named after the last of them share that
/// body (`广州、深圳、珠海边检总站`; Corpus/heldout165 16501). A place with its own level, or a name of another kind, shares nothing.
@Suite struct SharedHeadTests {
  @Test func aBranchTakesTheHeadOfTheOneBefore() throws {
    let a = try #require(try attribution(
      "加强金融支持。（人民银行广东省分行、深圳市分行，国家外汇管理局广东省分局、深圳市分局，中信保广东分公司、深圳分公司按职责分工负责）"))
    #expect(a.departments == ["人民银行广东省分行", "人民银行深圳市分行", "国家外汇管理局广东省分局", "国家外汇管理局深圳市分局",
                              "中信保广东分公司", "中信保深圳分公司"])
    // departments_raw keeps the names as written
    #expect(a.departmentsRaw.contains("深圳市分行"))
  }

  @Test func aNamedBranchKeepsItsName() throws {
    let a = try #require(try attribution("加强治安。（区公安分局、青浦区公安分局负责）"))
    #expect(a.departments.contains("青浦区公安分局"))
    let b = try #require(try attribution("加强监管。（人民银行平潭支行、农业银行平潭支行负责）"))
    #expect(b.departments.contains("农业银行平潭支行"))
  }

  @Test func placesShareTheBodyOfTheLast() throws {
    let a = try #require(try attribution("便利通关。（省公安厅，广州、深圳、珠海边检总站，省机场集团按职责分工负责）"))
    #expect(a.departments == ["省公安厅", "广州边检总站", "深圳边检总站", "珠海边检总站", "省机场集团"])
  }

  @Test func aPlaceWithItsLevelOrAnotherBodySharesNothing() throws {
    // (heldout154 15401: `杨浦区、市规划资源局`; heldout30 3103: `汉江国投、襄阳市水利和湖泊局`)
    let a = try #require(try attribution("推进更新。（杨浦区、市规划资源局负责）"))
    #expect(a.departments.contains("杨浦区"))
    #expect(!a.departments.contains { $0.hasSuffix("资源局") && $0.hasPrefix("杨浦区") })
    let b = try #require(try attribution("推进建设。（责任单位：汉江国投、襄阳市水利和湖泊局）"))
    #expect(b.departments.contains("汉江国投"))
    #expect(b.departments.contains("襄阳市水利和湖泊局"))
  }
}

/// An article's numbered items listing each body's duties, without a heading naming them (`第二十九条 …` / `（二）发展改革部门要…` …;
/// `leading.duty_list_min_items`; Corpus/heldout165 16504): each item starting with a body names it responsible, also one whose
/// body has no modal after it (`（九）消防救援部门依法对…`); an item's own role word keeps its role (`教育部门要配合…`). Items of which
/// fewer than two thirds start so stay unread, as do repeats of one subject.
@Suite struct UnheadedDutyListTests {
  static let items = [
    "民政部门要做好残疾儿童的生活救助，优先保障低保家庭。",
    "财政部门要按规定保障残疾儿童康复救助补贴经费。",
    "教育部门要配合做好学龄前残疾儿童转入学校教育的衔接。",
    "卫生健康部门要加强对康复机构中医疗机构的管理和指导。",
    "消防救援部门依法对康复机构遵守消防法律法规情况进行监督检查。",
    "充分调动和发挥公益慈善组织的作用。",
  ]
  static let numbers = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]

  func units(_ texts: [String]) -> [U] {
    [U("第二十九条", [9, 29], "各级人民政府要将残疾儿童康复救助工作列入重要议事日程。各级人民政府有关部门要履职尽责、协作配合。")]
      + texts.enumerated().map { i, t in U(Self.numbers[i], [9, 29, i + 1], t) }
  }

  @Test func eachBodyIsResponsibleForItsItem() throws {
    let (o, _) = try run(units(Self.items))
    #expect(o.attributions[1]?.responsible == ["民政部门"])
    #expect(o.attributions[2]?.responsible == ["财政部门"])
    #expect(o.attributions[3]?.participating == ["教育部门"])
    #expect(o.attributions[5]?.responsible == ["消防救援部门"])
    #expect(o.attributions[6] == nil)
  }

  @Test func aListWithFewBodiesOrOneSubjectStaysUnread() throws {
    // (only three of six items start with a body and a modal)
    let few = ["民政部门要做好生活救助。", "财政部门要保障补贴经费。", "卫生健康部门要加强管理。", "充分调动社会力量。", "加强宣传引导。", "强化监督检查。"]
    let (o, _) = try run(units(few))
    #expect(o.attributions[1] == nil)
    // (one subject again and again is no list of bodies)
    let same = Array(repeating: "各地要加强宣传引导，营造良好氛围。", count: 6)
    let (p, _) = try run(units(same))
    #expect(p.attributions.dropFirst().allSatisfy { $0 == nil })
  }
}
