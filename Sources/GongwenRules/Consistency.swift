import Foundation
import GongwenCore
import GongwenAttribute
import GongwenDedup
import GongwenNormalize
import GongwenSegment

/// Facts that several rules files must agree on.
///
/// The wording of an attribution is known to four stages: Attribute reads it (`labels`, `role_words` in
/// attribute.yaml), Segment must see a bracketed attribution before an inline marker
/// (`sequence.attribution` in segment.yaml), Normalize must not run a label line onto the line before
/// (`line_join.markers` in normalize.yaml, unless it is short enough for `line_join.field_label_max`), and Dedup must keep a label line as a unit of its own
/// (`attribution_keywords` in dedup.yaml) and must never remove a repeated bracket group of an attribution
/// (`attribution_brackets` in dedup.yaml, for each pair of `brackets` in attribute.yaml). A label, role
/// word or bracket pair added to attribute.yaml alone is read,
/// but the other stages may not treat it right. `consistencyWarnings` names, for each such gap, the
/// file and line to edit (code `R010`, a warning: the rules still load). An attachment's label line is read by Segment
/// (`tables.attachment` in segment.yaml) and by Dedup (`attachment_labels` in dedup.yaml): `R011` where they differ. A
/// flattened table's first header cell is read by Segment (`tables.header`) and by Normalize, which joins no line of the
/// table from it on (`line_join.table_header`): `R012` for a word only Segment knows.
extension RuleSet {
  public func consistencyWarnings() -> [RuleProblem] {
    var out: [RuleProblem] = []
    func location(_ r: RuleRegex, _ file: String) -> RuleLocation {
      r.location ?? RuleLocation(file: displayPath((directory as NSString).appendingPathComponent(file)), line: 1, column: 1)
    }
    func fullMatch(_ r: RuleRegex, _ text: String) -> Bool {
      let sc = Array(text.unicodeScalars)
      guard let m = try? r.matcher(), let hit = try? m.firstMatch(in: sc) else { return false }
      return hit.range == 0..<sc.count
    }
    let dedupFile = displayPath((directory as NSString).appendingPathComponent(DedupRules.fileName))
    let dedupLine = Self.line(of: "attribution_keywords:", inFile: (directory as NSString).appendingPathComponent(DedupRules.fileName))
    let keywords = dedup.attributionKeywords.map { String(String.UnicodeScalarView($0)) }

    for label in attribute.labels {
      let l = String(String.UnicodeScalarView(label.text))
      if !fullMatch(segment.attributionRegex, "（\(l)：市财政局）") {
        out.append(RuleProblem(location(segment.attributionRegex, SegmentRules.fileName), code: "R010",
          "sequence.attribution does not match （\(l)：…）, a label of attribute.yaml: a clause marker right after such an attribution is not taken; add the label to the pattern"))
      }
      // a short label is a field line (line_join.field_label_max) and is never run onto the line before
      let fieldLine = label.text.count <= normalize.lineJoin.fieldLabelMax && label.text.allSatisfy { isIdeographic($0) }
      if !fieldLine, !fullMatch(normalize.lineJoin.marker, "\(l)：") {
        out.append(RuleProblem(location(normalize.lineJoin.marker, NormalizeRules.fileName), code: "R010",
          "line_join.markers do not match \(l)： at a line start, a label of attribute.yaml: a label line may be run onto the line before it; add it to the markers"))
      }
      if !keywords.contains(where: { l.contains($0) }) {
        out.append(RuleProblem(RuleLocation(file: dedupFile, line: dedupLine, column: 1), code: "R010",
          "attribution_keywords hold no part of \(l), a label of attribute.yaml: its lines are not kept as units of their own; add it"))
      }
    }
    let bracketsLine = Self.line(of: "attribution_brackets:", inFile: (directory as NSString).appendingPathComponent(DedupRules.fileName))
    for (o, c) in zip(attribute.openBrackets, attribute.closeBrackets)
    where !dedup.attributionOpen.contains(o) || !dedup.attributionClose.contains(c) {
      out.append(RuleProblem(RuleLocation(file: dedupFile, line: bracketsLine, column: 1), code: "R010",
        "attribution_brackets lacks \(o)\(c), a bracket pair of attribute.yaml: a repeated attribution in it may be removed as a repeat; add \"\(o)\(c)\""))
    }
    for word in attribute.roleWords {
      let w = String(String.UnicodeScalarView(word.text))
      if !fullMatch(segment.attributionRegex, "（市财政局\(w)）") {
        out.append(RuleProblem(location(segment.attributionRegex, SegmentRules.fileName), code: "R010",
          "sequence.attribution does not match （…\(w)）, a role word of attribute.yaml: a clause marker right after such an attribution is not taken; add the word to the pattern"))
      }
    }
    // Segment reads an attachment's label line as the level of the table or plan under it, Dedup as the start of another
    // document whose restated sentences are no repeats: the two must read the same lines
    if let attachment = segment.tables.attachment {
      let labelsLine = Self.line(of: "attachment_labels:", inFile: (directory as NSString).appendingPathComponent(DedupRules.fileName))
      let samples = ["附件", "附件1", "附件 2", "附件12", "附件1.1", "附件1：", "附件：", "附件：重点任务分解表", "附件：1.任务分解表",
                     "附件1：任务分解表", "附件一", "附件材料", "附表1", "附表：1.任务分工表", "附录", "附录：名词解释"]
      for sample in samples {
        let bySegment = fullMatch(attachment, sample)
        let byDedup = dedup.isAttachmentLabel(ArraySlice(sample.unicodeScalars))
        guard bySegment != byDedup else { continue }
        out.append(RuleProblem(location(attachment, SegmentRules.fileName), code: "R011",
          "tables.attachment \(bySegment ? "reads" : "does not read") `\(sample)` as an attachment's label line but dedup.yaml's attachment_labels (\(dedupFile):\(labelsLine)) \(byDedup ? "does" : "does not"): a restated plan under it is read by one stage as an attachment and by the other as the body; make the two agree"))
      }
    }
    // Segment reads a table from the line holding its header's first cell; Normalize must join none of the table's cell lines
    // from there on, or a task cell with a comma runs its date and department cells into one line (`项目序号`, Corpus/
    // heldout126 12601)
    let normalizePath = (directory as NSString).appendingPathComponent(NormalizeRules.fileName)
    let tableHeaderLine = Self.line(of: "  table_header:", inFile: normalizePath)
    for word in segment.tables.header where !normalize.lineJoin.tableHeader.contains(where: { $0.elementsEqual(word.filter { $0 != " " }) }) {
      let w = String(String.UnicodeScalarView(word))
      out.append(RuleProblem(RuleLocation(file: displayPath(normalizePath), line: tableHeaderLine, column: 1), code: "R012",
        "line_join.table_header lacks \(w), a table header word of segment.yaml (tables.header): the table's cell lines may be joined into one; add it"))
    }
    return out.map { var p = $0; p.severity = "warning"; return p }
  }

  /// 1-based line of the first line starting with `key` in a file (1 when not found).
  static func line(of key: String, inFile path: String) -> Int {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 1 }
    for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where l.hasPrefix(key) {
      return i + 1
    }
    return 1
  }
}
