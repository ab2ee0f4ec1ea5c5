import Foundation
import GongwenCore
import GongwenTestSupport
import ICUKit
import Testing

@testable import GongwenNormalize

/// The start filters (`PatternStarts`, `StartFilteredRegex`) only skip positions where a rule
/// cannot match: over the corpus texts and hand-made edge cases, the filtered scans find exactly
/// what ICU finds scanning every position.
@Suite struct RegexScanTests {
  static let rules = TestSupport.rules.normalize

  /// Corpus notices plus texts that start matches with a space, a bracket, a tab, at line starts.
  static let texts: [[Unicode.Scalar]] = {
    var out: [String] = [
      "国发（ 2011）18号，国办发[2011] 18 号，京政发〔2012〕3号\n文( 2013 )5 号", "序号 |\n80 |\n县教育局 ｜ \n",
      "  - 国务院部门\n- 省市政府\n\t• 部门\n", "\u{3000}\u{3000}- 一\n - 二\n", "發(fā)、經(jīng)開區(qū)",
      "[bookmark: _GoBack] [image: x]", "【打印本页】【关闭窗口】 【字体：大 中 小】", "打印本页 关闭窗口\n分享到：微信\n",
      "附件下载：相关链接：\n", "一、总则\n（一）目标\n1. 巩固\n2.3万\n第一章 总则\n附件1：\n牵头单位：省委\n① 一\n- 二\n•三",
      "(1)x\n12）y\n监督电话：1\n完成时限：2025年\n",
    ]
    let dir = TestSupport.corpusDirectory
    if let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) {
      for case let url as URL in files where url.pathExtension == "txt" {
        if let s = try? String(contentsOf: url, encoding: .utf8) { out.append(s) }
      }
    }
    return out.map { Array($0.unicodeScalars) }
  }()

  func expectSameMatches(_ rule: RuleRegex) throws {
    let filtered = StartFilteredRegex(rule)
    for s in Self.texts {
      let all = try rule.matcher().matches(in: ICURegex.PreparedText(s))
      let fast = try filtered.matches(try rule.matcher(), in: s)
      #expect(all == fast, "\(rule.id) on \(String(String.UnicodeScalarView(s.prefix(40))))")
    }
  }

  @Test func docNumberFindsWhatICUFinds() throws {
    #expect(StartFilteredRegex(Self.rules.docNumber).alternatives != nil)
    try expectSameMatches(Self.rules.docNumber)
  }

  @Test func junkRulesFindWhatICUFinds() throws {
    for junk in Self.rules.junk { try expectSameMatches(junk.regex) }
    // the space classes are read with their space (ICU's set syntax would drop it)
    let cellEnd = try #require(Self.rules.junk.first { $0.id == "table_cell_end" })
    #expect(StartFilteredRegex(cellEnd.regex).starts?.contains(" ") == true)
  }

  @Test func markersFoundLikeTheUnfilteredWindow() throws {
    let marker = StartFilteredRegex(Self.rules.lineJoin.marker)
    #expect(marker.alternatives != nil)
    let m = try Self.rules.lineJoin.marker.matcher()
    for s in Self.texts {
      for line in lineRanges(s) where !line.isEmpty {
        let end = min(line.upperBound, line.lowerBound + markerWindow)
        var want: Int? = nil
        if let hit = try m.match(in: s[line.lowerBound..<end], at: 0), !hit.range.isEmpty {
          want = line.lowerBound + hit.range.upperBound
        }
        #expect(try markerEnd(marker, m, s, line) == want)
      }
    }
  }

  @Test func setPatternsKeepSpaces() {
    #expect(PatternStarts.of("[ ]x")?.contains(" ") == true)
    #expect(PatternStarts.of("[ \\t]+|[$&{}]")?.members.sorted() == [9, 32, 36, 38, 123, 125])
    #expect(PatternStarts.of("\\p{Zs}")?.contains(" ") == true)
    #expect(PatternStarts.of("\\p{Han}") == nil)  // too large to enumerate: left to ICU
    #expect(PatternStarts.of("[^a]") == nil)
    #expect(PatternStarts.of("[:：]")?.members.sorted() == [0x3A, 0xFF1A])
    #expect(PatternStarts.of("[[:Lu:]]")?.contains("A") != false)
    #expect(PatternStarts.of("[\\d]") == nil)  // a class escape would be a letter in ICU's set syntax
  }
}
