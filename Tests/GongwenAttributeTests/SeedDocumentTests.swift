import Foundation
import GongwenAttribute
import GongwenCore
import GongwenTestSupport
import Testing

/// A deliberately simple, test-only segmenter (Segment is written elsewhere): a unit starts at a
/// line beginning (after indentation) with 一、 / （一） / 1. / （1）; levels follow the order in
/// which the schemes first nest. Good enough to run whole seed notices through Attribute.
func lineOutline(_ source: String) -> (Outline, CleanText) {
  let s = Array(source.unicodeScalars)
  let text = CleanText(sourceScalars: s)
  let han: Set<Unicode.Scalar> = Set("一二三四五六七八九十".unicodeScalars)
  let digits: Set<Unicode.Scalar> = Set("0123456789".unicodeScalars)
  let indent: Set<Unicode.Scalar> = [" ", "\u{3000}", "\t", "\r"]
  func marker(at p: Int) -> (scheme: Int, end: Int)? {
    var q = p
    let bracketed = q < s.count && (s[q] == "（" || s[q] == "(")
    if bracketed { q += 1 }
    let start = q
    var isHan = false
    while q < s.count && (han.contains(s[q]) || digits.contains(s[q])) {
      isHan = han.contains(s[q])
      q += 1
    }
    guard q > start, q < s.count else { return nil }
    if bracketed {
      guard s[q] == "）" || s[q] == ")" else { return nil }
      return (isHan ? 1 : 3, q + 1)
    }
    if isHan && s[q] == "、" { return (0, q + 1) }
    if !isHan && (s[q] == "." || s[q] == "．") && q + 1 < s.count && !digits.contains(s[q + 1]) { return (2, q + 1) }
    return nil
  }
  var found: [(markerStart: Int, markerEnd: Int, scheme: Int)] = []
  var lineStart = 0
  while lineStart < s.count {
    var p = lineStart
    while p < s.count && indent.contains(s[p]) { p += 1 }
    if let m = marker(at: p) { found.append((p, m.end, m.scheme)) }
    while lineStart < s.count && s[lineStart] != "\n" { lineStart += 1 }
    lineStart += 1
  }
  var stack: [Int] = []
  var counters: [Int] = []
  var units: [ClauseUnit] = []
  for (i, f) in found.enumerated() {
    if let at = stack.firstIndex(of: f.scheme) {
      stack.removeSubrange((at + 1)...)
      counters.removeSubrange((at + 1)...)
      counters[at] += 1
    } else {
      stack.append(f.scheme)
      counters.append(1)
    }
    let next = i + 1 < found.count ? found[i + 1].markerStart : s.count
    var bodyEnd = next
    while bodyEnd > f.markerEnd && (indent.contains(s[bodyEnd - 1]) || s[bodyEnd - 1] == "\n") { bodyEnd -= 1 }
    units.append(ClauseUnit(path: counters, markers: [], schemes: [], markerRange: f.markerStart..<f.markerEnd,
                            ownRange: f.markerStart..<next, bodyRange: f.markerEnd..<bodyEnd, heading: nil))
  }
  return (Outline(metadata: NoticeMetadata(), units: units), text)
}

@Suite struct SeedDocumentTests {
  func run(_ prefix: String) throws -> (Outline, CleanText, AttributedOutline) {
    let (o, t) = lineOutline(TestSupport.corpusNotice(prefix))
    return (o, t, try Attributor(rules: bundled).attribute(o, text: t))
  }

  /// Leaves under the task sections (path depth >= `depth`), as (path, attribution).
  func leaves(_ o: Outline, _ a: AttributedOutline, depth: Int) -> [([Int], Attribution?)] {
    var out: [([Int], Attribution?)] = []
    for i in o.units.indices where o.units[i].path.count >= depth {
      let p = o.units[i].path
      let isLeaf = i + 1 == o.units.count || !(o.units[i + 1].path.count > p.count)
      if isLeaf { out.append((p, a.attributions[i])) }
    }
    return out
  }

  @Test func seed002EveryNumberedTaskIsAttributed() throws {
    let (o, t, a) = try run("002")
    let tasks = leaves(o, a, depth: 3)
    #expect(tasks.count == 30)
    #expect(tasks.allSatisfy { $0.1 != nil })
    // task 5: the lost opening bracket
    let five = try #require(tasks[4].1)
    #expect(t.string(five.range) == "责任部门:省卫生厅、招标采购局、食品药品监管局、商务厅、监察厅)")
    #expect(five.departments == ["省卫生厅", "省招标采购局", "省食品药品监督管理局", "省商务厅", "省监察厅"])
    #expect(tasks[20].1?.departments == ["省卫生厅", "省人力资源和社会保障厅", "省发展和改革委员会", "省财政厅"])
    #expect(tasks.allSatisfy { $0.1?.lead.isEmpty == true })
    #expect(a.warnings.allSatisfy { $0.code != "missing_attribution" })
  }

  @Test func seed003LeadsFromTheFirstUnitOn() throws {
    let (o, _, a) = try run("003")
    let tasks = leaves(o, a, depth: 2)
    #expect(tasks.count == 44)
    #expect(tasks.allSatisfy { $0.1 != nil })
    #expect(tasks.allSatisfy { $0.1.map { !$0.lead.isEmpty } == true })
    #expect(tasks[0].1?.lead == ["省卫生和计划生育委员会"])
    #expect(tasks[2].1?.lead == ["各地人民政府"])
    let unknown = a.warnings.filter { $0.code == "unknown_department" }
    #expect(unknown.count == 1)
    #expect(a.warnings.allSatisfy { $0.code != "missing_attribution" })
  }

  @Test func seed004LeadsOnlyAfterTheDeclaration() throws {
    let (o, _, a) = try run("004")
    let tasks = leaves(o, a, depth: 2)
    #expect(tasks.count == 30)
    #expect(tasks.allSatisfy { $0.1 != nil })
    #expect(tasks[0..<4].allSatisfy { $0.1?.lead.isEmpty == true })
    #expect(tasks[4...].allSatisfy { $0.1?.lead.isEmpty == false })
    #expect(tasks[5].1?.lead == ["市卫生局", "市民政局"])
    #expect(tasks[12].1?.lead == ["市机构编制委员会办公室", "市人力资源和社会保障局"])
    #expect(a.warnings.isEmpty)
  }

  @Test func seed001RawTextWithBrokenLines() throws {
    let (o, _, a) = try run("001")
    let tasks = leaves(o, a, depth: 3).filter { $0.0.first == 2 }
    let attributed = tasks.filter { $0.1 != nil }
    #expect(tasks.count >= 40)
    #expect(attributed.count == tasks.count)
    for (_, at) in attributed {
      #expect(at?.responsible.first?.hasPrefix("市") == true)
      #expect(at?.departments.allSatisfy { $0.hasPrefix("市") } == true)
    }
  }

  /// Throughput over the seeds repeated (printed; no time assertion).
  @Test func throughput() throws {
    let seeds = ["001", "002", "003", "004"].map { TestSupport.corpusNotice($0) }
    var big = ""
    while big.utf8.count < 4_000_000 { for s in seeds { big += s + "\n" } }
    let (o, t) = lineOutline(big)
    let attributor = Attributor(rules: bundled)
    let start = Date()
    let out = try attributor.attribute(o, text: t)
    let seconds = Date().timeIntervalSince(start)
    let mb = Double(big.utf8.count) / 1_000_000
    let n = out.attributions.compactMap { $0 }.count
    print("attribute throughput: \(String(format: "%.1f", mb)) MB, \(o.units.count) units, \(n) attributions in "
      + "\(String(format: "%.3f", seconds)) s = \(String(format: "%.1f", mb / seconds)) MB/s")
    #expect(n > 1000)
  }
}

@Suite struct RobustnessTests {
  /// Arbitrary unit ranges over every seed (including the garbled 000): no crash, every
  /// attribution range inside its unit, in order without overlap, and `raw` equal to the clean
  /// text at those ranges joined by a space.
  @Test(arguments: ["000", "001", "002", "003", "004"])
  func arbitraryRangesOverSeeds(_ prefix: String) throws {
    let s = Array(TestSupport.corpusNotice(prefix).unicodeScalars)
    let text = CleanText(sourceScalars: s)
    for step in [7, 61, 250] {
      var units: [ClauseUnit] = []
      var at = 0
      var n = 0
      while at < s.count {
        let end = min(s.count, at + step + (n % 5) * 13)
        let markerEnd = min(end, at + 1)
        n += 1
        units.append(ClauseUnit(path: [n], markers: [], schemes: [], markerRange: at..<markerEnd, ownRange: at..<end,
                                bodyRange: markerEnd..<end, heading: nil))
        at = end
      }
      // plus degenerate ranges
      units.append(ClauseUnit(path: [0], markers: [], schemes: [], markerRange: 0..<0, ownRange: 0..<0,
                              bodyRange: 5..<3 + 2, heading: nil))
      units.append(ClauseUnit(path: [0], markers: [], schemes: [], markerRange: s.count..<s.count,
                              ownRange: s.count..<(s.count + 10), bodyRange: s.count..<(s.count + 10), heading: nil))
      let out = try Attributor(rules: bundled).attribute(Outline(metadata: NoticeMetadata(), units: units), text: text)
      #expect(out.attributions.count == units.count)
      for (u, a) in zip(units, out.attributions) {
        guard let a else { continue }
        for r in a.allRanges {
          #expect(r.lowerBound >= u.bodyRange.lowerBound && r.upperBound <= u.bodyRange.upperBound)
        }
        for (x, y) in zip(a.allRanges, a.allRanges.dropFirst()) { #expect(x.upperBound <= y.lowerBound) }
        #expect(a.allRanges.map { text.string($0) }.joined(separator: " ") == a.raw)
        #expect(!a.departments.isEmpty)
        #expect(a.departments.count <= a.departmentsRaw.count)
      }
    }
  }

  /// 000 as Segment will see it: units begin at markers in the middle of run-on paragraphs.
  @Test func seed000RunOnText() throws {
    let s = Array(TestSupport.corpusNotice("000").unicodeScalars)
    let text = CleanText(sourceScalars: s)
    // markers: (N) and N．
    var starts: [(Int, Int)] = []
    var i = 0
    while i < s.count {
      if s[i] == "(", i + 2 < s.count, ("1"..."9").contains(s[i + 1]), s[i + 2] == ")" { starts.append((i, i + 3)) }
      if ("1"..."9").contains(s[i]), i + 1 < s.count, s[i + 1] == "．", i == 0 || !("0"..."9").contains(s[i - 1]) {
        starts.append((i, i + 2))
      }
      i += 1
    }
    var units: [ClauseUnit] = []
    for (k, (m0, m1)) in starts.enumerated() {
      let end = k + 1 < starts.count ? starts[k + 1].0 : s.count
      units.append(ClauseUnit(path: [k + 1], markers: [], schemes: [], markerRange: m0..<m1, ownRange: m0..<end,
                              bodyRange: m1..<end, heading: nil))
    }
    let out = try Attributor(rules: bundled).attribute(Outline(metadata: NoticeMetadata(), units: units), text: text)
    let found = out.attributions.compactMap { $0 }
    #expect(found.count >= 50)  // 62 in the text; a few close garbled runs, not units
    // 000 never names a jurisdiction, so none is invented
    #expect(found.allSatisfy { $0.departments.allSatisfy { !$0.hasPrefix("省") && !$0.hasPrefix("市") } })
    #expect(found.allSatisfy { $0.lead.isEmpty })
    let unknown = out.warnings.filter { $0.code == "unknown_department" }
    #expect(unknown.count == 1)
    #expect(unknown.first?.message.contains("军区后勤卫生处") == true)
  }

  @Test func longPreambleWithoutDeclarationDoesNotTimeOut() throws {
    let filler = String(repeating: "各地、各有关部门要按照要求，加强领导，明确责任，强化考核，狠抓落实。\n", count: 40_000)
    let (o, t) = makeOutline([U("1.", [1], "加强领导。（市卫生局、市财政局负责）")], preamble: filler)
    let out = try Attributor(rules: bundled).attribute(o, text: t)
    #expect(out.attributions[0]?.lead == [])
  }
}
