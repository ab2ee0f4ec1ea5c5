import Foundation
import GongwenCore
import ICUKit
@testable import GongwenSegment
import GongwenTestSupport
import Testing

/// The dispatching whole-document scan (one alternative at a time, only where its first character
/// can match) must find exactly what the combined pattern finds.
@Suite struct ScanDispatchTests {
  static let rules = TestSupport.rules.segment

  func bothWays(_ text: String) throws -> (dispatched: [ICURegex.Match], combined: [ICURegex.Match]) {
    let run = try SegmentRun(scalars: Array(text.unicodeScalars), rules: Self.rules)
    return (try run.scanMatches(), try run.all(Self.rules.scanRegex))
  }

  @Test func bundledRulesDispatch() {
    #expect(Self.rules.scanBranches != nil, "every scan alternative should have known first characters")
  }

  static var corpusTexts: [String] {
    var out: [String] = []
    for folder in ["Corpus/notices", "Corpus/unseen/notices", "Corpus/heldout/notices"] {
      let dir = TestSupport.packageRoot.appendingPathComponent(folder)
      for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
        if let t = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) { out.append(t) }
      }
    }
    return out
  }

  @Test func sameMatchesOnEveryCorpusNotice() throws {
    let texts = Self.corpusTexts
    #expect(texts.count >= 15)
    var total = 0
    for text in texts {
      for variant in [text, prenormalize(text)] {
        let (d, c) = try bothWays(variant)
        #expect(d == c, "dispatched scan differs on \(variant.prefix(40))")
        total += c.count
      }
    }
    #expect(total > 500)
  }

  @Test(arguments: [
    "一、总体要求（一）指导思想1.目标（1）内容", "2011.3.5 52.67万 1所县级医院 (2009—2011年)", "第一章第二节第三条㈠①⑴⒈",
    "二〇一一年三月五日 2014年1月14日 2011-03-07", "附件：1.名单\n抄送：各部门\n（此件公开发布）", "统一、规范 十二、十三、",
    "1）2）（3）（ 4 ）", "", "x", "（", "一", "2013年12月19日印发",
  ])
  func sameMatchesOnLookAlikes(_ text: String) throws {
    let (d, c) = try bothWays(text)
    #expect(d == c)
  }

  @Test func sameMatchesOnRandomMixtures() throws {
    // characters every branch starts with or looks behind at, mixed with text and line breaks
    let alphabet = Array("一二三四五六七八九十百〇第章节条、．.（）()0123456789年月日附件抄送：:此件公开发布①⑴⒈㈠ \n中文卫生厅".unicodeScalars)
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var v = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<60, using: &rng) { v.append(alphabet.randomElement(using: &rng)!) }
      let text = String(v)
      let (d, c) = try bothWays(text)
      #expect(d == c, "differs on \(text.debugDescription)")
    }
  }

  @Test func firstCharacterAnalysis() {
    #expect(PatternFirstCharacters.of("第(?<num>[一二])章")?.members == [0x7B2C])
    #expect(PatternFirstCharacters.of("(?<![第])[（(]x")?.members.sorted() == [0x28, 0xFF08])
    #expect(PatternFirstCharacters.of("a?b")?.members.sorted() == [0x61, 0x62])
    #expect(PatternFirstCharacters.of("抄送[：:]|[0-9]{4}年")?.members.count == 11)
    #expect(PatternFirstCharacters.of("\\h*x")?.contains("\u{3000}") == true)
    // unknown or possibly empty: nil
    #expect(PatternFirstCharacters.of(".x") == nil)
    #expect(PatternFirstCharacters.of("(?i)x") == nil)
    #expect(PatternFirstCharacters.of("x?") == nil)
    #expect(PatternFirstCharacters.of("\\w") == nil)
  }
}
