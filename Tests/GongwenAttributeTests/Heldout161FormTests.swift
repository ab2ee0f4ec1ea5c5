import Testing
@testable import GongwenAttribute
import GongwenCore

// Forms met in the blind set heldout161 (fortieth session).

/// `人行`, the common short name of the People's Bank, is a lexicon alias of 中国人民银行: inside a prefixed list it
/// inherits the list's jurisdiction as any lexicon name does (`区经发局、…、人行、银监办`; Corpus/heldout161 16101), and
/// written alone it stays the bank's own name.
@Suite struct PeoplesBankShortNameTests {
  @Test func renHangInALocalListInheritsItsPrefix() throws {
    let a = try #require(try attribution("加强金融服务。（责任单位：区经发局、财金局、人行、银监办）"))
    #expect(a.departments == ["区经发局", "区财金局", "区中国人民银行", "区银监办"])
  }

  @Test func renHangFirstInAListStaysTheBank() throws {
    let a = try #require(try attribution("做好信贷投放。（责任单位：人行、区财金局）"))
    #expect(a.departments == ["中国人民银行", "区财金局"])
  }
}
