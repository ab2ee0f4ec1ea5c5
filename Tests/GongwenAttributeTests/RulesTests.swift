import Foundation
import GongwenAttribute
import GongwenCore
import GongwenRules
import GongwenTestSupport
import Testing

/// The bundled attribute.yaml text.
let bundledYAML: String = {
  let path = TestSupport.rulesDirectory + "/attribute.yaml"
  return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}()

/// bundled YAML with `insert` placed on the line after the line equal to `after`;
/// returns the YAML and the 1-based line number of the inserted line.
func yaml(inserting insert: String, after: String) -> (String, Int) {
  var lines = bundledYAML.components(separatedBy: "\n")
  let i = lines.firstIndex(of: after) ?? 0
  lines.insert(insert, at: i + 1)
  return (lines.joined(separator: "\n"), i + 2)
}

func problems(_ text: String) -> [RuleProblem] {
  do {
    _ = try RuleSet.decode(AttributeRules.self, yaml: text, file: "attribute.yaml")
    return []
  } catch { return error.problems }
}

@Suite struct RulesTests {
  @Test func bundledRulesLoadWithLexicon() throws {
    let r = try RuleSet.decode(AttributeRules.self, yaml: bundledYAML)
    #expect(r.lexicon["人社厅"] == "人力资源和社会保障厅")
    #expect(r.lexicon["发改委"] == "发展和改革委员会")
    #expect(r.lexicon["发展改革委"] == "发展和改革委员会")
    #expect(r.canonicalNames.contains("卫生厅"))
    #expect(TestSupport.rules.attribute.labels.count == r.labels.count)
  }

  /// A maintainer adds a new attribution form by editing YAML only.
  @Test func newLabelFromYAMLOnly() throws {
    let body = "加强督查。（督办单位：省卫生厅；协办单位：省财政厅）"
    #expect(try attribution("加强督查。（督办单位：省卫生厅）") == nil)  // unknown label: not accepted by the bundled rules
    #expect(try attribution(body)?.lead.isEmpty ?? true)
    let (text, _) = yaml(inserting: "  - {text: 督办单位, roles: [lead, responsible]}", after: "labels:")
    let rules = try RuleSet.decode(AttributeRules.self, yaml: text)
    let a = try #require(try attribution(body, rules: rules))
    #expect(a.lead == ["省卫生厅"])
    #expect(a.responsible == ["省卫生厅"])
    #expect(a.participating == ["省财政厅"])
  }

  @Test func newRoleWordAndAliasFromYAMLOnly() throws {
    let body = "做好宣传。（市卫健委具体承办）"
    #expect(try attribution(body)?.responsible != ["市卫生健康委员会"])
    var (text, _) = yaml(inserting: "  - {text: 具体承办, roles: [responsible]}", after: "role_words:")
    text = text.replacingOccurrences(of: "aliases: [卫生健康委, 卫健委]", with: "aliases: [卫生健康委, 卫健委, 卫健委员会]")
    let rules = try RuleSet.decode(AttributeRules.self, yaml: text)
    #expect(try attribution(body, rules: rules)?.responsible == ["市卫生健康委员会"])
    #expect(try attribution("做好宣传。（市卫健委员会具体承办）", rules: rules)?.departments == ["市卫生健康委员会"])
  }

  @Test func unknownRoleIsR005AtItsLine() {
    let (text, line) = yaml(inserting: "  - {text: 督办单位, roles: [boss]}", after: "labels:")
    let p = problems(text)
    #expect(p.count == 1)
    #expect(p.first?.code == "R005")
    #expect(p.first?.location.line == line)
    #expect(p.first?.message.contains("boss") == true)
  }

  @Test func badRegexIsR004AtItsLine() {
    let (text, line) = yaml(inserting: "  - {id: broken, pattern: '注[：:'}", after: "notes:")
    let p = problems(text)
    #expect(p.first?.code == "R004")
    #expect(p.first?.location.line == line)
  }

  @Test func duplicateAliasIsR005() {
    let (text, line) = yaml(inserting: "  - {name: 人事厅, aliases: [人社厅]}", after: "departments:")
    let p = problems(text)
    #expect(p.count == 1)
    #expect(p.first?.code == "R005")
    // reported at the second of the two entries, naming both
    #expect(p.first.map { $0.location.line > line } == true)
    #expect(p.first?.message.contains("人事厅") == true)
    #expect(p.first?.message.contains("人力资源和社会保障厅") == true)
  }

  @Test func aColumnCannotBeBothALabelAndIgnored() {
    let line = 1 + (bundledYAML.components(separatedBy: "\n").firstIndex { $0.hasPrefix("ignored_columns:") } ?? -1)
    let text = bundledYAML.replacingOccurrences(of: "ignored_columns: [备注,", with: "ignored_columns: [责任单位, 备注,")
    let p = problems(text)
    #expect(p.count == 1)
    #expect(p.first?.code == "R005")
    #expect(p.first?.location.line == line)
    #expect(p.first?.message.contains("责任单位") == true)
  }

  @Test func aLineLabelCannotAlsoBeALabel() {
    let (text, line) = yaml(inserting: "  - {text: 牵头单位, roles: [lead]}", after: "line_labels:")
    let p = problems(text)
    #expect(p.count == 1)
    #expect(p.first?.code == "R005")
    #expect(p.first?.location.line == line)
    #expect(p.first?.message.contains("牵头单位") == true)
  }

  @Test func divisionAndPartyPrefixesMustBeJurisdictionPrefixes() {
    let lines = bundledYAML.components(separatedBy: "\n")
    let division = 1 + (lines.firstIndex { $0.hasPrefix("division_inheritance:") } ?? -1)
    let party = 1 + (lines.firstIndex { $0 == "  prefixes: [省委, 市委, 县委, 区委, 州委]" } ?? -1)
    #expect(division > 0 && party > 0)
    let text = bundledYAML
      .replacingOccurrences(of: "division_inheritance: {prefixes: [省局, 市局,", with: "division_inheritance: {prefixes: [省局, 厅局,")
      .replacingOccurrences(of: "  prefixes: [省委, 市委, 县委, 区委, 州委]", with: "  prefixes: [省委, 市委, 县委, 区委, 州委, 镇委]")
    let p = problems(text)
    #expect(p.map(\.code) == ["R005", "R005"])
    #expect(p.map(\.location.line) == [division, party])
    #expect(p.first?.message.contains("'厅局' is not in jurisdiction_prefixes") == true)
    #expect(p.last?.message.contains("'镇委' is not in jurisdiction_prefixes") == true)
    // the bundled file passes
    #expect(problems(bundledYAML).isEmpty)
  }

  @Test func joinerMustNotSplitOnHe() {
    let (text, _) = yaml(inserting: "  - {text: 和, first_is_lead: false}", after: "joiners:")
    #expect(problems(text).map(\.code) == ["R005"])
  }

  @Test func wrongTypeUnknownKeyAndVersion() {
    #expect(problems(bundledYAML.replacingOccurrences(of: "max_length: 400", with: "max_length: lots")).first?.code == "R003")
    #expect(problems(bundledYAML + "\nextra_key: 1\n").first?.code == "R002")
    #expect(problems(bundledYAML.replacingOccurrences(of: "version: 1", with: "version: 2")).first?.code == "R005")
  }

  @Test func everyKeyIsCommented() {
    // each top-level key is preceded by a comment line
    let lines = bundledYAML.components(separatedBy: "\n")
    for (i, l) in lines.enumerated() where !l.hasPrefix(" ") && !l.hasPrefix("#") && l.contains(":") {
      #expect(i > 0 && lines[i - 1].hasPrefix("#"), "key without a comment: \(l)")
    }
  }
}
