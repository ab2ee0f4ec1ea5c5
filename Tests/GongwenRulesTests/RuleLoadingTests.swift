import Foundation
import Testing
import GongwenCore
import GongwenRules
import GongwenTestSupport

/// A tiny rule file type exercising the loader: nested values, lists, a located regex.
struct ToyRules: RuleFile {
  static let fileName = "toy.yaml"
  struct Raw: Decodable, Sendable {
    var version: Int
    var threshold: Located<Int>
    var words: [String]
    var nested: Nested
    struct Nested: Decodable, Sendable {
      var pattern: Located<String>
      var enabled: Bool?
    }
  }
  let pattern: RuleRegex
  let raw: Raw
  init(raw: Raw, file: String) throws(RuleErrors) {
    self.raw = raw
    do { pattern = try RuleRegex(id: "nested.pattern", pattern: raw.nested.pattern, file: file) } catch {
      throw RuleErrors([error])
    }
  }
}

@Suite struct RuleLoadingTests {
  func load(_ yaml: String) -> Result<ToyRules, RuleErrors> {
    do throws(RuleErrors) { return .success(try RuleSet.decode(ToyRules.self, yaml: yaml, file: "toy.yaml")) } catch {
      return .failure(error)
    }
  }

  func problems(_ yaml: String) -> [String] {
    if case .failure(let e) = load(yaml) { return e.problems.map(\.description) }
    return []
  }

  let good = """
    version: 1
    threshold: 3
    words: [负责, 牵头]
    nested:
      pattern: '（(?<d>[^）]+)负责）'
    """

  @Test func validFileLoadsWithPositions() throws {
    let r = try load(good).get()
    #expect(r.raw.threshold.value == 3)
    #expect(r.raw.threshold.location == RuleLocation(file: "toy.yaml", line: 2, column: 12))
    #expect(r.raw.words == ["负责", "牵头"])
    #expect(r.pattern.location?.line == 5)
  }

  @Test func unknownKeysAreErrorsWithTheirLine() {
    let p = problems(good + "\n  enabeld: true\nextra: 1\n")
    #expect(p.contains("toy.yaml:6:3: error[R002]: unknown key 'nested.enabeld'; check the spelling against Documentation/Rules.md"))
    #expect(p.contains { $0.hasPrefix("toy.yaml:7:1: error[R002]: unknown key 'extra'") })
  }

  @Test func wrongTypeNamesTheValue() {
    let p = problems(good.replacingOccurrences(of: "threshold: 3", with: "threshold: three"))
    #expect(p == ["toy.yaml:2:12: error[R003]: 'threshold': expected a whole number, found 'three'"])
  }

  @Test func missingKeyIsReported() {
    let p = problems(good.replacingOccurrences(of: "words: [负责, 牵头]\n", with: ""))
    #expect(p.count == 1)
    #expect(p.first?.contains("R003") == true && p.first?.contains("missing required key 'words'") == true)
  }

  @Test func invalidYAMLHasALine() {
    let p = problems("version: 1\nwords: [a, b\nthreshold: 2\n")
    #expect(p.count == 1)
    #expect(p.first?.contains("error[R001]: invalid YAML") == true)
    #expect(p.first?.hasPrefix("toy.yaml:") == true)
  }

  @Test func badRegexPointsIntoThePattern() {
    let p = problems(good.replacingOccurrences(of: "'（(?<d>[^）]+)负责）'", with: "'第([一二三]条'"))
    #expect(p.count == 1)
    #expect(p.first?.hasPrefix("toy.yaml:5:") == true)
    #expect(p.first?.contains("error[R004]") == true)
  }

  @Test func missingFolderAndFilesAreR006() {
    do {
      _ = try RuleSet.load(directory: "/nonexistent/rules")
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.first?.code == "R006")
    }
    let empty = CLI.tempDir("empty-rules")
    do {
      _ = try RuleSet.load(directory: empty.path)
      Issue.record("expected an error")
    } catch {
      // every missing file is reported, not just the first
      #expect(error.problems.filter { $0.code == "R006" }.count >= 5)
    }
  }

  @Test func bundledRulesLoadAndHashIsStable() throws {
    let a = try RuleSet.load(directory: TestSupport.rulesDirectory)
    let b = try RuleSet.load(directory: TestSupport.rulesDirectory)
    #expect(a.hash == b.hash)
    #expect(a.hash.count == 16)
  }
}

/// `RuleSet.consistencyWarnings`: the wording of attributions that several rules files must share.
@Suite struct RuleConsistencyTests {
  @Test func theBundledRulesAgree() throws {
    let rules = try RuleSet.load(directory: TestSupport.rulesDirectory)
    #expect(rules.consistencyWarnings().isEmpty, "\(rules.consistencyWarnings().map(\.description))")
  }

  /// The consistency warnings of the bundled rules with `attribute.yaml` edited by `edit` (which must
  /// change it).
  static func warnings(editingAttribute edit: (String) -> String) throws -> [RuleProblem] {
    try warnings(editing: "attribute.yaml", edit)
  }

  /// The consistency warnings of the bundled rules with the rules file `name` edited by `edit` (which must change it).
  static func warnings(editing name: String, _ edit: (String) -> String) throws -> [RuleProblem] {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("gongwen-consistency-\(UUID().uuidString)")
    try fm.copyItem(atPath: TestSupport.rulesDirectory, toPath: dir.path)
    defer { try? fm.removeItem(at: dir) }
    let file = dir.appendingPathComponent(name)
    let yaml = try String(contentsOf: file, encoding: .utf8)
    let edited = edit(yaml)
    #expect(edited != yaml)
    try edited.write(to: file, atomically: true, encoding: .utf8)
    return try RuleSet.load(directory: dir.path).consistencyWarnings()
  }

  @Test func aLabelAddedToAttributeAloneIsReportedWithTheFilesToEdit() throws {
    let warnings = try Self.warnings {
      $0.replacingOccurrences(of: "\n  - {text: 牵头单位, roles: [lead]}\n",
                              with: "\n  - {text: 牵头单位, roles: [lead]}\n  - {text: 统筹推进主体单位, roles: [lead]}\n")
    }
    #expect(warnings.allSatisfy { $0.code == "R010" && $0.severity == "warning" })
    let files = Set(warnings.map { ($0.location.file as NSString).lastPathComponent })
    #expect(files == ["segment.yaml", "normalize.yaml", "dedup.yaml"], "\(warnings.map(\.description))")
    #expect(warnings.allSatisfy { $0.message.contains("统筹推进主体单位") && $0.location.line > 1 })
  }

  @Test func aBracketPairAddedToAttributeAloneIsReported() throws {
    let warnings = try Self.warnings {
      $0.replacingOccurrences(of: "\"【\", \"〔\", \"<\"]", with: "\"【\", \"〔\", \"<\", \"〈\"]")
        .replacingOccurrences(of: "\"】\", \"〕\", \">\"]", with: "\"】\", \"〕\", \">\", \"〉\"]")
    }
    let w = try #require(warnings.first { $0.message.contains("〈〉") })
    #expect(w.code == "R010" && (w.location.file as NSString).lastPathComponent == "dedup.yaml" && w.location.line > 1)
  }

  /// Segment and Dedup must read the same lines as an attachment's label: a Dedup that knows only `附件2` would remove an
  /// attached plan's restatement under `附件1：` as a repeat while Segment reads the plan as the attachment's level.
  /// A table header word Segment knows and Normalize does not lets Normalize join the table's cell lines.
  @Test func aTableHeaderWordOnlySegmentKnowsIsReported() throws {
    let warnings = try Self.warnings(editing: "normalize.yaml") { yaml in
      yaml.replacingOccurrences(of: "  table_header: [序号, 项目序号, 任务编号]", with: "  table_header: [序号, 任务编号]")
    }
    #expect(warnings.count == 1)
    let w = try #require(warnings.first)
    #expect(w.code == "R012" && w.severity == "warning" && w.message.contains("项目序号"))
    #expect((w.location.file as NSString).lastPathComponent == "normalize.yaml")
    let line = 1 + (try String(contentsOfFile: TestSupport.rulesDirectory + "/normalize.yaml", encoding: .utf8))
      .components(separatedBy: "\n").firstIndex { $0.hasPrefix("  table_header:") }!
    #expect(w.location.line == line)
  }

  @Test func attachmentLabelLinesReadDifferentlyBySegmentAndDedupAreReported() throws {
    // a Segment that reads only `附件` and `附件2`, not `附件1：` or `附件：…分解表`
    let warnings = try Self.warnings(editing: "segment.yaml") { yaml in
      yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix("  attachment: {id: table_attachment")
          ? "  attachment: {id: table_attachment, pattern: '附件\\h*(?:(?<num>[0-9]{1,2}))?', rank: 1, max: 99}" : String(line)
      }.joined(separator: "\n")
    }
    #expect(!warnings.isEmpty)
    #expect(warnings.allSatisfy { $0.code == "R011" && $0.severity == "warning" }, "\(warnings.map(\.description))")
    let w = try #require(warnings.first)
    #expect((w.location.file as NSString).lastPathComponent == "segment.yaml" && w.location.line > 1)
    #expect(w.message.contains("dedup.yaml") && w.message.contains("附件"))
  }

  @Test func dedupReadsTheAttachmentLabelFormsSegmentReads() throws {
    let rules = try RuleSet.load(directory: TestSupport.rulesDirectory)
    for line in ["附件", "附件2", " 附件 3 ", "附件1.1", "附件1：", "附件：", "附件：嘉定区重点任务分解表"] {
      #expect(rules.dedup.isAttachmentLabel(ArraySlice(line.unicodeScalars)), "\(line)")
    }
    for line in ["附件：1.任务分解表", "附件1：任务分解表", "附件一", "附件材料", "附件2" + String(repeating: " ", count: 1) + "份"] {
      #expect(!rules.dedup.isAttachmentLabel(ArraySlice(line.unicodeScalars)), "\(line)")
    }
  }
}
