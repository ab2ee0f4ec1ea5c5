import Foundation
import GongwenCore
import GongwenRules
import GongwenTestSupport
import Testing
@testable import GongwenDedup

@Suite("Dedup on the seed notices")
struct SeedTests {
  /// 30-character runs that the published notice itself repeats (新政办发〔2011〕18号), so they
  /// may occur twice in the clean text:
  /// - the attachment title is quoted in the cover letter (《…》) and heads the attachment;
  /// - the national and the autonomous-region plan share the words of their titles;
  /// - the preamble and the 保障措施 paragraph both open with the same clause about 2011.
  static let publishedRepeats = [
    "新疆维吾尔自治区医药卫生体制五项重点改革2011年度主要工作安排",
    "医药卫生体制改革近期重点实施方案（2009—2011年）的通知》（",
    "2011年是“十二五”规划的开局之年，也是完成医药卫生体制五项重点改革三年任务的攻坚之年，",
  ]

  /// Windows of 30 characters that occur twice and are neither inside one of `allowed` nor inside
  /// a department attribution (those recur legitimately after many clauses).
  static func unexplainedRepeats(_ text: String, allowed: [String]) -> [String] {
    let s = Array(text.unicodeScalars)
    let units = UnitSplitter(rules: DedupFixtures.rules).split(s)
    var inAttribution = [Bool](repeating: false, count: s.count)
    for u in units where u.isAttribution {
      for k in max(0, u.start - 1)..<u.end { inAttribution[k] = true }  // with the 。 before it
    }
    var out: [String] = []
    for (w, first, later) in DedupFixtures.repeatedWindows(s) {
      if (first..<(first + 30)).allSatisfy({ inAttribution[$0] }) && (later..<(later + 30)).allSatisfy({ inAttribution[$0] }) {
        continue
      }
      if allowed.contains(where: { $0.contains(w) }) { continue }
      out.append(w)
    }
    return out
  }

  /// Each numbered clause as `marker + first sentence`.
  static func clauses(_ text: String) -> [String] {
    let s = Array(text.unicodeScalars)
    return UnitSplitter(rules: DedupFixtures.rules).split(s).filter { $0.marker != nil }.map {
      String(String.UnicodeScalarView(s[$0.start..<$0.end]))
    }
  }

  @Test func seed000ReadsAsOneNotice() throws {
    let input = DedupFixtures.prenormalize(TestSupport.corpusNotice("000"))
    let out = try DedupFixtures.run(input)
    let text = out.text.string
    try? text.write(toFile: "/tmp/dedup-000.txt", atomically: true, encoding: .utf8)
    print("seed 000: \(input.unicodeScalars.count) -> \(out.text.count) characters, \(out.removed.count) removals: "
      + Dictionary(grouping: out.removed, by: \.reason).mapValues(\.count).sorted { $0.key < $1.key }.description)

    #expect(Self.unexplainedRepeats(input, allowed: Self.publishedRepeats).count > 100)  // the checker does see the scrape
    #expect(Self.unexplainedRepeats(text, allowed: Self.publishedRepeats) == [])
    // Every distinct numbered clause of the scrape appears exactly once.
    let counts = Dictionary(grouping: Self.clauses(text), by: { $0 }).mapValues(\.count)
    for clause in Set(Self.clauses(input)) {
      #expect(counts[clause] == 1, "\(clause) appears \(counts[clause] ?? 0) times")
    }
    // Nothing real lost: every sentence of the scrape is still there.
    for sentence in Set(DedupFixtures.sentences(input)) {
      #expect(text.contains(sentence), "lost \(sentence)")
    }
    // Each attribution stays single: a repeated run that starts with the attribution closing the
    // clause before it is removed with it, so no clause ends up with two attributions in a row.
    let attributionUnits = UnitSplitter(rules: DedupFixtures.rules).split(out.text.scalars)
    for (a, b) in zip(attributionUnits, attributionUnits.dropFirst()) where a.isAttribution && b.isAttribution {
      Issue.record("two attributions in a row: \(out.text.string(a.start..<b.end))")
    }
    // The header appears once.
    #expect(text.components(separatedBy: "新政办发〔2011〕18号").count == 2)
    // Copies kept where the notice has them, not where the scrape first pasted them:
    // 4．（2） after 4．（1) (numbering).
    #expect(text.contains("实行药品零差率销售。（发展改革委、卫生厅负责）（2）规范自治区药品增补品种"))
    // Sentences occurring once follow the kept copy of the neighbour the scrape gave them (the
    // other pass skipped them): 1．（1） and 1．（2） read as in the reconstructed notice.
    let flat = text.replacingOccurrences(of: "\n", with: "")
    #expect(flat.contains("参保率均提高到90％以上。将在校大学生全部纳入城镇居民医保范围。积极推进非公有制"))
    #expect(text.contains("促进失业人员参保。落实灵活就业人员、未建立劳动关系的农民工等人员选择性参保的政策。（人力资源和社会保障厅、教育厅"))
    #expect(text.contains("开展门诊救助。逐步降低、取消医疗救助起付线"))
    #expect(flat.contains("参合率继续稳定在90％以上。（卫生厅负责）2．全面提升基本医疗保障水平"))
    #expect(DedupFixtures.invariantProblems(input: input, output: out) == [])
  }

  /// Units of a text without line breaks (sentences, clause starts, attributions).
  static func unitTexts(_ text: String) -> [String] {
    let s = Array(text.replacingOccurrences(of: "\n", with: "").unicodeScalars)
    return UnitSplitter(rules: DedupFixtures.rules).split(s).filter { !$0.isContentless }
      .map { String(String.UnicodeScalarView(s[$0.start..<$0.end])) }
  }

  /// Longest common subsequence of two unit lists (quadratic, for a notice).
  static func commonInOrder(_ a: [String], _ b: [String]) -> Int {
    var prev = [Int](repeating: 0, count: b.count + 1)
    for x in a {
      var cur = [Int](repeating: 0, count: b.count + 1)
      for (j, y) in b.enumerated() { cur[j + 1] = x == y ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
      prev = cur
    }
    return prev[b.count]
  }

  @Test func seed000FollowsTheReconstructedOrder() throws {
    // The hand-reviewed reconstruction (Corpus/expected/000_….reconstructed.txt) has every unit once
    // in the published order. How many units the clean text has in that order (longest common
    // subsequence of units) measures the reassembly; the scrape lost text and markers, so not all.
    let input = DedupFixtures.prenormalize(TestSupport.corpusNotice("000"))
    let path = TestSupport.corpusDirectory.appendingPathComponent("expected/000_e7c6e1ac88ac5186.reconstructed.txt").path
    let expected = Self.unitTexts(DedupFixtures.prenormalize(try String(contentsOfFile: path, encoding: .utf8)))
    let out = try DedupFixtures.run(input)
    let inOrder = Self.commonInOrder(Self.unitTexts(out.text.string), expected)
    let rules = try RuleSet.decode(DedupRules.self, yaml: try DedupTests.rulesYAML(maxPasses: 4)
      .replacingOccurrences(of: "reattach_single_copies: true", with: "reattach_single_copies: false"))
    let plain = try Deduplicator(rules: rules).dedup(NormalizedDocument(text: CleanText(source: input)))
    let before = Self.commonInOrder(Self.unitTexts(plain.text.string), expected)
    print("seed 000: \(inOrder) of \(expected.count) units in the reconstructed order (without reattaching: \(before))")
    #expect(inOrder >= 185)
    #expect(inOrder > before + 25)
    // Clauses whose units the scrape split between its passes read whole again.
    let flat = out.text.string.replacingOccurrences(of: "\n", with: "")
    #expect(flat.contains("扩大试点地区范围。抓紧研究从医保、救助等方面对艾滋病病人机会性感染治疗给予必要支持的政策措施。（卫生厅、人力资源和社会保障厅、民政厅、财政厅负责）"))
    #expect(flat.contains("实行量价挂钩。暂无法确定采购数量的，通过单一货源承诺的方式进行采购。（卫生厅负责）"))
    #expect(flat.contains("（5）提高医疗救助水平。资助困难人群参保"))
    // The last chunk of the lagging pass (6．（2）'s attribution and 6．（3）) follows 6．（2） again.
    #expect(flat.contains("具备条件的地区可以实行“收支两条线”。（财政厅、人力资源和社会保障厅、卫生厅负责）（3）创新机构编制管理方式"))
  }

  @Test(arguments: ["001", "002", "003", "004"]) func cleanSeedsLoseNothingButTrueDuplicates(seed: String) throws {
    let input = DedupFixtures.prenormalize(TestSupport.corpusNotice(seed))
    let out = try DedupFixtures.run(input)
    // Each removal (if any) must be a verified true duplicate: the invariant check compares its
    // text with the kept copy it names. On the four clean seeds there are none at all today.
    #expect(DedupFixtures.invariantProblems(input: input, output: out) == [])
    #expect(out.removed.isEmpty, "\(out.removed.map { "\($0.reason) \($0.span): \($0.text)" })")
    #expect(out.text.string == input)
  }
}
