import GongwenAttribute
import GongwenCore
import GongwenRules
import Testing

/// `township_names`: a township is a complete name without a department ending (Corpus/heldout155 15501).
@Suite struct TownshipNameTests {
  /// The bundled rules without `township_names`.
  static func withoutRule() throws -> AttributeRules {
    let lines = bundledYAML.components(separatedBy: "\n").filter { !$0.hasPrefix("township_names:") }
    return try RuleSet.decode(AttributeRules.self, yaml: lines.joined(separator: "\n"))
  }

  @Test func aBracketOfTownshipsAloneIsADepartmentList() throws {
    let body = "系统排查水源保护区内污染源。（岚城乡、北厝镇、澳前镇、苏澳镇、芦洋乡）"
    let a = try #require(try attribution(body))
    #expect(a.responsible == ["岚城乡", "北厝镇", "澳前镇", "苏澳镇", "芦洋乡"])
    #expect(a.lead.isEmpty)
    // the rule is what reads them: without it the bracket is no list
    #expect(try attribution(body, rules: Self.withoutRule()) == nil)
  }

  @Test func townshipsAmongBureausKeepTheirNames() throws {
    let a = try #require(try attribution("加强调水水质安全论证。（区水务投资有限公司、区环土局、岚城乡、芦洋乡）"))
    #expect(a.departments == ["区水务投资有限公司", "区环土局", "岚城乡", "芦洋乡"])
  }

  @Test func townshipsTakeNoSharedWordOfTheList() throws {
    let a = try #require(try attribution("完善日常管护制度。（三十六脚湖管理处、岚城乡、北厝镇、各相关部门）"))
    #expect(a.departments == ["三十六脚湖管理处", "岚城乡", "北厝镇", "各相关部门"])
    // without the rule the townships took the 部门 of the last item
    let b = try #require(try attribution("完善日常管护制度。（三十六脚湖管理处、岚城乡、北厝镇、各相关部门）", rules: Self.withoutRule()))
    #expect(b.departments.contains("岚城乡部门"))
  }

  @Test func townshipsStillShareTheGovernmentNamedAfterThem() throws {
    let a = try #require(try attribution("做好排查工作。（岚城乡、北厝镇、澳前镇人民政府负责）"))
    #expect(a.responsible == ["岚城乡人民政府", "北厝镇人民政府", "澳前镇人民政府"])
  }

  @Test func kindsOfTownAndCountrysideWordsAreNoTownships() throws {
    #expect(try attribution("打造一批精品。（特色小镇）") == nil)
    #expect(try attribution("丰富群众文化生活。（文化下乡）") == nil)
    #expect(try attribution("推进新型城镇化。（重点镇、中心镇）") == nil)
  }
}
