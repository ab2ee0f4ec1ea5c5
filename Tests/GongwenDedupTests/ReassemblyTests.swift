import Foundation
import GongwenCore
import GongwenRules
import GongwenTestSupport
import Testing
@testable import GongwenDedup

private enum F {
  static let c1 = "1．巩固扩大基本医疗保障覆盖面，基本实现全民医保。"
  static let c1a = "（1）职工医保和城镇居民医保参保人数达到583万人，参保率均提高到90％以上。（人力资源和社会保障厅负责）"
  static let c1b = "（2）进一步巩固新型农村合作医疗覆盖面，参合率继续稳定在90％以上。（卫生厅负责）"
  static let c2 = "2．全面提升基本医疗保障水平，增强保障能力。"
  static let c2a = "（1）进一步提高筹资标准，政府对新农合补助标准提高到每人每年200元。（财政厅负责）"
  static let c2b = "（2）扩大门诊统筹实施范围，普遍开展城镇居民医保和新农合门诊统筹。（卫生厅分别负责）"
  static let c3 = "3．提高基本医疗保障经办管理水平，方便群众就医结算。"
  static let c3a = "（1）继续推广就医一卡通等办法，基本实现参保人员统筹区域内即时结算。（人力资源和社会保障厅负责）"
  static let head = "二、工作任务\n（一）加快推进基本医疗保障制度建设。\n"
  static let ordered = [head, c1, c1a, c1b, c2, c2a, c2b, c3, c3a, "\n"].joined()
}

@Suite("Reassembly of scrambled scrapes")
struct ReassemblyTests {

  @Test func scrambledNoticeComesBackInOrder() throws {
    // The scrape pasted clause 2 (with its items) after clause 3, and repeated 1．（1）.
    let input = [F.head, F.c1, F.c1a, F.c1b, F.c3, F.c3a, "\n", F.c1a, F.c2, F.c2a, F.c2b, "\n"].joined()
    let out = try DedupFixtures.run(input)
    let expected = [F.head, F.c1, F.c1a, F.c1b, F.c2, F.c2a, F.c2b, "\n", F.c3, F.c3a, "\n"].joined()
    #expect(out.text.string == expected)
    #expect(out.removed.count == 1)
    // 3．（1） moves after 2．（2） (the smaller of the two moves that join the chains).
    #expect(out.stats["dedup_reordered_units"] == 2)
    #expect(out.warnings.map { $0.code } == ["reordered_units"])
    // A move permutes scalars with their origins: every clean scalar still maps to its source.
    #expect(DedupFixtures.invariantProblems(input: input, output: out) == [])
    // Reassembled text is a fixed point.
    let again = try DedupFixtures.run(out.text.string)
    #expect(again.text.string == out.text.string)
    #expect(again.warnings.isEmpty)
  }

  @Test func cleanNoticeWithIrregularNumberingIsLeftAlone() throws {
    // No repeats, so no scrape: the notice's own order stays, even where numbering jumps.
    let input = [F.head, F.c1, F.c1a, F.c1b, F.c3, F.c3a, "\n", F.c2, F.c2a, F.c2b, "\n"].joined()
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == input)
    #expect(out.warnings.isEmpty)
  }

  @Test func firstChildChainMovesUnderItsSection() throws {
    // （3） pasted right under （一） could continue 1．（2） or 5．（2）. Moving 1．（1）（2） up to its
    // place as first child of （一） joins two chains at once, and （3） then continues 1．（2）.
    let x = "（3）某某某某的具体内容写在此处。", one = "1．甲项工作内容在这里写明。（1）甲甲甲甲的具体内容。（2）乙乙乙乙的具体内容。"
    let five = "5．乙项工作内容在这里写明。（1）丙丙丙丙的具体内容。（2）丁丁丁丁的具体内容。\n"
    let result = Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: F.head + x + one + five))
    #expect(result?.0.string == F.head + one + x + five)
    #expect(result?.1.count == 1)
    // Chain starts are where the numbering jumps.
    let markers = [(1, 1), (3, 3), (2, 1), (3, 1), (3, 2), (2, 5), (3, 1), (3, 2)].map { ClauseMarker(level: $0.0, number: $0.1, length: 2) }
    #expect(Reassembler.chainStarts(markers) == [0, 1, 2, 2, 2, 5, 5, 5])
  }

  @Test func parentsAttributionGoesToTheChildrenMovedInAfterIt() throws {
    // The scrape cut 2．（1） off just before its attribution, which stayed after （二）.
    let input = "二、工作任务\n（一）甲部分的要求。\n1．甲项。（财政厅负责）\n（二）乙部分的要求写在这里。（卫生厅负责）\n九、杂项文字。\n2．乙项工作内容写明。（1）乙乙乙的具体内容。\n"
    let result = Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: input))
    #expect(result?.0.string == "二、工作任务\n（一）甲部分的要求。\n1．甲项。（财政厅负责）\n（二）乙部分的要求写在这里。\n2．乙项工作内容写明。（1）乙乙乙的具体内容。（卫生厅负责）\n九、杂项文字。\n")
    #expect(result.map { Set($0.0.origin) == Set(0..<input.unicodeScalars.count) } == true)
  }

  static func olderRule() throws -> DedupRules {
    try RuleSet.decode(DedupRules.self, yaml: try DedupTests.rulesYAML(maxPasses: 4)
      .replacingOccurrences(of: "reorder_within_sections: true", with: "reorder_within_sections: false"))
  }

  @Test func chainThatContinuesTheTextBeforeItStays() throws {
    // 6．（3） is followed by the stray items （6）（7） (their 6．（4）（5） were lost), then 7．. 7． continues
    // 6． although its own chain starts at （6）, so it stays; the older rule moved it up after （3）.
    let input = "（二）乙部分。\n6．推进综合改革。（1）调整收费项目。（2）建立补偿机制。（3）创新编制管理。"
      + "（6）完善分配激励机制。（7）村卫生室纳入范围。\n7．加强机构建设。（1）完成网络建设。（2）推进信息化建设。\n"
    #expect(Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: input)) == nil)
    let older = Reassembler(rules: try Self.olderRule()).reassemble(CleanText(source: input))
    #expect(older?.0.string.contains("（3）创新编制管理。7．加强机构建设。") == true)
  }

  @Test func restartedLevelStartsANewSection() throws {
    // （一） after （四） restarts its level: the parent marker (三、) was lost, so （一）（三） are a section
    // of their own and （三） does not move back into 二、 past （四）; nor does （四） move after （三）.
    let input = "二、工作任务\n（一）甲部分。\n（二）乙部分。\n（四）丁部分。\n（一）建立目标责任制。\n（三）严格绩效考核。\n"
    #expect(Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: input)) == nil)
    let older = Reassembler(rules: try Self.olderRule()).reassemble(CleanText(source: input))
    #expect(older?.0.string.contains("（二）乙部分。\n（三）严格绩效考核。") == true)
    let markers = [(0, 2), (1, 1), (1, 2), (1, 4), (1, 1), (1, 3), (2, 1), (1, 4)].map { ClauseMarker(level: $0.0, number: $0.1, length: 3) }
    #expect(Reassembler.parentSections(markers) == [0, 1, 1, 1, -5, -5, 6, -5])
  }

  @Test func chainGoesOnlyWhereTheNextMarkerAgrees() throws {
    // An orphan （3） after （四） could follow 7．（2）, but the stray （2） after it there would then jump
    // back: it stays. The older rule moved it (seed 000's 10．（3） ended up as 7．（3）).
    let input = "（二）乙部分。\n7．加强机构建设。（1）完成网络建设。（2）推进信息化建设。\n（2）招收定向医学生。（3）培养基地建设。\n"
      + "（四）促进均等化。\n（3）开设网络健康宣传教育。\n"
    #expect(Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: input)) == nil)
    let older = Reassembler(rules: try Self.olderRule()).reassemble(CleanText(source: input))
    #expect(older?.0.string.contains("（2）推进信息化建设。\n（3）开设网络健康宣传教育。") == true)
    // Where the next marker agrees, it does move: after 6．（2）, followed by （三）.
    let agrees = "（二）乙部分。\n6．推进综合改革。（1）调整收费项目。（2）建立补偿机制。\n（三）丙部分。\n（3）创新编制管理。\n"
    let moved = Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: agrees))
    #expect(moved?.0.string == "（二）乙部分。\n6．推进综合改革。（1）调整收费项目。（2）建立补偿机制。\n（3）创新编制管理。\n（三）丙部分。\n")
    // But not into another item's children past one of their siblings: （3） after 6．（1） stays under 6．.
    let other = "（二）乙部分。\n5．建立采购机制。（1）集中采购。（2）编制计划。\n6．推进综合改革。（1）调整收费项目。\n（3）坚持质量优先。\n"
    #expect(Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: other)) == nil)
  }

  @Test func orderedNoticeIsNotMoved() throws {
    #expect(Reassembler(rules: DedupFixtures.rules).reassemble(CleanText(source: F.ordered)) == nil)
  }

  @Test(arguments: Array(UInt64(1)...20)) func generatedScrapesStayValid(seed: UInt64) throws {
    var g = NoticeGenerator(seed: seed)
    let input = NoticeGenerator.text(g.scramble(g.notice(sections: 3), insertions: 6))
    let out = try DedupFixtures.run(input)
    #expect(DedupFixtures.invariantProblems(input: input, output: out) == [])
    // Moves never lose or duplicate text: same multiset of scalars as without reassembly.
    let rules = try RuleSet.decode(DedupRules.self, yaml: try DedupTests.rulesYAML(maxPasses: 4)
      .replacingOccurrences(of: "reorder_units: true", with: "reorder_units: false")
      .replacingOccurrences(of: "reattach_single_copies: true", with: "reattach_single_copies: false"))
    let plain = try Deduplicator(rules: rules).dedup(NormalizedDocument(text: CleanText(source: input)))
    #expect(out.text.origin.sorted() == plain.text.origin)
    #expect(out.text.count == plain.text.count)
  }
}

/// A notice that printed a sentence twice, no numbered unit among the repeats (a task list after the body restating one of
/// its sentences, as in Corpus/heldout101 10104 — there under an attachment line, which now keeps both copies): the repeat
/// goes, the order stays — no unit is moved, whatever the numbering of the rest.
@Suite struct SentenceRepeatKeepsOrderTests {
  @Test func aRepeatedSentenceMovesNothing() throws {
    let text = """
      一、工作目标
      生活垃圾分类全面覆盖。
      三、推进体系建设
      （一）推进全面覆盖。加快处置设施建设，二季度完成立项及规划许可；三季度完成工可及环评；四季度完成施工许可、开工。
      （二）加快体系建设。完善收运体系。
      二、保障措施
      明确工作责任。
      任务清单
      1
      推进处置设施建设
      二季度完成立项及规划许可；三季度完成工可及环评；四季度完成施工许可、开工。
      """
    let out = try DedupFixtures.run(text)
    #expect(!out.removed.isEmpty)
    #expect(!out.warnings.contains { $0.code == "reordered_units" })
    let s = out.text.string
    #expect(s.range(of: "三、推进体系建设")!.lowerBound < s.range(of: "二、保障措施")!.lowerBound)
  }
}
