import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout165 (forty-second session): a province's plans with long brackets of groups (Guangdong).

/// A bracket whose list runs on into a note on later tasks after a comma (`…按职责分工负责，以下均需各地级以上市人民政府落实，不再一一
/// 列出`) keeps its list; the note's items are dropped, and nothing is carried to later tasks (Corpus/heldout165 16501). A
/// bracket that is the note alone stays none.
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
