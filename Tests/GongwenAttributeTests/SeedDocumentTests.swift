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
