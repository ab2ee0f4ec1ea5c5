import GongwenCore
import GongwenNormalize
import GongwenTestSupport
import Testing

/// Scalars the normalizer may legitimately rewrite one for one (source → clean).
func isAllowedRewrite(_ src: Unicode.Scalar, _ clean: Unicode.Scalar) -> Bool {
  if src == clean { return true }
  let s = src.value, c = clean.value
  // spaces, and line breaks joined between Latin words
  if c == 0x20, [0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029, 0xA0, 0x3000, 0x202F, 0x205F].contains(s) || (0x2000...0x200A).contains(s) { return true }
  if c == 0x0A, [0x0D, 0x85, 0x2028, 0x2029].contains(s) { return true }
  if (0xFF01...0xFF5E).contains(s), c == s - 0xFEE0 { return true }  // full-width → ASCII
  if (0x21...0x3F).contains(s), c == s + 0xFEE0 { return true }  // ASCII → Chinese punctuation
  if c == 0x3014 || c == 0x3015 { return "[(（［【〔]〕）］】)".unicodeScalars.contains(src) }  // doc numbers
  if c == 0x201D, s == 0x22 { return true }
  return false
}

/// The offset map and the removals are exact.
func checkOffsets(_ source: String, _ d: NormalizedDocument, sourceLocation: SourceLocation = #_sourceLocation) {
  let src = Array(source.unicodeScalars)
  let t = d.text
  #expect(t.scalars.count == t.origin.count, sourceLocation: sourceLocation)
  #expect(t.sourceLength == src.count, sourceLocation: sourceLocation)
  var last = -1
  var bad: [String] = []
  for (i, o) in t.origin.enumerated() {
    if o <= last || o >= src.count { bad.append("origin \(o) at \(i)"); continue }
    last = o
    if !isAllowedRewrite(src[o], t.scalars[i]) { bad.append("\(src[o].debugDescription)→\(t.scalars[i].debugDescription)") }
  }
  #expect(bad.isEmpty, "offset map: \(bad.prefix(5))", sourceLocation: sourceLocation)
  for r in d.removed {
    #expect(r.stage == "normalize", sourceLocation: sourceLocation)
    let ok = r.span.start >= 0 && r.span.end <= src.count && r.span.start < r.span.end
    #expect(ok, "removal span \(r.span) out of range", sourceLocation: sourceLocation)
    if ok {
      #expect(String(String.UnicodeScalarView(src[r.span.range])) == r.text, sourceLocation: sourceLocation)
    }
  }
}

/// Running punctuation inside a line means the line is prose; prose lines must end a sentence
/// or unit, otherwise a line break was left inside a sentence.
func brokenSentences(_ text: String) -> [String] {
  let ends = Set("。；：！？）》”…")
  let running = Set("，、；。")
  return lines(text).filter { line in
    guard let last = line.last, !ends.contains(last) else { return false }
    // skip the clause marker's own 、 (一、)
    var body = Substring(line)
    if let k = body.firstIndex(of: "、"), body.distance(from: body.startIndex, to: k) <= 3 { body = body[body.index(after: k)...] }
    return body.contains { running.contains($0) }
  }
}

@Suite struct SeedTests {
  @Test(arguments: seedIDs) func seedCleanTextInvariants(id: String) {
    let src = TestSupport.corpusNotice(id)
    let d = norm(src)
    let text = d.text.string
    let s = Array(text.unicodeScalars)
    #expect(!text.isEmpty)
    #expect(!text.unicodeScalars.contains("\u{3000}"), "ideographic space left")
    #expect(!text.contains("\t"))
    #expect(!text.unicodeScalars.contains("\u{00A0}"))
    #expect(!text.contains("\n\n"), "blank line left")
    #expect(!text.hasPrefix("\n") && !text.hasSuffix("\n"))
    for l in lines(text) { #expect(l.first != " " && l.last != " ", "indentation or trailing space: \(l.prefix(20))") }
    // no space between two Chinese characters
    var spaced = 0
    for i in 1..<max(1, s.count - 1) where s[i] == " " {
      var j = i
      while j < s.count, s[j] == " " { j += 1 }
      if j < s.count, isHan(s[i - 1]), isHan(s[j]) { spaced += 1 }
    }
    #expect(spaced == 0, "space between Chinese characters")
    // no line break inside a sentence
    #expect(brokenSentences(text) == [])
    // no navigation or Word junk
    for junk in ["[bookmark", "- 国务院部门", "- 省市政府", "附件下载", "相关链接", "【打印本页】", "【关闭窗口】"] {
      #expect(!text.contains(junk), "junk left: \(junk)")
    }
    checkOffsets(src, d)
  }

  @Test func seed001LineWrapsRepairedHeadingsKept() {
    let text = norm(TestSupport.corpusNotice("001")).text.string
    let ls = lines(text)
    for joined in ["城镇居民基本医疗保险（以下简称城镇居民医保）", "人力资源和社会保障局）", "稳步提高封顶线", "绩效考核、绩效工资",
                   "公益性支持。", "提高服务质量"] {
      #expect(text.contains(joined), "not joined: \(joined)")
    }
    for heading in ["一、总体要求", "（一）加快健全全民医保体系", "1.巩固扩大基本医保覆盖面", "临政办发〔2012〕64号",
                    "关于印发临沂市深化医药卫生体制改革2012年主要工作安排的通知", "二〇一二年八月一日",
                    "临沂市深化医药卫生体制改革2012年主要工作安排"] {
      #expect(ls.contains(heading), "heading/title line missing: \(heading)")
    }
    #expect(text.contains("（2）深化编制和人事制度改革。"))
    #expect(text.contains("稳定在98%以上"))
    #expect(text.contains("52.67万、15.5万"))
    #expect(text.contains("重点办好1-2所县级医院"))
  }

  @Test func seed000WidthAndPunctuation() {
    let d = norm(TestSupport.corpusNotice("000"))
    let text = d.text.string
    #expect(text.contains("发布日期：2011-03-07新政办发〔2011〕18号"))
    #expect(text.contains("1.巩固扩大基本医疗保障覆盖面"))
    #expect(text.contains("（一）加快推进基本医疗保障制度建设。"))
    #expect(text.contains("参保率均提高到90%以上"))
    #expect(text.contains("《国务院关于印发医药卫生体制改革近期重点实施方案（2009—2011年）的通知》（国发〔2009〕12号）"))
    #expect(!text.contains("．") && !text.contains("％"))
    #expect(d.removed.map(\.rule) == ["empty_link_labels"])
  }

  @Test func seed002And004Junk() {
    let d2 = norm(TestSupport.corpusNotice("002"))
    #expect(d2.text.string.hasPrefix("各州、市人民政府，省直各委、办、厅、局：\n"))
    #expect(d2.removed.first?.rule == "site_navigation")
    #expect(d2.removed.first?.span == Span(start: 0, end: 30))
    #expect(d2.text.string.contains("“十二五”期间"))
    let d4 = norm(TestSupport.corpusNotice("004"))
    #expect(d4.text.string.contains("\n（桓政办发〔2013〕92号）\n"))
    #expect(d4.removed.map(\.text) == ["[bookmark: _GoBack]"])
    #expect(lines(d4.text.string).contains("关于深化医药卫生体制改革重点工作任务分工的通知"))
  }

  @Test func seed003Indentation() {
    let d = norm(TestSupport.corpusNotice("003"))
    let ls = lines(d.text.string)
    #expect(ls.first == "甘政办发〔2016〕112号")
    #expect(ls.contains("甘肃省人民政府办公厅"))
    #expect(ls.contains("2016年7月22日"))
    #expect(ls.contains("一、全力推进公立医院改革"))
    #expect(ls.last == "附件：部分重点工作任务分工及进度安排表")
    #expect((d.stats["indented_lines"] ?? 0) > 60)
    // every paragraph starts with its text, not with indentation
    #expect(ls.filter { $0.hasPrefix("（") }.count > 40)
  }

  @Test func layoutRemovalsCanBeListed() throws {
    let yaml = (try? String(contentsOfFile: TestSupport.rulesDirectory + "/normalize.yaml", encoding: .utf8)) ?? ""
    let rules = try RuleSet.decode(NormalizeRules.self,
                                   yaml: yaml.replacingOccurrences(of: "record_layout_removals: false", with: "record_layout_removals: true"))
    let src = TestSupport.corpusNotice("001")
    let d = try Normalizer(rules: rules).normalize(src)
    #expect(d.removed.contains { $0.reason == "line_join" && $0.text == "\n" })
    #expect(d.removed.contains { $0.reason == "whitespace" })
    checkOffsets(src, d)
    #expect(d.text == norm(src).text)
  }
}

import GongwenRules
