import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout164 (forty-first session): a provincial commission's plans (Guangdong).

/// A bank's provincial or city branch is a department (`省分行`, `市分行`; not any `…分行`: `人车分行` is a traffic rule), and a
/// central administration's regional office (`海关总署广东分署`) takes no `省` from the list (Corpus/heldout164 16401).
@Suite struct CentralBranchTests {
  @Test func bankBranchesAlone() throws {
    let a = try #require(try attribution("提供融资服务。（人民银行广东省分行、人民银行深圳市分行牵头）"))
    #expect(a.lead == ["人民银行广东省分行", "人民银行深圳市分行"])
  }

  @Test func aRegionalOfficeKeepsItsName() throws {
    let a = try #require(try attribution("畅通物流通道。（省交通运输厅、发展改革委、海关总署广东分署、中国铁路广州局集团牵头）"))
    #expect(a.departments.contains("海关总署广东分署"))
    #expect(!a.departments.contains("省海关总署广东分署"))
  }

  @Test func aTrafficRuleIsNoBank() throws {
    #expect(try attribution("规划道路。（人车分行）") == nil)
  }
}

/// A city of two characters ending in 州 names no 州 level: in `广州、深圳市政府` it takes the whole government (`广州市政府`), while
/// a name ending with its own level drops the suffix's (`川汇区、商水县人民政府` -> `川汇区人民政府`; Corpus/heldout164 16404).
@Suite struct ZhouCityGovernmentTests {
  @Test func guangzhouTakesTheCityGovernment() throws {
    let a = try #require(try attribution("建设示范社区。（广州、深圳市政府负责）"))
    #expect(a.departments == ["广州市政府", "深圳市政府"])
  }

  @Test func anAutonomousZhouKeepsItsLevel() throws {
    let a = try #require(try attribution("推进试点。（恩施州、宜昌市政府负责）"))
    #expect(a.departments == ["恩施州政府", "宜昌市政府"])
  }
}
