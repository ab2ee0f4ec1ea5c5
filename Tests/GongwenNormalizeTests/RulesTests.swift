import Foundation
import GongwenCore
import GongwenNormalize
import GongwenRules
import GongwenTestSupport
import Testing

/// The bundled YAML with one substitution, decoded; returns the problem codes (empty when it loads).
func problems(replacing old: String, with new: String) -> [RuleProblem] {
  let yaml = (try? String(contentsOfFile: TestSupport.rulesDirectory + "/normalize.yaml", encoding: .utf8)) ?? ""
  #expect(yaml.contains(old), "test setup: '\(old)' not in normalize.yaml")
  do {
    _ = try RuleSet.decode(NormalizeRules.self, yaml: yaml.replacingOccurrences(of: old, with: new), file: "normalize.yaml")
    return []
  } catch {
    return error.problems
  }
}

@Suite struct RulesTests {
  @Test func bundledRulesLoad() {
    #expect(problems(replacing: "version: 1", with: "version: 1").isEmpty)
    #expect(TestSupport.rules.normalize.junk.map(\.id).contains("site_navigation"))
  }

  @Test func badRegexIsR004AtItsLine() {
    let p = problems(replacing: #"pattern: '\[(?:bookmark|image)"#, with: #"pattern: '\[(?:bookmark|image"#)
    #expect(p.map(\.code) == ["R004"])
    let yaml = (try? String(contentsOfFile: TestSupport.rulesDirectory + "/normalize.yaml", encoding: .utf8)) ?? ""
    let idLine = lines(yaml).firstIndex { $0.contains("id: word_artefact") }.map { $0 + 2 }  // 1-based, next line
    #expect(p.first?.location.line == idLine)
    #expect(p.first?.message.contains("word_artefact") == true)
  }

  @Test func invalidValuesAreR005() {
    #expect(problems(replacing: "version: 1", with: "version: 2").map(\.code) == ["R005"])
    #expect(problems(replacing: "threshold: 0.08", with: "threshold: 2").map(\.code) == ["R005"])
    #expect(problems(replacing: #"control: ["U+0000-U+0008""#, with: #"control: ["U+0000-U+000A""#).map(\.code) == ["R005"])
    #expect(problems(replacing: #"to_space: ["U+3000", "U+0009"]"#, with: #"to_space: ["U+ZZZZ"]"#).map(\.code) == ["R005"])
    #expect(problems(replacing: "full_line_ratio: 0.8", with: "full_line_ratio: 0").map(\.code) == ["R005"])
    #expect(problems(replacing: "table_header: [序号, 项目序号, 任务编号]", with: "table_header: [\"\"]").map(\.code) == ["R005"])
    #expect(problems(replacing: "(?<close>", with: "(?<shut>").map(\.code) == ["R005"])
    #expect(problems(replacing: #""U+FF05", "U+FF0E""#, with: #""U+FF0C""#).map(\.code) == ["R005"])
    #expect(problems(replacing: "transliterator: Traditional-Simplified", with: "transliterator: No-Such").map(\.code) == ["R005"])
    #expect(problems(replacing: "recipients_words: [各, 单位", with: "recipients_words: [QQ, 单位").map(\.code) == ["R005"])
    // several problems are all reported
    let both = problems(replacing: "threshold: 0.08", with: "threshold: 0").count
    #expect(both == 1)
  }

  @Test func wrongTypesAndUnknownKeys() {
    #expect(problems(replacing: "heading_max_chars: 20", with: "heading_max_chars: many").map(\.code) == ["R003"])
    #expect(problems(replacing: "  width: true\n", with: "  width: true\n  colour: true\n").map(\.code) == ["R002"])
  }
}

@Test func badMarkerReportedOnce() {
  let p = problems(replacing: "    - '[（(][0-9０-９]{1,3}[）)]'", with: "    - '[（(][0-9０-９]{1,3}[）)'")
  #expect(p.map(\.code) == ["R004"])
}
