import Foundation
import GongwenCore
import GongwenPipeline

/// Runs the pipeline over a corpus folder and compares with its expected files.
///
/// Layout: `<corpus>/notices/<name>.<ext>` (the inputs) and `<corpus>/expected/<name>.json`
/// (hand-checked `ExpectedNotice`s). Notices without an expected file are reported, not scored.
public struct CorpusEvaluation: Sendable {
  public struct NoticeResult: Sendable {
    public var name: String
    public var score: NoticeScore
    public var diff: [String]
    public var expected: ExpectedNotice
    public var actual: ExpectedNotice
  }

  public struct Outcome: Sendable {
    public var results: [NoticeResult]
    public var pooled: NoticeScore
    /// Notices with no expected file, and notices that failed to process.
    public var unscored: [String]
    public var failures: [String]
  }

  public let pipeline: Pipeline
  public let evaluator: Evaluator

  public init(pipeline: Pipeline, evaluator: Evaluator) {
    self.pipeline = pipeline
    self.evaluator = evaluator
  }

  public func run(corpus: String) throws -> Outcome {
    let notices = corpus + "/notices"
    let expectedDir = corpus + "/expected"
    let files = InputWalker().walk([notices]).files
    guard !files.isEmpty else {
      throw StageFailure(stage: "eval", code: "empty_corpus", message: "no notices found in \(notices)")
    }
    var results: [NoticeResult] = []
    var unscored: [String] = []
    var failures: [String] = []
    var pooled = NoticeScore()
    for file in files {
      let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
      let expectedPath = expectedDir + "/" + base + ".json"
      guard let data = FileManager.default.contents(atPath: expectedPath) else {
        unscored.append(file)
        continue
      }
      let expected: ExpectedNotice
      do { expected = try JSONDecoder().decode(ExpectedNotice.self, from: data) } catch {
        throw StageFailure(stage: "eval", code: "bad_expected",
                           message: "\(expectedPath) is not a valid expected file: \(error)")
      }
      switch Inputs.read(path: file) {
      case .failure(let e): failures.append(e.line)
      case .success(let input):
        do {
          let out = try pipeline.process(input)
          let actual = ExpectedNotice(notice: expected.notice, document: out.document, tasks: out.tasks)
          let s = evaluator.score(predicted: actual, expected: expected)
          pooled = pooled + s
          results.append(NoticeResult(name: base, score: s,
                                      diff: NoticeDiff.lines(expected: expected, actual: actual,
                                                             canonical: evaluator.canonical),
                                      expected: expected, actual: actual))
        } catch {
          failures.append("\(file): \(error)")
        }
      }
    }
    return Outcome(results: results, pooled: pooled, unscored: unscored, failures: failures)
  }

  /// The report `gongwen eval` prints.
  public static func render(_ o: Outcome, showDiff: Bool) -> String {
    var s = ""
    func block(_ name: String, _ sc: NoticeScore) {
      s += "\(name)\n"
      s += "  (path, department)  \(sc.pathDepartment)\n"
      s += "  (path, role, dept)  \(sc.roles)\n"
      s += "  task paths          \(sc.paths)\n"
      s += "  exact departments   \(sc.exactDepartments)   lead \(sc.lead)   headings \(sc.headings)\n"
      let meta = sc.metadata.keys.sorted().map { "\($0) \(sc.metadata[$0]!)" }.joined(separator: ", ")
      s += "  metadata            \(meta)\n"
    }
    for r in o.results {
      block(r.name, r.score)
      if showDiff && !r.diff.isEmpty {
        s += r.diff.map { "    " + $0 }.joined(separator: "\n") + "\n"
      }
    }
    block("POOLED (\(o.results.count) notices)", o.pooled)
    for u in o.unscored { s += "unscored (no expected file): \(u)\n" }
    for f in o.failures { s += "failed: \(f)\n" }
    return s
  }
}
