import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout162 (forty-first session): a bureau's plan for its own divisions.

/// A bureau's divisions named on their own: `室` ends a department's name (`办公室`, `监察室`, alone after a label), a name
/// starting with `市场` takes no `市` prefix (nor gives one to the names after it), and `等处室` / `等相关处室` close a list of
/// divisions as `等部门` closes one of departments (Corpus/heldout162 16201, 16203).
@Suite struct BureauDivisionTests {
  @Test(arguments: ["办公室", "监察室"])
  func aDivisionAloneAfterALabel(_ name: String) throws {
    let a = try #require(try attribution("纳入年度考核。（责任单位：\(name)）"))
    #expect(a.departments == [name])
  }

  @Test func marketDivisionsGiveNoCityPrefix() throws {
    let a = try #require(try attribution("规范市场秩序。（责任单位：市场规范处、食品监督管理处、稽查支队）"))
    #expect(a.departments == ["市场规范处", "食品监督管理处", "稽查支队"])
    // the city's own market bureau still gives its prefix to the names after it
    let b = try #require(try attribution("规范市场秩序。（责任单位：市市场监管局、公安局）"))
    #expect(b.departments == ["市市场监督管理局", "市公安局"])
  }

  @Test func theDivisionsTailIsDropped() throws {
    let a = try #require(try attribution("做好排查。（资源生态处、政法综治处牵头，社会事业处、农业农村处等处室分工负责）"))
    #expect(a.departments == ["资源生态处", "政法综治处", "社会事业处", "农业农村处"])
    #expect(a.lead == ["资源生态处", "政法综治处"])
  }
}

/// A label with a bracketed note before its colon run on after the last name of the list before it
/// (`责任处室：政法综治处配合处室（单位）：辖区派出所…`, the space between them folded away; Corpus/heldout162 16205) starts a list
/// of its own, as `配合单位：` does.
@Suite struct RunOnLabelWithNoteTests {
  @Test func theNotedLabelStartsTheSecondList() throws {
    let a = try #require(try attribution("开展排查。责任处室：政法综治处配合处室（单位）：辖区派出所、综合执法大队、市场监管分局"))
    #expect(a.responsible == ["政法综治处"])
    #expect(a.participating == ["辖区派出所", "综合执法大队", "市场监管分局"])
  }
}
