import GongwenCore
import ICUKit

/// Line-wrap repair. Joins a line to the next when the break is inside a sentence or word,
/// judged by measurable cues:
/// - never after a line ending a sentence or unit (`sentence_end`, `paragraph_end`);
/// - never before a line that starts with a clause marker (`markers`);
/// - never after a heading: a marker line with a short body (`heading_max_chars`) and no running
///   punctuation (at most `heading_max_enumeration_commas` 、);
/// - a title split over two lines (`关于…` + `…的通知`) is joined, and nothing is joined after it;
/// - otherwise joined when the line is running text (contains ，、； …) or is a full line, i.e. at
///   least `full_line_ratio` × the document's typical full line length (`full_line_quantile` of
///   the lengths of prose lines, those holding running punctuation); short lines without
///   punctuation (titles, signatures, dates) stay.
/// The cues are measured on the whole (possibly already joined) line, and decisions are repeated
/// on the joined lines until nothing changes, so a second run of the normalizer sees the same
/// lines and finds nothing more to join (idempotence). A consequence: a short last line of a
/// paragraph that does not end in punctuation cannot be told from a wrapped one once its
/// paragraph is joined; real paragraphs end in 。 or a closing bracket.
///
/// A table flattened to text (任务分解表: `序号` / `重点工作任务` / … then one cell per line) holds
/// no wrapped lines: each line is one cell, and a bare row number (`68`) must stay on its own line
/// for Segment to see it. From the first line that holds only a `table_header` word (`序号`) on,
/// no line is joined. A flattened table runs to the end of its page (it is the attachment), so the
/// table is not closed again; prose after it keeps its breaks.
struct LineJoinStep: NormalizeStep {
  static let id = "line_join"
  let rules: NormalizeRules.LineJoin

  /// What the cues need to know about a line, or a group of joined lines.
  struct Info {
    var first: Int  // index of the first line
    var last: Int  // index of the last line
    var length: Int  // non-space scalars
    var bodyLength: Int  // non-space scalars after the marker
    var marker: Bool
    var runningNonEnum: Bool
    var enumCommas: Int
    var firstScalar: Unicode.Scalar?
    var lastScalar: Unicode.Scalar?
    var opener: Bool
    var titleEnding: Bool
    var tableCell: Bool  // at or after a table header line: never joined
  }

  func apply(_ text: CleanText, _ ctx: inout NormalizeContext) throws(StageFailure) -> CleanText {
    let s = text.scalars
    let lines = lineRanges(s)
    guard lines.count > 1 else { return text }
    let m = try rules.marker.matcher()
    var infos: [Info] = []
    infos.reserveCapacity(lines.count)
    let tableStart = lines.firstIndex { isTableHeader(s[$0]) } ?? lines.count
    for (k, line) in lines.enumerated() {
      var markerEnd: Int? = nil
      if !line.isEmpty {
        do {
          if let end = try GongwenNormalize.markerEnd(m, s, line) { markerEnd = end }
        } catch { throw rules.marker.failure(error, stage: "normalize") }
      }
      var info = Info(first: k, last: k, length: 0, bodyLength: 0, marker: markerEnd != nil, runningNonEnum: false,
                      enumCommas: 0, firstScalar: nil, lastScalar: nil, opener: false, titleEnding: false,
                      tableCell: k >= tableStart)
      let bodyStart = markerEnd ?? line.lowerBound
      for i in line where s[i] != CharClass.space {
        info.length += 1
        if info.firstScalar == nil { info.firstScalar = s[i] }
        info.lastScalar = s[i]
        if i >= bodyStart {
          info.bodyLength += 1
          if rules.enumerationComma.contains(s[i]) { info.enumCommas += 1 }
          else if rules.running.contains(s[i]) { info.runningNonEnum = true }
        }
      }
      info.opener = rules.titleOpeners.contains { contains(s[line], $0) }
      info.titleEnding = rules.titleEndings.contains { endsWith(s[line], $0) }
      infos.append(info)
    }

    var groups = infos
    for _ in 0..<rules.maxIterations {
      let typical = typicalLength(groups)
      var next: [Info] = []
      next.reserveCapacity(groups.count)
      var merged = false
      for g in groups {
        if let a = next.last, shouldJoin(a, g, typical: typical) {
          next[next.count - 1] = combine(a, g)
          merged = true
        } else {
          next.append(g)
        }
      }
      groups = next
      if !merged { break }
    }
    if groups.count == lines.count { return text }

    // apply: the line break after every line that is not the last of its group goes
    var plan = [Fate](repeating: .keep, count: s.count)
    var joins = 0
    for g in groups where g.last > g.first {
      for k in g.first..<g.last {
        let n = lines[k].upperBound
        joins += 1
        let before = infos[k].lastScalar, after = infos[k + 1].firstScalar
        if let x = before, let y = after, CharClass.isASCIIAlnum(x), CharClass.isASCIIAlnum(y) {
          plan[n] = .space
        } else {
          plan[n] = .delete
        }
      }
    }
    ctx.count("lines_joined", joins)
    return applyPlan(text, plan, reason: "line_join", rule: Self.id, &ctx)
  }

  func typicalLength(_ groups: [Info]) -> Int {
    // full lines are prose lines: measure only lines holding running punctuation
    let lengths = groups.filter { $0.runningNonEnum || $0.enumCommas > 0 }.map(\.length).sorted()
    guard lengths.count >= rules.minLinesForTypical else { return Int.max }
    let q = Int((rules.fullLineQuantile * Double(lengths.count - 1)).rounded(.down))
    return lengths[max(0, min(lengths.count - 1, q))]
  }

  func isHeading(_ a: Info) -> Bool {
    a.marker && !a.runningNonEnum && a.enumCommas <= rules.headingMaxEnumerationCommas
      && a.bodyLength <= rules.headingMaxChars
  }

  func shouldJoin(_ a: Info, _ b: Info, typical: Int) -> Bool {
    guard let last = a.lastScalar, b.length > 0 else { return false }
    if a.tableCell || b.tableCell { return false }
    if rules.sentenceEnd.contains(last) || rules.paragraphEnd.contains(last) { return false }
    if b.marker { return false }
    if a.opener, a.titleEnding { return false }  // a complete title (关于…的通知) ends here
    let aRunning = a.runningNonEnum || a.enumCommas > 0, bRunning = b.runningNonEnum || b.enumCommas > 0
    if a.opener, !a.titleEnding, b.titleEnding, !aRunning, !bRunning, a.length <= rules.titleMaxChars,
      b.length <= rules.titleMaxChars
    {
      return true
    }
    if isHeading(a) { return false }
    if aRunning { return true }
    if typical != Int.max, Double(a.length) >= rules.fullLineRatio * Double(typical) { return true }
    return false
  }

  /// The line holds only a `table_header` word (spaces aside): the first cell of a table's header.
  func isTableHeader(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    guard !rules.tableHeader.isEmpty, line.count <= 2 * (rules.tableHeader.map(\.count).max() ?? 0) + 8 else { return false }
    let content = line.filter { $0 != CharClass.space }
    return rules.tableHeader.contains { $0.elementsEqual(content) }
  }

  func combine(_ a: Info, _ b: Info) -> Info {
    var c = a
    c.last = b.last
    c.length += b.length
    c.bodyLength += b.length
    c.runningNonEnum = a.runningNonEnum || b.runningNonEnum
    c.enumCommas += b.enumCommas
    c.lastScalar = b.lastScalar ?? a.lastScalar
    c.opener = a.opener || b.opener
    c.titleEnding = b.titleEnding
    return c
  }
}

/// Where a clause marker at the start of `line` ends, if one is there. Only the line's first
/// `markerWindow` scalars are handed to ICU (markers are short), so the cost does not grow with
/// the line.
func markerEnd(_ m: ICURegex, _ s: [Unicode.Scalar], _ line: Range<Int>) throws(ICUError) -> Int? {
  let end = min(line.upperBound, line.lowerBound + markerWindow)
  guard let hit = try m.match(in: s[line.lowerBound..<end], at: 0), !hit.range.isEmpty else { return nil }
  return line.lowerBound + hit.range.upperBound
}

let markerWindow = 24

func contains(_ hay: ArraySlice<Unicode.Scalar>, _ needle: [Unicode.Scalar]) -> Bool {
  guard needle.count <= hay.count, let f = needle.first else { return false }
  var i = hay.startIndex
  while i + needle.count <= hay.endIndex {
    if hay[i] == f, hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
    i += 1
  }
  return false
}

func endsWith(_ hay: ArraySlice<Unicode.Scalar>, _ needle: [Unicode.Scalar]) -> Bool {
  var end = hay.endIndex
  while end > hay.startIndex, hay[end - 1] == CharClass.space { end -= 1 }
  guard end - hay.startIndex >= needle.count else { return false }
  return hay[(end - needle.count)..<end].elementsEqual(needle)
}
