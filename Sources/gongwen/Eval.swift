import ArgumentParser
import Foundation
import GongwenCore
import GongwenEval
import GongwenPipeline

struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure extraction quality against the golden Corpus, or compare with an earlier output.",
    discussion: """
      With --corpus: runs the pipeline over CORPUS/notices and compares with the hand-checked \
      CORPUS/expected/*.json, printing per notice and pooled: precision/recall/F1 of (path, department) \
      pairs and of (path, role, department) triples, task paths, exact department lists, lead, headings \
      and each metadata field. --min-f1 makes it a gate (exit 1 below it).

      With --against OLD_DIR: re-runs the pipeline (with the current --rules) on the files recorded in \
      OLD_DIR/documents.jsonl and shows, task by task, what changed compared with OLD_DIR/tasks.jsonl.

      Examples:
        gongwen eval --corpus Corpus
        gongwen eval --corpus Corpus --min-f1 0.98 --diff
        gongwen process Corpus/notices --output before
        gongwen eval --against before --rules MyRules
      """)

  @Option(help: ArgumentHelp("Corpus folder holding notices/ and expected/.", valueName: "dir"))
  var corpus: String?

  @Option(help: ArgumentHelp("An earlier `process` output folder to compare with.", valueName: "dir"))
  var against: String?

  @Option(help: "Fail (exit 1) when the pooled (path, department) F1 is below this.")
  var minF1: Double?

  @Flag(help: "Print each notice's differences from its expected file.")
  var diff = false

  @OptionGroup var rulesOptions: RulesOptions

  func validate() throws {
    if (corpus == nil) == (against == nil) { throw ValidationError("give exactly one of --corpus or --against") }
  }

  func run() throws {
    let pipeline = Pipeline(rules: try rulesOptions.load())
    if let against { return try compare(pipeline, against) }
    let evaluation = CorpusEvaluation(pipeline: pipeline,
                                      evaluator: Evaluator(canonical: { pipeline.canonicalDepartment($0) }))
    let outcome: CorpusEvaluation.Outcome
    do { outcome = try evaluation.run(corpus: corpus!) } catch {
      printError("gongwen: error: \(error)")
      throw ExitCode(2)
    }
    print(CorpusEvaluation.render(outcome, showDiff: diff), terminator: "")
    if let minF1, outcome.pooled.pathDepartment.f1 < minF1 {
      printError("gongwen: eval: pooled (path, department) F1 \(outcome.pooled.pathDepartment.f1) is below --min-f1 \(minF1)")
      throw ExitCode(1)
    }
    if !outcome.failures.isEmpty { throw ExitCode(1) }
  }

  func compare(_ pipeline: Pipeline, _ old: String) throws {
    let decoder = JSONDecoder()
    func lines(_ path: String) throws -> [Data] {
      guard let data = FileManager.default.contents(atPath: path) else {
        printError("gongwen: error: cannot read \(path); is \(old) a `gongwen process` output folder?")
        throw ExitCode(2)
      }
      return data.split(separator: 0x0A).map { Data($0) }
    }
    let oldDocs = try lines(old + "/documents.jsonl").map { try decoder.decode(DocumentRecord.self, from: $0) }
    let oldTasks = try lines(old + "/tasks.jsonl").map { try decoder.decode(TaskRecord.self, from: $0) }
    var oldByID: [String: TaskRecord] = [:]
    for t in oldTasks { oldByID[t.id] = t }
    var changed = 0, added = 0, removed = 0, same = 0
    for doc in oldDocs {
      guard let path = doc.source.path else { continue }
      let newTasks: [TaskRecord]
      switch Inputs.read(path: path) {
      case .failure(let e): printError(e.line); continue
      case .success(let input):
        do { newTasks = try pipeline.process(input).tasks } catch {
          printError("gongwen: error: \(path): \(error)")
          continue
        }
      }
      var seen = Set<String>()
      var report: [String] = []
      for t in newTasks {
        seen.insert(t.id)
        guard let o = oldByID[t.id] else {
          added += 1
          report.append("+ \(t.markers.joined()) \(t.departments)")
          continue
        }
        var fields: [String] = []
        if o.heading != t.heading { fields.append("heading \(o.heading ?? "null") → \(t.heading ?? "null")") }
        if o.departments != t.departments { fields.append("departments \(o.departments) → \(t.departments)") }
        if o.lead != t.lead { fields.append("lead \(o.lead) → \(t.lead)") }
        if o.responsible != t.responsible { fields.append("responsible \(o.responsible) → \(t.responsible)") }
        if o.participating != t.participating { fields.append("participating \(o.participating) → \(t.participating)") }
        if o.text != t.text { fields.append("text changed") }
        if fields.isEmpty { same += 1 } else {
          changed += 1
          report.append("~ \(t.markers.joined()) " + fields.joined(separator: "; "))
        }
      }
      for o in oldTasks where o.documentId == doc.id && !seen.contains(o.id) {
        removed += 1
        report.append("- \(o.markers.joined()) \(o.departments)")
      }
      if !report.isEmpty {
        print("\(path)")
        for r in report { print("  \(r)") }
      }
    }
    print("tasks: \(same) unchanged, \(changed) changed, \(added) added, \(removed) removed")
  }
}
