import Foundation
import GongwenCore
import GongwenRules
import GongwenSegment
import GongwenTestSupport
import Testing

private let bundledYAML: String = {
  (try? String(contentsOfFile: TestSupport.rulesDirectory + "/segment.yaml", encoding: .utf8)) ?? ""
}()

private func problems(_ yaml: String) -> [RuleProblem] {
  do {
    _ = try RuleSet.decode(SegmentRules.self, yaml: yaml, file: "segment.yaml")
    return []
  } catch { return error.problems }
}

@Suite struct RuleTests {
  @Test func bundledRulesLoad() throws {
    let r = try RuleSet.decode(SegmentRules.self, yaml: bundledYAML)
    #expect(r.schemes.map(\.id) == ["part", "chapter", "section", "article", "article_arabic", "paren_ideograph", "chinese_dun", "chinese_paren",
                                    "decimal", "arabic_dot", "arabic_paren", "arabic_half_paren", "paren_digit", "digit_stop",
                                    "circled", "table_row", "table_attachment"])
    #expect(r.tables.rowScheme == r.schemes.count - 2)
    #expect(r.tables.attachmentScheme == r.schemes.count - 1)
  }

  @Test func anAttachmentRankNotAboveEverySchemeIsRejected() {
    let yaml = bundledYAML.replacingOccurrences(of: "rank: 1, max: 99}", with: "rank: 20, max: 99}")
    let line = 1 + (yaml.components(separatedBy: "\n").firstIndex { $0.contains("attachment: {id: table_attachment") } ?? -1)
    let problems = problems(yaml)
    #expect(problems.contains { $0.location.line == line && $0.message.contains("tables.attachment rank 20") })
  }

  @Test func tableRulesAreValidatedWithTheirLine() {
    let rowLine = 1 + (bundledYAML.components(separatedBy: "\n").firstIndex { $0.contains("row: {id: table_row") } ?? -1)
    #expect(rowLine > 1)
    let noGroup = bundledYAML.replacingOccurrences(of: "pattern: '(?<num>[0-9]{1,3})', rank: 90", with: "pattern: '[0-9]{1,3}', rank: 90")
    #expect(problems(noGroup).contains { $0.code == "R005" && $0.location.line == rowLine && $0.message.contains("tables.row") })
    let badRegex = bundledYAML.replacingOccurrences(of: "pattern: '(?<num>[0-9]{1,3})', rank: 90", with: "pattern: '(?<num>[0-9', rank: 90")
    #expect(problems(badRegex).contains { $0.code == "R004" && $0.location.line == rowLine })
    let clash = bundledYAML.replacingOccurrences(of: "row: {id: table_row", with: "row: {id: circled")
    #expect(problems(clash).contains { $0.code == "R005" && $0.message.contains("circled") })
    let emptyTask = bundledYAML.components(separatedBy: "\n")
      .map { $0.hasPrefix("  task_columns:") ? "  task_columns: []" : $0 }.joined(separator: "\n")
    #expect(emptyTask != bundledYAML)
    #expect(problems(emptyTask).contains { $0.code == "R005" && $0.message.contains("tables.task_columns") })
  }

  @Test func aNewSchemeNeedsOnlyYAML() throws {
    let extra = """
      schemes:
        - id: latin_dot # A.
          pattern: '(?<![A-Za-z])(?<num>[A-Z])[.．]'
          numerals: latin
          rank: 90
          inline: false
          max: 26
      """
    let yaml = bundledYAML.replacingOccurrences(of: "schemes:\n", with: extra + "\n", options: [], range: nil)
    let rules = try RuleSet.decode(SegmentRules.self, yaml: yaml)
    let (o, _) = try (Segmenter(rules: rules).segment(CleanText(source: "一、任务\n（一）甲。\nA.子项一。\nB.子项二。")), 0)
    #expect(o.units.map(\.path) == [[1], [1, 1], [1, 1, 1], [1, 1, 2]])
    #expect(o.units[3].schemes.last == "latin_dot")
    // the bundled rules do not know it
    #expect(try outline("一、任务\n（一）甲。\nA.子项一。\nB.子项二。").0.units.count == 2)
  }

  @Test func badPatternIsR004AtItsLine() {
    let yaml = bundledYAML.replacingOccurrences(of: "'第(?<num>[一二三四五六七八九十百〇零]{1,4})章'", with: "'第(?<num>[一二三章'")
    let line = 1 + (bundledYAML.components(separatedBy: "\n").firstIndex { $0.contains("{1,4})章'") } ?? -1)
    let p = problems(yaml)
    #expect(line > 1)
    #expect(p.contains { $0.code == "R004" && $0.location.line == line && $0.message.contains("chapter") })
  }

  @Test func attachmentLinesAboveOutOfRangeIsR005AtItsLine() {
    let yaml = bundledYAML.replacingOccurrences(of: "  attachment_lines_above: 3", with: "  attachment_lines_above: 0")
    #expect(yaml != bundledYAML)
    let line = 1 + (yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  attachment_lines_above:") } ?? -1)
    #expect(problems(yaml).contains { $0.code == "R005" && $0.location.line == line && $0.message.contains("attachment_lines_above") })
  }

  @Test func negativeHeadingNoteMaxIsR005AtItsLine() {
    let yaml = bundledYAML.replacingOccurrences(of: "  heading_gap_note_max: 12", with: "  heading_gap_note_max: -1")
    #expect(yaml != bundledYAML)
    let line = 1 + (yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("  heading_gap_note_max:") } ?? -1)
    #expect(problems(yaml).contains { $0.code == "R005" && $0.location.line == line && $0.message.contains("heading_gap_note_max") })
  }

  @Test func missingNumberGroupIsR005() {
    let yaml = bundledYAML.replacingOccurrences(of: "'第(?<num>[一二三四五六七八九十百〇零]{1,4})章'", with: "'第([一二三四五六七八九十]+)章'")
    #expect(problems(yaml).contains { $0.code == "R005" && $0.message.contains("(?<num>") })
  }

  @Test func aCanonicalFormWithoutOnePlaceholderIsR005AtItsLine() throws {
    let yaml = bundledYAML.replacingOccurrences(of: "canonical: '{n}.'", with: "canonical: '{n}.{n}'")
    let line = 1 + (yaml.components(separatedBy: "\n").firstIndex { $0.contains("canonical: '{n}.{n}'") } ?? -1)
    #expect(problems(yaml).contains { $0.code == "R005" && $0.location.line == line && $0.message.contains("canonical") })
    let r = try RuleSet.decode(SegmentRules.self, yaml: bundledYAML)
    let forms = Dictionary(uniqueKeysWithValues: r.schemes.map { ($0.id, $0.canonical?.marker(12)) })
    #expect(forms["arabic_dot"] == "12." && forms["chinese_dun"] == "十二、" && forms["chinese_paren"] == "（十二）")
    #expect(forms["paren_digit"] == "（12）" && forms["article"] == .some(nil))
  }

  @Test func unknownNumeralsIsR005() {
    let yaml = bundledYAML.replacingOccurrences(of: "numerals: circled", with: "numerals: roman")
    #expect(problems(yaml).contains { $0.code == "R005" && $0.message.contains("roman") })
  }

  @Test func wrongTypeIsR003AndVersionIsChecked() {
    let yaml = bundledYAML.replacingOccurrences(of: "max_gap: 3", with: "max_gap: many")
    #expect(problems(yaml).contains { $0.code == "R003" })
    let v2 = bundledYAML.replacingOccurrences(of: "version: 1", with: "version: 2")
    #expect(problems(v2).contains { $0.code == "R005" })
    let dateGroups = bundledYAML.replacingOccurrences(of: "(?<y>[0-9]{4})\\h*年", with: "([0-9]{4})\\h*年")
    #expect(problems(dateGroups).contains { $0.code == "R005" && $0.message.contains("arabic") })
  }
}
