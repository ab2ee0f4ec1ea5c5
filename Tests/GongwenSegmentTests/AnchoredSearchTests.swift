import Foundation
import GongwenCore
import ICUKit
@testable import GongwenSegment
import GongwenTestSupport
import Testing

/// `AnchoredSearch` (ICU asked only where a match can start) must find what ICU's `find` finds,
/// and `MatchPrefix` must never rule out a position where a pattern matches.
@Suite struct AnchoredSearchTests {
  static let rules = TestSupport.rules.segment

  /// Every match of `rule` left to right, found both ways from every start the loop reaches.
  func bothWays(_ rule: RuleRegex, _ search: AnchoredSearch, _ text: [Unicode.Scalar]) throws -> Bool {
    let m = try rule.matcher()
    try m.load(text)
    var from = 0
    while from <= text.count {
      let icu = try m.find(from: from)
      let mine = try text.withUnsafeBufferPointer { (buf) throws(StageFailure) in
        try search.find(in: buf, from: from) { (q) throws(StageFailure) -> ICURegex.Match? in (try? m.lookingAt(q)) ?? nil }
      }
      guard icu == mine else { return false }
      guard let hit = icu else { return true }
      from = max(hit.range.upperBound, from + 1)
    }
    return true
  }

  @Test func bundledRulesHaveSearches() {
    #expect(Self.rules.docNumberSearch != nil)
    #expect(Self.rules.recipientCueSearch != nil)
    // the doc number is anchored at its bracket, after one to twelve Han characters
    #expect(Self.rules.docNumberSearch?.minLead == 1)
    #expect(Self.rules.docNumberSearch?.maxLead == 12)
  }

  @Test func sameMatchesOnEveryCorpusNotice() throws {
    let texts = ScanDispatchTests.corpusTexts
    #expect(texts.count >= 15)
    for text in texts {
      for variant in [text, prenormalize(text)] {
        let s = Array(variant.unicodeScalars)
        #expect(try bothWays(Self.rules.docNumberRegex, Self.rules.docNumberSearch!, s))
        #expect(try bothWays(Self.rules.recipientCueRegex, Self.rules.recipientCueSearch!, s))
      }
    }
  }

  @Test(arguments: [
    "新政办发〔2011〕18号", "《关于…的通知》（淄政办发〔2013〕57号）", "临政办发〔2012〕64号文件",
    "国办发[ 2009 ]12号", "国务院办公厅（2009）12号", "各县人民政府，市直各部门单位：", "政府办公厅",
    "一二三四五六七八九十一二三四五六七八九十〔2011〕1号", "〔2011〕1号", "发〔2011〕", "", "号",
  ])
  func sameMatchesOnLookAlikes(_ text: String) throws {
    let s = Array(text.unicodeScalars)
    #expect(try bothWays(Self.rules.docNumberRegex, Self.rules.docNumberSearch!, s))
    #expect(try bothWays(Self.rules.recipientCueRegex, Self.rules.recipientCueSearch!, s))
  }

  @Test func sameMatchesOnRandomMixtures() throws {
    let alphabet = Array("政府办发〔〕［］[]【】（）() 0123456789号人民部门单位机构委员会厅局街道附件抄送中文卫生\n".unicodeScalars)
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var s: [Unicode.Scalar] = []
      for _ in 0..<Int.random(in: 0..<60, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
      #expect(try bothWays(Self.rules.docNumberRegex, Self.rules.docNumberSearch!, s), "\(String(String.UnicodeScalarView(s)).debugDescription)")
      #expect(try bothWays(Self.rules.recipientCueRegex, Self.rules.recipientCueSearch!, s))
    }
  }

  @Test func prefixPaths() {
    let p = MatchPrefix.of("(?<![0-9])(?<num>[0-9]{1,3})[.．、](?![0-9])")
    #expect(p != nil)
    let allows = { (text: String, at: Int) -> Bool in
      let s = Array(text.unicodeScalars)
      return s.withUnsafeBufferPointer { p!.allows($0, at: at) }
    }
    #expect(allows("1.", 0))
    #expect(allows("12、", 0))
    #expect(!allows("2014年", 0))  // four digits: no dot within three
    #expect(!allows("12.", 1))  // a digit before
    #expect(!allows("1", 0))  // too short
    // unknown: nil
    #expect(MatchPrefix.of(".x") == nil)
    #expect(MatchPrefix.of("(?i)x") == nil)
  }
}
