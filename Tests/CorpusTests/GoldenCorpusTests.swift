import Foundation
import Testing
import GongwenCore
import GongwenEval
import GongwenPipeline
import GongwenTestSupport

/// The golden suite: every notice in Corpus/notices against its hand-checked Corpus/expected/<name>.json.
///
/// A mismatch prints a readable diff. Differences we know about and have not fixed yet are listed,
/// one diff line each, in Corpus/expected/<name>.known-differences.txt: the test fails on any
/// difference not listed there AND on any listed line that no longer occurs (so the list only shrinks).
@Suite struct GoldenCorpusTests {
  static let pipeline = Pipeline(rules: TestSupport.rules)
  static let evaluation = CorpusEvaluation(
    pipeline: pipeline, evaluator: Evaluator(canonical: { pipeline.canonicalDepartment($0) }))
  static let outcome: CorpusEvaluation.Outcome? = try? evaluation.run(corpus: TestSupport.corpusDirectory.path)

  static var noticeNames: [String] {
    let dir = TestSupport.corpusDirectory.appendingPathComponent("notices").path
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
      .map { ($0 as NSString).deletingPathExtension }
  }

  @Test func everyNoticeHasAnExpectedFile() throws {
    let outcome = try #require(Self.outcome)
    #expect(outcome.unscored.isEmpty, "notices without Corpus/expected/<name>.json: \(outcome.unscored)")
    #expect(outcome.failures.isEmpty, "\(outcome.failures)")
    #expect(outcome.results.count == Self.noticeNames.count)
  }

  @Test(arguments: noticeNames) func matchesExpected(_ name: String) throws {
    let outcome = try #require(Self.outcome)
    let result = try #require(outcome.results.first { $0.name == name }, "no result for \(name)")
    let knownPath = TestSupport.corpusDirectory.appendingPathComponent("expected/\(name).known-differences.txt")
    let known = Set(((try? String(contentsOf: knownPath, encoding: .utf8)) ?? "")
      .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
    let unexpected = result.diff.filter { !known.contains($0) }
    let fixed = known.subtracting(result.diff)
    #expect(unexpected.isEmpty, """
      \(name): output differs from Corpus/expected/\(name).json (\(unexpected.count) line(s)):
      \(unexpected.joined(separator: "\n"))
      Fix the pipeline or rules; if the expected file is wrong, correct it after re-reading the notice.
      """)
    #expect(fixed.isEmpty, """
      \(name): these known differences no longer occur; remove them from \(knownPath.lastPathComponent):
      \(fixed.sorted().joined(separator: "\n"))
      """)
  }

  /// `Corpus/expected/damaged.txt`: notices whose source lost text that no tool can recover (seed 000),
  /// one per line as `<name> <minimum F1>`. They are held to their own floor (a regression guard) and
  /// left out of the pooled bar; every other notice is pooled and must reach 0.98.
  static var damaged: [String: Double] {
    let path = TestSupport.corpusDirectory.appendingPathComponent("expected/damaged.txt")
    var out: [String: Double] = [:]
    for line in ((try? String(contentsOf: path, encoding: .utf8)) ?? "").split(separator: "\n")
    where !line.hasPrefix("#") {
      let parts = line.split(separator: " ")
      if parts.count >= 2, let f = Double(parts[1]) { out[String(parts[0])] = f }
    }
    return out
  }

  @Test func pooledScoresMeetTheBar() throws {
    let outcome = try #require(Self.outcome)
    print(CorpusEvaluation.render(outcome, showDiff: false))
    let damaged = Self.damaged
    var pooled = NoticeScore()
    for r in outcome.results {
      if let floor = damaged[r.name] {
        #expect(r.score.pathDepartment.f1 >= floor, "\(r.name) fell below its floor \(floor): \(r.score.pathDepartment)")
      } else {
        pooled = pooled + r.score
      }
      #expect(r.score.metadataExact, "\(r.name) metadata: \(r.score.metadata)")
    }
    #expect(pooled.pathDepartment.f1 >= 0.98, "pooled (path, department) F1 \(pooled.pathDepartment)")
  }
}

/// The README's first command's output validates against Schemas/.
@Suite struct SchemaTests {
  @Test func corpusOutputValidatesAgainstSchemas() throws {
    let out = CLI.tempDir()
    let r = try CLI.run(["process", "Corpus/notices", "--output", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", TestSupport.packageRoot.appendingPathComponent("scripts/validate-output").path, out.path]
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "schema validation failed:\n\(text)")
    #expect(text.contains("validated 5 documents"))
  }
}
