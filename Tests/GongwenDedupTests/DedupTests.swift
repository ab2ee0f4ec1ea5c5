import Foundation
import GongwenCore
import GongwenRules
import GongwenTestSupport
import Testing
@testable import GongwenDedup

@Suite("Dedup rules")
struct DedupRulesTests {
  @Test func bundledRulesLoad() {
    let r = DedupFixtures.rules
    #expect(r.minRunChars == 24)
    #expect(r.minSentenceChars == 16)
    #expect(r.terminators.contains("。"))
  }

  @Test func invalidValuesAreReportedWithTheirLine() throws {
    let yaml = """
      version: 1
      min_run_chars: 0
      min_sentence_chars: 16
      min_run_sentences: 1
      sentence_terminators: ""
      closing_marks: "”"
      attribution_keywords: ["负责"]
      max_attribution_chars: 80
      max_candidates: 32
      prefer_numbered_context: true
      prefer_embedded_copy: true
      marker_context_units: 40
      max_passes: 4
      reorder_units: true
      reorder_max_blocks: 400
      reorder_deep_items: true
      reorder_nearest_on_tie: true
      reorder_attribution_follows: true
      reorder_within_sections: true
      reattach_single_copies: true
      reattach_by_numbering: true
      table_header: [序号]
      """
    do {
      _ = try RuleSet.decode(DedupRules.self, yaml: yaml)
      Issue.record("invalid rules loaded")
    } catch {
      #expect(error.problems.map(\.code) == ["R005", "R005"])
      #expect(error.problems.first?.location.line == 2)
    }
  }

  @Test func everyKeyInTheBundledFileIsCommented() throws {
    let path = TestSupport.rulesDirectory + "/dedup.yaml"
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    var keys = 0
    for (i, line) in lines.enumerated() where !line.hasPrefix("#") && !line.hasPrefix(" ") && line.contains(":") {
      keys += 1
      #expect(i > 0 && lines[i - 1].hasPrefix("#"), "key without a comment: \(line)")
    }
    #expect(keys == 29)
  }

  @Test func missingKeyIsR003() {
    #expect(throws: RuleErrors.self) { try RuleSet.decode(DedupRules.self, yaml: "version: 1\n") }
    do { _ = try RuleSet.decode(DedupRules.self, yaml: "version: 1\n") } catch {
      #expect(error.problems.first?.code == "R003")
    }
  }
}

@Suite("Units")
struct UnitTests {
  func units(_ text: String) -> [(String, Bool, ClauseMarker?)] {
    let s = Array(text.unicodeScalars)
    return UnitSplitter(rules: DedupFixtures.rules).split(s).map {
      (String(String.UnicodeScalarView(s[$0.start..<$0.end])), $0.isAttribution, $0.marker)
    }
  }

  @Test func sentencesAttributionsAndMarkersWithoutLineBreaks() {
    let u = units("落实政策。（卫生厅负责）2．全面提升保障水平。（1）提高标准；适当缴费。二、工作任务（一）加快建设。")
    #expect(u.map(\.0) == ["落实政策。", "（卫生厅负责）", "2．全面提升保障水平。", "（1）提高标准；", "适当缴费。",
                           "二、工作任务", "（一）加快建设。"])
    #expect(u.map(\.1) == [false, true, false, false, false, false, false])
    #expect(u[2].2 == ClauseMarker(level: 2, number: 2, length: 2))
    #expect(u[3].2 == ClauseMarker(level: 3, number: 1, length: 3))
    #expect(u[5].2 == ClauseMarker(level: 0, number: 2, length: 2))
    #expect(u[6].2 == ClauseMarker(level: 1, number: 1, length: 3))
  }

  @Test func notMarkersOrAttributions() {
    // 统一、 is not a clause marker; （以下简称…） is not an attribution; 1.5 is a number.
    let u = units("统一、规范管理（以下简称职工医保）。提高到1.5倍。院长（主任）负责制。")
    #expect(u.map(\.0) == ["统一、规范管理（以下简称职工医保）。", "提高到1.5倍。", "院长（主任）负责制。"])
    #expect(u.allSatisfy { !$0.1 && $0.2 == nil })
  }

  @Test func labelLinesAreAttributions() {
    // Corpus/unseen 109: the label lines after each clause are its attribution, never content.
    let u = units("1.创建国家卫生县城。\n牵头责任单位：县卫健委\n主要协作单位：各乡镇人民政府、县政府有关部门\n  责任单位：区财政局")
    #expect(u.filter(\.1).map(\.0) == ["牵头责任单位：县卫健委", "主要协作单位：各乡镇人民政府、县政府有关部门", "责任单位：区财政局"])
    // a keyword later in a line, or without a colon, is not a label line
    let v = units("加强协作单位之间的配合：每月一次。\n责任单位要按时报送。")
    #expect(v.allSatisfy { !$0.1 })
  }

  @Test func squareBracketsEncloseAttributionsToo() {
    // Corpus/heldout16 1702: [牵头单位:…] repeats after several clauses and is never content
    let u = units("(一)地区生产总值增长11%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区]\n(四)固定资产投资增长12%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区]")
    #expect(u.filter(\.1).map(\.0) == ["[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区]",
                                         "[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,嘉鱼经济开发区]"])
    // a bracket without an attribution keyword stays content ([bookmark: _GoBack], seed 004)
    #expect(units("加强监管。[bookmark: _GoBack]").allSatisfy { !$0.1 })
  }

  @Test func closingQuoteStaysWithItsSentence() {
    #expect(units("要求“保基本。”下一句。").map(\.0) == ["要求“保基本。”", "下一句。"])
  }
}

@Suite("Dedup")
struct DedupTests {
  @Test func repeatedLabelLinesAreKept() throws {
    // Corpus/unseen 109: the same cooperating-units line closes every clause.
    let line = "主要协作单位：各乡镇人民政府、经济开发区管委会，县政府有关部门、有关直属单位"
    let input = "1.创建国家卫生县城。\n牵头责任单位：县卫健委\n\(line)\n2.推广家庭医生签约服务。\n牵头责任单位：县卫健委\n\(line)"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == input)
    #expect(out.removed.isEmpty)
  }

  @Test func repeatedParagraphIsRemovedAndRecorded() throws {
    let p = "（一）建立目标责任制。自治区医改办公室将继续与各地签订责任状。"
    let input = "关于印发的通知\n\(p)\n其他内容的一句话。\n\(p)\n结尾。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "关于印发的通知\n\(p)\n其他内容的一句话。\n结尾。")
    #expect(out.removed.count == 1)
    let r = try #require(out.removed.first)
    #expect(r.reason == "repeated_paragraph")
    #expect(r.stage == "dedup")
    #expect(r.text == p + "\n")
    let src = Array(input.unicodeScalars)
    let dup = try #require(r.duplicates)
    #expect(String(String.UnicodeScalarView(src[dup.range])) == p)
    #expect(r.span.start == input.unicodeScalars.count - "结尾。".count - p.count - 1)
    #expect(out.stats["dedup_removed_runs"] == 1)
    #expect(out.stats["dedup_removed_chars"] == p.count + 1)
    #expect(DedupFixtures.invariantProblems(input: input, output: out).isEmpty)
  }

  @Test func anAttachmentRestatingTheBodyKeepsItsSentences() throws {
    // Corpus/heldout104 10401: 附件1 细则 repeats sentences and a paragraph of the opinion above it; they are the
    // attachment's own text, not a scrape's repeat
    let p = "（二）加强宣传引导。各有关部门和单位要通过主流媒体、微信公众号、行业网站等，不定期通报典型案例。"
    let s = "消纳场所处置指导价格不低于市级消纳场所收费标准执行。"
    let input = "一、保障措施\n\(p)\n\(s)\n附件：1.青浦区建筑垃圾管理细则\n附件1\n青浦区建筑垃圾管理细则\n一、要求\n\(s)\n\(p)\n"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == input)
    #expect(out.removed.isEmpty)
    // the same repeats inside the body (or inside one attachment) are removed
    let body = "一、保障措施\n\(p)\n\(s)\n二、要求\n\(s)\n\(p)\n"
    #expect(try DedupFixtures.run(body).removed.count == 2)
  }

  @Test func aTaskListUnderATitledAttachmentLineKeepsTheBodysSentences() throws {
    // Corpus/heldout108 10802: `附件：…任务清单` with its title on the same line, then a table whose cells restate the
    // body's clauses; the cells are the table's text, not a scrape's repeat
    let s = "深化多元化票制、定制公交等定制出行服务探索，加快“出行+生活”服务场景拓展，为市民提供跨场景、个性化的MaaS服务。"
    let input = "（十四）提升交通出行服务便捷智能化水平。\(s)\n附件：交通领域精细化管理工作三年行动计划任务清单（2024-2026年）\n序号\n主要任务\n1\n\(s)\n市交通委\n"
    let out = try DedupFixtures.run(input)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string == input)
  }

  @Test func aBlockPastedAgainAfterAnAttachmentLineIsRemoved() throws {
    // a scrape that printed the whole body again after the attachment: a run as long as cross_attachment_min_chars
    let sentences = (1...14).map { "第\($0)项工作要按照全市统一部署认真抓好落实并按时报送进展情况。" }
    let block = sentences.joined()
    #expect(block.count >= DedupFixtures.rules.crossAttachmentMinChars)
    let input = "一、工作要求\n\(block)\n附件1\n\(block)\n"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "一、工作要求\n\(block)\n附件1\n")
    #expect(DedupFixtures.invariantProblems(input: input, output: out).isEmpty)
  }

  @Test func attachmentLines() {
    let splitter = UnitSplitter(rules: DedupFixtures.rules)
    // (also as segment.yaml's tables.attachment reads them: a colon, a sub-number, a title after a bare colon)
    let yes = ["附件", "附件1", "附件 2", "  附件１２ ", "附件1：", "附件：", "附件1.1", "附件：交通领域精细化管理工作三年行动计划任务清单（2024-2026年）"]
    let no = ["附件：1.细则", "附件1：青浦区建筑垃圾管理细则", "附件下载", "相关附件", "附"]
    for line in yes + no {
      let s = Array(line.unicodeScalars)
      #expect(splitter.isAttachmentLine(s, 0, s.count) == yes.contains(line), "\(line)")
    }
  }

  @Test func inlineRunIsRemovedWithoutLineBreaks() throws {
    let run = "确保基本医疗保障制度覆盖城乡居民，保障水平显著提高；确保国家基本药物制度基层全覆盖。"
    let input = "总体要求如下。\(run)新的句子在这里出现了。\(run)（卫生厅负责）2．全面提升。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "总体要求如下。\(run)新的句子在这里出现了。（卫生厅负责）2．全面提升。")
    #expect(out.removed.map(\.reason) == ["repeated_run"])
    #expect(out.removed.first?.rule == DedupRules.runRuleID)
    #expect(DedupFixtures.invariantProblems(input: input, output: out).isEmpty)
  }

  @Test func singleSentenceRepeat() throws {
    let sentence = "将在校大学生全部纳入城镇居民医保范围。"
    let input = "（1）参保率提高到90％以上。\(sentence)各级政府负总责。\n\(sentence)积极推进参保。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "（1）参保率提高到90％以上。\(sentence)各级政府负总责。\n积极推进参保。")
    #expect(out.removed.map(\.reason) == ["repeated_sentence"])
    #expect(out.removed.first?.rule == DedupRules.sentenceRuleID)
  }

  @Test func legitimateRepetitionStays() throws {
    // Attributions recur after many clauses, short stock sentences recur, signatures recur.
    let input = """
      临沂市人民政府办公室
      （1）完善预约诊疗制度，所有三级医院实行预约诊疗服务。（卫生厅负责）
      （2）推行双休日和节假日门诊。促进失业人员参保。（卫生厅负责）
      （3）开展门诊救助。促进失业人员参保。（责任单位：市卫生局、发展和改革委员会、财政局、人力资源和社会保障局）
      （4）加强督促指导。（责任单位：市卫生局、发展和改革委员会、财政局、人力资源和社会保障局）
      临沂市人民政府办公室
      """
    let out = try DedupFixtures.run(input)
    #expect(out.removed.isEmpty)
    #expect(out.text.string == input)
  }

  @Test func attributionAfterARepeatedSentenceStaysWithItsClause() throws {
    // The repeated sentence goes, the different attribution after the copy stays in place.
    let s = "逐步降低、取消医疗救助起付线，政策范围内住院自付费用救助比例原则上不低于50％。"
    let input = "（5）提高医疗救助水平。开展门诊救助。\(s)探索开展试点。（民政厅负责）\n\(s)（食品药品监管局负责）6．全面推进综合改革。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "（5）提高医疗救助水平。开展门诊救助。\(s)探索开展试点。（民政厅负责）\n（食品药品监管局负责）6．全面推进综合改革。")
  }

  @Test func laterCopyKeptWhenNumberingFitsBetter() throws {
    // A run carrying clause （2） was inserted early, after （二）; its genuine place is after 4．（1）.
    let run = "（发展改革委、卫生厅负责）（2）规范自治区药品增补品种，兼顾成人和儿童用药需要。同步落实基本药物医保支付政策。"
    let input = "（二）初步建立国家基本药物制度。\(run)（卫生厅负责）5．建立规范基本药物采购机制。\n4．扩大国家基本药物制度实施范围。（1）在所有机构实施国家基本药物制度。\(run)（3）另一条内容在此。"
    let out = try DedupFixtures.run(input)
    // The copy after 4．（1） is kept; then reassembly (reorder_units) moves 4．（1）（2）（3), pasted
    // after 5．, to where its numbering continues: between （二） and 5．.
    #expect(out.text.string == "（二）初步建立国家基本药物制度。（卫生厅负责）4．扩大国家基本药物制度实施范围。（1）在所有机构实施国家基本药物制度。\(run)（3）另一条内容在此。5．建立规范基本药物采购机制。\n")
    #expect(out.warnings.map(\.code) == ["reordered_units"])
    #expect(DedupFixtures.invariantProblems(input: input, output: out).isEmpty)
    // Without reassembly the kept text is as before.
    let rules = try RuleSet.decode(DedupRules.self, yaml: try Self.rulesYAML(maxPasses: 4).replacingOccurrences(of: "reorder_units: true", with: "reorder_units: false"))
    let plain = try Deduplicator(rules: rules).dedup(NormalizedDocument(text: CleanText(source: input)))
    #expect(plain.text.string == "（二）初步建立国家基本药物制度。（卫生厅负责）5．建立规范基本药物采购机制。\n4．扩大国家基本药物制度实施范围。（1）在所有机构实施国家基本药物制度。\(run)（3）另一条内容在此。")
  }

  @Test func sentencePastedWithARunIsKeptInItsClause() throws {
    // Line 2 starts with a copy of S pasted in front of a repeated run R; S's own place is in
    // line 3, between kept text. The first copy of S borders removed text, so the later one stays.
    let s = "将在校大学生全部纳入城镇居民医保范围。"
    let r = "确保基本医疗保障制度覆盖城乡居民，保障水平显著提高；确保国家基本药物制度基层全覆盖。"
    let input = "一、总体要求如下。\(r)\n（1）参保率提高到90％以上。\n\(s)\(r)第二行的新内容。\n研究缴费年限问题。\(s)积极推进非公有制从业人员参保。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "一、总体要求如下。\(r)\n（1）参保率提高到90％以上。\n第二行的新内容。\n研究缴费年限问题。\(s)积极推进非公有制从业人员参保。")
    #expect(DedupFixtures.invariantProblems(input: input, output: out) == [])
  }

  @Test func firstCopyKeptWhenNothingSaysOtherwise() throws {
    let s = "将在校大学生全部纳入城镇居民医保范围。"
    let input = "第一句在这里。\(s)第二句在这里。\n第三句在这里。\(s)第四句在这里。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "第一句在这里。\(s)第二句在这里。\n第三句在这里。第四句在这里。")
  }

  @Test func runStartingWithAnAttributionTakesItAlong() throws {
    // Scraped repeats start right after a sentence end, with the attribution of the clause before
    // them; keeping that attribution would stack two after the host sentence.
    let run = "（卫生厅负责）2．全面提升基本医疗保障水平，增强保障能力。（1）进一步提高筹资标准。"
    let input = "（1）参保率均提高到90％以上。\(run)（2）扩大门诊统筹。\n探索省级统筹。\(run)（6）支持商业健康保险发展。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "（1）参保率均提高到90％以上。\(run)（2）扩大门诊统筹。\n探索省级统筹。（6）支持商业健康保险发展。")
  }

  @Test func manyRepeatedAttributionsStayAndStayFast() throws {
    // Nothing here can be removed (no sentence repeats), and the parse must not go quadratic.
    let input = String(repeating: "（卫生厅负责）", count: 30_000) + "\n" + String(repeating: "（卫生厅负责）\n", count: 30_000)
    let clock = ContinuousClock()
    var out: NormalizedDocument? = nil
    let elapsed = try clock.measure { out = try DedupFixtures.run(input) }
    print("60 000 repeated attributions: \(elapsed)")
    #expect(out?.removed.isEmpty == true)
    #expect(out?.text.string == input)
  }

  @Test func shortSentencesBroughtTogetherByARemovalAreFoundInALaterRound() throws {
    // a and b are too short to go alone (14 characters each, under min_sentence_chars) but
    // together (28, over min_run_chars) they repeat once the pasted run between them is gone.
    let a = "加强组织领导，认真开展工作。", b = "落实部门工作责任，按时完成。"
    let junk = "确保基本医疗保障制度覆盖城乡居民，保障水平显著提高。"
    let input = "第一段开头。\(a)\(b)\(junk)中间的一句话。\n\(a)\(junk)\(b)结尾的一句话。"
    let out = try DedupFixtures.run(input)
    #expect(out.text.string == "第一段开头。\(a)\(b)\(junk)中间的一句话。\n结尾的一句话。")
    #expect(DedupFixtures.invariantProblems(input: input, output: out) == [])
    let noRounds = try RuleSet.decode(DedupRules.self, yaml: Self.rulesYAML(maxPasses: 1))
    let once = try Deduplicator(rules: noRounds).dedup(NormalizedDocument(text: CleanText(source: input)))
    #expect(once.text.string == "第一段开头。\(a)\(b)\(junk)中间的一句话。\n\(a)\(b)结尾的一句话。")
  }

  static func rulesYAML(maxPasses: Int) throws -> String {
    var yaml = try String(contentsOfFile: TestSupport.rulesDirectory + "/dedup.yaml", encoding: .utf8)
    yaml = yaml.replacingOccurrences(of: "max_passes: 4", with: "max_passes: \(maxPasses)")
    return yaml
  }

  @Test func emptyAndTinyDocuments() throws {
    #expect(try DedupFixtures.run("").text.string == "")
    #expect(try DedupFixtures.run("一句话。").removed.isEmpty)
  }

  @Test func existingRemovalsAndStatsAreKept() throws {
    let p = "这一段重复的内容足够长，可以被识别为重复段落。"
    let earlier = Removal(span: Span(start: 0, end: 1), reason: "junk", stage: "normalize", text: "x")
    let doc = NormalizedDocument(text: CleanText(source: "\(p)\n\(p)"), removed: [earlier], stats: ["lines_joined": 3])
    let out = try DedupFixtures.dedup.dedup(doc)
    #expect(out.removed.first == earlier)
    #expect(out.removed.count == 2)
    #expect(out.stats["lines_joined"] == 3)
    #expect(out.text.string == p)
  }
}

@Suite("Dedup properties")
struct DedupPropertyTests {
  static let seeds: [UInt64] = Array(1...40)

  @Test(arguments: seeds) func textWithoutRepeatsIsUnchanged(seed: UInt64) throws {
    var g = NoticeGenerator(seed: seed)
    let input = NoticeGenerator.text(g.notice(sections: 3))
    let out = try DedupFixtures.run(input)
    #expect(out.removed.isEmpty)
    #expect(out.text.string == input)
  }

  @Test(arguments: seeds) func everySentenceSurvives(seed: UInt64) throws {
    var g = NoticeGenerator(seed: seed)
    let base = g.notice(sections: 3)
    let input = NoticeGenerator.text(g.scramble(base, insertions: 6))
    let out = try DedupFixtures.run(input)
    let kept = out.text.string
    for s in Set(DedupFixtures.sentences(input)) {
      #expect(kept.contains(s), "lost \(s)")
    }
    #expect(DedupFixtures.invariantProblems(input: input, output: out) == [])
    // Long sentences (over the threshold) are left exactly once.
    for s in Set(DedupFixtures.sentences(input, min: DedupFixtures.rules.minSentenceChars)) {
      #expect(kept.components(separatedBy: s).count - 1 == 1, "\(s) not exactly once")
    }
  }

  @Test(arguments: seeds) func doubledTextDedupsLikeTheText(seed: UInt64) throws {
    var g = NoticeGenerator(seed: seed)
    let x = NoticeGenerator.text(g.scramble(g.notice(sections: 2), insertions: 3))
    let once = try DedupFixtures.run(x)
    let twice = try DedupFixtures.run(x + x)
    #expect(twice.text.string == once.text.string)
    #expect(DedupFixtures.invariantProblems(input: x + x, output: twice) == [])
  }

  @Test(arguments: seeds) func doubledTextWithoutFinalLineBreak(seed: UInt64) throws {
    // x + x where x does not end a paragraph: its last and first paragraphs run together.
    var g = NoticeGenerator(seed: seed)
    let x = String(NoticeGenerator.text(g.scramble(g.notice(sections: 2), insertions: 3)).dropLast())
    let once = try DedupFixtures.run(x)
    let twice = try DedupFixtures.run(x + x)
    #expect(twice.text.string == once.text.string)
  }

  @Test(arguments: seeds) func dedupIsIdempotent(seed: UInt64) throws {
    var g = NoticeGenerator(seed: seed)
    let x = NoticeGenerator.text(g.scramble(g.notice(sections: 3), insertions: 6))
    let once = try DedupFixtures.run(x).text.string
    let again = try DedupFixtures.run(once)
    #expect(again.removed.isEmpty)
    #expect(again.text.string == once)
  }

  @Test func fiveMegabytes() throws {
    var g = NoticeGenerator(seed: 5)
    var parts: [String] = []
    var size = 0
    while size < 5_000_000 {
      let t = NoticeGenerator.text(g.scramble(g.notice(sections: 4), insertions: 4))
      size += t.utf8.count
      parts.append(t)
      if parts.count % 7 == 0 { parts.append(parts[parts.count / 2]) }  // whole notices repeated too
    }
    let input = parts.joined()
    let clock = ContinuousClock()
    var out: NormalizedDocument? = nil
    let elapsed = try clock.measure { out = try DedupFixtures.run(input) }
    let result = try #require(out)
    print("dedup of \(input.utf8.count) bytes (\(input.unicodeScalars.count) scalars): \(elapsed), removed \(result.removed.count) pieces, \(result.stats["dedup_removed_chars"] ?? 0) chars")
    #expect(DedupFixtures.invariantProblems(input: input, output: result) == [])
    #expect(result.text.count < input.unicodeScalars.count)
  }
}

@Suite struct RepeatedFieldLinesTests {
  @Test func aTasksAttributionAndFieldLinesRepeatUnderEachTask() throws {
    // heldout26 2701: each project closes with the same 牵头单位 / 配合单位 / 实施时间 lines
    let block = "牵头单位：市卫生局。\n配合单位：市财政局，各县（市、区）人民政府、玉东新区管委。\n实施时间：2011年1月-12月。\n"
    let text = "（三）农村妇女乳腺癌检查项目。\n目标要求：为全市农村妇女开展乳腺癌免费检查工作。\n" + block
      + "（五）地中海贫血疾病防治项目。\n目标要求：筹措资金实施地中海贫血疾病防治工程。\n" + block
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string.components(separatedBy: "实施时间").count == 3)
  }
}

@Suite struct InlineLabelTests {
  @Test func aLabelAfterASentenceOnTheSameLineIsAnAttribution() throws {
    // the same 责任单位 / 配合单位 after two tasks' sentences, on their lines (the space between the
    // labels is folded away before Dedup): no repeat of a sentence
    let text = "1.实施营养餐计划。责任单位：县教育局配合单位：县卫健委\n"
      + "2.改善农村学校食堂条件。责任单位：县教育局配合单位：县卫健委\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string.components(separatedBy: "配合单位").count == 3)
  }

  @Test func aRepeatedSentenceThatIsNoLabelIsStillRemoved() throws {
    // a colon later in the sentence (说明：) does not make a repeated sentence an attribution
    let s = "各乡镇要认真组织开展农村饮水安全工程建设工作，确保按期完成建设任务。"
    let text = "1.实施饮水工程。" + s + s + "\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.count == 1)
  }
}

@Suite struct BracketedLabelLineTests {
  @Test func aBracketedLabelLineIsAnAttribution() throws {
    let line = "【牵头单位】市数据局【配合单位】市司法局、市公安局\n"
    let text = "1.优化营商环境，提升政务服务水平。\n" + line + "2.加强事中事后监管，规范市场秩序。\n" + line
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
  }
}

@Suite struct BareBracketListTests {
  @Test func aBracketListWithoutKeywordClosingItsLineIsAnAttribution() throws {
    // heldout32 3303: the same list under two targets, no 负责 / 责任单位 in it
    let text = "1.地区生产总值增长7%以上。（市发展改革委，各县〔市、区〕政府）\n2.固定资产投资增长10.5%。（市发展改革委，各县〔市、区〕政府）\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    // a bracket that does not end like a department is still a repeat when repeated
    let s = "（具体办法由各地结合实际情况另行制定并报备案）"
    let out2 = try DedupFixtures.run("1.推进改革试点工作。" + s + "\n2.加快制度建设步伐。" + s + "\n")
    #expect(out2.removed.count == 1)
  }

  @Test func aBracketListWithoutKeywordBeforeTheNextClauseIsAnAttribution() throws {
    // heldout32 3303 with its line breaks lost: the list runs on into the next item's marker
    let l = "（市发展改革委，各县〔市、区〕政府）"
    let text = "一、主要预期目标1.地区生产总值增长7%以上。" + l + "2.常住人口城镇化率提高1.2个百分点。" + l + "3.固定资产投资增长10.5%。" + l + "\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    // (followed by running text, it is still a repeated sentence)
    let out2 = try DedupFixtures.run("1.推进改革试点工作。" + l + "要抓紧落实。2.加快制度建设步伐。" + l + "要抓紧落实。\n")
    #expect(!out2.removed.isEmpty)
  }

  @Test func aBracketListWithADeadlineIsAnAttribution() throws {
    // heldout139 13902: items 1. and 4. close with the same bodies and deadline, the bracket ending in 完成
    let b = "（区管委会，2016年4月底前完成）"
    let out = try DedupFixtures.run("1．建立相应工作机制，制定出台实施方案。" + b + "\n4．制定出台公共资源交易目录，向社会公开。" + b + "\n")
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
  }

  @Test func aListEndingWithAKindOfBodyIsAnAttributionToo() throws {
    // heldout121 12101: items 7. and 8. close with the same bare list, its last name a kind of body (单位), its closing
    // bracket half-width
    let list = "（区绿化市容局、区生态环境局、相关沿海街镇、各岸段使用或管理单位)"
    let text = "7.对接用好现有固体废物收运处置体系。" + list + "\n8.加强海洋垃圾上岸后的监管。" + list + "\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    for last in ["各街镇", "各区", "头桥集团", "有关机构", "上海海关", "相关企业"] {
      let l = "（区生态环境局、" + last + "）"
      let o = try DedupFixtures.run("1.推进改革试点工作。" + l + "\n2.加快制度建设步伐。" + l + "\n")
      #expect(o.removed.isEmpty, "\(last)")
    }
  }
}

@Suite struct RoleWordBracketTests {
  @Test func aBracketNamingALeadAndParticipantsIsAnAttribution() throws {
    // heldout137 13702: one run-on paragraph; the same bracket, with 牵头 and 参与 but no 负责 or label, closes 2. and
    // three later items, and three of its four copies were removed as repeated sentences (their items lost their bodies)
    let b = "（区环境与国土资源局牵头，区经济发展局等参与）"
    let text = "1．深化污染物排放总量控制。完善总量指标分配体系。" + b + "2．强化饮用水水源保护。分期实施居民搬迁工程。" + b
      + "3．推广示范适用技术。加快技术成果推广应用。（区社会事业局牵头，区经济发展局配合）4．加强技术交流合作。（区社会事业局牵头，区经济发展局配合）\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string.components(separatedBy: b).count == 3)
    // a bracket without a role word is still a repeat when repeated
    let n = "（具体实施办法由各地结合本地实际另行制定）"
    #expect(try DedupFixtures.run("1.推进改革试点工作。" + n + "\n2.加快制度建设步伐。" + n + "\n").removed.count == 1)
  }
}

@Suite struct DutySentenceTests {
  @Test func aDutyStartingWithARoleWordStandsUnderEachBody() throws {
    // heldout128 12802: the same duty under three bureaus, each a line `区X局：负责…;负责编制本系统…计划;`; two copies were
    // removed as repeated sentences, and with them those bureaus' duty
    let d = "负责编制本系统应急避难场所建设计划;"
    let text = "区教育局：负责推进在学校建设应急避难场所;" + d + "\n区绿化市容局：负责利用公园绿地建设应急避难场所;" + d
      + "\n区体育局：负责利用体育场馆建设应急避难场所;" + d + "\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string.components(separatedBy: d).count == 4)
    // the role word must open the sentence: one that only holds it is still a repeat
    let t = "各单位要按照要求负责编制本系统应急避难场所建设计划;"
    #expect(try DedupFixtures.run("区教育局：负责推进学校建设;" + t + "\n区体育局：负责利用体育场馆;" + t + "\n").removed.count == 1)
  }

  @Test func aCellOfNamesEndingWithARoleWordStandsUnderEachRow() throws {
    // heldout70 7006: a table run together on one line, the same 配合 cell in rows 22, 24 and 25; two copies were removed
    // as repeated sentences, and with them those rows' participating body
    let c = "省优化生育政策工作部门联席会议成员单位配合;"
    let text = "22根据经济社会发展水平等因素,实行动态调整机制。省财政厅、省卫生健康委牵头;" + c + "各州(市)党委和政府落实"
      + "23将符合条件的老年人作为重点群体,优先安排入住公办养老机构。省民政厅牵头;" + c + "各州(市)党委和政府落实\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string.components(separatedBy: c).count == 3)
    // a sentence with a comma is no cell of names: repeated, it is a repeat
    let t = "各地要高度重视此项工作,认真组织落实;"
    #expect(try DedupFixtures.run("1.推进学校建设工作。" + t + "\n2.加快体育场馆建设。" + t + "\n").removed.count == 1)
  }
}

@Suite struct OfficialLineTests {
  @Test func theLinesNamingATasksOfficialsRepeatUnderEachTask() throws {
    // heldout33 3405: the same 牵头负责领导 and 牵头责任单位 lines under two targets
    let block = "牵头负责领导:市政府常务副市长。\n牵头责任单位:市发展改革委。\n"
    let text = "1.全市生产总值增长8.5%。\n" + block + "协同责任单位:市政府各部门。\n"
      + "3.固定资产投资增长12%。\n" + block + "协同责任单位:市经济和信息化局。\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
  }
}

@Suite struct SubjectSentenceTests {
  @Test func aSentenceNamingWhoDoesItsTaskIsNoRepeat() throws {
    // heldout22 2304: three inspection teams led by the same bureau
    let s = "由市安监局1名县级领导带队，2名专业人员参加。"
    let text = "（二）非煤矿山安全督查组。" + s + "\n（三）危险化学品安全督查组。" + s + "\n（五）烟花爆竹安全督查组。" + s + "\n"
    let out = try DedupFixtures.run(text)
    #expect(out.removed.isEmpty, "\(out.removed.map(\.text))")
    #expect(out.text.string.components(separatedBy: s).count == 4)
  }

  @Test func onlyASentenceStartingWithALeadInAndHoldingARoleWord() throws {
    // 由 with no role word: an ordinary sentence, removed when repeated
    let s = "由于各地情况不同，具体办法可以结合实际另行制定。"
    #expect(try DedupFixtures.run("1.推进改革试点工作。" + s + "\n2.加快制度建设步伐。" + s + "\n").removed.count == 1)
    // a role word without the lead-in: likewise
    let t = "各县区要切实负责做好本地区安全生产检查工作。"
    #expect(try DedupFixtures.run("1.推进改革试点工作。" + t + "\n2.加快制度建设步伐。" + t + "\n").removed.count == 1)
    // inside a repeated run it goes with the run (the scrape repeated the whole passage)
    let run = "加强安全生产监督检查，严厉打击非法违法行为。由市安监局负责。"
    let out = try DedupFixtures.run("1.推进安全生产专项整治。" + run + run + "\n")
    #expect(out.text.string.components(separatedBy: "由市安监局负责").count == 2)
  }
}
